/**
 * The auto-tagger's evidence helpers: clipping and quoting what it found, confidences, all-caps
 * lines. Swedish text handling (normalising, words, stems, sentences) is in src/lang.
 */

/** Cuts a string to at most `max` characters at a word boundary, adding "…" when cut. */
export function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, "")}…`;
}

/** A quoted snippet for evidence: ”…” around the clipped text. */
export function quote(s: string, max = 60): string {
  return `”${clip(s, max)}”`;
}

/** Rounds a confidence to two decimals and keeps it within 0–1. */
export function conf(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}

/** True when the string has letters and none of them is lower case ("DEBATT", "GÖTEBORG"). */
export function isAllCaps(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}
