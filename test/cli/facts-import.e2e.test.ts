/** `motionera facts import` as a user runs it: the built CLI on a temp copy of the database. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, tempWorkspace } from "../helpers/cli.js";

const fixture = (name: string) => join(repoRoot, "test", "fixtures", "facts-import", name);
const source = ["--source-title", "Testtabell över avtal", "--publisher", "Testutgivare", "--as-of", "2025-06-01"];

describe("motionera facts import", () => {
  it("imports a CSV file, and `facts <kommun>` shows the value with its source", () => {
    const ws = tempWorkspace();
    const r = runCli([
      "facts",
      "import",
      fixture("agreements-tab.csv"),
      "--key",
      "mika_kast_agreement",
      ...source,
      "--db",
      ws.db,
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 nya, 0 ändrade, 1 oförändrad, 1 rad utan nytt värde/);
    expect(r.stdout).toMatch(/Sparade 4 uppgifter i/);
    const shown = runCli(["facts", "Vallentuna", "--db", ws.db]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/Avtal med Mikamottagningen och KAST.*: nej, per 1 juni 2025/);
    expect(shown.stdout).toMatch(/Källa: Testtabell över avtal, Testutgivare, odaterad\s+\[mika_kast_agreement\]/);
    // the county count is computed from the municipality facts, with them as its basis
    expect(shown.stdout).toMatch(
      new RegExp(
        [
          String.raw`Kommuner i länet med avtal om Mikamottagningen och KAST enligt registret: \d+ \(`,
          String.raw`.*underlagen: .*”Testtabell över avtal” \(Testutgivare\)`,
        ].join(""),
      ),
    );
  });

  it("--dry-run lists new, changed (old → new) and unchanged, and writes nothing", () => {
    const ws = tempWorkspace();
    expect(
      runCli([
        "facts",
        "import",
        fixture("agreements-tab.csv"),
        "--key",
        "mika_kast_agreement",
        ...source,
        "--db",
        ws.db,
      ]).code,
    ).toBe(0);
    const before = readFileSync(ws.db);
    const next = join(ws.dir, "ny.csv");
    writeFileSync(next, "Kommun;Avtal\nVallentuna;ja\nÖsteråker;ja\nTäby;ja\n");
    const r = runCli(["facts", "import", next, "--key", "mika_kast_agreement", ...source, "--dry-run", "--db", ws.db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 ny, 1 ändrad, 1 oförändrad\./);
    expect(r.stdout).toMatch(/\n {2}ändrad +Vallentuna, per 1 juni 2025: nej → ja\n/);
    expect(r.stdout).toMatch(/\n {2}oförändrad +Österåker, per 1 juni 2025: ja\n/);
    expect(r.stdout).toMatch(/\n {2}ny +Täby, per 1 juni 2025: ja\n/);
    expect(r.stdout).toMatch(/Provkörning: inget sparades/);
    expect(readFileSync(ws.db).equals(before)).toBe(true);
    const json = JSON.parse(
      runCli([
        "facts",
        "import",
        fixture("increase-comma-quoted.csv"),
        "--key",
        "kast_help_seekers_increase",
        ...source,
        "--dry-run",
        "--json",
        "--db",
        ws.db,
      ]).stdout,
    ) as { facts: { subject: string; value: { value: number } }[]; committed: boolean };
    expect(json.committed).toBe(false);
    expect(json.facts.map((f) => f.value.value)).toEqual([12.5, 7, 1234.5]);
    expect(readFileSync(ws.db).equals(before)).toBe(true);
  });

  it(
    "an unknown municipality on line 7 rejects the whole file: exit code 1, line 7 named, database " + "byte-identical",
    () => {
      const ws = tempWorkspace();
      const before = readFileSync(ws.db);
      const r = runCli([
        "facts",
        "import",
        fixture("unknown-line7.csv"),
        "--key",
        "mika_kast_agreement",
        ...source,
        "--db",
        ws.db,
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/ingenting sparades/);
      expect(r.stderr).toMatch(/rad 7, kolumn "Kommun": okänd kommun "Lidngö"\. Menade du "Lidingö"/);
      expect(readFileSync(ws.db).equals(before)).toBe(true);
    },
  );

  it("a Kolada file needs no source flags; a plain CSV without them is a usage error", () => {
    const ws = tempWorkspace();
    const k = runCli(["facts", "import", fixture("kolada-two-periods.json"), "--key", "population", "--db", ws.db]);
    expect(k.code).toBe(0);
    expect(k.stdout).toMatch(/Källa: Kolada: N01951, RKA \(Kolada\)/);
    const all = JSON.parse(runCli(["facts", "Lidingö", "--all", "--json", "--db", ws.db]).stdout) as {
      facts: { key: string; subject: string; asOf: string }[];
    };
    expect(all.facts.filter((f) => f.key === "population" && f.subject === "0186").map((f) => f.asOf)).toEqual([
      "2021",
      "2023",
    ]);
    const noSource = runCli([
      "facts",
      "import",
      fixture("agreements-tab.csv"),
      "--key",
      "mika_kast_agreement",
      "--db",
      ws.db,
    ]);
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toMatch(/--source-title: källans titel saknas/);
    const derived = runCli([
      "facts",
      "add",
      "AB",
      "mika_kast_agreements_counted",
      "16",
      "--as-of",
      "2025",
      "--source-title",
      "T",
      "--publisher",
      "P",
      "--db",
      ws.db,
    ]);
    expect(derived.code).toBe(1);
    expect(derived.stderr).toMatch(/beräknas ur registret/);
  });

  it("lists the first 100 problems and rows left out, and says how many more", () => {
    const ws = tempWorkspace();
    const bad = join(ws.dir, "fel.csv");
    writeFileSync(bad, `Kommun;Avtal\n${Array.from({ length: 150 }, (_, i) => `Lidngö${i};ja`).join("\n")}\n`);
    const r = runCli(["facts", "import", bad, "--key", "mika_kast_agreement", ...source, "--db", ws.db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/150 fel:/);
    expect(r.stderr.match(/^ {2}rad \d+, kolumn "Kommun": okänd kommun/gm)).toHaveLength(100);
    expect(r.stderr).toMatch(/… och 50 fel till\./);
    const same = join(ws.dir, "samma.csv");
    writeFileSync(same, `Kommun;Avtal\n${"Solna;ja\n".repeat(150)}`);
    const d = runCli(["facts", "import", same, "--key", "mika_kast_agreement", ...source, "--dry-run", "--db", ws.db]);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/1 ny, 0 ändrade, 0 oförändrade, 149 rader utan nytt värde\./);
    expect(d.stdout.match(/^ {2}rad \d+ \(Solna\): samma värde som på rad 2$/gm)).toHaveLength(100);
    expect(d.stdout).toMatch(/\n {2}… och 49 rader till\.\n/);
  });
});
