/**
 * Characters XML 1.0 forbids: C0 controls except tab, line feed and carriage return; U+FFFE
 * and U+FFFF; and UTF-16 surrogates that are not part of a pair. One such character in a
 * value makes Word refuse the whole file, so every string bound for XML passes here.
 */
const FORBIDDEN = new RegExp(
  [
    String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|`,
    String.raw`(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`,
  ].join(""),
  "g",
);

/** The string without characters XML forbids (escaping of & < > is the serialiser's job). */
export function xmlSafe(text: string): string {
  FORBIDDEN.lastIndex = 0;
  return FORBIDDEN.test(text) ? text.replace(FORBIDDEN, "") : text;
}
