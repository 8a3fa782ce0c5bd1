/**
 * Import of hostile files: each one fails cleanly, with a Swedish message the CLI prints
 * after the file's name, in bounded time and memory, and nothing is stored for it; the good
 * files of the same run are stored. Figures (time, RSS growth) are printed for RELIABILITY.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles, type ImportOutcome } from "../../src/corpus/import/import-files.js";
import { explainError, explainReadProblem } from "../../src/messages.sv.js";
import { renderDocx } from "../../src/render/docx.js";
import { renderPdf } from "../../src/render/pdf.js";
import { LowdbStore } from "../../src/store/lowdb-store.js";
import type { Draft } from "../../src/domain/draft.js";
import { tempDir } from "../render/helpers.js";
import { bombKernel, docxParts, docxWith, entry, nestedDocumentXml, zipRaw } from "./hostile-files.js";

const motionText = [
  "Motion till kommunfullmäktige i Karlstad",
  "Inför ett stöd för sexköpare som vill sluta",
  "Karlstads kommun har en mottagning för personer som köper sex.",
  "Med anledning av ovanstående föreslår jag kommunfullmäktige besluta",
  "att kommunstyrelsen utreder hur mottagningen kan byggas ut",
  "Karlstad den 16 oktober 2019",
  "Eva Exempelsson (S)",
].join("\n\n");

const draft: Draft = {
  meta: {
    title: "Inför ett stöd",
    kind: "motion",
    templateId: "t",
    language: "sv-SE",
    date: "2019-10-16",
    municipality: { code: "1780", name: "Karlstad", selfName: "Karlstads kommun" },
    authors: [{ name: "Eva Exempelsson", party: "S" }],
    keywords: [],
  },
  blocks: motionText
    .split("\n\n")
    .map((p) => ({ type: "paragraph" as const, children: [{ type: "text" as const, value: p }] })),
  citations: [],
  sources: [],
};

/** What the CLI prints for a failed file: "  <file>: <reason>". */
function failureLine(o: ImportOutcome): string {
  if (o.ok) throw new Error(`${o.file} was imported`);
  const why = o.problem.kind === "read" ? explainReadProblem(o.problem.problem) : explainError(o.problem.details);
  return `${o.file}: ${why}`;
}

const MB = 1024 * 1024;
const rssBound = 500 * MB;
const figures: string[] = [];

const tmp = tempDir("motionera-hostile-import-");
let base: Record<string, Uint8Array>;
let goodDocx: Uint8Array;
let goodPdf: Uint8Array;

beforeAll(async () => {
  goodDocx = await renderDocx(draft);
  goodPdf = await renderPdf(draft);
  base = docxParts(goodDocx);
});
afterAll(() => {
  tmp.cleanup();
  if (figures.length) console.log(`\nHostile import figures:\n${figures.map((f) => `  ${f}`).join("\n")}`);
});

/**
 * Imports `bytes` as `name` together with one good file, into a fresh database: the bad file
 * fails with a Swedish reason, the good one is stored, RSS grows less than the bound.
 */
