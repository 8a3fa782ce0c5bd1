/**
 * Draft → PDF (pdfkit). A4, DejaVu Sans embedded (so å ä ö “ ” – € render), tagged for
 * screen readers (Document, H1–H3, P, L/LI/Lbl/LBody, BlockQuote, Link; page numbers and
 * rules are artifacts), Swedish language and title in the metadata. Citations are
 * superscript note numbers; "Noter" and "Källor" follow the text.
 *
 * Fonts (pdf-fonts.ts): each document gets fontkit fonts of its own, handed to pdfkit as
 * objects; the decoded font tables and the shaping of words are shared by all documents of
 * the process, as plain data. Registering the font by its path instead parses it for every
 * document: 6–7× the time of pdfkit's built-in Helvetica on a two-page draft, against about
 * 1.5× this way (compare `renderPdf` with `renderPdfWithBuiltinFont`).
 */
import { PdfDocument } from "./pdf-document.js";
import type { Font } from "fontkit";
import { tuneEmbeddedFont } from "./pdf-embedded-font.js";
import { openFace, warmFaces, type Face } from "./pdf-fonts.js";
import {
  draftSources,
  inlineText,
  notedCitations,
  placeholderText,
  type Block,
  type Draft,
  type Inline,
} from "../domain/draft.js";
import { citationNote, citationOf, linkUrl, sourceEntry, webUrl, type NoteText } from "./citation-text.js";
import { labels, pageOf } from "./messages.sv.js";
import { xmlSafe } from "../domain/xml-safe.js";

export interface PdfOptions {
  /**
   * "dejavu" (default): embedded DejaVu Sans. "builtin": Helvetica, no embedding (benchmark baseline; cannot show every
   * character).
   */
  font?: "dejavu" | "builtin";
  /** Tagged PDF with a structure tree (default true). */
  tagged?: boolean;
}

export async function renderPdf(draft: Draft, options: PdfOptions = {}): Promise<Buffer> {
  // This document's own fonts (see pdf-fonts.ts: glyph objects must not pass between documents).
  const fonts = options.font === "builtin" ? null : new Map<Face, Font>([["regular", openFace("regular")]]);
  const doc = new PdfDocument({
    size: "A4",
    margins: MARGINS,
    pdfVersion: "1.7",
    tagged: options.tagged !== false,
    lang: draft.meta.language,
    displayTitle: true,
    bufferPages: true,
    // With the embedded font, start on it so pdfkit does not load Helvetica for nothing.
    font: (fonts?.get("regular") ?? BUILTIN.regular) as unknown as string,
    info: {
      Title: clean(draft.meta.title),
      Author: clean(draft.meta.authors.map((a) => a.name).join(", ")),
      Subject: clean(draft.meta.description ?? draft.meta.title),
      Keywords: clean(draft.meta.keywords.join(", ")),
      Creator: "Motionera",
    },
  });
  const regular = fonts?.get("regular");
  if (regular) tuneEmbeddedFont(pdfkitFontOf(doc), regular, "regular");
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  new PdfWriter(doc, draft, fonts, options.tagged !== false).render();
  doc.end();
  return done;
}

/** pdfkit's font object for the document's current font (its `_font`), or undefined. */
function pdfkitFontOf(doc: PDFKit.PDFDocument): unknown {
  return (doc as unknown as { _font?: unknown })._font;
}

/** The same draft with pdfkit's built-in Helvetica: the baseline the benchmark compares with. */
export function renderPdfWithBuiltinFont(draft: Draft): Promise<Buffer> {
  return renderPdf(draft, { font: "builtin" });
}

// ---------------------------------------------------------------------------------------
// Fonts.

const BUILTIN: Record<Face, string> = {
  regular: "Helvetica",
  bold: "Helvetica-Bold",
  italic: "Helvetica-Oblique",
  boldItalic: "Helvetica-BoldOblique",
};

/**
 * Parses the two faces every draft uses, ahead of the first document (a worker does this while the draft is composed).
 */
export function warmPdfFonts(): void {
  warmFaces(["regular", "bold"]);
}

// ---------------------------------------------------------------------------------------
// Layout.

