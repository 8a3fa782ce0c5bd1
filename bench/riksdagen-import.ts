/**
 * Issue 15's scale figures: `motionera corpus import` of a folder of N generated Riksdagen `dokumentstatus` files
 * (riksdagen-generate.ts; N from BENCH_RIKSDAGEN_DOCS, 20 000 by default) into an empty embedded (lowdb) store,
 * through the bundled CLI as a user runs it (chunks read on its import thread, a write per batch of 1 000, the index
 * updated per batch). Figures, each beside a baseline from the same run:
 *
 * - documents per second (wall time of the command; its CPU time, read from /proc, beside it), against the same
 *   documents as plain .txt files through the text path (a tenth as many);
 * - the process's peak RSS (VmHWM, read from /proc while it runs; the median of BENCH_RIKSDAGEN_REPEAT runs, 3 by
 *   default), against the import of a quarter as many files
 *   (flat: at most 1.25 times), beside the size of the stored documents and of the index file;
 * - the index update per batch of 1 000 (CorpusIndex.withDocuments, in this process over the stored documents),
 *   mean and the last one (at N), against a full build over all N;
 * - search with facets, p50 and p95 over a set of queries (words, phrases, prefixes, filters) on the index file the
 *   import left, against the same queries on the quarter's index;
 * - the first search after the import (the index file is there), against the second.
 *
 * Linux only. BENCH_RIKSDAGEN=0 skips it.
 */
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { htmlToText } from "../src/corpus/import/html-text.js";
import { dokumentstatusFile } from "./riksdagen-generate.js";
import { CorpusIndex, readIndexFile, type SearchQuery } from "../src/corpus/search/index.js";
import type { CorpusDocument } from "../src/domain/corpus-document.js";
import { LowdbStore } from "../src/store/lowdb-store.js";
import { processTree } from "./process-tree.js";
import { ms, printTable, summarize, type Row } from "./stats.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = join(here, "..", "..");
const bin = join(repo, "bin", "motionera.js");

interface Run {
  seconds: number;
  /** User + system CPU seconds of its processes (their last readings before they exited). */
  cpuSeconds: number;
  /** The peak RSS of each of its processes, summed. */
  peakRssMb: number;
  code: number;
}

/**
 * Runs the CLI, polling every 20 ms until it exits: the peak RSS of each process of its tree (VmHWM; the bin and the
 * child it runs the import in), summed (an upper bound of what they held at once), and their CPU time.
 */
function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // The bin itself, as a user runs it.
    const child = spawn(bin, args, { stdio: ["ignore", "ignore", "pipe"] });
    const peaks = new Map<number, number>();
    const cpus = new Map<number, number>();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      if (stderr.length < 2000) stderr += d.toString();
    });
    const poll = setInterval(() => {
      for (const pid of processTree(child.pid!))
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
          if (m) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, Number(m[1]) / 1024));
          // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): utime and stime in clock ticks.
          const fields = readFileSync(`/proc/${pid}/stat`, "utf8")
            .replace(/^.*\) /, "")
            .split(" ");
          cpus.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
        } catch {
          // The process has just exited.
        }
    }, 20);
    const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(poll);
      if (code !== 0) process.stderr.write(stderr);
      resolve({
        seconds: (performance.now() - t0) / 1000,
        cpuSeconds: sum(cpus),
        peakRssMb: sum(peaks),
        code: code ?? -1,
      });
    });
  });
}

function writeFolder(dir: string, n: number, asText: boolean): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const f = dokumentstatusFile(i);
    if (!asText) {
      writeFileSync(join(dir, f.name), f.json);
      continue;
    }
    const d = (JSON.parse(f.json.replace(/^\ufeff/, "")) as { dokumentstatus: { dokument: Record<string, string> } })
      .dokumentstatus.dokument;
    const kind = { mot: "Motion", ip: "Interpellation", fr: "Skriftlig fråga", frs: "Svar på skriftlig fråga" }[d.typ!];
    writeFileSync(
      join(dir, f.name.replace(/\.json$/, ".txt")),
      `${kind} ${d.rm}:${d.beteckning} ${d.titel}\n\n${d.subtitel}\n\n${htmlToText(d.html!)}\n`,
    );
  }
}

const rate = (n: number, r: Run) => n / r.seconds;

/** How many times each import is run (BENCH_RIKSDAGEN_REPEAT, 3 by default). */
const repeats = Math.max(1, Number(process.env.BENCH_RIKSDAGEN_REPEAT ?? 3));

