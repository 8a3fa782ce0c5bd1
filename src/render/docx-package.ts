/**
 * The zip of a DOCX, with the parts that are the same for every Motionera document built and
 * compressed once per process.
 *
 * The `docx` package formats and deflates every part of the package for every document: the
 * styles, theme, settings, font table, content types, endnotes, footer and properties that
 * follow from docx.ts's constants alone, about 60 % of the package's bytes. Here the package's
 * own compiler still writes every part that depends on the document (document, footnotes,
 * their relationships, core properties), but its formatter is handed, for the shared parts,
 * a stand-in that writes nothing; those parts come from the first document of the process,
 * deflated once, or, in the build's bundles, from the build's own representative draft
 * (stored-docx-parts.ts), so a command's one document makes none of them. The numbering part
 * depends only on which lists a document has: it is kept per set of lists. Everything that gets
 * written is the package's own XML, byte for byte (test/render/docx-package.test.ts compares
 * every part with a fresh `Packer` document).
 *
 * Should a version of `docx` no longer have the compiler this reads (or Node no `zlib.crc32`,
 * before 20.15), every document is written by `Packer.toBuffer`: slower, never wrong.
 */
import * as zlib from "node:zlib";
import { Packer, type Document } from "docx";
import { runningBuild } from "../loading/build-id.js";
import { savesCodeCache } from "../loading/cached-script.js";
import { readStoredParts, saveStoredParts, storedPartsFile, type Entry } from "./stored-docx-parts.js";

/** docx's internal compiler, as far as this module uses it. */
interface Compiler {
  formatter: { format(input: XmlPart, context: unknown): unknown };
  compile(file: Document): Map<string, string | Uint8Array>;
}

interface XmlPart {
  prepForXml(context: unknown): unknown;
}

/** A file's own view of the parts this module shares (the getters docx's compiler reads). */
interface FileParts {
  Styles: XmlPart;
  Settings: XmlPart;
  FontTable: { View: XmlPart; Relationships: XmlPart };
  Theme: XmlPart;
  ContentTypes: XmlPart;
  AppProperties: XmlPart;
  CustomProperties: XmlPart;
  FileRelationships: XmlPart;
  Endnotes: { View: XmlPart };
  Footers: { View: XmlPart }[];
  Numbering: XmlPart & {
    ConcreteNumbering: { numId: number; reference: string; instance: number; restartedListId?: string }[];
  };
}

/** The paths whose content does not depend on the document (docx.ts's styles, page and footer). */
const SHARED_PATHS = [
  "word/styles.xml",
  "word/settings.xml",
  "word/fontTable.xml",
  "word/_rels/fontTable.xml.rels",
  "word/theme/theme1.xml",
  "[Content_Types].xml",
  "docProps/app.xml",
  "docProps/custom.xml",
  "_rels/.rels",
  "word/endnotes.xml",
  "word/footer1.xml",
] as const;

const NUMBERING_PATH = "word/numbering.xml";
const MAX_NUMBERINGS = 64;

/** What the formatter writes instead of a shared part: the compiler's result for it is thrown away. */
const NOTHING = { "motionera:shared": {} };

/**
 * The shared parts this build's representative draft saved (stored-docx-parts.ts), when the code runs from the
 * build's bundles; else undefined, and the first document makes them.
 */
function storedShared(): Map<string, Entry> | undefined {
  const build = runningBuild();
  return build === undefined ? undefined : readStoredParts(storedPartsFile, build, SHARED_PATHS);
}

class SharedParts {
  /** The shared parts, deflated: saved by the build, or made by the first document. */
  private shared: Map<string, Entry> | undefined = storedShared();
  private readonly numberings = new Map<string, Entry>();
  private readonly compiler: Compiler;
  /** The parts the formatter leaves out of the document being compiled. */
  private skip = new Set<unknown>();
  /** The document's numbering part, and its lists once the document itself has been formatted. */
  private numbering: { part: XmlPart; key?: string; kept?: Entry } | undefined;

  constructor(base: Compiler) {
    const Ctor = base.constructor as new () => Compiler;
    this.compiler = new Ctor();
    this.compiler.formatter = {
      format: (input, context) => {
        if (this.skip.has(input)) return NOTHING;
        if (this.numbering?.part === input) {
          // The lists are known now: the document and its footnotes are formatted first.
          const key = numberingKeyOf(this.numbering.part as FileParts["Numbering"]);
          this.numbering.key = key;
          this.numbering.kept = this.numberings.get(key);
          if (this.numbering.kept) return NOTHING;
        }
        const output = input.prepForXml(context);
        if (!output) throw new Error("XMLComponent did not format correctly");
        return output;
      },
    };
  }

