/**
 * A motion's life from the draft to the decision, on the built CLI and a copy of the database:
 * the draft's JSON (`draft … --json`) filed with `arenden add --utkast` without typing it again,
 * then the decision recorded with the facts it establishes (`decide … --fact key=value`), each
 * with the protocol as its source — and bad input refused in Swedish with nothing written.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectRefused, runCli, tempWorkspace } from "../helpers/cli.js";

describe("motionera arenden: from the draft to the decision", () => {
  const ws = tempWorkspace();
  const run = (...args: string[]) => runCli([...args, "--db", ws.db]);
  const draftJson = join(ws.dir, "utkast.json");
  const id = "2025-11-24-fler-elever-pa-lidingo-ska-klara-grundskolan";
  const decide = (...more: string[]) =>
    run(
      "arenden",
      "decide",
      id,
      "--date",
      "2026-12-14",
      "--decision",
      "bifall",
      "--protocol-title",
      "Protokoll kommunfullmäktige 2026-12-14",
      "--publisher",
      "Lidingö stad",
      ...more,
    );

  it("files the draft from what draft --json wrote: title, kind, municipality, signers and date", {
    timeout: 120_000,
  }, () => {
    const draft = run(
      "draft",
      "-t",
      "skolresultat",
      "-k",
      "Lidingö",
      "-a",
      "Eva Ek (V)",
      "-a",
      "Per Berg (V), gruppledare",
      "-d",
      "2025-11-24",
      "--set",
      "committee=utbildningsnämnden",
      "-f",
      "md",
      "-o",
      ws.out,
      "--json",
    );
    expect(draft.code).toBe(0);
    writeFileSync(draftJson, draft.stdout);
    expect(JSON.parse(draft.stdout)).toMatchObject({ kind: "motion", date: "2025-11-24", municipalityCode: "0186" });

    const add = run("arenden", "add", "--utkast", draftJson, "--dnr", "KS 2025/0412");
    expect([add.code, add.stderr]).toEqual([0, ""]);
    expect(add.stdout).toContain(`Ärendet är sparat som ${id}.`);
    const filing = JSON.parse(run("arenden", "history", id, "--json").stdout);
    expect(filing).toMatchObject({
      kind: "motion",
      title: "Fler elever på Lidingö ska klara grundskolan",
      municipality: { code: "0186", name: "Lidingö" },
      signers: [
        { name: "Eva Ek", party: "V" },
        { name: "Per Berg", party: "V", role: "gruppledare" },
      ],
      events: [{ seq: 1, step: { kind: "filed", date: "2025-11-24", dnr: "KS 2025/0412", body: "kommunfullmäktige" } }],
    });

    // A flag given as well wins over the draft: here the day it was actually handed in.
    const later = run("arenden", "add", "--utkast", draftJson, "--dnr", "KS 2025/0413", "--filed", "2025-11-26");
    expect(later.stdout).toContain("Ärendet är sparat som 2025-11-26-fler-elever-pa-lidingo-ska-klara-grundskolan.");
  });

  it("refuses a draft that is not filed, a file that is not the draft's JSON, and missing details", () => {
    const before = readFileSync(ws.db, "utf8");
    const article = join(ws.dir, "artikel.json");
    const json = JSON.parse(readFileSync(draftJson, "utf8")) as Record<string, unknown>;
    writeFileSync(article, JSON.stringify({ ...json, kind: "debattartikel" }));
    const markdown = join(ws.dir, "utkast.md");
    writeFileSync(markdown, "# Fler elever\n");
    const cases: [string[], RegExp][] = [
      [["--utkast", article], /en debattartikel lämnas inte in som ärende/],
      [["--utkast", markdown], /utkast\.md är inte den JSON som motionera draft … --json skriver/],
      [["--utkast", join(ws.dir, "finns-inte.json")], /finns-inte\.json: /],
      [["--kind", "motion", "-k", "Lidingö", "-a", "Eva Ek (V)", "--filed", "2026-01-02"], /--title krävs \(eller/],
    ];
    for (const [args, message] of cases) {
      expectRefused(run("arenden", "add", "--dnr", "KS 2026/1", ...args), message, args.join(" "));
    }
    expect(readFileSync(ws.db, "utf8")).toBe(before);
  });

  it("the follow-up's review tells the user to complete a step's source in the document, not in the registry", {
    timeout: 120_000,
  }, () => {
    const refer = run("arenden", "refer", id, "--to", "utbildningsnämnden", "--date", "2025-12-01");
    expect([refer.code, refer.stderr]).toEqual([0, ""]);
    const r = run(
      "arenden",
      "follow-up",
      id,
      "--addressee",
      "kommunstyrelsens ordförande",
      "--date",
      "2026-12-03",
      "--out",
      join(ws.dir, "uppfoljning"),
      "--format",
      "md",
    );
    expect(r.code, r.stderr).toBe(0);
    const check = r.stdout.split("\n").find((l) => l.includes("Källan Lidingö kommun, 1 december 2025"));
    expect(check).toContain(
      "saknar titel, eftersom ärendets steg inte har någon. Leta upp handlingen (till exempel beslutet eller " +
        "protokollet) och komplettera källhänvisningen i dokumentet innan det lämnas in.",
    );
    expect(r.stdout).not.toContain("faktaregistret");
  });

  it("refuses a decision whose facts are wrong, naming each --fact, and writes nothing", () => {
    const before = readFileSync(ws.db, "utf8");
    const r = decide("--fact", "action_plan_sell_sex=ja", "--fact", "handlingsplan", "--fact", "runs_kast=kanske");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("3 fel:");
    expect(r.stderr).toMatch(/--fact: Okänd faktanyckel: "action_plan_sell_sex"\. Menade du "action_plan_sells_sex"/);
    expect(r.stderr).toContain('--fact: Ogiltig uppgift: "handlingsplan" är inte nyckel=värde');
    expect(r.stderr).toMatch(/--fact: .*"kanske" ska vara ja eller nej för runs_kast/);
    expect(readFileSync(ws.db, "utf8")).toBe(before);
    // A step that does not fit is refused before the facts are looked at, and nothing is written either.
    const early = run(
      "arenden",
      "decide",
      id,
      "--date",
      "2025-01-01",
      "--decision",
      "bifall",
      "--protocol-title",
      "P",
      "--publisher",
      "Lidingö stad",
      "--fact",
      "action_plan_sells_sex=ja",
    );
    expect(early.stderr).toMatch(/datumet ligger före inlämningen/);
    expect(readFileSync(ws.db, "utf8")).toBe(before);
  });

  it("records the decision and the facts it establishes in one step, the protocol as their source", {
    timeout: 120_000,
  }, () => {
    const r = decide(
      "--fact",
      "action_plan_sells_sex=ja",
      "--fact",
      "help_programme_sells_sex=ja",
      "--paragraph",
      "§ 112",
      "--url",
      "https://www.lidingo.se/protokoll-kf-2026-12-14.pdf",
    );
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain(`Sparat som steg 3 i ${id}.`);
    expect(r.stdout).toContain("2 fakta sparade för Lidingö med protokollet som källa");
    const facts = JSON.parse(run("facts", "Lidingö", "--json").stdout) as {
      facts: { key: string; value: string; asOf: string; source: unknown }[];
    };
    for (const key of ["action_plan_sells_sex", "help_programme_sells_sex"]) {
      expect(facts.facts.find((f) => f.key === key)).toMatchObject({
        value: "ja",
        asOf: "2026-12-14",
        source: {
          title: "Protokoll kommunfullmäktige 2026-12-14, § 112",
          publisher: "Lidingö stad",
          date: "2026-12-14",
          url: "https://www.lidingo.se/protokoll-kf-2026-12-14.pdf",
        },
      });
    }
    const rows = JSON.parse(run("arenden", "--json").stdout) as { id: string; status: string }[];
    expect(rows.find((row) => row.id === id)?.status).toBe("beslutad");
  });
});
