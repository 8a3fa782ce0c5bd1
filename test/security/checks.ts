/**
 * What every generated file must be, checked with real parsers: a DOCX whose every XML part
 * is well-formed XML 1.0 (xmldom for the structure, plus the Char production xmldom does not
 * enforce: forbidden characters, raw or as character references); HTML with nothing
 * executable; a Draft whose structure did not come from user values.
 */
import { DOMParser, type Document as XmlDocument, type Element as XmlElement } from "@xmldom/xmldom";
import { unzipSync, strFromU8 } from "fflate";
import type { Block, Draft, Inline } from "../../src/domain/draft.js";

/** XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
const notXmlChar = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function isXmlCodePoint(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Throws, naming the part, unless `text` is a well-formed XML 1.0 document. */
export function parseXmlStrict(name: string, text: string): XmlDocument {
  const bad = notXmlChar.exec(text);
  if (bad)
    throw new Error(
      `${name}: character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} ` +
        `at ${bad.index} is not allowed in XML`,
    );
  for (const m of text.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const cp = m[1]!.startsWith("x") ? parseInt(m[1]!.slice(1), 16) : parseInt(m[1]!, 10);
    if (!isXmlCodePoint(cp))
      throw new Error(`${name}: character reference ${m[0]} at ${m.index} is not allowed in XML`);
  }
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") errors.push(`${level}: ${message}`);
    },
  }).parseFromString(text, "application/xml");
  if (errors.length > 0) throw new Error(`${name}: ${errors.join("; ")}`);
  if (!doc.documentElement) throw new Error(`${name}: no root element`);
  return doc;
}

export interface DocxParts {
  /** Every part's name → parsed XML (only .xml and .rels parts). */
  xml: Map<string, XmlDocument>;
  document: XmlDocument;
}

/** Unzips a DOCX and parses every XML part strictly; throws on the first part that is not XML. */
export function checkDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const xml = new Map<string, XmlDocument>();
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    xml.set(name, parseXmlStrict(name, strFromU8(data)));
  }
  for (const required of ["[Content_Types].xml", "word/document.xml", "docProps/core.xml"]) {
    if (!xml.has(required)) throw new Error(`the DOCX has no ${required}`);
  }
  return { xml, document: xml.get("word/document.xml")! };
}

function elements(parent: XmlDocument | XmlElement, tag: string): XmlElement[] {
  return Array.from(parent.getElementsByTagName(tag) as unknown as ArrayLike<XmlElement>);
}

/** The body's paragraphs as "style" or "style#numbering" (Normal when unstyled). */
export function docxParagraphShapes(doc: XmlDocument): string[] {
  const body = elements(doc, "w:body")[0]!;
  return elements(body, "w:p").map((p) => {
    const style = elements(p, "w:pStyle")[0]?.getAttribute("w:val") ?? "Normal";
    const num = elements(p, "w:numId")[0]?.getAttribute("w:val");
    return num ? `${style}#list` : style;
  });
}

/** Text of the w:t runs in a part. */
export function xmlText(doc: XmlDocument, tag = "w:t"): string {
  return elements(doc, tag)
    .map((e) => e.textContent ?? "")
    .join("");
}

/** Hyperlink targets in a DOCX's relationships. */
export function docxLinkTargets(parts: DocxParts): string[] {
  const out: string[] = [];
  for (const [name, doc] of parts.xml) {
    if (!name.endsWith(".rels")) continue;
    for (const r of elements(doc, "Relationship")) {
      if ((r.getAttribute("Type") ?? "").endsWith("/hyperlink")) out.push(r.getAttribute("Target") ?? "");
    }
  }
  return out;
}

/** Problems with an HTML string a user value reached: script elements, event handlers, unsafe URLs. */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  if (/<script\b/i.test(html)) problems.push("a <script> element");
  if (
    /<(iframe|object|embed|img|svg|math|style|link|meta http-equiv|base|form)\b/i.test(
      html.replace(/<meta (charset|name)=[^>]*>/g, "").replace(/<style>[^<]*<\/style>/, ""),
    )
  )
    problems.push("an element no draft has");
  for (const m of html.matchAll(/<[a-z][^>]*>/gi)) {
    const tag = m[0];
    // Attribute values blanked: what is left is the tag's own names, which no value may add to.
    const rest = tag.replace(/"[^"]*"/g, '""');
    if (/\son[a-z]+\s*=/i.test(rest)) problems.push(`an event handler: ${tag.slice(0, 80)}`);
    for (const a of tag.matchAll(/\s(href|src|action|formaction)\s*=\s*"([^"]*)"/gi)) {
      const url = a[2]!
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&");
      if (!/^(https?:|mailto:|#)/i.test(url.trim())) problems.push(`an unsafe URL: ${url.slice(0, 80)}`);
    }
    // An attribute value that leaked out of its quotes leaves a stray quote or bracket.
    if (/['<]/.test(rest.slice(1))) problems.push(`a broken tag: ${tag.slice(0, 80)}`);
  }
  return problems;
}

/** The Draft's structure apart from plain paragraphs and text: what user values must never change. */
export function structure(draft: Draft): string[] {
  const out: string[] = [];
  const inl = (xs: readonly Inline[]): string =>
    xs
      .map((x) => {
        switch (x.type) {
          case "text":
            return "";
          case "break":
            return "";
          case "citation":
            return `^${x.n}`;
          case "link":
            return `[link ${x.url}:${inl(x.children)}]`;
          case "placeholder":
            return `[placeholder:${x.text}]`;
          default:
            return `[${x.type}:${inl(x.children)}]`;
        }
      })
      .join("");
  const visit = (b: Block, depth: string): void => {
    switch (b.type) {
      case "heading":
        out.push(`${depth}h${b.level}${inl(b.children)}`);
        break;
      case "paragraph": {
        const s = inl(b.children);
        if (s) out.push(`${depth}p${s}`);
        break;
      }
      case "list":
        out.push(`${depth}${b.ordered ? "ol" : "ul"}:${b.role}:${b.items.length}${b.items.map(inl).join("|")}`);
        break;
      case "quote":
        out.push(`${depth}quote`);
        for (const c of b.children) visit(c, `${depth}>`);
        break;
      case "rule":
        out.push(`${depth}hr`);
        break;
    }
  };
  for (const b of draft.blocks) visit(b, "");
  out.push(`citations:${draft.citations.length}`);
  return out;
}

/** All text of a draft (blocks and citations), whitespace collapsed. */
export function draftText(draft: Draft): string {
  const inl = (xs: readonly Inline[]): string =>
    xs
      .map((x) => (x.type === "text" ? x.value : x.type === "break" ? " " : "children" in x ? inl(x.children) : " "))
      .join("");
  const blk = (b: Block): string =>
    b.type === "heading" || b.type === "paragraph"
      ? inl(b.children)
      : b.type === "list"
        ? b.items.map(inl).join(" ")
        : b.type === "quote"
          ? b.children.map(blk).join(" ")
          : "";
  return draft.blocks.map(blk).join(" ").replace(/\s+/g, " ");
}
