/**
 * Draft → DOCX (the `docx` package). Word's own styles so the Navigation pane and the
 * accessibility checker see the structure: Heading 1–3, Quote, List Paragraph with real
 * numbering (att-satser as a dash list, questions numbered 1., 2., …), real footnotes that
 * carry each citation's source, and a "Källor" list at the end. Swedish (sv-SE) is the
 * language of every run; title, authors, description and keywords are in the properties.
 *
 * Every string passes `xmlSafe` (characters XML forbids removed); the docx package itself
 * escapes & < > " when it writes the XML.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  HighlightColor,
  LevelFormat,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type ILevelsOptions,
  type ParagraphChild,
} from "docx";
import { draftSources, placeholderText, type Block, type Citation, type Draft, type Inline } from "../domain/draft.js";
import { citationNote, citationOf, linkUrl, sourceEntry, webUrl, type NoteText } from "./citation-text.js";
import { labels } from "./messages.sv.js";
import { xmlSafe } from "../domain/xml-safe.js";
import { packDocx } from "./docx-package.js";

export async function renderDocx(draft: Draft): Promise<Buffer> {
  return packDocx(docxDocument(draft));
}

/** The draft as a `docx` Document; `renderDocx` zips it with the parts every document shares built once. */
export function docxDocument(draft: Draft): Document {
  const w = new DocxWriter(draft);
  const body = w.body();
  return new Document({
    title: xmlSafe(draft.meta.title),
    subject: xmlSafe(draft.meta.description ?? draft.meta.title),
    creator: xmlSafe(draft.meta.authors.map((a) => a.name).join(", ")),
    lastModifiedBy: xmlSafe(draft.meta.authors.map((a) => a.name).join(", ")),
    description: xmlSafe(draft.meta.description ?? ""),
    keywords: xmlSafe(draft.meta.keywords.join(", ")),
    styles: STYLES,
    numbering: { config: NUMBERING },
    footnotes: w.footnotes,
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, footer: 567, header: 567 },
          },
        },
        footers: { default: pageNumberFooter() },
        children: body,
      },
    ],
  });
}

// ---------------------------------------------------------------------------------------
// Look: Times New Roman 12 pt text, Arial headings — the common look of a Swedish
// municipal document. Sizes are in half-points, distances in twentieths of a point.

const BODY_FONT = "Times New Roman";
const HEADING_FONT = "Arial";
const LANG = { value: "sv-SE" };
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1417; // 2.5 cm

/**
 * Line spacing is always given with its rule. Without `lineRule`, Word reads `w:line` as a
 * multiple of single spacing (240 = single) but LibreOffice as an exact height in twips, so
 * the 16 pt two-line title got 13.2 pt lines there and its descenders touched the next line.
 */
const LINES = (multiple: number) => ({ line: Math.round(240 * multiple), lineRule: LineRuleType.AUTO });

const STYLES = {
  default: {
    document: {
      run: { font: BODY_FONT, size: 24, language: LANG },
      paragraph: { spacing: { after: 160, ...LINES(1.1) } },
    },
    heading1: {
      run: { font: HEADING_FONT, size: 32, bold: true, color: "000000" },
      paragraph: { spacing: { before: 0, after: 200, ...LINES(1.05) }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: HEADING_FONT, size: 26, bold: true, color: "000000" },
      paragraph: { spacing: { before: 320, after: 120, ...LINES(1.05) }, keepNext: true, keepLines: true },
    },
    heading3: {
      run: { font: HEADING_FONT, size: 24, bold: true, color: "000000" },
      paragraph: { spacing: { before: 240, after: 80, ...LINES(1.05) }, keepNext: true, keepLines: true },
    },
    listParagraph: {
      paragraph: { spacing: { after: 80 } },
    },
    hyperlink: {
      run: { color: "1A4F8B", underline: {} },
    },
    footnoteText: {
      run: { size: 18 },
      paragraph: { spacing: { after: 40, ...LINES(1) } },
    },
  },
  paragraphStyles: [
    {
      id: "Quote",
      name: "Quote",
      basedOn: "Normal",
      next: "Normal",
      quickFormat: true,
      run: { italics: true, color: "404040" },
      paragraph: {
        indent: { left: 567, right: 567 },
        border: { left: { style: BorderStyle.SINGLE, size: 12, color: "999999", space: 8 } },
      },
    },
    {
      id: "Sources",
      name: labels.sourcesStyle,
      basedOn: "Normal",
      run: { size: 20 },
      paragraph: { spacing: { after: 60, ...LINES(1) } },
    },
  ],
} as const;

function level0(format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string): ILevelsOptions[] {
  return [
    {
      level: 0,
      format,
      text,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 567, hanging: 397 } } },
    },
  ];
}

