/** Folding names to lookup keys. */

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
