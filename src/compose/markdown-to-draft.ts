/**
 * Parses the composed, restricted Markdown with a real Markdown library (marked's lexer)
 * and maps its tokens onto the Draft AST. Decides once what writers must not guess:
 * paragraphs vs line breaks, which list holds att-satser and which holds questions.
 * The plain Markdown most templates compose is read without marked, into tokens of marked's
 * shape (plain-markdown.ts); anything more is marked's.
 */
import { Lexer, type Token, type Tokens } from "marked";
import type { Block, Inline, ListRole } from "../domain/draft.js";
import { keepWithNextMarker, markerPattern } from "./citation-marker.js";
import { plainTokens } from "./plain-markdown.js";

const lexerOptions = { gfm: true, breaks: false } as const;

/**
 * marked's tokens of the texts lexed last, by text: a text composed again (the same template for
 * the same municipality, the body and the editable text of a draft without form slots) is not
 * lexed again. The tokens are only read, never changed, so one list serves every call.
 */
const lexed = new Map<string, readonly Token[]>();
const maxLexed = 16;
/** Longer texts (a long edited body) are lexed every time rather than held. */
const maxLexedLength = 50_000;

/** marked's tokens of a text. */
export function markedTokens(markdown: string): readonly Token[] {
  if (markdown.length > maxLexedLength) return new Lexer(lexerOptions).lex(markdown);
  let tokens = lexed.get(markdown);
  if (tokens) {
    // Most recently used last: the oldest is the first to go.
    lexed.delete(markdown);
  } else {
    tokens = new Lexer(lexerOptions).lex(markdown);
    if (lexed.size >= maxLexed) lexed.delete(lexed.keys().next().value!);
  }
  lexed.set(markdown, tokens);
  return tokens;
}

/**
 * The texts of the placeholders the helpers numbered, for the markers being read: set for the
 * duration of one `markdownToBlocks` call, which is synchronous, so no other call sees it.
 */
let placeholderTexts: readonly string[] = [];

function pushText(out: Inline[], value: string): void {
  if (value.length === 0) return;
  // Split on citation and placeholder markers; collapse whitespace a template's line wrapping leaves.
  let last = 0;
  for (const m of value.matchAll(markerPattern)) {
    const before = value.slice(last, m.index);
    if (before) appendText(out, before);
    if (m[1] !== undefined) out.push({ type: "citation", n: Number(m[1]) });
    else {
      const text = placeholderTexts[Number(m[2]) - 1];
      if (text === undefined) throw new Error(`placeholder ${m[2]} was never recorded`);
      out.push({ type: "placeholder", text });
    }
    last = m.index + m[0].length;
  }
  const rest = value.slice(last);
  if (rest) appendText(out, rest);
}

const collapsible = /[\t\n]| {2}/;

function appendText(out: Inline[], value: string): void {
  // Runs of white space become one space; most text has none to collapse (every single space would be a match).
  const v = collapsible.test(value) ? value.replace(/[ \t\n]+/g, " ") : value;
  const prev = out[out.length - 1];
  if (prev?.type === "text") prev.value += v;
  else out.push({ type: "text", value: v });
}

function inlines(tokens: readonly Token[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case "text": {
        const tt = t as Tokens.Text;
        if (tt.tokens && tt.tokens.length > 0) {
          for (const child of inlines(tt.tokens)) {
            if (child.type === "text") appendText(out, child.value);
            else out.push(child);
          }
        } else pushText(out, tt.text);
        break;
      }
      case "escape":
        appendText(out, (t as Tokens.Escape).text);
        break;
      case "strong":
        out.push({ type: "strong", children: inlines((t as Tokens.Strong).tokens) });
        break;
      case "em":
        out.push({ type: "emphasis", children: inlines((t as Tokens.Em).tokens) });
        break;
      case "link": {
        const l = t as Tokens.Link;
        out.push({ type: "link", url: l.href, children: inlines(l.tokens) });
        break;
      }
      case "br":
        out.push({ type: "break" });
        break;
      case "codespan":
        appendText(out, (t as Tokens.Codespan).text);
        break;
      case "del":
        out.push(...inlines((t as Tokens.Del).tokens));
        break;
      default:
        // Restricted Markdown: HTML, images and anything else are kept as their literal text.
        if ("text" in t && typeof t.text === "string") pushText(out, t.text);
        else if ("raw" in t && typeof t.raw === "string") pushText(out, t.raw);
    }
  }
  return trimInlines(out);
}

function trimInlines(xs: Inline[]): Inline[] {
  const first = xs[0];
  if (first?.type === "text") first.value = first.value.trimStart();
  const last = xs[xs.length - 1];
  if (last?.type === "text") last.value = last.value.trimEnd();
  return xs.filter((x) => x.type !== "text" || x.value.length > 0);
}

