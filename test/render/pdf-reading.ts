/**
 * Reading our PDFs back the way a reader's tools do (pdftotext, page by page) and comparing
 * them with the Draft they were made from. The expected text is derived from the Draft here,
 * in the test, by walking it — so it holds whatever the templates say — and the PDF's layout
 * rules (keep-with-next, no heading at the foot of a page) are checked from the Draft's flags.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { citationNote, linkUrl, noteLine, sourceEntry } from "../../src/render/citation-text.js";
import { labels } from "../../src/render/messages.sv.js";
import { superscript } from "../../src/render/pdf.js";
import {
  inlineText,
  notedCitations,
  placeholderText,
  type Block,
  type Draft,
  type Inline,
} from "../../src/domain/draft.js";

const run = promisify(execFile);

/**
 * One piece of the document in reading order: a heading, a paragraph, a list item (with its
 * label), a note. `heading`: must not end a page. `keep`: a keepWithNext paragraph.
 * `wholeNext`: the unit after this one must stand whole beside it (a list's first item).
 */
export interface Unit {
  text: string;
  kind: "heading" | "paragraph" | "item";
  keep: boolean;
  /** The first unit of its block (a list's first item, a quote's first paragraph). */
  first: boolean;
}

/** The text a reader should get from a run of inlines, citations as superscript numbers. */
export function inlinesReading(draft: Draft, xs: readonly Inline[]): string {
  let out = "";
  xs.forEach((x, i) => {
    switch (x.type) {
      case "text":
        out += x.value;
        break;
      case "break":
        out += "\n";
        break;
      case "placeholder":
        out += placeholderText(x.text);
        break;
      case "citation":
        out += (xs[i - 1]?.type === "citation" ? "," : "") + superscript(draft.citations[x.n - 1]!.n);
        break;
      case "link":
        out += inlinesReading(draft, x.children);
        if (!linkUrl(x.url) && inlineText(x.children).trim() !== x.url) out += ` (${x.url})`;
        break;
      default:
        out += inlinesReading(draft, x.children);
    }
  });
  return out;
}

/** The Draft as the units a reader meets, "Noter" and "Källor" included. */
export function draftUnits(draft: Draft): Unit[] {
  const units: Unit[] = [];
  const walk = (blocks: readonly Block[]): void => {
    for (const b of blocks) {
      switch (b.type) {
        case "heading":
          units.push({ text: inlinesReading(draft, b.children), kind: "heading", keep: false, first: true });
          break;
        case "paragraph":
          units.push({
            text: inlinesReading(draft, b.children),
            kind: "paragraph",
            keep: b.keepWithNext === true,
            first: true,
          });
          break;
        case "list": {
          const bullet = b.role === "proposals" ? "–" : "•";
          b.items.forEach((item, i) => {
            units.push({
              text: `${b.ordered ? `${i + 1}.` : bullet} ${inlinesReading(draft, item)}`,
              kind: "item",
              keep: false,
              first: i === 0,
            });
          });
          break;
        }
        case "quote": {
          const start = units.length;
          walk(b.children);
          if (units[start]) units[start]!.first = true;
          break;
        }
        case "rule":
          break;
      }
    }
  };
  walk(draft.blocks);
  const notes = notedCitations(draft);
  if (notes.length > 0) {
    units.push({ text: labels.notes, kind: "heading", keep: false, first: true });
    notes.forEach((c, i) => {
      units.push({ text: `${c.n}. ${noteLine(citationNote(c))}`, kind: "item", keep: false, first: i === 0 });
    });
  }
  if (draft.sources.length > 0) {
    units.push({ text: labels.sources, kind: "heading", keep: false, first: true });
    draft.sources.forEach((s, i) => {
      units.push({ text: `• ${noteLine(sourceEntry(s))}`, kind: "item", keep: false, first: i === 0 });
    });
  }
  return units.filter((u) => normalise(u.text) !== "");
}

/**
 * Whitespace collapsed; hyphens left out (pdftotext joins a word hyphenated at the end of a
 * line, "hälso-" / "och" → "hälsooch"); and no space after a dash, slash, "?", "&" or "=",
 * where a line may break too (a long URL), so pdftotext reads a space the text does not have.
 * Applied to both sides, so it hides no lost or added letter.
 */
export function normalise(s: string): string {
  return s.replace(/\s+/g, " ").replace(HYPHEN, "").replace(BREAK_AFTER, "$1").trim();
}

