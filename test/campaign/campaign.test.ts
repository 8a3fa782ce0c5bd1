/** Campaigns: selection by county, list and fact conditions; a run over Stockholms län; the summary. */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import "../../src/messages.sv.js";
import { planFor, writeCampaign, type CampaignPlan } from "../../src/campaign/index.js";
import { parseCondition } from "../../src/campaign/conditions.js";
import type { CampaignRequest } from "../../src/campaign/plan.js";
import { explainError } from "../../src/messages.sv.js";
import { isMotioneraError } from "../../src/domain/errors.js";
import { Workspace } from "../../src/workspace.js";
import { templatesFolder } from "../helpers/cli.js";
import { extraFacts, latestBy, reviewCampaignTemplate, stockholmCodes, tempDb } from "./fixture.js";

let ws: Workspace;
let dir: string;
const author = [{ name: "Anna Andersson", party: "L", role: "ledamot i kommunfullmäktige" }];
const base: CampaignRequest = { template: "kast-avtal", authors: author, date: "2026-11-24", formats: ["docx"] };

beforeAll(async () => {
  const t = tempDb();
  dir = t.dir;
  ws = await Workspace.open({ db: t.db, today: "2026-11-24" });
});

const codes = (p: CampaignPlan) => p.places.map((x) => x.code);
const plan = (r: Partial<CampaignRequest>) => planFor(ws, { ...base, ...r });

async function failure(r: Partial<CampaignRequest>): Promise<string> {
  try {
    await plan(r);
  } catch (e) {
    if (isMotioneraError(e)) return `${e.details.code}: ${explainError(e.details)}`;
    throw e;
  }
  throw new Error("no error");
}

describe("selection", () => {
  const agreement = latestBy("mika_kast_agreement");
  const population = latestBy("population");

  it("a county by letter, code or name gives its 26 municipalities; nothing given gives all 290", async () => {
    for (const lan of ["AB", "01", "Stockholms län", "stockholms lan"])
      expect(codes(await plan({ counties: [lan] }))).toEqual(stockholmCodes);
    expect((await plan({})).places).toHaveLength(290);
  });

  it("county + '=' condition gives exactly the municipalities whose latest value matches", async () => {
    const expected = stockholmCodes.filter((c) => agreement.get(c) === false);
    expect(expected).toEqual(["0120", "0125", "0127"]); // Ekerö: yes in 2022, no in 2025
    expect(codes(await plan({ counties: ["AB"], where: ["mika_kast_agreement=nej"] }))).toEqual(expected);
    expect(codes(await plan({ counties: ["AB"], where: ["mika_kast_agreement = false"] }))).toEqual(expected);
  });

  it("'!=' also takes municipalities without a value", async () => {
    const expected = stockholmCodes.filter((c) => agreement.get(c) !== true);
    expect(expected).not.toContain("0126"); // Huddinge: no in 2021, yes in 2025
    expect(codes(await plan({ counties: ["AB"], where: ["mika_kast_agreement!=ja"] }))).toEqual(expected);
  });

  it("'missing' and 'saknas' take exactly those without a value", async () => {
    const expected = stockholmCodes.filter((c) => !agreement.has(c));
    expect(codes(await plan({ counties: ["AB"], where: ["mika_kast_agreement missing"] }))).toEqual(expected);
    expect(codes(await plan({ counties: ["AB"], where: ["mika_kast_agreement saknas"] }))).toEqual(expected);
  });

  it("'<' and '>' compare numbers (decimal comma, spaces), across all municipalities, and combine", async () => {
    const over = [...population]
      .filter(([, v]) => (v as number) > 50_000)
      .map(([c]) => c)
      .sort();
    expect(codes(await plan({ where: ["population>50000"] }))).toEqual(over);
    expect(codes(await plan({ where: ["population > 50 000"] }))).toEqual(over);
    const under = [...population].filter(([c, v]) => c.startsWith("01") && (v as number) < 29_500.75).map(([c]) => c);
    expect(codes(await plan({ counties: ["AB"], where: ["population<29 500,75"] }))).toEqual(under);
    expect(under).toEqual(["0125"]);
    const both = stockholmCodes.filter(
      (c) => agreement.get(c) === false && ((population.get(c) as number | undefined) ?? 0) > 40_000,
    );
    expect(codes(await plan({ counties: ["AB"], where: ["mika_kast_agreement=nej", "population>40000"] }))).toEqual(
      both,
    );
  });

  it("a list in any form the lookup takes, added to a county, deduplicated and sorted", async () => {
    expect(codes(await plan({ municipalities: ["lidingo", "0180", "Göteborgs Stad", "Lidingö"] }))).toEqual([
      "0180",
      "0186",
      "1480",
    ]);
    const p = await plan({ counties: ["AB"], municipalities: ["Göteborg"] });
    expect(codes(p)).toEqual([...stockholmCodes, "1480"]);
  });

  it("bad input is refused with a Swedish message naming the fault and a suggestion", async () => {
    expect(await failure({ counties: ["Stokholms län"] })).toMatch(
      /^unknown_county: Okänt län: "Stokholms län"\. Menade du "Stockholms län"/,
    );
    expect(await failure({ municipalities: ["Lidngö"] })).toMatch(/^unknown_municipality: .*Menade du "Lidingö"/);
    expect(await failure({ where: ["mika_kast_agrement=nej"] })).toMatch(
      /^unknown_fact_key: Okänd faktanyckel: "mika_kast_agrement"\. Menade du "mika_kast_agreement"/,
    );
    expect(await failure({ where: ["population>många"] })).toMatch(
      /^campaign_condition_invalid: Villkoret "population>många" går inte att använda: "många" är inget tal/,
    );
    expect(await failure({ where: ["mika_kast_agreement>ja"] })).toMatch(/kan bara jämföras med = eller !=/);
    expect(await failure({ where: ["population"] })).toMatch(
      /^campaign_condition_invalid: .*skriv nyckel, jämförelse och värde/,
    );
    expect(await failure({ where: ["population ungefär"] })).toMatch(/okänt ord "ungefär"/);
    expect(await failure({ template: "kast-avtl" })).toMatch(/^unknown_template: .*Menade du "kast-avtal"/);
    expect(await failure({ require: ["populaton"] })).toMatch(/^unknown_fact_key: .*"population"/);
    expect(await failure({ counties: ["AB"], where: ["population>10000000"] })).toMatch(
      /^campaign_empty: Ingen kommun uppfyller urvalet \(län: AB; villkor: population>10000000\)/,
    );
    expect(await failure({ inputs: { comittee: "x" } })).toMatch(/^unknown_input: Mallen har inget fält "comittee"/);
  });

  it("parses conditions with zod: operators, words, quotes", () => {
    expect(parseCondition('mika_kast_agreement = "ja"')).toMatchObject({
      key: "mika_kast_agreement",
      op: "=",
      value: { type: "boolean", value: true },
    });
    expect(parseCondition("population>=12 345,5")).toMatchObject({
      op: ">=",
      value: { type: "number", value: 12345.5 },
    });
    expect(parseCondition("action_plan_sells_sex finns")).toMatchObject({ op: "exists" });
  });
});

