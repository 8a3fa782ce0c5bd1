/**
 * Every CSV the project writes neutralises cells a spreadsheet would run as a formula: the
 * shared writer, the corpus export (`GET /api/corpus/export?format=csv`) and the campaign
 * summary (`sammanstallning.csv`, written to disk and in the API's zip). JSON exports keep the
 * values exactly. The command line's export is in csv-formulas.e2e.test.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import "../../src/messages.sv.js";
import { planFor, writeCampaign } from "../../src/campaign/index.js";
import { summaryCsv, csvColumns as summaryColumns, type CampaignSummary } from "../../src/campaign/summary.js";
import { csvColumns, csvRow, exportDocuments } from "../../src/corpus/export.js";
import { corpusDocumentSchema } from "../../src/domain/corpus-document.js";
import { recordFact } from "../../src/facts/record-fact.js";
import { spreadsheetCsv } from "../../src/files/spreadsheet-csv.js";
import { createApp } from "../../src/server/app.js";
import { Workspace } from "../../src/workspace.js";
import { templatesFolder, tempWorkspace } from "../helpers/cli.js";
import {
  expectNoFormulaCell,
  formulaCampaignTemplate,
  formulaValues,
  hostileDocument,
  neutralised,
  readCsv,
} from "./csv-formulas.js";

const values = Object.values(formulaValues);
/** UTF-8 bytes as text with the BOM kept (Response.text() and strFromU8 drop it). */
const withBom = (bytes: ArrayBuffer | Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
const token = "t0ken";
const auth = { Authorization: `Bearer ${token}` };

describe("the CSV writer", () => {
  it("puts a ' before each formula start (=, +, -, @, tab, CR) and leaves other cells as they are", () => {
    const harmless = [
      "Lidingö",
      "a=b",
      "1-2",
      "",
      "'redan citerad",
      " =1+1 med mellanslag först",
      "https://example.se/?a=1",
    ];
    const rows = [...values, ...harmless].map((v, i) => ({ n: String(i), value: v, list: `x | ${v}` }));
    const text = spreadsheetCsv(rows, ["n", "value", "list"]);
    const back = readCsv(text);
    expect(back.map((r) => r.value)).toEqual([...values.map((v) => `'${v}`), ...harmless]);
    // Inside a cell a formula character is harmless: only the start counts.
    expect(back.map((r) => r.list)).toEqual(rows.map((r) => r.list));
    expectNoFormulaCell(text);
  });

  it("quotes a cell holding a CR, so no reader ends the record there", () => {
    const text = spreadsheetCsv([{ a: formulaValues.cr, b: "mitt\ri", c: "x" }], ["a", "b", "c"]);
    expect(text).toContain(`"'\r=1+1","mitt\ri",x\n`);
    expect(readCsv(text)).toEqual([{ a: `'${formulaValues.cr}`, b: "mitt\ri", c: "x" }]);
  });
});

describe("the corpus export", () => {
  const doc = corpusDocumentSchema.parse(hostileDocument());

  it("the record puts every formula value at the start of some cell (so the tests below test something)", () => {
    const raw = Object.values(csvRow(doc));
    for (const v of values)
      expect(
        raw.some((c) => c.startsWith(v)),
        JSON.stringify(v),
      ).toBe(true);
  });

  it(
    "CSV: every cell reads back as the value with a ' before a formula start; JSON and JSON Lines keep " + "the values",
    () => {
      const text = exportDocuments([doc], "csv");
      expectNoFormulaCell(text);
      const [row] = readCsv(text);
      const raw = csvRow(doc);
      for (const col of csvColumns) expect(row![col], col).toBe(neutralised(raw[col]));
      expect(row!.title).toBe(`'${formulaValues.hyperlink}`);
      expect(row!.summary).toBe(`'${formulaValues.cr}`);

      const json = JSON.parse(exportDocuments([doc], "json")) as (typeof doc)[];
      expect(json[0]!.title).toBe(formulaValues.hyperlink);
      expect(json[0]!.source.publisher).toBe(formulaValues.dde);
      expect(json[0]!.summary).toBe(formulaValues.cr);
      const line = JSON.parse(exportDocuments([doc], "jsonl").trim()) as typeof doc;
      expect(line.outlet).toBe(formulaValues.tab);
      expect(line.proposals[0]).toBe(formulaValues.minus);
    },
  );
});

describe("the web service", () => {
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const ws = tempWorkspace();
    // A record as an import stores it, with formula values in every field (tab and CR included).
    const data = JSON.parse(readFileSync(ws.db, "utf8")) as { documents: unknown[] };
    data.documents.push(hostileDocument());
    writeFileSync(ws.db, JSON.stringify(data));
    const workspace = await Workspace.open({
      db: ws.db,
      templatesDir: templatesFolder({ "motion/kampanj-formler.hbs": formulaCampaignTemplate }),
      today: "2026-11-24",
    });
    // A fact whose source title and publisher are formulas, recorded the way `facts add` records one.
    await recordFact(workspace.store, {
      subject: "Lidingö",
      key: "mika_kast_agreement",
      value: "ja",
      asOf: "2026-06-01",
      source: { title: formulaValues.hyperlink, publisher: formulaValues.dde, date: null },
    });
    app = createApp(workspace, { token });
  });

  it("GET /api/corpus/export?format=csv: an imported record's formula values come out neutralised", async () => {
    // One more record through the import form's own fields.
    const fd = new FormData();
    fd.append(
      "files",
      new File(["Motion om KAST\n\natt kommunen tecknar avtal med KAST\n\nAnna Andersson (L)\n"], "import.txt"),
    );
    for (const s of [
      `title=${formulaValues.hyperlink}`,
      `summary=${formulaValues.at}`,
      `addressee=${formulaValues.minus}`,
      `outlet=${formulaValues.dde}`,
      "parties==1+1",
      "kind=motion",
      "kommun=Lidingö",
    ])
      fd.append("set", s);
    const imported = await app.request("/api/corpus/import", { method: "POST", headers: auth, body: fd });
    expect(imported.status, await imported.clone().text()).toBe(200);
    const { results } = (await imported.json()) as { results: { ok: boolean; record: { id: string } }[] };
    const importedId = results[0]!.record.id;

    const res = await app.request("/api/corpus/export?format=csv");
    expect(res.status).toBe(200);
    const text = withBom(await res.arrayBuffer());
    expectNoFormulaCell(text);
    const rows = new Map(readCsv(text).map((r) => [r.id, r]));
    const hostile = rows.get(hostileDocument().id)!;
    const raw = csvRow(corpusDocumentSchema.parse(hostileDocument()));
    for (const col of csvColumns) expect(hostile[col], col).toBe(neutralised(raw[col]));
    const viaForm = rows.get(importedId)!;
    expect(viaForm).toMatchObject({
      title: `'${formulaValues.hyperlink}`,
      summary: `'${formulaValues.at}`,
      addressee: `'${formulaValues.minus}`,
      outlet: `'${formulaValues.dde}`,
      parties: "'=1+1",
      source_title: `'${formulaValues.hyperlink}`,
      source_publisher: `'${formulaValues.dde}`,
    });

    const json = (await (await app.request("/api/corpus/export?format=json")).json()) as {
      id: string;
      title: string;
      summary: string;
    }[];
    expect(json.find((d) => d.id === importedId)!.title).toBe(formulaValues.hyperlink);
    expect(json.find((d) => d.id === hostileDocument().id)!.summary).toBe(formulaValues.cr);
    const lines = (await (await app.request("/api/corpus/export?format=jsonl")).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; outlet?: string });
    expect(lines.find((d) => d.id === hostileDocument().id)!.outlet).toBe(formulaValues.tab);
  });

  it(
    "POST /api/campaigns: the zip's sammanstallning.csv neutralises a cell the user's value begins, and keeps " +
      "the fact's source as text",
    async () => {
      const res = await app.request("/api/campaigns", {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({
          template: "kampanj-formler",
          municipalities: ["Lidingö", "Nykvarn"],
          authors: [{ name: "Anna Andersson", party: "L" }],
          date: "2026-11-24",
          inputs: { vad: formulaValues.at },
          formats: ["md"],
        }),
      });
      expect(res.status).toBe(200);
      const entries = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const csv = withBom(entries["sammanstallning.csv"]!);
      expectNoFormulaCell(csv);
      const rows = new Map(readCsv(csv).map((r) => [r.municipality_code, r]));
      const json = JSON.parse(strFromU8(entries["sammanstallning.json"]!)) as {
        municipalities: { code: string; placeholders: string[]; checks: { message: string }[] }[];
      };
      const nykvarn = json.municipalities.find((m) => m.code === "0140")!;
      // The placeholder is the input as the draft shows it (Markdown-escaped: "@SUM\(A1\)"); it begins with "@".
      expect(nykvarn.placeholders).toHaveLength(1);
      expect(nykvarn.placeholders[0]).toMatch(/^@SUM/);
      expect(rows.get("0140")!.placeholders).toBe(`'${nykvarn.placeholders[0]}`);
      // Lidingö cites the fact: its undated source is a "kontrollera" item naming the title and publisher.
      const checks = rows.get("0186")!.checks!;
      expect(checks).toContain(formulaValues.hyperlink);
      expect(checks).toContain(formulaValues.dde.replace("|", " / ")); // in a list cell "|" becomes " / "
      expect(
        json.municipalities
          .find((m) => m.code === "0186")!
          .checks.map((c) => c.message)
          .join(" | "),
      ).toContain(formulaValues.dde);
    },
  );
});

