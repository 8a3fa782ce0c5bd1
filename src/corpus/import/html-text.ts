/**
 * The plain text of an HTML fragment, as Riksdagen's `dokumentstatus` files carry a document in their `html` field:
 * paragraphs kept (a blank line between block elements, a line break for `<br>`), whitespace inside a paragraph
 * folded to single spaces, HTML entities (`&aring;`, `&#229;`) decoded, scripts and styles left out. The parsing is
 * htmlparser2's, which reads the unclosed and misnested markup real files have as browsers do.
 */
import { Parser } from "htmlparser2";

const blocks = new Set([
  "p",
  "div",
  "section",
  "article",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "table",
  "tr",
  "blockquote",
  "pre",
  "dd",
  "dt",
  "body",
  "header",
  "footer",
]);
const skipped = new Set(["script", "style", "head", "title"]);

export function htmlToText(html: string): string {
  const paragraphs: string[] = [];
  let line = "";
  let lines: string[] = [];
  let skipping = 0;
  const endLine = () => {
    const l = line.replace(/\s+/g, " ").trim();
    if (l) lines.push(l);
    line = "";
  };
  const endParagraph = () => {
    endLine();
    if (lines.length) paragraphs.push(lines.join("\n"));
    lines = [];
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (skipped.has(name)) skipping++;
        else if (name === "br") endLine();
        else if (blocks.has(name)) endParagraph();
        // A table cell ends with a space, so cells of a row do not run together.
        else if (name === "td" || name === "th") line += " ";
      },
      onclosetag(name) {
        if (skipped.has(name)) skipping = Math.max(0, skipping - 1);
        else if (blocks.has(name)) endParagraph();
      },
      ontext(text) {
        if (skipping === 0) line += text.replace(/\u00a0/g, " ");
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endParagraph();
  return paragraphs.join("\n\n");
}
