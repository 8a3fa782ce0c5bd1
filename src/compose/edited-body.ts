/**
 * The text a user edits ("Redigera texten"): the composed body as restricted Markdown in which
 * each citation is a visible note mark `[^n]`, each place to fill in reads "[FYLL I: …]" and each
 * part that comes from the form is a token "⟦underskrifter⟧" (form-slots.ts). An edited text is
 * read back into the same markers composing uses, so it becomes the same Draft: a note can be
 * moved, kept or deleted, but a mark that is broken or names no citation of the draft is refused
 * (with its line), since a note must always stand for a real source.
 */
import type { Block, Citation, Inline } from "../domain/draft.js";
import { eachInline } from "../domain/draft.js";
import type { FieldProblem } from "../domain/field-problem.js";
import { editedBodyTexts as texts } from "../messages.sv.js";
import { renderMarkdownBlocks } from "../render/markdown.js";
import { citationMarker } from "./citation-marker.js";
import { slotOfToken, slotPattern, slotToken, type FormSlot } from "./form-slots.js";

/** What a citation is, independent of its number: the note marks of an edited text are read by it. */
export function citationId(c: Citation): string {
  if (c.kind === "fact") return `fact:${c.factId}`;
  return c.kind === "record" ? `record:${c.recordId}` : `corpus:${c.ref}`;
}

const placeholderOpen = "\uE010";
const placeholderClose = "\uE011";

function hasPlaceholder(x: Inline): boolean {
  return x.type === "placeholder" || ("children" in x && x.children.some(hasPlaceholder));
}

function markPlaceholders(xs: readonly Inline[]): Inline[] {
  // Inlines without a placeholder are read as they are (only rendered to text, never changed).
  if (!xs.some(hasPlaceholder)) return xs as Inline[];
  return xs.map((x): Inline => {
    if (x.type === "placeholder") return { type: "text", value: `${placeholderOpen}${x.text}${placeholderClose}` };
    return "children" in x ? { ...x, children: markPlaceholders(x.children) } : x;
  });
}

function mapBlocks(blocks: readonly Block[], f: (xs: readonly Inline[]) => Inline[]): Block[] {
  return blocks.map((b): Block => {
    switch (b.type) {
      case "paragraph":
      case "heading":
        return { ...b, children: f(b.children) };
      case "list":
        return { ...b, items: b.items.map(f) };
      case "quote":
        return { ...b, children: mapBlocks(b.children, f) };
      default:
        return b;
    }
  });
}

/**
 * The editable text of blocks whose text still holds form-slot markers: `citations[n - 1]` is
 * the citation a mark `[^n]` stands for.
 */
export function editableMarkdown(blocks: readonly Block[], citations: readonly Citation[], slots: readonly FormSlot[]) {
  const md = renderMarkdownBlocks({ blocks: mapBlocks(blocks, markPlaceholders), citations: [...citations] });
  return `${md
    .replace(slotPattern, (_, n: string) => slotToken(slots[Number(n) - 1]!))
    .replace(/\uE010([^\uE011]*)\uE011/g, "[FYLL I: $1]")}\n`;
}

/** What reading an edited text needs from the composition it is read into. */
export interface EditedBodyContext {
  /** The citations the template gives for the current request, numbered as composing numbered them. */
  citations: readonly Citation[];
  /** The citation (by `citationId`) each note number of the text stood for when it was edited. */
  notes?: readonly string[] | undefined;
  placeholder(text: string): string;
  slot(slot: FormSlot): string;
}

const privateUse = /[\uE000-\uF8FF]/g;

/**
 * The first words of a line or paragraph of the text as a user recognises them (no list mark,
 * escapes or note marks), at most about `max` characters: a problem's line can be found in a
 * text field that wraps its lines, a paragraph named before it is discarded.
 */
