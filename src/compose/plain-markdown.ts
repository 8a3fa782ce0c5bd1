/**
 * The plain Markdown that templates compose, read without marked: paragraphs, ATX headings, one-line list items,
 * quotes, backslash escapes and hard line breaks, and a paragraph set in bold whole. A text with anything else, or
 * anything that could read two ways (a list right after a paragraph, a line that continues a list item, emphasis
 * inside a line, links, code, HTML, tables, entities, autolinks, indentation), is left to marked: `plainTokens`
 * returns undefined and the caller lexes it with marked (markdown-to-draft.ts).
 *
 * Why a reader of its own: marked compiles its regular expressions, some of them large, the first time it lexes, so a
 * command's one draft spent 11 ms of its 125 ms in marked (README, "Speed"), where this reader takes a fraction of a
 * millisecond. The tokens it returns have marked's shape, for the one mapping onto the Draft AST that both share;
 * tests hold it to marked's result over every shipped template for every municipality and over generated texts
 * (test/compose/plain-markdown.test.ts, plain-markdown-templates.test.ts).
 */
import type { Token, Tokens } from "marked";
import { keepWithNextMarker } from "./citation-marker.js";

/** A backslash escape (CommonMark: any ASCII punctuation character after a backslash). */
const escapePair = /\\[!-/:-@[-`{-~]/g;
const escapable = /[!-/:-@[-`{-~]/;
/** What marked may read as more than text once the escapes are out: code, HTML, links, tables, strikethrough,
 * entities, emphasis, autolinks (e-mail and web addresses), or a hard break made of trailing spaces. */
const notPlainInline = /[`<[\]|~&_@*]|:\/\/|www\.| {2}\n/i;
/** The first character of a line that may start a block this reader leaves to marked. */
const notPlainStart = /^[ \t=+\-_|<`~:[\]!*]|^\d{1,9}[.)]/;
const blankLine = /^ *$/;
const headingLine = /^(#{1,6})(?: +(.*?))? *$/;
const bulletLine = /^([-+*]) (.*)$/;
const orderedLine = /^(\d{1,9})([.)]) (.*)$/;
/** A paragraph in bold whole: `**` + text + `**`, after a keep-with-next marker or none (citation-marker.ts). */
const strongParagraph = new RegExp(
  `^(${keepWithNextMarker}?)\\*\\*([\\p{L}\\p{N}][\\s\\S]*[^\\s\\\\*]|[\\p{L}\\p{N}])\\*\\*$`,
  "u",
);
/** Characters marked would not read as plain Markdown in any block (tabs, carriage returns and form feeds). */
const unreadable = /[\t\r\f\v\0]/;

type Line =
  | { kind: "blank" }
  | { kind: "heading"; depth: number; text: string }
  | { kind: "item"; marker: string; ordered: boolean; start: number; text: string }
  | { kind: "quote"; text: string }
  | { kind: "text"; text: string };

/** One line's kind, or undefined when it starts something this reader leaves to marked. */
function lineOf(line: string): Line | undefined {
  if (blankLine.test(line)) return { kind: "blank" };
  const first = line[0]!;
  if (first === "#") {
    const h = headingLine.exec(line);
    // A heading's closing #s, or a # that starts no heading, are marked's to read.
    if (!h || h[2]?.trim().endsWith("#")) return undefined;
    return { kind: "heading", depth: h[1]!.length, text: h[2] ?? "" };
  }
  if (first === ">") return { kind: "quote", text: line.slice(line[1] === " " ? 2 : 1) };
  const bullet = bulletLine.exec(line);
  if (bullet) return { kind: "item", marker: bullet[1]!, ordered: false, start: 1, text: bullet[2]! };
  const ordered = orderedLine.exec(line);
  if (ordered)
    return { kind: "item", marker: ordered[2]!, ordered: true, start: Number(ordered[1]), text: ordered[3]! };
  return notPlainStart.test(line) && !line.startsWith("**") ? undefined : { kind: "text", text: line };
}

/**
 * The inline tokens of a text: text, escapes and hard line breaks (a backslash before a line end); undefined when the
 * text holds more than that.
 */
function inlineTokens(text: string): Token[] | undefined {
  if (notPlainInline.test(text.replace(escapePair, ""))) return undefined;
  const out: Token[] = [];
  let from = 0;
  const pushText = (to: number) => {
    if (to > from) out.push({ type: "text", raw: text.slice(from, to), text: text.slice(from, to) } as Tokens.Text);
  };
  for (let at = text.indexOf("\\"); at >= 0 && at < text.length - 1; at = text.indexOf("\\", at)) {
    const next = text[at + 1]!;
    // A backslash before a line end breaks the line, unless only white space follows it (marked's rule, with JS's \s).
    if (next === "\n" && /\S/.test(text.slice(at + 2))) {
      pushText(at);
      out.push({ type: "br", raw: "\\\n" } as Tokens.Br);
      from = at + 2;
    } else if (next !== "\n" && escapable.test(next)) {
      pushText(at);
      out.push({ type: "escape", raw: `\\${next}`, text: next } as Tokens.Escape);
      from = at + 2;
    }
    at += 2;
  }
  pushText(text.length);
  return out;
}

/** A paragraph's tokens: its inline tokens, inside one strong token when the whole paragraph is in bold. */
function paragraphTokens(text: string): Token[] | undefined {
  const strong =
    text.startsWith("**") || text.startsWith(`${keepWithNextMarker}**`) ? strongParagraph.exec(text) : null;
  if (!strong) return inlineTokens(text);
  const inner = inlineTokens(strong[2]!);
  if (!inner) return undefined;
  const bold = { type: "strong", raw: text.slice(strong[1]!.length), text: strong[2]!, tokens: inner } as Tokens.Strong;
  return strong[1] ? [{ type: "text", raw: strong[1], text: strong[1] } as Tokens.Text, bold] : [bold];
}

/** Blocks of lines, or undefined when a line or a text is more than plain Markdown. */
function blockTokens(lines: readonly string[]): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  const next = () => (i < lines.length ? lineOf(lines[i]!) : { kind: "blank" as const });
  while (i < lines.length) {
    const line = lineOf(lines[i]!);
    if (!line) return undefined;
    switch (line.kind) {
      case "blank":
        i++;
        break;
      case "heading": {
        const tokens = inlineTokens(line.text);
        if (!tokens) return undefined;
        out.push({ type: "heading", raw: lines[i]!, depth: line.depth, text: line.text, tokens } as Tokens.Heading);
        i++;
        break;
      }
      case "text": {
        const from = i;
        let following = next();
        // A paragraph runs until a blank line or a heading; a list or a quote right after it is marked's to read.
        for (; following?.kind === "text"; following = next()) i++;
        if (!following || following.kind === "item" || following.kind === "quote") return undefined;
        const text = lines.slice(from, i).join("\n").replace(/ +$/, "");
        const tokens = paragraphTokens(text);
        if (!tokens) return undefined;
        out.push({ type: "paragraph", raw: text, text, tokens } as Tokens.Paragraph);
        break;
      }
      case "quote": {
        const inner: string[] = [];
        let following: Line | undefined = line;
        for (; following?.kind === "quote"; following = next()) {
          inner.push(following.text);
          i++;
        }
        // A line that continues the quote without its ">" is marked's to read.
        if (!following || (following.kind !== "blank" && following.kind !== "heading")) return undefined;
        const tokens = blockTokens(inner);
        if (!tokens) return undefined;
        const text = inner.join("\n");
        out.push({ type: "blockquote", raw: text, text, tokens } as Tokens.Blockquote);
        break;
      }
      case "item": {
        const items: Tokens.ListItem[] = [];
        let following: Line | undefined = line;
        for (; following?.kind === "item" && following.marker === line.marker; following = next()) {
          // An item holds one line of text: anything that starts a block in it is marked's to read.
          if (following.text.length === 0 || (lineOf(following.text)?.kind ?? "") !== "text") return undefined;
          const tokens = inlineTokens(following.text);
          if (!tokens) return undefined;
          const text = following.text;
          const body = { type: "text", raw: text, text, tokens } as Tokens.Text;
          items.push({ type: "list_item", raw: lines[i]!, task: false, loose: false, text, tokens: [body] });
          i++;
        }
        // The list ends at a blank line or a heading, and no list follows it (that could make it one loose list).
        if (!following || (following.kind !== "blank" && following.kind !== "heading")) return undefined;
        let after = i;
        while (after < lines.length && blankLine.test(lines[after]!)) after++;
        if (after < lines.length && lineOf(lines[after]!)?.kind === "item") return undefined;
        out.push({
          type: "list",
          raw: lines.slice(i - items.length, i).join("\n"),
          ordered: line.ordered,
          start: line.ordered ? line.start : "",
          loose: false,
          items,
        } as Tokens.List);
        break;
      }
    }
  }
  return out;
}

/** marked's tokens for a text of plain Markdown (see above), or undefined for marked to lex it. */
export function plainTokens(markdown: string): Token[] | undefined {
  if (unreadable.test(markdown)) return undefined;
  return blockTokens(markdown.split("\n"));
}