const NUMBERING = [
  { reference: "proposals", levels: level0(LevelFormat.BULLET, "–") },
  { reference: "questions", levels: level0(LevelFormat.DECIMAL, "%1.") },
  { reference: "bullets", levels: level0(LevelFormat.BULLET, "•") },
  { reference: "ordered", levels: level0(LevelFormat.DECIMAL, "%1.") },
];

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ children: [PageNumber.CURRENT, " (", PageNumber.TOTAL_PAGES, ")"], size: 18 })],
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  /** Inside a link: Word's Hyperlink character style. */
  link?: boolean;
  /** A placeholder the signer must fill in: highlighted in yellow. */
  highlight?: boolean;
}

class DocxWriter {
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  private footnoteCount = 0;
  /** Each list gets its own numbering instance, so every ordered list starts at 1. */
  private listCount = 0;

  constructor(private readonly draft: Draft) {}

  body(): Paragraph[] {
    const out: Paragraph[] = [];
    for (const block of this.draft.blocks) this.block(block, out, undefined);
    const sources = draftSources(this.draft);
    if (sources.length > 0) {
      out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(labels.sources)] }));
      // A short list is kept together on one page.
      sources.forEach((s, i) => {
        out.push(
          new Paragraph({
            style: "Sources",
            keepNext: i < sources.length - 1 && sources.length <= 10,
            keepLines: true,
            children: noteChildren(sourceEntry(s)),
          }),
        );
      });
    }
    return out;
  }

  private block(block: Block, out: Paragraph[], style: string | undefined): void {
    switch (block.type) {
      case "heading":
        out.push(new Paragraph({ heading: HEADING[block.level], children: this.inlines(block.children, {}) }));
        break;
      case "paragraph":
        // keepWithNext: on the page of the next paragraph (the first att-sats, the signatures), and never split itself.
        out.push(
          new Paragraph({
            style,
            ...(block.keepWithNext ? { keepNext: true, keepLines: true } : {}),
            children: this.inlines(block.children, {}),
          }),
        );
        break;
      case "list": {
        const reference =
          block.role === "proposals"
            ? "proposals"
            : block.role === "questions"
              ? "questions"
              : block.ordered
                ? "ordered"
                : "bullets";
        const instance = ++this.listCount;
        for (const item of block.items) {
          out.push(
            new Paragraph({
              style: "ListParagraph",
              numbering: { reference, level: 0, instance },
              children: this.inlines(item, {}),
            }),
          );
        }
        break;
      }
      case "quote":
        for (const child of block.children) this.block(child, out, "Quote");
        break;
      case "rule":
        out.push(
          new Paragraph({
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "999999", space: 1 } },
            children: [],
          }),
        );
        break;
    }
  }

  private inlines(nodes: readonly Inline[], style: RunStyle): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    nodes.forEach((node, i) => {
      switch (node.type) {
        case "text":
          out.push(text(node.value, style));
          break;
        case "strong":
          out.push(...this.inlines(node.children, { ...style, bold: true }));
          break;
        case "emphasis":
          out.push(...this.inlines(node.children, { ...style, italics: true }));
          break;
        case "break":
          out.push(new TextRun({ break: 1 }));
          break;
        case "link": {
          const url = linkUrl(node.url);
          if (url)
            out.push(
              new ExternalHyperlink({
                link: xmlSafe(url),
                children: this.inlines(node.children, { ...style, link: true }),
              }),
            );
          else out.push(...this.inlines(node.children, style));
          break;
        }
        case "placeholder":
          out.push(text(placeholderText(node.text), { ...style, highlight: true }));
          break;
        case "citation":
          if (nodes[i - 1]?.type === "citation") out.push(new TextRun({ text: ",", superScript: true }));
          out.push(new FootnoteReferenceRun(this.footnote(citationOf(this.draft, node.n))));
          break;
      }
    });
    return out;
  }

  /** A new footnote for each reference (Word numbers footnotes by their place in the text). */
  private footnote(c: Citation): number {
    const id = ++this.footnoteCount;
    // Word's own footnotes put a space between the note number and the text.
    this.footnotes[String(id)] = {
      children: [new Paragraph({ style: "FootnoteText", children: [text(" "), ...noteChildren(citationNote(c))] })],
    };
    return id;
  }
}

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function text(value: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: xmlSafe(value).replace(/\r\n?|\n/g, " "),
    bold: style.bold,
    italics: style.italics,
    style: style.link ? "Hyperlink" : undefined,
    ...(style.highlight ? { highlight: HighlightColor.YELLOW } : {}),
  });
}

function noteChildren(note: NoteText): ParagraphChild[] {
  const out: ParagraphChild[] = [text(note.text)];
  if (note.url) {
    out.push(text(" "));
    const href = webUrl(note.url);
    out.push(
      href
        ? new ExternalHyperlink({ link: xmlSafe(href), children: [text(note.url, { link: true })] })
        : text(note.url),
    );
  }
  return out;
}