describe("a campaign over Stockholms län", () => {
  let out: string;
  let result: Awaited<ReturnType<typeof writeCampaign>>;
  const agreement = latestBy("mika_kast_agreement");
  const population = latestBy("population");
  const selected = stockholmCodes.filter((c) => agreement.get(c) !== true);
  const drafted = selected.filter((c) => population.has(c));

  beforeAll(async () => {
    out = join(dir, "ut");
    const p = await plan({
      counties: ["Stockholms län"],
      where: ["mika_kast_agreement!=ja"],
      require: ["population"],
      formats: ["docx", "pdf"],
    });
    result = await writeCampaign(p, { ws, workspaceOptions: {}, workers: 1, outDir: out });
  }, 60_000);

  it("writes exactly the expected municipalities' files, and skips (and reports) those without a required fact", () => {
    expect(drafted.length).toBeGreaterThan(1);
    const files = readdirSync(out).filter((f) => !f.startsWith("sammanstallning"));
    const names = new Map(result.summary.municipalities.map((r) => [r.code, r]));
    expect(files.sort()).toEqual(drafted.flatMap((c) => names.get(c)!.files).sort());
    expect(files).toHaveLength(drafted.length * 2);
    expect(readdirSync(out).some((f) => f.endsWith(".tmp"))).toBe(false);
    expect(result.summary.counts).toEqual({
      selected: selected.length,
      written: drafted.length,
      skipped: selected.length - drafted.length,
      failed: 0,
      documents: drafted.length * 2,
    });
    for (const c of selected.filter((x) => !population.has(x))) {
      const row = names.get(c)!;
      expect(row.status).toBe("skipped");
      expect(row.missingFacts).toEqual(["population"]);
      expect(row.reason).toMatch(/Folkmängd.*saknas för .*kampanjen kräver den/);
    }
  });

  it("each DOCX names its own municipality and cites its own facts", () => {
    for (const c of drafted) {
      const row = result.summary.municipalities.find((r) => r.code === c)!;
      const docx = unzipSync(readFileSync(join(out, row.files.find((f) => f.endsWith(".docx"))!)));
      const text = strFromU8(docx["word/document.xml"]!) + strFromU8(docx["word/footnotes.xml"] ?? new Uint8Array());
      expect(text).toContain(row.municipality);
      const own = extraFacts.filter((f) => f.subject === c && f.key === "mika_kast_agreement");
      if (own.length) {
        expect(row.factsCited).toContain("mika_kast_agreement");
        expect(text).toContain(`kommunstyrelsen i ${row.municipality}`);
      }
      for (const other of drafted.filter((x) => x !== c)) {
        const name = result.summary.municipalities.find((r) => r.code === other)!.municipality;
        expect(text).not.toContain(`kommunstyrelsen i ${name}`);
      }
    }
  });

  it("each PDF has Swedish letters and the en dash", () => {
    const row = result.summary.municipalities.find((r) => r.code === "0120")!;
    const pdf = join(out, row.files.find((f) => f.endsWith(".pdf"))!);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
    for (const ch of ["å", "ä", "ö", "–", "Värmdö"]) expect(text).toContain(ch);
  });

  it("writes a summary CSV that parses, and JSON with the same rows", () => {
    const csv = readFileSync(result.csv, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.municipality_code)).toEqual(selected);
    expect(Object.keys(rows[0]!)).toEqual([
      "municipality",
      "municipality_code",
      "county",
      "status",
      "files",
      "citations",
      "facts_cited",
      "missing_facts",
      "stale_facts",
      "warnings",
      "placeholders",
      "checks",
      "reason",
    ]);
    const skipped = rows.filter((r) => r.status === "skipped");
    expect(skipped.length).toBe(selected.length - drafted.length);
    const written = rows.find((r) => r.municipality_code === "0120")!;
    expect(written.files!.split(" | ")).toHaveLength(2);
    expect(written.facts_cited).toContain("mika_kast_agreement");
    const json = JSON.parse(readFileSync(result.json, "utf8"));
    expect(json.municipalities.map((r: { code: string }) => r.code)).toEqual(selected);
    expect(json.selection).toMatchObject({
      counties: ["Stockholms län"],
      where: ["mika_kast_agreement!=ja"],
      require: ["population"],
    });
  });

  it("--zip: one zip with the drafts and the summaries, and the summaries beside it", async () => {
    const zipOut = join(dir, "zip");
    const p = await plan({ municipalities: ["Värmdö", "Nacka"], formats: ["docx", "md"] });
    const r = await writeCampaign(p, { ws, workspaceOptions: {}, workers: 1, outDir: zipOut, zip: true });
    expect(readdirSync(zipOut).sort()).toEqual([
      "kampanj-2026-11-24-kast-avtal.zip",
      "sammanstallning.csv",
      "sammanstallning.json",
    ]);
    const entries = unzipSync(readFileSync(r.zip!));
    expect(Object.keys(entries).sort()).toEqual(
      [...r.summary.municipalities.flatMap((x) => x.files), "sammanstallning.csv", "sammanstallning.json"].sort(),
    );
    expect(strFromU8(entries[r.summary.municipalities[0]!.files.find((f) => f.endsWith(".md"))!]!)).toContain("Värmdö");
  });

  it("an unwritable output folder is refused before anything is drafted", async () => {
    const file = join(dir, "en-fil");
    writeFileSync(file, "x");
    const p = await plan({ municipalities: ["Nacka"] });
    await expect(
      writeCampaign(p, { ws, workspaceOptions: {}, workers: 1, outDir: join(file, "ut") }),
    ).rejects.toMatchObject({ details: { code: "output_failed" } });
    expect(existsSync(join(file, "ut"))).toBe(false);
  });
});

