import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli, tempWorkspace } from "../helpers/cli.js";

describe("motionera facts", () => {
  it("prints a municipality's facts with its county and national ones, value, as-of, age and source", () => {
    const ws = tempWorkspace();
    const r = runCli(["facts", "lidingo", "--db", ws.db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Lidingö stad \(0186\), Stockholms län/);
    expect(r.stdout).toMatch(/Kommunen: Lidingö/);
    expect(r.stdout).toMatch(/Länet: Stockholms län/);
    expect(r.stdout).toMatch(/Hela landet: Sverige/);
    expect(r.stdout).toMatch(/per 13 november 2023 \(ålder \d+ år/);
    expect(r.stdout).toMatch(/Källa: /);
  });

  it("--json gives the facts with sources; --all adds the history", () => {
    const ws = tempWorkspace();
    const latest = JSON.parse(runCli(["facts", "0186", "--json", "--db", ws.db]).stdout) as {
      municipality: { code: string };
      facts: { key: string; subject: string; source: { title?: string; publisher: string; parties?: string[] } }[];
    };
    expect(latest.municipality.code).toBe("0186");
    const agreement = latest.facts.filter((f) => f.key === "mika_kast_agreement" && f.subject === "0186");
    expect(agreement).toHaveLength(1);
    const all = JSON.parse(runCli(["facts", "0186", "--json", "--all", "--db", ws.db]).stdout) as typeof latest;
    expect(all.facts.filter((f) => f.key === "mika_kast_agreement" && f.subject === "0186")).toHaveLength(2);
    for (const f of all.facts) {
      expect(f.source.publisher.length).toBeGreaterThan(0);
      if (f.source.title !== undefined) expect(f.source.title.length).toBeGreaterThan(0);
    }
    // The Liberal op-ed of February 2023 is a party's source.
    expect(
      all.facts.find((f) => f.key === "mika_kast_agreement" && f.subject === "0186" && f.source.parties?.[0] === "L"),
    ).toBeDefined();
  });

  it("adds a fact with its source and keeps the older value as history", () => {
    const ws = tempWorkspace();
    const add = runCli([
      "facts",
      "add",
      "Lidingö",
      "mika_kast_agreement",
      "ja",
      "--as-of",
      "2026-03-01",
      "--source-title",
      "Protokoll kommunstyrelsen",
      "--publisher",
      "Lidingö stad",
      "--source-date",
      "2026-03-05",
      "--db",
      ws.db,
    ]);
    expect(add.stderr).toBe("");
    expect(add.code).toBe(0);
    const all = JSON.parse(runCli(["facts", "0186", "--json", "--all", "--db", ws.db]).stdout) as {
      facts: { key: string; subject: string; latest: boolean; asOf: string }[];
    };
    const history = all.facts.filter((f) => f.key === "mika_kast_agreement" && f.subject === "0186");
    expect(history).toHaveLength(3);
    expect(history.find((f) => f.latest)?.asOf).toBe("2026-03-01");
  });

  it("refuses a fact without a source, with a wrong value type or an unknown key", () => {
    const ws = tempWorkspace();
    const noSource = runCli([
      "facts",
      "add",
      "Lidingö",
      "mika_kast_agreement",
      "ja",
      "--as-of",
      "2026-03-01",
      "--db",
      ws.db,
    ]);
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toMatch(/--source-title/);
    const badValue = runCli([
      "facts",
      "add",
      "Lidingö",
      "mika_kast_agreement",
      "kanske",
      "--as-of",
      "2026",
      "--source-title",
      "X",
      "--publisher",
      "Y",
      "--db",
      ws.db,
    ]);
    expect(badValue.code).toBe(1);
    expect(badValue.stderr).toMatch(/ja eller nej/);
    const badKey = runCli([
      "facts",
      "add",
      "Lidingö",
      "mika_kast_agreemnt",
      "ja",
      "--as-of",
      "2026",
      "--source-title",
      "X",
      "--publisher",
      "Y",
      "--db",
      ws.db,
    ]);
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toMatch(/Menade du "mika_kast_agreement"/);
  });

  it("explains a corrupt database file without touching it", () => {
    const ws = tempWorkspace();
    writeFileSync(ws.db, '{"schemaVersion": 1, "facts": [');
    const r = runCli(["facts", "Lidingö", "--db", ws.db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(ws.db);
    expect(readFileSync(ws.db, "utf8")).toBe('{"schemaVersion": 1, "facts": [');
  });
});

describe("motionera templates", () => {
  it("--json lists {id, kind, title, inputs, facts} for at least the five shipped templates", () => {
    const r = runCli(["templates", "--json"]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as {
      id: string;
      kind: string;
      title: string;
      inputs: unknown[];
      facts: unknown[];
    }[];
    expect(list.length).toBeGreaterThanOrEqual(5);
    for (const t of list) expect(Object.keys(t).sort()).toEqual(["facts", "id", "inputs", "kind", "title"]);
    expect(new Set(list.map((t) => t.kind))).toEqual(
      new Set(["motion", "interpellation", "debattartikel", "pressmeddelande"]),
    );
  });

  it("show explains one template", () => {
    const r = runCli(["templates", "show", "kast-avtal"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Fält:/);
    expect(r.stdout).toMatch(/Uppgifter:/);
    expect(r.stdout).toMatch(/motionera draft --template kast-avtal/);
  });
});
