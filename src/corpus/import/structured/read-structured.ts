/**
 * Files whose structure the import keeps: Riksdagen's JSON (`dokumentstatus`, `dokumentlista`), TEI XML (Swerik,
 * ParlaMint-SE), and .zip files of them as Riksdagen's bulk downloads come. Each file or zip entry is read on its own:
 * one that cannot be read gives its problem and the rest go on. A zip's entries are inflated one at a time under the
 * same bounds as a .docx's parts (docx-zip.ts): no entry past the file limit, none past what its header declares.
 */
import { extname } from "node:path";
import type { ReadProblem } from "../../../domain/read-problem.js";
import { DocxError, inflateBounded, readDirectory } from "../docx-zip.js";
import { maxFileBytes } from "../read-text.js";
import { fromDokumentlista, fromDokumentstatus } from "./riksdagen.js";
import { dokumentlistaSchema, dokumentstatusSchema } from "./riksdagen-schema.js";
import { fromParlamint, isParlamintTei, isSwedishParlamint } from "./tei-parlamint.js";
import { fromRiksdagTei, isRiksdagTei } from "./tei-riksdag.js";
import { parseXml, XmlError } from "./tei-xml.js";
import type { StructuredDoc } from "./types.js";

/** A bulk zip may be larger than one document's file: it is read whole, its entries one at a time. */
export const maxZipBytes = 400 * 1024 * 1024;
/** The most entries a zip may hold (a zip without ZIP64 holds at most 65 535). */
export const maxZipEntries = 65_535;

export type StructuredReading = { ok: true; doc: StructuredDoc } | { ok: false; name: string; problem: ReadProblem };

const structuredExtensions = new Set([".json", ".xml", ".zip"]);

/** Whether a file's name says it is one of the structured kinds (else it is read as text: read-text.ts). */
export const isStructuredName = (name: string): boolean => structuredExtensions.has(extname(name).toLowerCase());

/** The size limit of a file of this name. */
export const sizeLimitOf = (name: string): number =>
  extname(name).toLowerCase() === ".zip" ? maxZipBytes : maxFileBytes;

class StructureProblem extends Error {
  constructor(readonly problem: ReadProblem) {
    super(problem.reason);
  }
}