const CM = 72 / 2.54;
const MARGINS = { top: 2.5 * CM, bottom: 2.5 * CM, left: 2.5 * CM, right: 2.5 * CM };
const BODY_SIZE = 10.5;
const NOTE_SIZE = 8.5;
const LINE_GAP = 3;
const PARAGRAPH_GAP = 7;
const HEADING = {
  1: { size: 18, before: 18, after: 8 },
  2: { size: 13, before: 12, after: 5 },
  3: { size: 11, before: 9, after: 4 },
} as const;
const LIST_LABEL_INDENT = 4;
const LIST_TEXT_INDENT = 20;
const QUOTE_INDENT = 20;
const QUOTE_SPACE = 3;
const TEXT_COLOR = "#1a1a1a";
const MUTED_COLOR = "#444444";
const LINK_COLOR = "#1a4f8b";
const RULE_COLOR = "#999999";
/** A rule's space: 4 above the line, 14 below. */
const RULE_HEIGHT = 18;

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** A stretch of text in one face, possibly a link; `mark`: a placeholder, drawn on a highlight. */
interface Run {
  text: string;
  face: Face;
  link?: string;
  mark?: boolean;
}

/** Where a block is set: left edge, width, size and colour of its text. */
interface Box {
  x: number;
  width: number;
  size: number;
  color: string;
}

interface Item {
  label: string;
  runs: Run[];
}

/**
 * What the writer sets, in order: the Draft's blocks, then the notes and sources, each as
 * its runs, so a piece can be measured before it is drawn.
 */
type Piece =
  | { kind: "heading"; level: 1 | 2 | 3; runs: Run[] }
  | { kind: "paragraph"; runs: Run[]; keepWithNext: boolean }
  | { kind: "list"; items: Item[]; size: number; itemGap: number }
  | { kind: "quote"; children: Piece[] }
  | { kind: "rule" };

/** Light yellow behind "[FYLL I: …]", as a highlighter would mark it. */
const MARK_COLOR = "#fff3a0";
/**
 * Lines of a paragraph that must stand beside the heading or kept paragraph before it: all of a short one, else this
 * many.
 */
const LEAD_LINES = 2;
const SHORT_LINES = 4;

class PdfWriter {
  constructor(
    private readonly doc: Doc,
    private readonly source: Draft,
    /** The embedded faces this document has opened (regular by the constructor); null: built-in Helvetica. */
    private readonly fonts: Map<Face, Font> | null,
    private readonly tagged: boolean,
  ) {
    markPlaceholders(doc);
  }

  render(): void {
    const { doc } = this;
    const root = this.tagged ? doc.struct("Document") : null;
    if (root) doc.addStructure(root);
    const box: Box = {
      x: doc.page.margins.left,
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      size: BODY_SIZE,
      color: TEXT_COLOR,
    };
    this.pieces(this.document(), root, box);
    root?.end();
    this.pageNumbers();
  }

  /** The Draft as pieces: its blocks, then "Noter" and "Källor". */
  private document(): Piece[] {
    const draft = this.source;
    const out = draft.blocks.flatMap((b) => this.piecesOf(b));
    const notes = notedCitations(draft);
    if (notes.length > 0) {
      out.push({ kind: "heading", level: 2, runs: [{ text: labels.notes, face: "bold" }] });
      out.push({
        kind: "list",
        items: notes.map((c) => ({ label: `${c.n}.`, runs: noteRuns(citationNote(c)) })),
        size: NOTE_SIZE,
        itemGap: 3,
      });
    }
    const sources = draftSources(draft);
    if (sources.length > 0) {
      out.push({ kind: "heading", level: 2, runs: [{ text: labels.sources, face: "bold" }] });
      out.push({
        kind: "list",
        items: sources.map((s) => ({ label: "•", runs: noteRuns(sourceEntry(s)) })),
        size: NOTE_SIZE,
        itemGap: 3,
      });
    }
    return out;
  }

  private piecesOf(block: Block): Piece[] {
    switch (block.type) {
      case "heading":
        return [{ kind: "heading", level: block.level, runs: runs(this.source, block.children, "bold") }];
      case "paragraph":
        return [
          {
            kind: "paragraph",
            runs: runs(this.source, block.children, "regular"),
            keepWithNext: block.keepWithNext === true,
          },
        ];
      case "list": {
        const bullet = block.role === "proposals" ? "–" : "•";
        const items = block.items.map((item, i) => ({
          label: block.ordered ? `${i + 1}.` : bullet,
          runs: runs(this.source, item, "regular"),
        }));
        return [{ kind: "list", items, size: BODY_SIZE, itemGap: block.role === "proposals" ? 5 : 3 }];
      }
      case "quote":
        return [{ kind: "quote", children: block.children.flatMap((b) => this.piecesOf(b)) }];
      case "rule":
        return [{ kind: "rule" }];
    }
  }

