/**
 * How citations, placeholders and layout hints travel through the composed Markdown: helpers
 * emit markers of private-use characters, and the Markdown-to-Draft step turns each into a
 * node or a flag. User values cannot contain these characters (markdown-escape.ts strips
 * them), so only helpers can create citations, placeholders or layout hints.
 *
 *   citation     U+E000 n U+E001   → { type: "citation", n }
 *   placeholder  U+E003 n U+E004   → { type: "placeholder", text: placeholders[n - 1] }
 *   keep         U+E002 at the start of a paragraph → keepWithNext
 */
export const markerOpen = "\uE000";
export const markerClose = "\uE001";
/** Citations and placeholders, in one pattern so they split text in reading order. */
export const markerPattern = /\uE000(\d+)\uE001|\uE003(\d+)\uE004/g;
export const citationMarkerPattern = /\uE000(\d+)\uE001/g;
export const keepWithNextMarker = "\uE002";

export function citationMarker(n: number): string {
  return `${markerOpen}${n}${markerClose}`;
}

export function placeholderMarker(n: number): string {
  return `\uE003${n}\uE004`;
}
