/**
 * The command line's CSV files neutralise formula cells: `corpus export --format csv` (to
 * stdout and to a file) after `corpus import --set` with formula values, and a campaign's
 * `sammanstallning.csv`; `--format json`/`jsonl` keep the values. Runs the built CLI (npm run build).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { csvColumns, csvRow } from "../../src/corpus/export.js";
import { corpusDocumentSchema, type CorpusDocument } from "../../src/domain/corpus-document.js";
import { runCli, templatesFolder, tempWorkspace } from "../helpers/cli.js";
import {
  expectNoFormulaCell,
  formulaCampaignTemplate,
  formulaValues,
  hostileDocument,
  neutralised,
  readCsv,
} from "./csv-formulas.js";

const v = formulaValues;

describe("motionera corpus export --format csv", () => {
  let ws: ReturnType<typeof tempWorkspace>;
  let importedId: string;

  beforeAll(() => {
    ws = tempWorkspace();
    // A record with formula values in every field, the tab and CR ones included (a --set value is trimmed).
    const data = JSON.parse(readFileSync(ws.db, "utf8")) as { documents: unknown[] };
    data.documents.push(hostileDocument());
    writeFileSync(ws.db, JSON.stringify(data));
    const file = join(ws.dir, "motion.txt");
    writeFileSync(file, "Motion om KAST\n\natt kommunen tecknar avtal med KAST\n\nAnna Andersson (L)\n");
    const r = runCli([
      "corpus",
      "import",
      file,
      "--set",
      `title=${v.hyperlink}`,
      "--set",
      `summary=${v.dde}`,
      "--set",
      `addressee=${v.at}`,
      "--set",
      `outlet=${v.minus}`,
      "--set",
      `parties=${v.sum}`,
      "--set",
      "kind=motion",
      "--set",
      "kommun=Lidingö",
      "--json",
      "--db",
      ws.db,
    ]);
    expect(r.code, r.stderr).toBe(0);
    importedId = (JSON.parse(r.stdout) as { record: { id: string } }[])[0]!.record.id;
  });

  it("to stdout and to --out: every formula cell reads back with a ' before it", () => {
    const out = join(ws.dir, "korpus.csv");
    const written = runCli(["corpus", "export", "--format", "csv", "--out", out, "--db", ws.db]);
    expect(written.code, written.stderr).toBe(0);
    const stdout = runCli(["corpus", "export", "--format", "csv", "--db", ws.db]);
    expect(stdout.code, stdout.stderr).toBe(0);
    for (const text of [readFileSync(out, "utf8"), stdout.stdout]) {
      expectNoFormulaCell(text);
      const rows = new Map(readCsv(text).map((r) => [r.id, r]));
      expect(rows.get(importedId)).toMatchObject({
        title: `'${v.hyperlink}`,
        summary: `'${v.dde}`,
        addressee: `'${v.at}`,
        outlet: `'${v.minus}`,
        parties: `'${v.sum}`,
        source_title: `'${v.hyperlink}`,
        source_publisher: `'${v.minus}`,
      });
      const raw = csvRow(corpusDocumentSchema.parse(hostileDocument()));
      const hostile = rows.get(hostileDocument().id)!;
      for (const col of csvColumns) expect(hostile[col], col).toBe(neutralised(raw[col]));
      expect(hostile.outlet).toBe(`'${v.tab}`);
      expect(hostile.summary).toBe(`'${v.cr}`);
    }
  });

  it("--format json and jsonl keep the values as they are", () => {
    const json = JSON.parse(runCli(["corpus", "export", "--format", "json", "--db", ws.db]).stdout) as CorpusDocument[];
    expect(json.find((d) => d.id === importedId)).toMatchObject({
      title: v.hyperlink,
      summary: v.dde,
      addressee: v.at,
      outlet: v.minus,
      parties: [v.sum],
    });
    const lines = runCli(["corpus", "export", "--format", "jsonl", "--db", ws.db])
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l) as CorpusDocument);
    expect(lines.find((d) => d.id === hostileDocument().id)).toMatchObject({
      outlet: v.tab,
      summary: v.cr,
      title: v.hyperlink,
    });
  });
});

describe("motionera campaign", () => {
  it("sammanstallning.csv neutralises a cell the user's value begins; a fact's formula source stays text", () => {
    const ws = tempWorkspace();
    const add = runCli([
      "facts",
      "add",
      "Lidingö",
      "mika_kast_agreement",
      "ja",
      "--as-of",
      "2026-06-01",
      "--source-title",
      v.hyperlink,
      "--publisher",
      v.dde,
      "--db",
      ws.db,
    ]);
    expect(add.code, add.stderr).toBe(0);
    const templates = templatesFolder({ "motion/kampanj-formler.hbs": formulaCampaignTemplate });
    const r = runCli([
      "campaign",
      "--template",
      "kampanj-formler",
      "--kommun",
      "Lidingö,Nykvarn",
      "--author",
      "Anna Andersson (L)",
      "--set",
      `vad=${v.at}`,
      "--format",
      "md",
      "--workers",
      "1",
      "--out",
      ws.out,
      "--templates",
      templates,
      "--db",
      ws.db,
    ]);
    expect([0, 3], r.stderr).toContain(r.code);
    const text = readFileSync(join(ws.out, "sammanstallning.csv"), "utf8");
    expectNoFormulaCell(text);
    const rows = new Map(readCsv(text).map((x) => [x.municipality_code, x]));
    expect(rows.get("0140")!.placeholders).toMatch(/^'@SUM/);
    expect(rows.get("0186")!.checks).toContain(v.hyperlink);
    const json = JSON.parse(readFileSync(join(ws.out, "sammanstallning.json"), "utf8")) as {
      municipalities: { code: string; placeholders: string[] }[];
    };
    expect(json.municipalities.find((m) => m.code === "0140")!.placeholders[0]).toMatch(/^@SUM/);
  });
});