  zip(doc: Document): Buffer {
    const parts = doc as unknown as FileParts;
    this.skip = this.shared ? sharedInputs(parts) : new Set();
    this.numbering = this.shared ? { part: parts.Numbering } : undefined;
    let files: Map<string, string | Uint8Array>;
    let numbering: { key?: string; kept?: Entry } = {};
    try {
      files = this.compiler.compile(doc);
      numbering = this.numbering ?? {};
    } finally {
      this.skip = new Set();
      this.numbering = undefined;
    }
    if (!this.shared) {
      this.shared = new Map(SHARED_PATHS.map((path) => [path, entryOf(path, files.get(path) ?? "")]));
      // The build's representative draft saves them for the build's commands (stored-docx-parts.ts).
      const build = runningBuild();
      if (build !== undefined && savesCodeCache()) saveStoredParts(storedPartsFile, build, this.shared);
    }
    const entries: Entry[] = [];
    for (const [path, data] of files) {
      const shared = this.shared.get(path);
      if (shared) entries.push(shared);
      else if (path === NUMBERING_PATH) entries.push(numbering.kept ?? this.keepNumbering(numbering.key, data));
      else entries.push(entryOf(path, data));
    }
    return zipOf(entries);
  }

  private keepNumbering(key: string | undefined, data: string | Uint8Array): Entry {
    const entry = entryOf(NUMBERING_PATH, data);
    if (key === undefined) return entry;
    if (this.numberings.size >= MAX_NUMBERINGS) this.numberings.clear();
    this.numberings.set(key, entry);
    return entry;
  }
}

function sharedInputs(parts: FileParts): Set<unknown> {
  return new Set<unknown>([
    parts.Styles,
    parts.Settings,
    parts.FontTable.View,
    parts.FontTable.Relationships,
    parts.Theme,
    parts.ContentTypes,
    parts.AppProperties,
    parts.CustomProperties,
    parts.FileRelationships,
    parts.Endnotes.View,
    ...parts.Footers.map((footer) => footer.View),
  ]);
}

/** The lists of a document as the numbering part writes them. */
function numberingKeyOf(numbering: FileParts["Numbering"]): string {
  return numbering.ConcreteNumbering.map(
    (n) => `${n.numId}:${n.reference}:${n.instance}:${n.restartedListId ?? ""}`,
  ).join("|");
}

let sharedParts: SharedParts | null | undefined;

/** The DOCX package of `doc` (a `docx` Document of docx.ts, whose shared parts are the same for all). */
export async function packDocx(doc: Document): Promise<Buffer> {
  if (sharedParts === undefined) {
    const base = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
    sharedParts =
      typeof base?.compile === "function" &&
      typeof base.formatter?.format === "function" &&
      typeof zlib.crc32 === "function"
        ? new SharedParts(base as Compiler)
        : null;
  }
  return sharedParts ? sharedParts.zip(doc) : Packer.toBuffer(doc);
}

// ---------------------------------------------------------------------------------------
// The zip: local headers, deflated data, central directory (what Word and LibreOffice read).

const encoder = new TextEncoder();

function entryOf(path: string, data: string | Uint8Array): Entry {
  const bytes = typeof data === "string" ? encoder.encode(data) : data;
  return {
    name: Buffer.from(path, "utf8"),
    crc: zlib.crc32(bytes),
    size: bytes.length,
    data: zlib.deflateRawSync(bytes),
  };
}

/** MS-DOS time and date of now, as zip headers give them. */
function dosDateTime(now: Date): [number, number] {
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  const date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  return [time, date];
}

function zipOf(entries: readonly Entry[]): Buffer {
  const [time, date] = dosDateTime(new Date());
  let local = 0;
  let central = 0;
  for (const e of entries) {
    local += 30 + e.name.length + e.data.length;
    central += 46 + e.name.length;
  }
  const out = Buffer.allocUnsafe(local + central + 22);
  let at = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    out.writeUInt32LE(0x04034b50, at);
    out.writeUInt16LE(20, at + 4); // version needed: 2.0 (deflate)
    out.writeUInt16LE(0x0800, at + 6); // names in UTF-8
    out.writeUInt16LE(8, at + 8); // deflate
    out.writeUInt16LE(time, at + 10);
    out.writeUInt16LE(date, at + 12);
    out.writeUInt32LE(e.crc, at + 14);
    out.writeUInt32LE(e.data.length, at + 18);
    out.writeUInt32LE(e.size, at + 22);
    out.writeUInt16LE(e.name.length, at + 26);
    out.writeUInt16LE(0, at + 28);
    at += 30;
    at += e.name.copy(out, at);
    out.set(e.data, at);
    at += e.data.length;
  }
  const centralStart = at;
  entries.forEach((e, i) => {
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(20, at + 6);
    out.writeUInt16LE(0x0800, at + 8);
    out.writeUInt16LE(8, at + 10);
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(date, at + 14);
    out.writeUInt32LE(e.crc, at + 16);
    out.writeUInt32LE(e.data.length, at + 20);
    out.writeUInt32LE(e.size, at + 24);
    out.writeUInt16LE(e.name.length, at + 28);
    out.fill(0, at + 30, at + 42); // extra, comment, disk, internal and external attributes
    out.writeUInt32LE(offsets[i]!, at + 42);
    at += 46;
    at += e.name.copy(out, at);
  });
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(0, at + 4);
  out.writeUInt16LE(0, at + 6);
  out.writeUInt16LE(entries.length, at + 8);
  out.writeUInt16LE(entries.length, at + 10);
  out.writeUInt32LE(at - centralStart, at + 12);
  out.writeUInt32LE(centralStart, at + 16);
  out.writeUInt16LE(0, at + 20);
  return out;
}