describe("what the signer must fill in and check, per municipality", () => {
  let own: Workspace;
  let options: { db: string; templatesDir: string; today: string };
  // Signed in the party that published Lidingö's source, so the stale fact is the one thing to check.
  const request: CampaignRequest = {
    ...base,
    authors: [{ name: "Anna Andersson", party: "S" }],
    template: "kampanj-fyll-i",
    municipalities: ["Värmdö", "Lidingö", "Nykvarn"],
    formats: ["md"],
  };

  beforeAll(async () => {
    options = {
      db: tempDb().db,
      templatesDir: templatesFolder({ "motion/kampanj-fyll-i.hbs": reviewCampaignTemplate }),
      today: "2026-11-24",
    };
    own = await Workspace.open(options);
    // The fixture as the template's comment describes it.
    const agreement = latestBy("mika_kast_agreement");
    expect(agreement.has("0120") && agreement.has("0186") && !agreement.has("0140")).toBe(true);
  });

  it("lists each draft's places to fill in and kontrollera items in the summary's rows, CSV and JSON", async () => {
    const r = await writeCampaign(await planFor(own, request), {
      ws: own,
      workspaceOptions: options,
      workers: 1,
      outDir: join(dir, "granska"),
    });
    const byCode = new Map(r.summary.municipalities.map((x) => [x.code, x]));
    expect([...byCode.values()].map((x) => x.status)).toEqual(["written", "written", "written"]);
    expect(byCode.get("0120")).toMatchObject({ placeholders: [], checks: [] });
    expect(byCode.get("0140")).toMatchObject({
      placeholders: ["om kommunen har avtal med KAST", "avtalets datum"],
      checks: [],
    });
    const lidingo = byCode.get("0186")!;
    expect(lidingo.placeholders).toEqual([]);
    expect(lidingo.checks).toEqual([
      {
        code: "fact_stale",
        message: expect.stringMatching(
          new RegExp(
            [
              `^Uppgiften "Avtal med Mikamottagningen och KAST i Stockholm" för Lidingö är från`,
              " 13 november 2023, äldre än mallen godtar",
            ].join(""),
          ),
        ),
      },
    ]);
    expect(readFileSync(join(r.dir, byCode.get("0140")!.files[0]!), "utf8")).toContain("\\[FYLL I: avtalets datum\\]");

    const rows = parse(readFileSync(r.csv, "utf8").slice(1), { columns: true }) as Record<string, string>[];
    const csv = new Map(rows.map((x) => [x.municipality_code, x]));
    expect(csv.get("0140")!.placeholders).toBe("om kommunen har avtal med KAST | avtalets datum");
    expect(csv.get("0140")!.checks).toBe("");
    expect(csv.get("0186")!.checks).toMatch(
      /^Uppgiften "Avtal med Mikamottagningen och KAST i Stockholm" för Lidingö .*äldre än mallen godtar/,
    );
    expect(csv.get("0120")!.placeholders).toBe("");
    const json = JSON.parse(readFileSync(r.json, "utf8")) as {
      municipalities: { code: string; placeholders: string[]; checks: { code: string }[] }[];
    };
    expect(json.municipalities.find((x) => x.code === "0140")!.placeholders).toEqual([
      "om kommunen har avtal med KAST",
      "avtalets datum",
    ]);
    expect(json.municipalities.find((x) => x.code === "0186")!.checks.map((c) => c.code)).toEqual(["fact_stale"]);
  });

  it(
    "--strict skips a municipality whose draft has places to fill in, with the reason and the list, as it skips " +
      "stale facts",
    async () => {
      const r = await writeCampaign(await planFor(own, { ...request, strict: true }), {
        ws: own,
        workspaceOptions: options,
        workers: 1,
        outDir: join(dir, "granska-strikt"),
      });
      const byCode = new Map(r.summary.municipalities.map((x) => [x.code, x]));
      expect(byCode.get("0120")).toMatchObject({ status: "written", placeholders: [] });
      expect(byCode.get("0186")).toMatchObject({ status: "skipped", staleFacts: ["mika_kast_agreement"], files: [] });
      const nykvarn = byCode.get("0140")!;
      expect(nykvarn).toMatchObject({
        status: "skipped",
        files: [],
        placeholders: ["om kommunen har avtal med KAST", "avtalets datum"],
      });
      expect(nykvarn.reason).toMatch(
        new RegExp(
          [
            String.raw`^Utkastet har 2 ställen att fylla i \("om kommunen har avtal med KAST" och "avta`,
            String.raw`lets datum"\), och --strict godtar inga\.`,
          ].join(""),
        ),
      );
      expect(r.summary.counts).toMatchObject({ written: 1, skipped: 2 });
      expect(readdirSync(r.dir).filter((f) => f.endsWith(".md"))).toEqual([byCode.get("0120")!.files[0]]);
      const rows = parse(readFileSync(r.csv, "utf8").slice(1), { columns: true }) as Record<string, string>[];
      expect(rows.find((x) => x.municipality_code === "0140")!.placeholders).toBe(
        "om kommunen har avtal med KAST | avtalets datum",
      );
    },
  );
});