  // --- pieces ------------------------------------------------------------------------

  private pieces(pieces: readonly Piece[], parent: Struct | null, box: Box): void {
    pieces.forEach((piece, i) => {
      this.keepTogether(pieces, i, box);
      this.piece(piece, parent, box);
    });
  }

  private piece(piece: Piece, parent: Struct | null, box: Box): void {
    switch (piece.kind) {
      case "heading":
        this.heading(piece.level, piece.runs, parent, box);
        break;
      case "paragraph":
        this.paragraph(piece.runs, parent, box, "P");
        this.doc.y += PARAGRAPH_GAP;
        break;
      case "list":
        this.list(piece.items, parent, { ...box, size: piece.size }, piece.itemGap);
        this.doc.y += PARAGRAPH_GAP - 3;
        break;
      case "quote":
        this.quote(piece.children, parent, box);
        break;
      case "rule":
        this.rule(box);
        break;
    }
  }

  // --- keeping together --------------------------------------------------------------

  /**
   * Before a heading or a keepWithNext paragraph: when it, the chain of kept pieces after it
   * and the first lines of what then follows do not fit on the rest of the page, start a new
   * page. So no page ends with a heading, "föreslår … besluta" stands with its first
   * att-sats, and the dateline and the signatures move together. A chain taller than a page
   * keeps only the piece with the first lines of the next.
   */
  private keepTogether(pieces: readonly Piece[], i: number, box: Box): void {
    const doc = this.doc;
    const piece = pieces[i]!;
    if (piece.kind !== "heading" && !(piece.kind === "paragraph" && piece.keepWithNext)) return;
    if (this.atTop()) return;
    const page = doc.page.maxY() - doc.page.margins.top;
    let need = this.chainHeight(pieces, i, box);
    if (need > page) need = this.height(piece, box) + this.leadHeight(pieces[i + 1], box);
    if (doc.y + need > doc.page.maxY() && need <= page) doc.addPage();
  }

  /** Height of pieces[i] and every kept piece after it, plus the first lines of the first piece not kept. */
  private chainHeight(pieces: readonly Piece[], i: number, box: Box): number {
    const piece = pieces[i]!;
    const next = pieces[i + 1];
    const own = this.height(piece, box);
    if (next && (next.kind === "heading" || (next.kind === "paragraph" && next.keepWithNext)))
      return own + this.chainHeight(pieces, i + 1, box);
    return own + this.leadHeight(next, box);
  }

  /** The whole height a piece takes, the space after it included (a heading's space before too). */
  private height(piece: Piece, box: Box): number {
    switch (piece.kind) {
      case "heading": {
        const style = HEADING[piece.level];
        return style.before + this.textHeight(piece.runs, { ...box, size: style.size }) + style.after;
      }
      case "paragraph":
        return this.textHeight(piece.runs, box) + PARAGRAPH_GAP;
      case "list": {
        const itemBox = this.listBody({ ...box, size: piece.size });
        const items = piece.items.reduce(
          (sum, item) => sum + Math.max(this.textHeight(item.runs, itemBox), this.lineHeight(itemBox)) + piece.itemGap,
          0,
        );
        return items + PARAGRAPH_GAP - 3;
      }
      case "quote": {
        const inner = this.quoteBox(box);
        return 2 * QUOTE_SPACE + piece.children.reduce((sum, child) => sum + this.height(child, inner), 0);
      }
      case "rule":
        return RULE_HEIGHT;
    }
  }

  /** What of a piece must stand beside the kept piece before it: its first lines, or all of it when short. */
  private leadHeight(piece: Piece | undefined, box: Box): number {
    if (!piece) return 0;
    switch (piece.kind) {
      case "heading":
        return this.height(piece, box);
      case "paragraph":
        return this.firstLines(piece.runs, box);
      case "list": {
        // The whole first item (an att-sats, a question), unless it is most of a page.
        const first = piece.items[0];
        if (!first) return 0;
        const itemBox = this.listBody({ ...box, size: piece.size });
        const whole = Math.max(this.textHeight(first.runs, itemBox), this.lineHeight(itemBox)) + piece.itemGap;
        return whole <= (this.doc.page.maxY() - this.doc.page.margins.top) / 2
          ? whole
          : LEAD_LINES * this.lineHeight(itemBox);
      }
      case "quote":
        return QUOTE_SPACE + this.leadHeight(piece.children[0], this.quoteBox(box));
      case "rule":
        return RULE_HEIGHT;
    }
  }