/** UTF-8 text, a byte order mark taken off. */
function utf8(bytes: Uint8Array): string {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function issueProblem(issues: readonly { path: PropertyKey[]; message: string }[]): ReadProblem {
  const i = issues[0]!;
  return { reason: "structure_invalid", field: i.path.map(String).join(".") || "(roten)", problem: i.message };
}

function readJson(name: string, bytes: Uint8Array): StructuredDoc[] {
  let value: unknown;
  try {
    value = JSON.parse(utf8(bytes));
  } catch (e) {
    throw new StructureProblem({ reason: "not_json", detail: (e as Error).message.slice(0, 200) });
  }
  if (value !== null && typeof value === "object" && "dokumentstatus" in value) {
    const parsed = dokumentstatusSchema.safeParse(value);
    if (!parsed.success) throw new StructureProblem(issueProblem(parsed.error.issues));
    return [fromDokumentstatus(name, parsed.data.dokumentstatus)];
  }
  if (value !== null && typeof value === "object" && "dokumentlista" in value) {
    const parsed = dokumentlistaSchema.safeParse(value);
    if (!parsed.success) throw new StructureProblem(issueProblem(parsed.error.issues));
    return fromDokumentlista(name, parsed.data.dokumentlista.dokument);
  }
  throw new StructureProblem({ reason: "unknown_structure", format: "json" });
}

function readXml(name: string, bytes: Uint8Array): StructuredDoc[] {
  let root: ReturnType<typeof parseXml>;
  try {
    root = parseXml(utf8(bytes));
  } catch (e) {
    if (e instanceof XmlError) throw new StructureProblem({ reason: "not_xml", detail: e.message });
    throw e;
  }
  if (isRiksdagTei(root)) return [fromRiksdagTei(name, root)];
  if (isParlamintTei(root)) {
    if (!isSwedishParlamint(root)) throw new StructureProblem({ reason: "unknown_structure", format: "xml" });
    return fromParlamint(name, root);
  }
  throw new StructureProblem({ reason: "unknown_structure", format: "xml" });
}

/** One .json or .xml file's documents, or its problem. */
function readOne(name: string, bytes: Uint8Array): StructuredReading[] {
  if (bytes.length === 0) return [{ ok: false, name, problem: { reason: "empty" } }];
  if (bytes.length > maxFileBytes) return [{ ok: false, name, problem: { reason: "too_large", bytes: bytes.length } }];
  try {
    const docs = extname(name).toLowerCase() === ".xml" ? readXml(name, bytes) : readJson(name, bytes);
    if (docs.length === 0) return [{ ok: false, name, problem: { reason: "empty" } }];
    return docs.map((doc) => ({ ok: true, doc }));
  } catch (e) {
    if (e instanceof StructureProblem) return [{ ok: false, name, problem: e.problem }];
    throw e;
  }
}

function zipProblem(e: DocxError): ReadProblem {
  const p = e.problem;
  if (p.reason === "not_docx")
    return { reason: "bad_zip", detail: p.detail === "no_document" ? "bad_entry" : p.detail };
  if (p.reason === "header_lies") return { reason: "bad_zip", detail: "header_lies" };
  return { reason: "bad_zip", detail: "too_large" };
}

/** Whether a zip entry is one the import reads (.json, .xml; not a folder). */
const isReadableEntry = (entryName: string): boolean => {
  const ext = extname(entryName).toLowerCase();
  return !entryName.endsWith("/") && (ext === ".json" || ext === ".xml");
};

/**
 * How many entries of a zip the import reads (a batched import reads them in ranges, `ZipRange`); undefined when the
 * zip's directory cannot be read (reading it whole then reports why).
 */
export function readableZipEntries(zip: Uint8Array): number | undefined {
  try {
    return readDirectory(zip, maxZipEntries).filter((e) => isReadableEntry(e.name)).length;
  } catch (e) {
    if (e instanceof DocxError) return undefined;
    throw e;
  }
}

/** The readable entries [from, to) of a zip, counted as `readableZipEntries` counts them. */
export interface ZipRange {
  from: number;
  to: number;
}

/**
 * A zip's .json and .xml entries, each read on its own; other entries (folders, a readme) are passed over. With a
 * range, only those entries (and no "empty" problem for a range without any).
 */
function readZip(name: string, zip: Uint8Array, range?: ZipRange): StructuredReading[] {
  let entries: ReturnType<typeof readDirectory>;
  try {
    entries = readDirectory(zip, maxZipEntries);
  } catch (e) {
    if (e instanceof DocxError) return [{ ok: false, name, problem: zipProblem(e) }];
    throw e;
  }
  const out: StructuredReading[] = [];
  let k = -1;
  for (const entry of entries) {
    if (!isReadableEntry(entry.name)) continue;
    k++;
    if (range && (k < range.from || k >= range.to)) continue;
    const entryName = `${name}/${entry.name}`;
    if (entry.flags & 1) {
      out.push({ ok: false, name: entryName, problem: { reason: "bad_zip", detail: "encrypted" } });
      continue;
    }
    if (entry.declaredSize > maxFileBytes) {
      out.push({ ok: false, name: entryName, problem: { reason: "too_large", bytes: entry.declaredSize } });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = inflateBounded(zip, entry, maxFileBytes);
    } catch (e) {
      if (!(e instanceof DocxError)) throw e;
      out.push({ ok: false, name: entryName, problem: zipProblem(e) });
      continue;
    }
    out.push(...readOne(entryName, bytes));
  }
  if (out.length === 0 && !range) return [{ ok: false, name, problem: { reason: "empty" } }];
  return out;
}

/** The documents of a structured file (.json, .xml, .zip) given as its name and bytes; of a zip, a range of them. */
export function readStructured(name: string, bytes: Uint8Array, range?: ZipRange): StructuredReading[] {
  if (extname(name).toLowerCase() === ".zip") {
    if (bytes.length > maxZipBytes)
      return [{ ok: false, name, problem: { reason: "too_large", bytes: bytes.length, limitBytes: maxZipBytes } }];
    return readZip(name, bytes, range);
  }
  return readOne(name, bytes);
}