async function importHostile(name: string, bytes: Uint8Array, reason: RegExp): Promise<string> {
  const dir = join(tmp.dir, name.replace(/\W+/g, "-"));
  mkdirSync(dir, { recursive: true });
  const bad = join(dir, name);
  const good = join(dir, "god-motion.txt");
  writeFileSync(bad, bytes);
  writeFileSync(good, motionText);
  const db = join(dir, "db.json");
  const store = await LowdbStore.open(db);
  const before = (await store.documents()).length;
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  let outcomes: ImportOutcome[];
  try {
    outcomes = await importFiles(store, [bad, good]);
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - t0;
  peak = Math.max(peak, process.memoryUsage().rss);
  const growth = peak - rss0;
  figures.push(
    `${name} (${(bytes.length / 1024).toFixed(0)} KB): ${ms.toFixed(0)} ms, peak RSS ` +
      `growth ${(growth / MB).toFixed(0)} MB`,
  );
  expect(growth, `RSS grew by ${(growth / MB).toFixed(0)} MB`).toBeLessThan(rssBound);

  const [badOutcome, goodOutcome] = outcomes;
  const line = failureLine(badOutcome!);
  expect(line.startsWith(`${bad}: `)).toBe(true);
  expect(line).toMatch(reason);
  // Swedish, for a person: no stack trace, no bare English exception.
  expect(line).not.toMatch(/\n\s+at |Error:|undefined|\[object/);
  expect(goodOutcome!.ok).toBe(true);
  // Nothing stored for the failed file; the good one is stored.
  const after = await LowdbStore.open(db);
  const docs = await after.documents();
  expect(docs.length).toBe(before + 1);
  expect(docs.some((d) => d.imported?.file === name)).toBe(false);
  expect(readFileSync(db, "utf8")).not.toContain(name);
  return line;
}

describe("zip bombs disguised as .docx", () => {
  it("refuses one whose headers declare 2 GB", async () => {
    const kernel = await bombKernel(2);
    const doc = { name: "word/document.xml", data: kernel, method: 8 as const, crc: 0, declaredSize: 2 * 1024 * MB };
    await importHostile(
      "bomb-honest.docx",
      docxWith(base, doc),
      /packas upp till mer än 200 MB \(2048 MB enligt filen\)/,
    );
  }, 60_000);

  it("refuses one whose headers lie (2 GB declared as 10 KB)", async () => {
    const kernel = await bombKernel(2);
    const doc = { name: "word/document.xml", data: kernel, method: 8 as const, crc: 0, declaredSize: 10_240 };
    await importHostile(
      "bomb-lying.docx",
      docxWith(base, doc),
      /word\/document\.xml packas upp till mer än de 10240 byte .* zip-bomb/,
    );
  }, 60_000);

  it("refuses one with thousands of entries pointing at the same data", async () => {
    // An overlapping-file bomb in spirit: 2 000 entries of 1 MB each, each declaring 1 KB.
    const oneMb = entry("x", new Uint8Array(MB).fill(60));
    const many = Array.from({ length: 2000 }, (_, i) => ({
      ...oneMb,
      name: `word/media/m${i}.xml`,
      declaredSize: 1024,
    }));
    const others = Object.entries(base).map(([n, d]) => entry(n, d));
    await importHostile("bomb-many.docx", zipRaw([...others, ...many]), /packas upp till mer än de 1024 byte/);
  }, 60_000);
});

describe("broken .docx files", () => {
  it("refuses a .docx that is not a zip", async () => {
    await importHostile(
      "inte-zip.docx",
      new TextEncoder().encode(motionText),
      /inte en giltig DOCX-fil \(filen är ingen zip-fil\)/,
    );
  });

  it("refuses a truncated .docx", async () => {
    await importHostile(
      "avklippt.docx",
      goodDocx.subarray(0, Math.floor(goodDocx.length / 2)),
      /inte en giltig DOCX-fil|kunde inte läsas/,
    );
  });

  it("refuses a zip without word/document.xml", async () => {
    await importHostile("utan-dokument.docx", zipRaw([entry("hej.txt", motionText)]), /word\/document\.xml saknas/);
  });

  it("refuses deeply nested XML (100 000 levels)", async () => {
    const nested = entry("word/document.xml", nestedDocumentXml(100_000));
    await importHostile("djup.docx", docxWith(base, nested), /word\/document\.xml\) är nästlad mer än 1000 nivåer/);
  }, 60_000);
});

describe("broken .pdf files", () => {
  it("refuses garbage", async () => {
    const garbage = new Uint8Array(64 * 1024).map((_, i) => (i * 7919) % 251);
    await importHostile("skrap.pdf", garbage, /PDF-filen kunde inte läsas/);
  });

  it("refuses a PDF header followed by garbage", async () => {
    await importHostile(
      "falsk.pdf",
      new TextEncoder().encode(
        `%PDF-1.7\n${"1 0 obj << /Type /Pages /Kids [1 0 R] /Count 999999999 >> endobj\n".repeat(50)}%%EOF`,
      ),
      /PDF-filen kunde inte läsas|tom/,
    );
  });

  it("refuses a truncated PDF or reads what survives", async () => {
    const dir = join(tmp.dir, "trunc");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "avklippt.pdf");
    writeFileSync(file, goodPdf.subarray(0, Math.floor(goodPdf.length / 3)));
    const [o] = await importFiles(await LowdbStore.open(join(dir, "db.json")), [file], { dryRun: true });
    if (!o!.ok) expect(failureLine(o!)).toMatch(/^.*avklippt\.pdf: (PDF-filen kunde inte läsas|filen är tom)/);
  });
});

describe("10 000 tiny files in one run", () => {
  it("completes and reports every file", async () => {
    const dir = join(tmp.dir, "many");
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const f = join(dir, `m${i}.txt`);
      writeFileSync(
        f,
        i % 1000 === 999
          ? ""
          : `Motion ${i} om stöd till dem som vill lämna prostitution i Karlstad. att kommunen utreder ${i}.`,
      );
      files.push(f);
    }
    const store = await LowdbStore.open(join(dir, "db.json"));
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const outcomes = await importFiles(store, files);
    const s = (performance.now() - t0) / 1000;
    const growth = process.memoryUsage().rss - rss0;
    figures.push(`10 000 tiny .txt files: ${s.toFixed(1)} s, RSS growth ${(growth / MB).toFixed(0)} MB`);
    expect(outcomes.length).toBe(10_000);
    expect(outcomes.filter((o) => !o.ok).length).toBe(10);
    expect(outcomes.filter((o) => !o.ok).every((o) => /filen är tom/.test(failureLine(o)))).toBe(true);
    expect((await (await LowdbStore.open(join(dir, "db.json"))).documents()).length).toBe(9_990);
    expect(growth).toBeLessThan(rssBound);
  }, 300_000);
});