  private firstLines(content: Run[], box: Box): number {
    const all = Math.max(this.textHeight(content, box), this.lineHeight(box));
    const line = this.lineHeight(box);
    return all <= SHORT_LINES * line + 0.5 ? all : LEAD_LINES * line;
  }

  /** One line of text in the box, its gap included. */
  private lineHeight(box: Box): number {
    this.face("regular");
    this.doc.fontSize(box.size);
    return this.doc.currentLineHeight(true) + LINE_GAP;
  }

  /**
   * Height of runs set in the box, as pdfkit wraps them. Runs in several faces are measured
   * in the widest of them (bold), which can only overestimate the lines.
   */
  private textHeight(content: Run[], box: Box): number {
    const text = content.map((r) => r.text).join("");
    if (text.length === 0) return 0;
    const faces = new Set(content.filter((r) => r.text.length > 0).map((r) => r.face));
    const face: Face =
      faces.size === 1
        ? [...faces][0]!
        : [...faces].some((f) => f === "bold" || f === "boldItalic")
          ? "bold"
          : "regular";
    this.face(face);
    this.doc.fontSize(box.size);
    return this.doc.heightOfString(text, { width: box.width, lineGap: LINE_GAP });
  }

  private atTop(): boolean {
    return this.doc.y <= this.doc.page.margins.top + 0.5;
  }

  // --- drawing -----------------------------------------------------------------------

  private heading(level: 1 | 2 | 3, content: Run[], parent: Struct | null, box: Box): void {
    const doc = this.doc;
    const style = HEADING[level];
    if (!this.atTop()) doc.y += style.before;
    this.paragraph(content, parent, { ...box, size: style.size }, `H${level}`);
    doc.y += style.after;
  }

  /** One paragraph of runs, tagged as `type`; links become Link elements inside it. */
  private paragraph(content: Run[], parent: Struct | null, box: Box, type: string): void {
    const doc = this.doc;
    // A line break ends pdfkit's chain of continued runs: the runs after it start a new chain
    // at the left margin (a run that begins after a "\n" inside a continued chain is placed
    // after the chain's later runs, so "Telefon: …\nE-post: …" would come out in the wrong order).
    const parts = splitAtBreaks(content.filter((r) => r.text.length > 0));
    if (parts.length === 0) return;
    doc.x = box.x;
    const last = parts.length - 1;
    const draw = (r: Run & { endsLine?: boolean }, i: number): void => {
      this.face(r.face);
      doc.fontSize(box.size).fillColor(r.link ? LINK_COLOR : box.color);
      const opts: PDFKit.Mixins.TextOptions & MarkOption = {
        width: box.width,
        continued: i < last && !r.endsLine,
        lineGap: LINE_GAP,
        link: r.link ?? null,
        underline: r.link !== undefined,
        // Set on every run: pdfkit carries a continued text's options over to the next run.
        markBackground: r.mark === true ? MARK_COLOR : false,
      };
      if (i === 0 || parts[i - 1]!.endsLine) doc.text(r.text, box.x, doc.y, opts);
      else doc.text(r.text, opts);
    };
    if (!parent) {
      parts.forEach(draw);
    } else {
      const el = doc.struct(type);
      parent.add(el);
      // Group consecutive runs: plain text is one marked-content sequence, each link its own Link element.
      let i = 0;
      while (i < parts.length) {
        const start = i;
        const isLink = parts[i]!.link !== undefined;
        while (i < parts.length && (parts[i]!.link !== undefined) === isLink && (!isLink || i === start)) i++;
        const end = i;
        const drawGroup = (): void => {
          for (let k = start; k < end; k++) draw(parts[k]!, k);
        };
        if (isLink) el.add(doc.struct("Link", {}, [drawGroup]));
        else el.add(drawGroup);
      }
      el.end();
    }
    doc.x = box.x;
  }

  private listBody(box: Box): Box {
    return { ...box, x: box.x + LIST_TEXT_INDENT, width: box.width - LIST_TEXT_INDENT };
  }