/** The median run by wall time, with the median peak RSS of all the runs. */
function medianRun(runs: readonly Run[]): Run {
  const mid = <T>(xs: T[]) => xs[Math.floor((xs.length - 1) / 2)]!;
  const byTime = mid([...runs].sort((a, b) => a.seconds - b.seconds));
  return { ...byTime, peakRssMb: mid(runs.map((r) => r.peakRssMb).sort((a, b) => a - b)) };
}

/** The bytes of the files in a folder (the store's document segments; none below `segmentThreshold` documents). */
const folderBytes = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0) : 0;

/** The queries whose search time is measured: words, two words, phrases, prefixes, each also with filters. */
const queries: SearchQuery[] = [
  "kollektivtrafiken",
  "skolans resurser",
  '"vården på landsbygden"',
  "bostadsbyggande",
  "polisens närvaro",
  "cykelvägar",
  "äldreomsorgen kommunerna",
  "bredband",
  "kulturskol",
  "likvärdighet rättvisa",
  "utreda",
  "",
].flatMap((text) => [
  { text },
  { text, filters: { party: ["S", "V"] } },
  { text, filters: { kind: ["motion"], from: 2005, to: 2015 } },
]);

/**
 * Search with facets over the query set, each query run `rounds` times: p50 and p95 in ms of wall time, and the p95
 * of the CPU time each search took (process.cpuUsage: on a shared machine, wall time also counts the moments the
 * process waited for a core).
 */
function searchTimes(index: CorpusIndex, rounds = 5): { p50: number; p95: number; cpuP95: number } {
  for (const q of queries) index.search(q);
  const xs: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const q of queries) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      index.search(q);
      xs.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
  const s = summarize(xs);
  return { p50: s.median, p95: s.p95, cpuP95: summarize(cpu).p95 };
}

/** The index updated batch by batch over the stored documents: each update's ms, and a full build's. */
function indexUpdates(docs: readonly CorpusDocument[], batch = 1000): { updates: number[]; full: number } {
  let index = CorpusIndex.build([]);
  const updates: number[] = [];
  for (let i = 0; i < docs.length; i += batch) {
    const t0 = performance.now();
    index = index.withDocuments(docs.slice(i, i + batch));
    updates.push(performance.now() - t0);
  }
  const t0 = performance.now();
  CorpusIndex.build(docs);
  return { updates, full: performance.now() - t0 };
}

