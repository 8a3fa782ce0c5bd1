/** Normalising extracted text, and folding names to lookup keys. */

/**
 * Folds case and spacing but keeps diacritics: NFC, lower case, hyphens and underscores as
 * spaces, whitespace collapsed and trimmed. "Upplands-Väsby " → "upplands väsby". Use it
 * before `fold` where names differ only in diacritics (Håbo and Habo).
 */
export function foldCase(s: string): string {
  return s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[-_\u2010\u2011\u2013]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Folds a name to a lookup key: lower case, no diacritics (å→a, ä→a, ö→o, é→e, ü→u),
 * hyphens and underscores as spaces, whitespace collapsed and trimmed.
 * "Upplands-Väsby " → "upplands vasby".
 */
export function fold(s: string): string {
  return foldCase(s.normalize("NFD").replace(/\p{M}/gu, ""));
}

/**
 * Text as extracted from .txt/.md/.docx/.pdf made uniform: NFC, "\n" line ends, no
 * zero-width characters or soft hyphens, non-breaking spaces and tabs as plain spaces.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
    .replace(/[\t\u00a0\u2007\u202f\u2009\u200a\u3000]/g, " ")
    .replace(/[\u2028\u2029\f\v]/g, "\n");
}