  private list(items: Item[], parent: Struct | null, box: Box, itemGap: number): void {
    const doc = this.doc;
    const L = parent ? doc.struct("L") : null;
    if (L && parent) parent.add(L);
    const body = this.listBody(box);
    for (const item of items) {
      this.face("regular");
      doc.fontSize(box.size);
      if (doc.y + doc.currentLineHeight(true) + LINE_GAP > doc.page.maxY()) doc.addPage();
      const y = doc.y;
      const page = this.pageIndex();
      const drawLabel = (): void => {
        this.face("regular");
        doc.fontSize(box.size).fillColor(box.color);
        doc.text(item.label, box.x + LIST_LABEL_INDENT, y, { lineBreak: false });
        doc.y = y;
      };
      if (L) {
        const LI = doc.struct("LI");
        L.add(LI);
        LI.add(doc.struct("Lbl", {}, [drawLabel]));
        const LBody = doc.struct("LBody");
        LI.add(LBody);
        this.paragraph(item.runs, LBody, body, "P");
        LBody.end();
        LI.end();
      } else {
        drawLabel();
        this.paragraph(item.runs, null, body, "P");
      }
      // An empty item still takes its line, so the next label does not overprint this one.
      this.face("regular");
      doc.fontSize(box.size);
      if (this.pageIndex() === page) doc.y = Math.max(doc.y, y + doc.currentLineHeight(true) + LINE_GAP);
      doc.y += itemGap;
    }
    L?.end();
    doc.x = box.x;
  }

  private quoteBox(box: Box): Box {
    return { x: box.x + QUOTE_INDENT, width: box.width - 2 * QUOTE_INDENT, size: box.size, color: MUTED_COLOR };
  }

  private quote(children: Piece[], parent: Struct | null, box: Box): void {
    const doc = this.doc;
    const el = parent ? doc.struct("BlockQuote") : null;
    if (el && parent) parent.add(el);
    doc.y += QUOTE_SPACE;
    const page0 = this.pageIndex();
    const y0 = doc.y;
    this.pieces(children, el, this.quoteBox(box));
    const y1 = doc.y - PARAGRAPH_GAP;
    doc.y += QUOTE_SPACE;
    el?.end();
    if (this.pageIndex() === page0) {
      this.artifact(() => {
        doc.save().lineWidth(2).strokeColor(RULE_COLOR);
        doc
          .moveTo(box.x + QUOTE_INDENT / 2, y0)
          .lineTo(box.x + QUOTE_INDENT / 2, y1)
          .stroke()
          .restore();
      });
    }
  }

  private rule(box: Box): void {
    const doc = this.doc;
    doc.y += 4;
    if (doc.y + 20 > doc.page.maxY()) doc.addPage();
    const y = doc.y;
    this.artifact(() => {
      doc.save().lineWidth(0.5).strokeColor(RULE_COLOR);
      doc
        .moveTo(box.x, y)
        .lineTo(box.x + box.width, y)
        .stroke()
        .restore();
    });
    doc.y = y + RULE_HEIGHT - 4;
  }

  /** "1 (3)" at the foot of every page when there is more than one. */
  private pageNumbers(): void {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    if (count < 2) return;
    for (let i = 0; i < count; i++) {
      doc.switchToPage(start + i);
      const text = pageOf(i + 1, count);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.face("regular");
      doc.fontSize(9).fillColor(MUTED_COLOR);
      const x = doc.page.width - doc.page.margins.right - doc.widthOfString(text);
      const y = doc.page.height - bottom + 0.6 * CM;
      this.artifact(() => doc.text(text, x, y, { lineBreak: false }), "Pagination");
      doc.page.margins.bottom = bottom;
    }
  }

  // --- helpers -----------------------------------------------------------------------

  private artifact(draw: () => void, type?: "Pagination" | "Layout"): void {
    if (this.tagged) this.doc.markContent("Artifact", type ? { type } : undefined);
    draw();
    if (this.tagged) this.doc.endMarkedContent();
  }

  private pageIndex(): number {
    const { start, count } = this.doc.bufferedPageRange();
    return start + count - 1;
  }

