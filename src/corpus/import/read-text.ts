/**
 * Reads a file a user imports into plain text: .txt and .md (UTF-8, or Latin-1/Windows-1252
 * when the bytes are not UTF-8: src/lang/decode-text.ts), .docx (mammoth), .pdf (pdf.js). Refuses what is empty,
 * binary, too large or of an unknown kind, with a reason the user can act on.
 */
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import type { ReadProblem } from "../../domain/read-problem.js";
import { decodeText, DecodeError } from "../../lang/decode-text.js";
import { importPackage } from "../../loading/import-package.js";

export const maxFileBytes = 20 * 1024 * 1024;
/**
 * The longest text a document may have: tagging builds several times the text's size, so this
 * bounds an import's memory (a 2 MB text peaks at about 100 MB over the base; RELIABILITY.md).
 * Three million characters are some 1 500 pages; a longer text is split before it is imported.
 */
export const maxTextChars = 3_000_000;

export type ImportFormat = "txt" | "md" | "docx" | "pdf";

/** A file whose reading needed more memory than the import thread has (src/threads/import-threads.ts). */
export const memoryReadProblem = (limitMb: number): ReadProblem => ({
  reason: "unreadable",
  detail: `filen kräver mer minne än en import får använda (${limitMb} MB)`,
});

export class ReadError extends Error {
  constructor(readonly problem: ReadProblem) {
    super(problem.reason);
  }
}

export const formatsByExtension: Record<string, ImportFormat> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".docx": "docx",
  ".pdf": "pdf",
};

export function formatOf(file: string): ImportFormat {
  const ext = extname(file).toLowerCase();
  const f = formatsByExtension[ext];
  if (!f) throw new ReadError({ reason: "unknown_extension", extension: ext || "(ingen)" });
  return f;
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const { verifiedDocx, DocxError } = await import("./docx-zip.js");
  let verified: Uint8Array;
  try {
    // Only bytes inflated under our own limits reach mammoth: the zip's headers are not trusted.
    verified = verifiedDocx(bytes);
  } catch (e) {
    if (e instanceof DocxError) throw new ReadError(e.problem);
    throw e;
  }
  const mammoth = (await import("mammoth")).default;
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(verified) });
    return value;
  } catch (e) {
    throw new ReadError({ reason: "unreadable", detail: `DOCX-filen kunde inte läsas (${(e as Error).message})` });
  }
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await importPackage<typeof import("pdfjs-dist/legacy/build/pdf.mjs")>(
    "pdfjs-dist/legacy/build/pdf.mjs",
  );
  try {
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      useSystemFonts: false,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      let line = "";
      const lines: string[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = "";
        }
      }
      if (line) lines.push(line);
      pages.push(lines.join("\n"));
    }
    await doc.destroy();
    return pages.join("\n\n");
  } catch (e) {
    throw new ReadError({ reason: "unreadable", detail: `PDF-filen kunde inte läsas (${(e as Error).message})` });
  }
}

/** decodeText, its problems as the file's. */
function decodeBytes(bytes: Uint8Array): ReturnType<typeof decodeText> {
  try {
    return decodeText(bytes);
  } catch (e) {
    if (e instanceof DecodeError) throw new ReadError(e.problem);
    throw e;
  }
}

export interface ReadText {
  text: string;
  format: ImportFormat;
  encoding?: string;
}

/** The text of a file given as its name (for its kind) and bytes, as readText. */
export async function textOf(name: string, bytes: Uint8Array): Promise<ReadText> {
  const format = formatOf(name);
  if (bytes.length > maxFileBytes) throw new ReadError({ reason: "too_large", bytes: bytes.length });
  if (bytes.length === 0) throw new ReadError({ reason: "empty" });
  let out: ReadText;
  if (format === "docx") out = { text: await docxText(bytes), format };
  else if (format === "pdf") out = { text: await pdfText(bytes), format };
  else {
    const { text, encoding } = decodeBytes(bytes);
    out = { text, format, encoding };
  }
  out.text = out.text.normalize("NFC").replace(/\r\n?/g, "\n");
  if (out.text.trim().length === 0) throw new ReadError({ reason: "empty" });
  if (out.text.length > maxTextChars)
    throw new ReadError({ reason: "text_too_long", chars: out.text.length, limit: maxTextChars });
  return out;
}

export async function readText(file: string): Promise<ReadText> {
  formatOf(file);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (e) {
    throw new ReadError({
      reason: "unreadable",
      detail: (e as NodeJS.ErrnoException).code === "ENOENT" ? "filen finns inte" : (e as Error).message,
    });
  }
  // Sizes are checked before the file is read into memory.
  if (size > maxFileBytes) throw new ReadError({ reason: "too_large", bytes: size });
  if (size === 0) throw new ReadError({ reason: "empty" });
  return textOf(file, new Uint8Array(await readFile(file)));
}

/** The extensions read as text (.txt, .md, .docx, .pdf and their variants). */
export const textExtensions: readonly string[] = Object.keys(formatsByExtension);
