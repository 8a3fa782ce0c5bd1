/**
 * Issue 15's scale, through the built CLI as a user runs it: 20 000 generated Riksdagen `dokumentstatus` files
 * imported by one command (progress on stderr, not a terminal here: a line now and then), then searched (the count
 * and a known document); a large zip read in parts; and an import killed mid-way (SIGKILL), run again: nothing
 * twice, everything there, the stored part skipped and counted, the index it left equal to a full build.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { dokumentstatusFile } from "../../bench/riksdagen-generate.js";
import { CorpusIndex, readIndexFile, type SearchResult } from "../../src/corpus/search/index.js";
import { LowdbStore } from "../../src/store/lowdb-store.js";
import { runCliAsync } from "../helpers/cli-async.js";
import { bin, repoRoot } from "../helpers/cli.js";

function folderOf(n: number): { dir: string; folder: string } {
  const dir = mkdtempSync(join(tmpdir(), "motionera-scale-"));
  const folder = join(dir, "dokumentstatus");
  mkdirSync(folder);
  for (let i = 0; i < n; i++) {
    const f = dokumentstatusFile(i);
    writeFileSync(join(folder, f.name), f.json);
  }
  return { dir, folder };
}

/** The generated file's own fields, read back (the document the test then looks for). */
function generated(i: number): { titel: string; datum: string; dok_id: string } {
  const f = dokumentstatusFile(i);
  return (JSON.parse(f.json.replace(/^\ufeff/, "")) as { dokumentstatus: { dokument: never } }).dokumentstatus.dokument;
}

const progressLine = /^Importerar: [\d\u00a0]+ av 20\u00a0000 filer(, [\d\u00a0]+ per sekund, ca .+ kvar)?$/;

describe("a 20 000-document Riksdagen import through the CLI", () => {
  it("is one command with a quiet progress log, then search finds the count and a known document", async () => {
    const { dir, folder } = folderOf(20_000);
    const db = join(dir, "riksdagen.json");
    const r = await runCliAsync(["corpus", "import", folder, "--db", db], { timeoutMs: 170_000 });
    expect(r.code, r.stderr.slice(0, 2000)).toBe(0);
    expect(r.stdout).toContain("20000 filer importerade (20000 nya, 0 uppdaterade), 0 misslyckades.");
    expect(r.stdout).toContain("19\u00a0980 dokument till importerades utan att visas här");
    // Not a terminal: no carriage returns, a line per tenth or per 10 seconds, the last at 20 000.
    const lines = r.stderr.trimEnd().split("\n");
    expect(r.stderr).not.toContain("\r");
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(40);
    for (const line of lines) expect(line).toMatch(progressLine);
    expect(lines.at(-1)).toMatch(/^Importerar: 20\u00a0000 av 20\u00a0000 filer/);

    const all = JSON.parse((await runCliAsync(["corpus", "search", "", "--json", "--limit", "1", "--db", db])).stdout);
    expect(all.total).toBe(20_000);
    const known = generated(12_345);
    const year = known.datum.slice(0, 4);
    const found = JSON.parse(
      (
        await runCliAsync([
          "corpus",
          "search",
          `"${known.titel}"`,
          "--from",
          year,
          "--to",
          year,
          "--json",
          "--limit",
          "1000",
          "--db",
          db,
        ])
      ).stdout,
    ) as SearchResult;
    expect(found.total).toBeGreaterThan(0);
    expect(found.hits.some((h) => h.title === known.titel && h.date === known.datum.slice(0, 10))).toBe(true);
  }, 240_000);

  it("reads a large zip in parts: every entry once, the progress counting entries", async () => {
    const n = 1200;
    const dir = mkdtempSync(join(tmpdir(), "motionera-scale-zip-"));
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < n; i++) {
      const f = dokumentstatusFile(i);
      entries[`bulk/${f.name}`] = new TextEncoder().encode(f.json);
    }
    entries["bulk/readme.txt"] = new TextEncoder().encode("not read");
    const zip = join(dir, "mot-bulk.json.zip");
    writeFileSync(zip, zipSync(entries));
    const db = join(dir, "zip.json");
    const r = await runCliAsync(["corpus", "import", zip, "--db", db], { timeoutMs: 120_000 });
    expect(r.code, r.stderr.slice(0, 2000)).toBe(0);
    expect(r.stdout).toContain("1200 filer importerade (1200 nya, 0 uppdaterade), 0 misslyckades.");
    expect(r.stderr.trimEnd().split("\n").at(-1)).toMatch(/^Importerar: 1\u00a0200 av 1\u00a0200 filer/);
    const docs = await (await LowdbStore.open(db)).documents();
    expect(new Set(docs.map((d) => d.contentHash)).size).toBe(n);
  }, 180_000);

  it("killed mid-way and run again: no duplicates, every document there, the stored ones skipped", async () => {
    const n = 3000;
    const { dir, folder } = folderOf(n);
    const db = join(dir, "riksdagen.json");
    const args = ["corpus", "import", folder, "--batch", "200", "--db", db];
    // Killed (SIGKILL, no chance to tidy up) once the log says half the files are read.
    const killed = await new Promise<{ signal: NodeJS.Signals | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (d: string) => {
        stderr += d;
        if (/Importerar: 1\u00a0[5-9]\d\d av/.test(stderr)) child.kill("SIGKILL");
      });
      child.on("error", reject);
      child.on("close", (_code, signal) => resolve({ signal, stderr }));
    });
    expect(killed.signal).toBe("SIGKILL");
    const stored = (await (await LowdbStore.open(db)).documents()).length;
    expect(stored).toBeGreaterThanOrEqual(1000);
    expect(stored).toBeLessThan(n);
    expect(stored % 200).toBe(0); // whole batches only

    const again = await runCliAsync(args, { timeoutMs: 120_000 });
    expect(again.code, again.stderr.slice(0, 2000)).toBe(0);
    expect(again.stdout).toContain(`${n} filer importerade (${n - stored} nya, 0 uppdaterade), 0 misslyckades.`);
    expect(again.stdout).toContain(
      `${stored.toLocaleString("sv-SE").replace(/\s/g, "\u00a0")} dokument fanns redan med samma innehåll`,
    );
    const docs = await (await LowdbStore.open(db)).documents();
    expect(docs).toHaveLength(n);
    expect(new Set(docs.map((d) => d.id)).size).toBe(n);
    expect(new Set(docs.map((d) => d.contentHash)).size).toBe(n);
    // The index the resumed import left (built once from the stored part, then batch by batch) answers as a full
    // build over the stored documents does.
    const store = await LowdbStore.open(db);
    const full = CorpusIndex.build(await store.documents());
    const incremental = await readIndexFile(db.replace(/\.json$/, ".index.json"), await store.revision());
    expect(incremental).toBeDefined();
    for (const q of [
      { text: "kollektivtrafiken" },
      { text: "skolans resurser", filters: { party: ["S"] } },
      { text: "", filters: { kind: ["interpellation"], from: 2001, to: 2003 } },
    ])
      expect(incremental!.search(q)).toEqual(full.search(q));
    const all = JSON.parse((await runCliAsync(["corpus", "search", "", "--json", "--limit", "1", "--db", db])).stdout);
    expect(all.total).toBe(n);
    // A third run changes nothing.
    const third = await runCliAsync(args, { timeoutMs: 120_000 });
    expect(third.stdout).toContain(`${n} filer importerade (0 nya, 0 uppdaterade), 0 misslyckades.`);
  }, 240_000);
});
