/**
 * Draft → Markdown: CommonMark with pandoc-style footnotes (`[^1]` in the text, the
 * definitions at the end). Text is escaped so that a CommonMark parser reads back the same
 * words: no stray emphasis, links, HTML, entities or list markers.
 */
import { draftSources, notedCitations, placeholderText, type Block, type Draft, type Inline } from "../domain/draft.js";
import { citationNote, citationOf, linkUrl, sourceEntry, webUrl, type NoteText } from "./citation-text.js";
import { labels } from "./messages.sv.js";
import { xmlSafe } from "../domain/xml-safe.js";

export function renderMarkdown(draft: Draft): string {
  const blocks = draft.blocks.map((b) => block(b, draft));
  const sources = draftSources(draft);
  if (sources.length > 0) {
    blocks.push(`## ${escapeMarkdown(labels.sources, true)}`);
    blocks.push(sources.map((s) => `- ${note(sourceEntry(s))}`).join("\n"));
  }
  const notes = notedCitations(draft);
  if (notes.length > 0) blocks.push(notes.map((c) => `[^${c.n}]: ${note(citationNote(c))}`).join("\n\n"));
  return `${blocks.filter((b) => b.length > 0).join("\n\n")}\n`;
}

/** Only the text's blocks, without sources or note definitions (what an editor shows; see compose/edited-body.ts). */
export function renderMarkdownBlocks(draft: Pick<Draft, "blocks" | "citations">): string {
  return draft.blocks
    .map((b) => block(b, draft))
    .filter((b) => b.length > 0)
    .join("\n\n");
}

/**
 * Backslash-escape what CommonMark would read as markup. `atLineStart`: the text begins a
 * line, where "#", "-", "+", ">", "=" and "1." would start a block. `inLink`: the text is a
 * link's text, where parentheses are escaped too: marked reads "[!\\[a\\](b)](c)" as an image
 * inside the link unless the "!" before "[" (or before a link that follows) and the parentheses are escaped.
 */
export function escapeMarkdown(text: string, atLineStart: boolean, inLink = false): string {
  let s = mayNeedEscapes.test(text) ? escapeAnywhere(text, inLink) : text;
  if (atLineStart) {
    s = s.replace(/^(\s*)([#>+=-])/, "$1\\$2").replace(/^(\s*\d{1,9})([.)])/, "$1\\$2");
  }
  return s;
}

/**
 * Whether any replacement of `escapeAnywhere` could change the text: each needs one of these
 * characters (controls and surrogates for xmlSafe) or "www.". Most running text has none, and one scan
 * for them is cheaper than the ten replacements.
 */
const mayNeedEscapes = /[\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF\\`*_[\]~()!<&:@]|www\./i;

function escapeAnywhere(text: string, inLink: boolean): string {
  return (
    xmlSafe(text)
      .replace(/\r\n?|\n/g, " ")
      .replace(inLink ? /[\\`*_[\]~()]/g : /[\\`*_[\]~]/g, "\\$&")
      .replace(/!(?=\\\[|$)/g, "\\!")
      .replace(/<(?=[A-Za-z/!?])/g, "\\<")
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&")
      // GFM autolinks would take "https://…", "www.…" and "a@b.se" as links, and a backslash
      // after them as part of the address, unescaping what follows: user text stays text.
      .replace(/\b(https?|ftp|mailto):/gi, "$1\\:")
      .replace(/\b(www)\./gi, "$1\\.")
      .replace(/(?<=[\w.+-])@/g, "\\@")
  );
}

function block(b: Block, draft: Pick<Draft, "blocks" | "citations">): string {
  switch (b.type) {
    case "heading":
      return `${"#".repeat(b.level)} ${inlines(b.children, draft, false)}`;
    case "paragraph":
      return inlines(b.children, draft, true);
    case "list":
      return b.items
        .map((item, i) => {
          const marker = b.ordered ? `${i + 1}.` : "-";
          const pad = " ".repeat(marker.length + 1);
          return `${marker} ${inlines(item, draft, true).replace(/\n/g, `\n${pad}`)}`;
        })
        .join("\n");
    case "quote":
      return b.children
        .map((child) => block(child, draft))
        .join("\n\n")
        .split("\n")
        .map((line) => (line ? `> ${line}` : ">"))
        .join("\n");
    case "rule":
      return "---";
  }
}

/** Adjacent text nodes as one, so escaping sees a run of text whole ("https:" + "//…"). */
function mergeTexts(nodes: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (n.type === "text" && last?.type === "text") out[out.length - 1] = { type: "text", value: last.value + n.value };
    else out.push(n);
  }
  return out;
}

/** Inlines as Markdown; `lineStart`: the first text begins a line; `inLink`: inside a link's text. */
/**
 * `inStrong`: inside `**…**` already, where a placeholder is bold without markers of its own ("****" would end the
 * bold).
 */
function inlines(
  nodes: readonly Inline[],
  draft: Pick<Draft, "blocks" | "citations">,
  lineStart: boolean,
  inLink = false,
  inStrong = false,
): string {
  let out = "";
  let atStart = lineStart;
  for (const node of mergeTexts(nodes)) {
    switch (node.type) {
      case "text": {
        const value = atStart ? node.value.trimStart() : node.value;
        out += escapeMarkdown(value, atStart, inLink);
        if (value.length > 0) atStart = false;
        break;
      }
      case "strong":
      case "emphasis": {
        const inner = inlines(node.children, draft, false, inLink, inStrong || node.type === "strong");
        const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
        const mark = node.type === "strong" ? "**" : "*";
        out += m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : inner;
        atStart = false;
        break;
      }
      case "link": {
        const url = linkUrl(node.url);
        const text = inlines(node.children, draft, false, inLink || url !== undefined, inStrong);
        out += url ? `[${text}](${markdownUrl(url)})` : text;
        atStart = false;
        break;
      }
      case "placeholder": {
        const text = escapeMarkdown(placeholderText(node.text), false);
        out += inStrong ? text : `**${text}**`;
        atStart = false;
        break;
      }
      case "citation":
        out += `[^${citationOf(draft, node.n).n}]`;
        atStart = false;
        break;
      case "break":
        // A backslash at the end of a line is CommonMark's hard line break.
        out += "\\\n";
        atStart = true;
        break;
    }
  }
  return out;
}

/** A link destination CommonMark reads whole: no spaces, parentheses or angle brackets. */
function markdownUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function note(n: NoteText): string {
  const text = escapeMarkdown(n.text, false);
  if (!n.url) return text;
  const href = webUrl(n.url);
  return `${text} ${href ? `<${markdownUrl(href)}>` : escapeMarkdown(n.url, false)}`;
}
