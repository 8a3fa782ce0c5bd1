/**
 * Values from users and from the facts registry enter the template's Markdown only through
 * these functions, so no value can add structure (headings, lists, links, emphasis, HTML,
 * citations) to a document. Handlebars runs with noEscape; this is its escaping.
 */

/** Private-use characters mark citations inside the composed Markdown (see citation-marker.ts). */
const privateUse = /[\uE000-\uF8FF]/g;
/** Every ASCII punctuation character that can start or end Markdown syntax. */
const markdownPunctuation = /[\\`*_{}[\]()#+\-.!|<>~&=:"']/g;

/** One line of text: newlines become spaces; leading spaces dropped so nothing turns into code. */
export function escapeInline(value: string): string {
  const visible = value.replace(privateUse, "");
  // Only a line break starts a match: text without one is left as it is, without a scan from every space.
  const oneLine = /[\r\n]/.test(visible) ? visible.replace(/\s*[\r\n]+\s*/g, " ") : visible;
  return oneLine.replace(markdownPunctuation, "\\$&");
}

/**
 * Multi-line text: blank lines separate paragraphs, single newlines become line breaks;
 * every line is escaped as inline text.
 */
export function escapeBlock(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((para) =>
      para
        .split("\n")
        .map((line) => escapeInline(line.trim()))
        .filter((line) => line.length > 0)
        .join("\\\n"),
    )
    .filter((para) => para.length > 0)
    .join("\n\n");
}
