/**
 * Every shipped template, composed through the real pipeline for ten municipalities with one
 * and with two signers, as PDF: the text reads back exactly (pdftotext against the Draft's
 * own text), and the pages keep what the Draft asks to keep together — a keepWithNext
 * paragraph with what follows (the att-satser after "föreslår … besluta", the dateline and
 * the signatures), a heading with its first line. Checked from the Draft, not from the
 * templates' wording, which changes.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Draft } from "../../src/domain/draft.js";
import type { Signer } from "../../src/domain/signer.js";
import { renderPdf } from "../../src/render/pdf.js";
import { Workspace } from "../../src/workspace.js";
import { hasTool, tempDir, writeTemp } from "./helpers.js";
import { requiredInputs } from "../helpers/template-inputs.js";
import { expectedReading, layoutFaults, pdfPages, placeUnits, readPages } from "./pdf-reading.js";

const corpus = fileURLToPath(new URL("../../corpus/motionera.json", import.meta.url));
const date = "2026-12-02";
const municipalities = [
  "Lidingö",
  "Umeå",
  "Göteborg",
  "Norrköping",
  "Helsingborg",
  "Pajala",
  "Gotland",
  "Håbo",
  "Malmö",
  "Falun",
];
const signerSets: Signer[][] = [
  [{ name: "Anna Andersson", party: "L", role: "ledamot i kommunfullmäktige" }],
  [
    { name: "Anna Andersson", party: "L", role: "ledamot i kommunfullmäktige" },
    { name: "Per Berg", party: "L" },
  ],
];

describe.skipIf(!hasTool("pdftotext"))("the shipped templates as PDF", () => {
  const tmp = tempDir("motionera-pdf-templates-");
  let ws: Workspace;
  const cases: { name: string; draft: Draft }[] = [];

  beforeAll(async () => {
    const db = join(tmp.dir, "motionera.json");
    copyFileSync(corpus, db);
    ws = await Workspace.open({ db, today: date });
    const library = await ws.templates();
    for (const template of library.all()) {
      const inputs = requiredInputs(template.frontMatter.inputs, date);
      for (const municipality of municipalities) {
        for (const authors of signerSets) {
          const { draft } = await ws.compose({
            template: template.frontMatter.id,
            municipality,
            authors,
            inputs,
            date,
          });
          cases.push({ name: `${template.frontMatter.id}, ${municipality}, ${authors.length} undertecknare`, draft });
        }
      }
    }
  });
  afterAll(() => tmp.cleanup());

  it("composes every template for every municipality and both signer sets", () => {
    expect(cases.length).toBeGreaterThanOrEqual(5 * municipalities.length * signerSets.length);
  });

  it("reads back every PDF exactly and keeps together what the Draft keeps together", {
    timeout: 300_000,
  }, async () => {
    // Rendered in this thread one after another; read back by pdftotext two at a time.
    const files: string[] = [];
    for (const [i, { draft }] of cases.entries()) files.push(writeTemp(tmp.dir, `${i}.pdf`, await renderPdf(draft)));
    const pages = await inBatches(files, 2, pdfPages);
    const problems: string[] = [];
    let multiPage = 0;
    cases.forEach(({ name, draft }, i) => {
      if (pages[i]!.length > 1) multiPage++;
      const read = readPages(pages[i]!);
      const expected = expectedReading(draft);
      if (read.text !== expected) {
        const at = [...expected].findIndex((c, k) => read.text[k] !== c);
        problems.push(
          `${name}: the text differs from character ${at}: ` +
            `“…${expected.slice(Math.max(0, at - 30), at + 30)}…” read as ` +
            `“…${read.text.slice(Math.max(0, at - 30), at + 30)}…”`,
        );
        return;
      }
      problems.push(...layoutFaults(placeUnits(draft, read)).map((f) => `${name}: ${f}`));
    });
    expect(problems).toEqual([]);
    // The rules were put to the test: many of these documents run over more than one page.
    // The general templates, drafted with one line of example text per field, fit on one page.
    expect(multiPage).toBeGreaterThan(cases.length / 4);
  });
});

async function inBatches<T, R>(xs: readonly T[], size: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < xs.length; i += size) out.push(...(await Promise.all(xs.slice(i, i + size).map(f))));
  return out;
}
