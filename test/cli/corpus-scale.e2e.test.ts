/**
 * Issue 15's scale, through the built CLI as a user runs it: an import of 20 000 generated Riksdagen
 * `dokumentstatus` files killed mid-way (SIGKILL), then one command imports them all (progress on stderr, not a
 * terminal here: a line now and then): nothing twice, everything there, the stored part skipped and counted, the
 * index it left equal to a full build; then searched (the count and a known document). A large zip read in parts,
 * and imported again: nothing changes. (One 20 000-file import and its start cut short, rather than a 20 000 and a
 * separate 3 000 import run twice: the same checks for a fifth less work.)
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

/** Runs the CLI and kills it (SIGKILL, no chance to tidy up) once its progress log has passed `atLeast` files. */
function killedAfter(args: string[], atLeast: number): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      const done = [...stderr.matchAll(/Importerar: ([\d\u00a0]+) av/g)].map((m) => Number(m[1]!.replace(/\D/g, "")));
      if (done.some((x) => x >= atLeast)) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("close", (_code, signal) => resolve({ signal, stderr }));
  });
}

const nbsp = (n: number) => n.toLocaleString("sv-SE").replace(/\s/g, "\u00a0");

describe("a 20 000-document Riksdagen import through the CLI", () => {
  it("cut short, then one command imports the rest, progress quiet: nothing twice, search finds it", async () => {
    const n = 20_000;
    const { dir, folder } = folderOf(n);
    const db = join(dir, "riksdagen.json");
    const args = ["corpus", "import", folder, "--db", db];
    // Killed once the log says a tenth of the files are read (a batch of 1 000 is written by then).
    const killed = await killedAfter(args, 2000);
    expect(killed.signal).toBe("SIGKILL");
    const stored = (await (await LowdbStore.open(db)).documentHashes()).length;
    expect(stored).toBeGreaterThanOrEqual(1000);
    expect(stored).toBeLessThan(n);
    expect(stored % 1000).toBe(0); // whole batches only

    const r = await runCliAsync(args, { timeoutMs: 240_000 });
    expect(r.code, r.stderr.slice(0, 2000)).toBe(0);
    expect(r.stdout).toContain(`20000 filer importerade (${n - stored} nya, 0 uppdaterade), 0 misslyckades.`);
    expect(r.stdout).toContain(`${nbsp(stored)} dokument fanns redan med samma innehåll och hoppades över.`);
    expect(r.stdout).toContain("19\u00a0980 dokument till importerades utan att visas här");
    // Not a terminal: no carriage returns, a line per tenth or per 10 seconds, the last at 20 000.
    const lines = r.stderr.trimEnd().split("\n");
    expect(r.stderr).not.toContain("\r");
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(40);
    for (const line of lines) expect(line).toMatch(progressLine);
    expect(lines.at(-1)).toMatch(/^Importerar: 20\u00a0000 av 20\u00a0000 filer/);

    const store = await LowdbStore.open(db);
    const docs = await store.documents();
    expect(docs).toHaveLength(n);
    expect(new Set(docs.map((d) => d.id)).size).toBe(n);
    expect(new Set(docs.map((d) => d.contentHash)).size).toBe(n);
    // The index the resumed import left (built once from the stored part, then batch by batch) answers as a full
    // build over the stored documents does.
    const full = CorpusIndex.build(docs);
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
  }, 360_000);

  it("reads a large zip in parts: every entry once, progress counting entries; again, nothing changes", async () => {
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
    // A second run of a complete import (its documents in a segment, read back by id) changes nothing.
    const again = await runCliAsync(["corpus", "import", zip, "--db", db], { timeoutMs: 120_000 });
    expect(again.stdout).toContain("1200 filer importerade (0 nya, 0 uppdaterade), 0 misslyckades.");
    expect(again.stdout).toContain(`${nbsp(n)} dokument fanns redan med samma innehåll och hoppades över.`);
    expect(await (await LowdbStore.open(db)).documents()).toEqual(docs);
  }, 180_000);
});