export function textStart(raw: string, max: number): string {
  const plain = raw
    .replace(/^\s*(#+|-|\d+\.|>)\s+/, "")
    .replace(/(?<!\\)\[\^\d+\]/g, "")
    .replace(/\\(.)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))} …`;
}
const placeholderPattern = /(?<!\\)\[FYLL I: ((?:[^\]\\]|\\.)*)\]/g;
const notePattern = /(?<!\\)\[\^([^\]\s[]*)\]/g;
const tokenPattern = /⟦([^⟦⟧\n]*)⟧/g;

/**
 * An edited text as composed Markdown (citations, placeholders and form slots as markers), or
 * the problems found, each naming its line, at the field "editedMarkdown".
 */
export function readEditedBody(text: string, ctx: EditedBodyContext): { markdown: string; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (p: string) =>
    problems.push({
      path: ["editedMarkdown"],
      details: { code: "input_invalid", field: "editedMarkdown", label: texts.label, problem: p },
    });
  if (text.trim() === "") {
    problem(texts.empty);
    return { markdown: "", problems };
  }
  const pool = new Map(ctx.citations.map((c) => [citationId(c), c.n]));
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((raw, i) => {
      const line = texts.lineAt(i + 1, textStart(raw, 30));
      let l = raw.replace(privateUse, "");
      l = l.replace(placeholderPattern, (_, t: string) => ctx.placeholder(t.replace(/\\(.)/g, "$1").trim()));
      if (/(?<!\\)\[FYLL I:/i.test(l)) problem(texts.brokenPlaceholder(line));
      l = l.replace(notePattern, (m, n: string) => {
        if (!/^\d{1,4}$/.test(n)) {
          problem(texts.brokenNote(line, m));
          return m;
        }
        if (ctx.notes === undefined) {
          if (ctx.citations[Number(n) - 1] === undefined) problem(texts.unknownNote(line, n));
          return citationMarker(Number(n));
        }
        const id = ctx.notes[Number(n) - 1];
        const now = id === undefined ? undefined : pool.get(id);
        if (id === undefined) problem(texts.unknownNote(line, n));
        else if (now === undefined) problem(texts.goneNote(line, n));
        return now === undefined ? m : citationMarker(now);
      });
      const rest = l.replace(notePattern, "");
      for (const m of rest.matchAll(/(?<!\\)\[\^[^\s\]]{0,8}|(?<![[\\])\^\d+\]/g))
        problem(texts.brokenNote(line, m[0]));
      l = l.replace(tokenPattern, (m, t: string) => {
        const slot = slotOfToken(t);
        if (!slot) {
          problem(texts.unknownToken(line, t.trim()));
          return m;
        }
        return ctx.slot(slot);
      });
      const stray = /[⟦⟧]/.exec(l.replace(tokenPattern, ""));
      if (stray) problem(texts.brokenToken(line, raw.trim().slice(0, 60)));
      return l;
    });
  return { markdown: lines.join("\n"), problems };
}

/**
 * Notes numbered in the order their marks appear: `order` holds the old numbers in the new
 * order (a citation whose every mark was deleted is left out).
 */
export function noteOrder(blocks: readonly Block[]): number[] {
  const order: number[] = [];
  eachInline(blocks, (x) => {
    if (x.type === "citation" && !order.includes(x.n)) order.push(x.n);
  });
  return order;
}

/** The blocks with every note mark renumbered by `order` (old numbers in their new order). */
export function renumberBlocks(blocks: readonly Block[], order: readonly number[]): Block[] {
  const to = new Map(order.map((old, i) => [old, i + 1]));
  const f = (xs: readonly Inline[]): Inline[] =>
    xs.map((x): Inline => {
      if (x.type === "citation") return { type: "citation", n: to.get(x.n) ?? x.n };
      return "children" in x ? { ...x, children: f(x.children) } : x;
    });
  return mapBlocks(blocks, f);
}

/** The citations in `order`, numbered from 1. */
export function renumberCitations(citations: readonly Citation[], order: readonly number[]): Citation[] {
  return order.map((old, i) => ({ ...citations[old - 1]!, n: i + 1 }));
}

function paragraphs(markdown: string): string[] {
  return markdown
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p.length > 0);
}

const words = (p: string) => new Set(p.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Whether two paragraphs are one paragraph, edited: most of the shorter one's words are in the other. */
function sameParagraph(a: string, b: string): boolean {
  const [x, y] = [words(a), words(b)];
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared >= Math.min(x.size, y.size) / 2 && shared > 0;
}

/**
 * What an edit changed against the text the form would give: the paragraphs the user wrote or
 * changed, and the template's paragraphs the user deleted (note numbers are ignored, since
 * they follow the order of the marks; a changed paragraph is not also named as deleted).
 */
export function editedParagraphs(edited: string, original: string): { changed: string[]; removed: string[] } {
  const key = (p: string) => p.replace(/(?<!\\)\[\^\d+\]/g, "[^]");
  const before = paragraphs(original);
  const after = paragraphs(edited);
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  const changed = after.filter((p) => !had.has(key(p)));
  const gone = before.filter((p) => !has.has(key(p)));
  return { changed, removed: gone.filter((p) => !changed.some((c) => sameParagraph(c, p))) };
}