export async function benchRiksdagenImport(n = Number(process.env.BENCH_RIKSDAGEN_DOCS ?? 20_000)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "motionera-bench-riksdagen-"));
  const quarter = Math.max(1, Math.round(n / 4));
  const tenth = Math.max(1, Math.round(n / 10));
  try {
    writeFolder(join(dir, "json"), n, false);
    writeFolder(join(dir, "json-quarter"), quarter, false);
    writeFolder(join(dir, "txt"), tenth, true);
    // Each import `repeats` times, the two sizes taking turns, into fresh databases (the first kept for the
    // searches): the peak RSS of one run swings by tens of MB on a shared machine, so the medians are compared.
    const fullRuns: Run[] = [];
    const smallRuns: Run[] = [];
    for (let k = 0; k < repeats; k++) {
      const suffix = k === 0 ? "" : `-${k}`;
      fullRuns.push(await runCli(["corpus", "import", join(dir, "json"), "--db", join(dir, `a${suffix}.json`)]));
      smallRuns.push(
        await runCli(["corpus", "import", join(dir, "json-quarter"), "--db", join(dir, `b${suffix}.json`)]),
      );
    }
    const full = medianRun(fullRuns);
    const small = medianRun(smallRuns);
    const text = await runCli(["corpus", "import", join(dir, "txt"), "--db", join(dir, "c.json")]);
    const first = await runCli(["corpus", "search", "kollektivtrafiken", "--db", join(dir, "a.json")]);
    const second = await runCli(["corpus", "search", "kollektivtrafiken", "--db", join(dir, "a.json")]);
    for (const r of [...fullRuns, ...smallRuns, text, first, second]) if (r.code !== 0) throw new Error("a run failed");

    const storedBytes = folderBytes(`${join(dir, "a.json")}.documents`);
    const store = await LowdbStore.open(join(dir, "a.json"));
    const big = await readIndexFile(join(dir, "a.index.json"), await store.revision());
    const smallStore = await LowdbStore.open(join(dir, "b.json"));
    const smallIndex = await readIndexFile(join(dir, "b.index.json"), await smallStore.revision());
    if (!big || !smallIndex) throw new Error("the import left no index file of the store's revision");
    const bigSearch = searchTimes(big);
    const smallSearch = searchTimes(smallIndex);
    const { updates, full: fullBuild } = indexUpdates(await store.documents());
    const meanUpdate = updates.reduce((a, b) => a + b, 0) / updates.length;
    const lastUpdate = updates.at(-1)!;

    const rows: Row[] = [
      {
        measure: `import of ${n} dokumentstatus files (documents/s)`,
        figure: rate(n, full).toFixed(0),
        baseline: `${tenth} of the same as .txt, the text path`,
        baselineFigure: rate(tenth, text).toFixed(0),
        ratio: rate(n, full) / rate(tenth, text),
        target: "≥ 500/s",
        ok: rate(n, full) >= 500,
      },
      {
        measure: `import CPU time per document (user + system), ${n} files`,
        figure: `${((full.cpuSeconds / n) * 1000).toFixed(2)} ms`,
        baseline: "wall time per document",
        baselineFigure: `${((full.seconds / n) * 1000).toFixed(2)} ms`,
        ratio: full.cpuSeconds / full.seconds,
        target: "",
        ok: true,
      },
      {
        measure: `peak RSS of the import, ${n} files`,
        figure: `${full.peakRssMb.toFixed(0)} MB`,
        baseline: `${quarter} files`,
        baselineFigure: `${small.peakRssMb.toFixed(0)} MB`,
        ratio: full.peakRssMb / small.peakRssMb,
        target: `flat: ≤ 1.25 × the ${quarter} files' peak`,
        ok: full.peakRssMb / small.peakRssMb <= 1.25,
      },
      {
        measure: `index update per batch of 1000, mean over ${updates.length}`,
        figure: ms(meanUpdate),
        baseline: `a full build over ${n}`,
        baselineFigure: ms(fullBuild),
        ratio: meanUpdate / fullBuild,
        target: "< full build",
        ok: meanUpdate < fullBuild,
      },
      {
        measure: `index update, the last batch (to ${n})`,
        figure: ms(lastUpdate),
        baseline: `a full build over ${n}`,
        baselineFigure: ms(fullBuild),
        ratio: lastUpdate / fullBuild,
        target: "< full build",
        ok: lastUpdate < fullBuild,
      },
      {
        measure: `search with facets p50, ${queries.length} queries × 5, ${n} records`,
        figure: ms(bigSearch.p50),
        baseline: `the same at ${quarter}`,
        baselineFigure: ms(smallSearch.p50),
        ratio: bigSearch.p50 / smallSearch.p50,
        target: "",
        ok: true,
      },
      {
        measure: `search with facets p95, ${queries.length} queries × 5, ${n} records`,
        figure: ms(bigSearch.p95),
        baseline: `the same at ${quarter}`,
        baselineFigure: ms(smallSearch.p95),
        ratio: bigSearch.p95 / smallSearch.p95,
        target: "≤ 10 ms",
        ok: bigSearch.p95 <= 10,
      },
      {
        measure: `search with facets, CPU time p95, ${n} records`,
        figure: ms(bigSearch.cpuP95),
        baseline: `the same at ${quarter}`,
        baselineFigure: ms(smallSearch.cpuP95),
        ratio: bigSearch.cpuP95 / smallSearch.cpuP95,
        target: "",
        ok: true,
      },
      {
        measure: `first search after the import (CLI, index file there), ${n} records`,
        figure: `${first.seconds.toFixed(2)} s`,
        baseline: "the second search",
        baselineFigure: `${second.seconds.toFixed(2)} s`,
        ratio: first.seconds / second.seconds,
        target: "",
        ok: true,
      },
    ];
    printTable(`Structured import (Riksdagen dokumentstatus), CLI into the embedded store, ${n} documents`, rows);
    process.stdout.write(
      `(import wall time ${full.seconds.toFixed(1)} s for ${n}, CPU ${full.cpuSeconds.toFixed(1)} s; ` +
        `${small.seconds.toFixed(1)} s for ${quarter}; .txt ${text.seconds.toFixed(1)} s for ${tenth}; ` +
        `medians of ${repeats} runs each; peak RSS ${fullRuns.map((r) => r.peakRssMb.toFixed(0)).join("/")} MB ` +
        `for ${n}, ${smallRuns.map((r) => r.peakRssMb.toFixed(0)).join("/")} MB for ${quarter}, ` +
        `the stored documents ${(storedBytes / 1e6).toFixed(0)} MB on disk, ` +
        `the index file ${(statSync(join(dir, "a.index.json")).size / 1e6).toFixed(0)} MB; ` +
        `load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(" ")} on ${availableParallelism()} cores)\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