describe("the campaign summary", () => {
  it("every column of every row: a formula value reads back with a ' before it", () => {
    const row = (i: number) => {
      const v = (k: number) => values[(i + k) % values.length]!;
      return {
        municipality: v(0),
        code: v(1),
        county: v(2),
        status: "failed" as const,
        files: [v(3)],
        citations: 0,
        factsCited: [v(4)],
        missingFacts: [v(5)],
        staleFacts: [v(6)],
        warnings: [v(0)],
        placeholders: [v(1)],
        checks: [{ code: "source_incomplete" as const, message: v(2) }],
        reason: v(3),
      };
    };
    const summary: CampaignSummary = {
      template: "t",
      date: "2026-11-24",
      formats: ["md"],
      selection: { counties: [], municipalities: [], where: [], require: [], description: "" },
      counts: { selected: 7, written: 0, skipped: 0, failed: 7, documents: 0 },
      municipalities: values.map((_, i) => row(i)),
    };
    const text = summaryCsv(summary);
    expectNoFormulaCell(text);
    const rows = readCsv(text);
    expect(rows).toHaveLength(values.length);
    const cells = rows.flatMap((r) =>
      summaryColumns.filter((c) => c !== "status" && c !== "citations").map((c) => r[c]!),
    );
    // The reason is written with its line breaks folded, so a CR-first value loses its CR there.
    expect(cells.every((c) => c.startsWith("'"))).toBe(true);
  });

  it(
    "a campaign written to disk: sammanstallning.csv neutralises a cell the user's value begins; the " +
      "JSON keeps it",
    async () => {
      const ws = tempWorkspace();
      const options = {
        db: ws.db,
        templatesDir: templatesFolder({ "motion/kampanj-formler.hbs": formulaCampaignTemplate }),
        today: "2026-11-24",
      };
      const workspace = await Workspace.open(options);
      const plan = await planFor(workspace, {
        template: "kampanj-formler",
        municipalities: ["Nykvarn"],
        authors: [{ name: "Anna Andersson", party: "L" }],
        date: "2026-11-24",
        inputs: { vad: formulaValues.at },
        formats: ["md"],
      });
      const r = await writeCampaign(plan, {
        ws: workspace,
        workspaceOptions: options,
        workers: 1,
        outDir: join(ws.dir, "kampanj"),
      });
      const csv = readFileSync(r.csv, "utf8");
      expectNoFormulaCell(csv);
      const [shown] = (JSON.parse(readFileSync(r.json, "utf8")) as { municipalities: { placeholders: string[] }[] })
        .municipalities[0]!.placeholders;
      expect(shown).toMatch(/^@SUM/);
      expect(readCsv(csv)[0]!.placeholders).toBe(`'${shown}`);
    },
  );
});