const HYPHEN = / ?[-\u2010\u00AD] ?/g;
const BREAK_AFTER = /([–—/?&=]) /g;

/**
 * Each page's text as pdftotext reads it, the page number "2 (3)" at its foot left out. One
 * pdftotext call for the whole file: it ends every page with a form feed, and what stands
 * between two is exactly what `pdftotext -f N -l N` gives for page N.
 */
export async function pdfPages(path: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" });
  const pages = stdout.split("\f");
  if (pages[pages.length - 1]?.trim() === "") pages.pop();
  const count = pages.length;
  return pages.map((text, i) => {
    const number = `${i + 1} (${count})`;
    const trimmed = text.trimEnd();
    if (count <= 1 || !trimmed.endsWith(number)) return trimmed;
    const body = trimmed.slice(0, -number.length);
    // A page that ends in a word hyphenated at the line's end ("…helsingborg-ar-en-"): pdftotext
    // drops the hyphen and glues the word to the page number ("…helsingborg-ar-en2 (3)").
    // Put the hyphen back, so the word is joined with its rest on the next page.
    return /\p{L}$/u.test(body) ? `${body}-` : body;
  });
}

/** The document's text, normalised, with the page each character stands on. */
export function readPages(pages: readonly string[]): { text: string; pageAt: number[] } {
  let text = "";
  const pageAt: number[] = [];
  let brokeAfter = false;
  pages.forEach((page, i) => {
    const norm = normalise(page);
    if (norm === "") return;
    // A page break reads as a space, unless the line broke after a hyphen, dash or slash.
    if (text !== "" && !brokeAfter) {
      text += " ";
      pageAt.push(i + 1);
    }
    brokeAfter = /[-\u2010\u00AD–—/?&=]$/.test(page.trimEnd());
    text += norm;
    for (let k = 0; k < norm.length; k++) pageAt.push(i + 1);
  });
  return { text, pageAt };
}

/** The Draft's expected reading, normalised. */
export function expectedReading(draft: Draft): string {
  return normalise(
    draftUnits(draft)
      .map((u) => u.text)
      .join(" "),
  );
}

export interface Placed extends Unit {
  /** Pages of the unit's first and last character, and of the end of its first word. */
  startPage: number;
  endPage: number;
  firstWordPage: number;
}

/**
 * Where each unit stands, found in order in the document's reading. Call only after checking
 * that the reading equals `expectedReading(draft)`; throws if a unit cannot be found.
 */
export function placeUnits(draft: Draft, read: { text: string; pageAt: number[] }): Placed[] {
  let at = 0;
  return draftUnits(draft).map((u) => {
    const needle = normalise(u.text);
    const start = read.text.indexOf(needle, at);
    if (start < 0) throw new Error(`not found in the PDF's text: ${needle.slice(0, 80)}`);
    at = start + needle.length;
    const firstWordEnd = needle.includes(" ") ? needle.indexOf(" ") : needle.length;
    return {
      ...u,
      startPage: read.pageAt[start]!,
      endPage: read.pageAt[at - 1]!,
      firstWordPage: read.pageAt[start + firstWordEnd - 1]!,
    };
  });
}

/**
 * The PDF's layout faults against the Draft's rules: a heading whose next unit starts on a
 * later page (a heading at the foot of a page), a keepWithNext paragraph split over pages or
 * apart from the start of what follows (from a list, its whole first item). Empty: none.
 */
export function layoutFaults(placed: readonly Placed[]): string[] {
  const faults: string[] = [];
  const name = (u: Placed): string => JSON.stringify(normalise(u.text).slice(0, 60));
  placed.forEach((u, i) => {
    const next = placed[i + 1];
    if (u.kind === "heading") {
      if (u.startPage !== u.endPage) faults.push(`heading ${name(u)} is split over pages ${u.startPage}–${u.endPage}`);
      if (next && next.firstWordPage !== u.endPage)
        faults.push(`heading ${name(u)} ends page ${u.endPage}; ${name(next)} starts on page ${next.firstWordPage}`);
    }
    if (u.keep) {
      if (u.startPage !== u.endPage)
        faults.push(`kept paragraph ${name(u)} is split over pages ${u.startPage}–${u.endPage}`);
      if (next) {
        const nextPage = next.kind === "item" ? next.endPage : next.firstWordPage;
        if (nextPage !== u.endPage)
          faults.push(`kept paragraph ${name(u)} on page ${u.endPage}; ${name(next)} reaches to page ${nextPage}`);
      }
    }
  });
  return faults;
}