function plain(xs: readonly Inline[]): string {
  return xs.map((x) => (x.type === "text" ? x.value : "children" in x ? plain(x.children) : "")).join("");
}

/**
 * questions: an ordered list whose items all end with "?" (even a question that begins with
 * "att"); att-satser: every item begins with "att".
 */
function listRole(ordered: boolean, items: Inline[][]): ListRole {
  const texts = items.map((i) => plain(i).trim());
  if (texts.length === 0) return "plain";
  if (ordered && texts.every((t) => t.endsWith("?"))) return "questions";
  // "att" and a place to fill in (its text is not counted) is an att-sats too.
  if (texts.every((t) => /^att(\s|$)/i.test(t))) return "proposals";
  return "plain";
}

function listItem(item: Tokens.ListItem): Inline[] {
  // A loose item holds paragraphs; join them with line breaks so an item stays one unit.
  const parts: Inline[][] = [];
  for (const t of item.tokens) {
    if (t.type === "text" || t.type === "paragraph")
      parts.push(inlines((t as Tokens.Text | Tokens.Paragraph).tokens ?? [t]));
    else if (t.type === "list") for (const sub of (t as Tokens.List).items) parts.push(listItem(sub));
  }
  const out: Inline[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push({ type: "break" });
    out.push(...p);
  });
  return out;
}

function blocks(tokens: readonly Token[]): Block[] {
  const out: Block[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case "heading": {
        const h = t as Tokens.Heading;
        out.push({
          type: "heading",
          level: Math.min(3, Math.max(1, h.depth)) as 1 | 2 | 3,
          children: inlines(h.tokens),
        });
        break;
      }
      case "paragraph": {
        const children = inlines((t as Tokens.Paragraph).tokens);
        const first = children[0];
        const keep = first?.type === "text" && first.value.startsWith(keepWithNextMarker);
        if (keep) first.value = first.value.slice(keepWithNextMarker.length).trimStart();
        const kept = children.filter((c) => c.type !== "text" || c.value.length > 0);
        if (kept.length > 0)
          out.push(
            keep ? { type: "paragraph", children: kept, keepWithNext: true } : { type: "paragraph", children: kept },
          );
        break;
      }
      case "list": {
        const l = t as Tokens.List;
        const items = l.items.map(listItem).filter((i) => i.length > 0);
        if (items.length > 0) out.push({ type: "list", ordered: l.ordered, role: listRole(l.ordered, items), items });
        break;
      }
      case "blockquote":
        out.push({ type: "quote", children: blocks((t as Tokens.Blockquote).tokens) });
        break;
      case "hr":
        out.push({ type: "rule" });
        break;
      case "space":
        break;
      case "code":
      case "html":
      case "text": {
        const children = inlines([{ type: "text", raw: t.raw, text: (t as Tokens.Text).text ?? t.raw } as Tokens.Text]);
        if (children.length > 0) out.push({ type: "paragraph", children });
        break;
      }
      case "table": {
        // Not part of the restricted Markdown: keep the cells' text as paragraphs, lose nothing.
        const tb = t as Tokens.Table;
        for (const row of [tb.header, ...tb.rows]) {
          const children = inlines(
            row.flatMap((cell, i) =>
              i > 0 ? [{ type: "text", raw: " – ", text: " – " } as Tokens.Text, ...cell.tokens] : cell.tokens,
            ),
          );
          if (children.length > 0) out.push({ type: "paragraph", children });
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** A paragraph that introduces a list ("… föreslår jag kommunfullmäktige besluta") stays with it. */
function keepIntroductionsWithLists(bs: Block[]): Block[] {
  bs.forEach((b, i) => {
    if (b.type === "paragraph" && bs[i + 1]?.type === "list") b.keepWithNext = true;
  });
  return bs;
}

/**
 * The Draft blocks of a text's tokens (marked's, or plain-markdown.ts's in marked's shape). `placeholders`: the texts
 * of the placeholders the helpers recorded, in the order of the numbers in their markers.
 */
export function tokensToBlocks(tokens: readonly Token[], placeholders: readonly string[] = []): Block[] {
  placeholderTexts = placeholders;
  try {
    return keepIntroductionsWithLists(blocks(tokens));
  } finally {
    placeholderTexts = [];
  }
}

/**
 * `placeholders`: the texts of the placeholders the helpers recorded, in the order of the
 * numbers in their markers.
 */
export function markdownToBlocks(markdown: string, placeholders: readonly string[] = []): Block[] {
  return tokensToBlocks(plainTokens(markdown) ?? markedTokens(markdown), placeholders);
}
