/**
 * How a citation travels through the composed Markdown: the `cite` and `source` helpers emit
 * a marker of private-use characters around the citation number, and the Markdown-to-Draft
 * step turns each marker into a citation node. User values cannot contain these characters
 * (markdown-escape.ts strips them), so only helpers can create citations.
 */
export const markerOpen = "\uE000";
export const markerClose = "\uE001";
export const markerPattern = /\uE000(\d+)\uE001/g;

export function citationMarker(n: number): string {
  return `${markerOpen}${n}${markerClose}`;
}