  /**
   * Switch to a face. The first use opens the face for this document and hands pdfkit the
   * font object (so the italic face is embedded only when the draft uses it); pdfkit then
   * caches it under its PostScript name, which later switches use.
   */
  private face(face: Face): void {
    if (!this.fonts) {
      this.doc.font(BUILTIN[face]);
      return;
    }
    const font = this.fonts.get(face);
    if (font) {
      this.doc.font(font.postscriptName);
    } else {
      const opened = openFace(face);
      this.fonts.set(face, opened);
      this.doc.font(opened as unknown as string);
      tuneEmbeddedFont(pdfkitFontOf(this.doc), opened, face);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Placeholder highlight.

/** A text option of ours: the colour to fill behind each line of the run, or false. */
interface MarkOption {
  markBackground: string | false;
}

type Fragment = (
  this: Doc,
  text: string,
  x: number,
  y: number,
  options: PDFKit.Mixins.TextOptions & Partial<MarkOption>,
) => void;

/**
 * pdfkit has no background for text. It draws each line of a text as one fragment, at a
 * place only it knows (wrapping, continued runs); this wraps the document's fragment drawing
 * so a run with `markBackground` gets a filled rectangle behind each of its lines, drawn
 * just before the line's text. The text itself is untouched and reads as before.
 */
function markPlaceholders(doc: Doc): void {
  const target = doc as unknown as { _fragment?: Fragment };
  const fragment = target._fragment;
  if (typeof fragment !== "function")
    throw new Error("pdfkit no longer draws text in _fragment: the placeholder highlight needs another way");
  target._fragment = function (this: Doc, text, x, y, options) {
    const mark = options.markBackground;
    const visible = mark ? text.replace(/\n/g, "") : "";
    if (mark && visible.trim().length > 0) {
      const width = this.widthOfString(visible.replace(/\s+$/, ""), options);
      const height = this.currentLineHeight(true);
      // fill() sets pdfkit's idea of the fill colour, which it applies again after a page break: keep the text's.
      const textColor = (this as unknown as { _fillColor?: unknown })._fillColor;
      this.save()
        .rect(x - 1, y - 0.5, width + 2, height + 1)
        .fill(mark)
        .restore();
      (this as unknown as { _fillColor?: unknown })._fillColor = textColor;
    }
    fragment.call(this, text, x, y, options);
  };
}

// ---------------------------------------------------------------------------------------
// Inlines → runs.

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** 12 → "¹²". */
export function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);
}

function runs(draft: Draft, inlines: readonly Inline[], face: Face, link?: string): Run[] {
  const out: Run[] = [];
  const push = (text: string, f: Face, l: string | undefined, mark = false): void => {
    const prev = out[out.length - 1];
    if (prev && prev.face === f && prev.link === l && (prev.mark === true) === mark) prev.text += text;
    else out.push({ text, face: f, ...(l === undefined ? {} : { link: l }), ...(mark ? { mark } : {}) });
  };
  const walk = (nodes: readonly Inline[], f: Face, l: string | undefined): void => {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      switch (node.type) {
        case "text":
          push(clean(node.value).replace(/\r\n?|\n/g, " "), f, l);
          break;
        case "break":
          push("\n", f, l);
          break;
        case "placeholder":
          push(clean(placeholderText(node.text)), f, l, true);
          break;
        case "citation": {
          const prev = nodes[i - 1];
          push((prev?.type === "citation" ? "," : "") + superscript(citationOf(draft, node.n).n), f, l);
          break;
        }
        case "strong":
          walk(node.children, f === "italic" || f === "boldItalic" ? "boldItalic" : "bold", l);
          break;
        case "emphasis":
          walk(node.children, f === "bold" || f === "boldItalic" ? "boldItalic" : "italic", l);
          break;
        case "link": {
          const url = linkUrl(node.url);
          walk(node.children, f, url ?? l);
          if (!url && inlineText(node.children).trim() !== node.url) push(` (${clean(node.url)})`, f, l);
          break;
        }
      }
    }
  };
  walk(inlines, face, link);
  return out;
}

function noteRuns(note: NoteText): Run[] {
  const out: Run[] = [{ text: clean(note.text), face: "regular" }];
  if (note.url) {
    const href = webUrl(note.url);
    out.push({ text: " ", face: "regular" });
    out.push(
      href ? { text: clean(note.url), face: "regular", link: href } : { text: clean(note.url), face: "regular" },
    );
  }
  return out;
}

/**
 * Runs with their line breaks taken out: a run is cut at each "\n", and the piece before a
 * break is marked `endsLine` (an empty line keeps a single space so it still takes its height).
 */
function splitAtBreaks(runs: readonly Run[]): (Run & { endsLine?: boolean })[] {
  const out: (Run & { endsLine?: boolean })[] = [];
  for (const r of runs) {
    const pieces = r.text.split("\n");
    pieces.forEach((text, k) => {
      const endsLine = k < pieces.length - 1;
      if (text.length > 0 || endsLine)
        out.push({ ...r, text: text.length > 0 ? text : " ", ...(endsLine ? { endsLine } : {}) });
    });
  }
  return out;
}

/** Drop characters no font can show (C0 controls, non-characters, lone surrogates). */
function clean(text: string): string {
  return xmlSafe(text).replace(/\t/g, " ");
}
