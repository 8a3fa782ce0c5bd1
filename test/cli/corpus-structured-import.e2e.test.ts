/**
 * `motionera corpus import` of Riksdagen's JSON and TEI, a folder and a zip, through the built CLI (on the import
 * thread, as a user runs it); then search and show what was imported.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, tempWorkspace } from "../helpers/cli.js";

const riksdagen = join(repoRoot, "test/fixtures/riksdagen");
const tei = join(repoRoot, "test/fixtures/tei");

interface Result {
  file: string;
  ok: boolean;
  error?: string;
  note?: string;
  record?: { id: string; kind: string; designation?: string; provenance?: Record<string, string> };
}

describe("motionera corpus import of structured files", () => {
  it("a folder: every readable file imported, each unreadable one named with its reason, the lists explained", () => {
    const ws = tempWorkspace();
    const folder = join(ws.dir, "nedladdat");
    cpSync(riksdagen, folder, { recursive: true });
    cpSync(tei, join(folder, "tei"), { recursive: true });
    const r = runCli(["corpus", "import", folder, "--db", ws.db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("beteckning");
    expect(r.stdout).toContain("2014/15:1148 (HZ01TEST1)");
    expect(r.stdout).toMatch(
      /dokumentlista\.json: en dokumentlista från riksdagen innehåller bara metadata \(2 dokument/,
    );
    expect(r.stdout).toContain("dokumentstatus-filer");
    expect(r.stderr).toMatch(/trasig\.json: filen är inte giltig JSON/);
    expect(r.stderr).toMatch(/okand-form\.json: JSON-filen är varken en dokumentstatus- eller en dokumentlista-fil/);

    const answers = JSON.parse(runCli(["corpus", "search", "", "--kind", "svar", "--json", "--db", ws.db]).stdout) as {
      total: number;
      hits: { id: string }[];
    };
    expect(answers.total).toBe(1);
    const speeches = JSON.parse(
      runCli(["corpus", "search", "", "--kind", "anförande", "--json", "--db", ws.db]).stdout,
    ) as { total: number; facets: { party: { value: string }[] } };
    expect(speeches.total).toBe(2);
    expect(speeches.facets.party.map((p) => p.value).sort()).toEqual(["L", "S"]);

    const motion = JSON.parse(
      runCli(["corpus", "search", "cykelbanor", "--kind", "motion", "--json", "--db", ws.db]).stdout,
    ) as { hits: { id: string }[] };
    const shown = runCli(["corpus", "show", motion.hits[0]!.id, "--db", ws.db]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("beteckning: 2014/15:1148 (HZ01TEST1)");
    expect(shown.stdout).toContain("utskott: CU");
    expect(shown.stdout).toMatch(/cykelbanor.*\[utskottet: Avslag; kammaren: Avslag\]/);
  });

  it("a zip of dokumentstatus files, --json: one result per entry, a broken entry by its name in the zip", () => {
    const ws = tempWorkspace();
    const zip = join(ws.dir, "ip-2019-2022.json.zip");
    const entry = (f: string) => new Uint8Array(readFileSync(join(riksdagen, f)));
    writeFileSync(
      zip,
      zipSync({
        "ip/hz10test3.json": entry("ip.json"),
        "fr/hz11test4.json": entry("fr-utan-intressent.json"),
        "fr/trasig.json": entry("trasig.json"),
      }),
    );
    const r = runCli(["corpus", "import", zip, "--json", "--db", ws.db]);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as Result[];
    expect(results.map((x) => [x.file.slice(ws.dir.length + 1), x.ok])).toEqual([
      ["ip-2019-2022.json.zip/ip/hz10test3.json", true],
      ["ip-2019-2022.json.zip/fr/hz11test4.json", true],
      ["ip-2019-2022.json.zip/fr/trasig.json", false],
    ]);
    expect(results[2]!.error).toMatch(/^filen är inte giltig JSON/);
    expect(results[0]!.record).toMatchObject({ kind: "interpellation", designation: "2019/20:212" });
    expect(results[0]!.record!.provenance).toMatchObject({ kind: "structure", topics: "tagger" });

    // Imported again: the same records, unchanged.
    const again = JSON.parse(runCli(["corpus", "import", zip, "--json", "--db", ws.db]).stdout) as {
      action?: string;
      ok: boolean;
    }[];
    expect(again.filter((x) => x.ok).map((x) => x.action)).toEqual(["unchanged", "unchanged"]);
  });
});
