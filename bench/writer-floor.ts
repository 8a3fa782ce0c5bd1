/**
 * The floor of one command on the required stack, for bench/draft-pipeline.ts: a Node program that loads only the
 * writer libraries (the docx package; pdfkit for a PDF) and writes a one-paragraph document with each, nothing
 * else (no templates, facts, checks or command line). `node writer-floor.js <docx|docx,pdf> <out dir>`; the bench
 * also runs `writeFloor` from a code-cached bundle (floor-cached.ts), as bin/motionera.js runs the command line.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export async function writeFloor(formats: string, outDir: string): Promise<void> {
  if (formats.split(",").includes("docx")) {
    const { Document, Packer, Paragraph } = await import("docx");
    const doc = new Document({ sections: [{ children: [new Paragraph("Motion")] }] });
    writeFileSync(join(outDir, "floor.docx"), await Packer.toBuffer(doc));
  }
  if (formats.split(",").includes("pdf")) {
    const { default: PDFDocument } = await import("pdfkit");
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => doc.on("end", resolve));
    doc.text("Motion");
    doc.end();
    await done;
    writeFileSync(join(outDir, "floor.pdf"), Buffer.concat(chunks));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [formats = "docx", outDir = "."] = process.argv.slice(2);
  void writeFloor(formats, outDir);
}
