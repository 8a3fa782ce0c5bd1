/**
 * Corpus search at 1k/10k/100k synthetic records: index build, memory, file size, load, query
 * latency with facets (≥ 500 mixed queries), and one whole search process — each beside a
 * plain scan (lower-cased `includes` over every record, facets counted over the matches) run
 * in the same process at the same time. A second table sets the index beside MiniSearch used
 * as the engine with the same pipeline (BENCH_CORPUS_MINISEARCH=0 skips it).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import {
  CorpusIndex,
  readIndexFile,
  writeIndexFile,
  type SearchFilters,
  type SearchQuery,
} from "../src/corpus/search/index.js";
import { corpusDocumentSchema, corpusKinds } from "../src/domain/corpus-document.js";
import { topicIds } from "../src/domain/vocabulary.js";
import { LowdbStore } from "../src/store/lowdb-store.js";
import { projectRoot } from "../src/project-paths.js";
import { generateCorpus, parties, pick, prng, queryWords, type Rng } from "./corpus-generate.js";
import { haystacks, scan } from "./corpus-scan.js";
import { MiniSearchEngine } from "./corpus-minisearch.js";
import { ms, printTable, summarize, type Row, type Sample } from "./stats.js";

const here = fileURLToPath(new URL(".", import.meta.url));

function collector(): () => void {
  v8.setFlagsFromString("--expose_gc");
  const gc = vm.runInNewContext("gc") as (() => void) | undefined;
  return () => {
    gc?.();
    gc?.();
  };
}
const gc = collector();
const rssMB = () => process.memoryUsage().rss / 1048576;
/** JS heap plus Buffers and typed arrays, after a full collection. */
const heapMB = () => {
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
};
const mb = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} MB`;
const sec = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : ms(x));
const thousands = (n: number) => n.toLocaleString("sv-SE").replace(/\u00a0/g, " ");

const counties = [
  "01",
  "03",
  "04",
  "05",
  "06",
  "07",
  "08",
  "09",
  "10",
  "12",
  "13",
  "14",
  "17",
  "18",
  "19",
  "20",
  "21",
  "22",
  "23",
  "24",
  "25",
];

function randomFilters(r: Rng): SearchFilters | undefined {
  const x = r();
  if (x < 0.5) return undefined;
  const f: SearchFilters = {};
  const one = () => {
    const k = Math.floor(r() * 5);
    if (k === 0) f.party = [pick(r, parties)];
    else if (k === 1) f.county = [pick(r, counties)];
    else if (k === 2) {
      f.from = 2000 + Math.floor(r() * 20);
      f.to = f.from + Math.floor(r() * 8);
    } else if (k === 3) f.kind = [pick(r, corpusKinds)];
    else f.topic = [pick(r, topicIds)];
  };
  one();
  if (x > 0.8) one();
  return f;
}

/** ≥ 500 queries: single words, two words, prefixes, phrases, typos; half with filters. */
export function benchQueries(n = 600, seed = 7): SearchQuery[] {
  const r = prng(seed);
  const out: SearchQuery[] = [];
  for (let i = 0; i < n; i++) {
    const k = r();
    const text =
      k < 0.25
        ? pick(r, queryWords.single)
        : k < 0.45
          ? `${pick(r, queryWords.single)} ${pick(r, queryWords.single)}`
          : k < 0.6
            ? pick(r, queryWords.prefixes)
            : k < 0.75
              ? `"${pick(r, queryWords.phrases)}"`
              : k < 0.9
                ? pick(r, queryWords.typos)
                : `"${pick(r, queryWords.phrases)}" ${pick(r, queryWords.single)}`;
    const filters = randomFilters(r);
    out.push(filters ? { text, filters } : { text });
  }
  return out;
}

function timeProcesses(a: string[], b: string[], runs: number): [Sample, Sample, string, string] {
  let outA = "";
  let outB = "";
  const run = (cmd: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: "utf8", maxBuffer: 1 << 24 });
    const t = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${cmd.slice(0, 3).join(" ")} exited with ${r.status}: ${r.stderr}`);
    return { t, out: r.stdout.trim() };
  };
  outA = run(a).out;
  outB = run(b).out;
  const xa: number[] = [];
  const xb: number[] = [];
  for (let i = 0; i < runs; i++) {
    xa.push(run(a).t);
    xb.push(run(b).t);
  }
  return [summarize(xa), summarize(xb), outA, outB];
}

async function benchSize(n: number, queries: readonly SearchQuery[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "motionera-corpus-bench-"));
  try {
    const docs = generateCorpus(n);
    for (const d of docs.slice(0, 500)) corpusDocumentSchema.parse(d);
    const mem0 = heapMB();

    // Preparation: the scan's lower-cased strings vs the index.
    let t0 = performance.now();
    const hay = haystacks(docs);
    const prepMs = performance.now() - t0;
    const mem1 = heapMB();
    t0 = performance.now();
    const index = CorpusIndex.build(docs);
    const buildMs = performance.now() - t0;
    const mem2 = heapMB();
    const rss2 = rssMB();

    // On disk: the index file vs the records as compact JSON.
    const indexFile = join(dir, "index.json");
    const recordsFile = join(dir, "records.json");
    t0 = performance.now();
    await writeIndexFile(indexFile, index, "bench");
    const writeMs = performance.now() - t0;
    writeFileSync(recordsFile, JSON.stringify(docs));
    const indexBytes = statSync(indexFile).size;
    const recordsBytes = statSync(recordsFile).size;

    // Load: read + parse + deserialise the index vs read + parse the records.
    const loadRuns = n >= 100_000 ? 3 : n >= 10_000 ? 7 : 15;
    const loads: number[] = [];
    const parses: number[] = [];
    let loaded: CorpusIndex | undefined;
    for (let i = 0; i < loadRuns; i++) {
      gc();
      t0 = performance.now();
      loaded = await readIndexFile(indexFile);
      loads.push(performance.now() - t0);
      if (!loaded) throw new Error("index file did not load");
      loaded = undefined;
      gc();
      t0 = performance.now();
      JSON.parse(readFileSync(recordsFile, "utf8"));
      parses.push(performance.now() - t0);
    }
    const load = summarize(loads);
    const parse = summarize(parses);

    // Queries, alternating index and scan, facets always computed.
    for (const q of queries.slice(0, 50)) {
      index.search(q);
      scan(docs, hay, q.text, q.filters);
    }
    const xi: number[] = [];
    const xs: number[] = [];
    let hitsTotal = 0;
    let empty = 0;
    for (const q of queries) {
      let t = performance.now();
      const r = index.search(q);
      xi.push(performance.now() - t);
      hitsTotal += r.total;
      if (r.total === 0) empty++;
      t = performance.now();
      scan(docs, hay, q.text, q.filters);
      xs.push(performance.now() - t);
    }
    const qi = summarize(xi);
    const qs = summarize(xs);
    const byKind = (pred: (q: SearchQuery) => boolean) =>
      summarize(queries.map((q, i) => (pred(q) ? xi[i]! : -1)).filter((x) => x >= 0));
    const phraseQ = byKind((q) => q.text.includes('"'));

    // One whole process: load the saved index and run one query, vs read the records and scan.
    const processRuns = n >= 100_000 ? 5 : 10;
    const q1 = ["handlingsplan prostitution", JSON.stringify({ from: 2015 })];
    const script = join(here, "corpus-query.js");
    const [pi, ps, outI, outS] = timeProcesses(
      [process.execPath, script, "index", indexFile, ...q1],
      [process.execPath, script, "scan", recordsFile, ...q1],
      processRuns,
    );
    const [nodeOnly] = timeProcesses([process.execPath, "-e", "0"], [process.execPath, "-e", "0"], processRuns);
    const oi = JSON.parse(outI) as { total: number; rssMB: number };
    const os = JSON.parse(outS) as { total: number; rssMB: number };
    // The real thing: one whole `motionera corpus search` process on a database of n records
    // (the index beside it is fresh, so the database itself is not parsed).
    let storeRows: Row[] = [];
    if (process.env.BENCH_CORPUS_STORE !== "0") {
      const dbFile = join(dir, "motionera.json");
      const store = await LowdbStore.open(dbFile);
      await store.putDocuments(docs);
      const dbBytes = statSync(dbFile).size;
      const { openIndex } = await import("../src/corpus/search/index.js");
      t0 = performance.now();
      const opened = await openIndex(store);
      const rebuildMs = performance.now() - t0;
      if (!opened.rebuilt) throw new Error("expected a fresh index");
      const cli = [
        process.execPath,
        join(projectRoot, "bin", "motionera.js"),
        "corpus",
        "search",
        q1[0]!,
        "--from",
        "2015",
        "--db",
        dbFile,
        "--json",
      ];
      const [pcli, pidx] = timeProcesses(cli, [process.execPath, script, "index", indexFile, ...q1], processRuns);
      storeRows = [
        {
          measure: `motionera corpus search (the CLI, whole process, median of ${pcli.n})`,
          figure: ms(pcli.median),
          baseline: "process: read records + scan",
          baselineFigure: ms(ps.median),
          ratio: pcli.median / ps.median,
          ...(n === 10_000 ? { target: "≤ 500 ms", ok: pcli.median <= 500 } : {}),
        },
        {
          measure: "  of which load index + 1 query alone",
          figure: ms(pidx.median),
          baseline: "the CLI",
          baselineFigure: ms(pcli.median),
          ratio: pidx.median / pcli.median,
        },
        {
          measure: "  database file (lowdb, indented JSON)",
          figure: mb(dbBytes / 1048576),
          baseline: "index file",
          baselineFigure: mb(indexBytes / 1048576),
          ratio: dbBytes / indexBytes,
        },
        {
          measure: "  after a change: read database + rebuild + write index",
          figure: sec(rebuildMs),
          baseline: "the CLI, index fresh",
          baselineFigure: ms(pcli.median),
          ratio: rebuildMs / pcli.median,
        },
      ];
    }

    const p95Target = n >= 100_000 ? 50 : 10;
    const rows: Row[] = [
      {
        measure: `build (${thousands(n)} records)`,
        figure: `${sec(buildMs)}, ${thousands(Math.round(n / (buildMs / 1000)))} docs/s`,
        baseline: "scan: lower-case strings",
        baselineFigure: sec(prepMs),
        ratio: buildMs / prepMs,
      },
      {
        measure: "memory of the index (heap + buffers)",
        figure: mb(mem2 - mem1),
        baseline: "scan strings",
        baselineFigure: mb(mem1 - mem0),
        ratio: (mem2 - mem1) / Math.max(0.1, mem1 - mem0),
      },
      {
        measure: "RSS after build, whole bench process",
        figure: mb(rss2),
        baseline: "records in memory (heap)",
        baselineFigure: mb(mem0),
        ratio: rss2 / mem0,
      },
      {
        measure: "on disk",
        figure: `${mb(indexBytes / 1048576)} (write ${sec(writeMs)})`,
        baseline: "records, compact JSON",
        baselineFigure: mb(recordsBytes / 1048576),
        ratio: indexBytes / recordsBytes,
      },
      {
        measure: `load: read + deserialise (median of ${load.n})`,
        figure: sec(load.median),
        baseline: "read + JSON.parse records",
        baselineFigure: sec(parse.median),
        ratio: load.median / parse.median,
      },
      {
        measure: `query + facets, median of ${qi.n}`,
        figure: ms(qi.median),
        baseline: "scan",
        baselineFigure: ms(qs.median),
        ratio: qi.median / qs.median,
      },
      {
        measure: "query + facets, p95",
        figure: ms(qi.p95),
        baseline: "scan",
        baselineFigure: ms(qs.p95),
        ratio: qi.p95 / qs.p95,
        target: `p95 ≤ ${p95Target} ms`,
        ok: qi.p95 <= p95Target,
      },
      {
        measure: `  phrase queries, p95 of ${phraseQ.n}`,
        figure: ms(phraseQ.p95),
        baseline: "scan (all queries)",
        baselineFigure: ms(qs.p95),
        ratio: phraseQ.p95 / qs.p95,
      },
      {
        measure: `whole process: load index + 1 query (median of ${pi.n})`,
        figure: ms(pi.median),
        baseline: "process: read records + scan",
        baselineFigure: ms(ps.median),
        ratio: pi.median / ps.median,
      },
      {
        measure: "  node -e 0 (Node's own start)",
        figure: ms(nodeOnly.median),
        baseline: "process: read records + scan",
        baselineFigure: ms(ps.median),
        ratio: nodeOnly.median / ps.median,
      },
      {
        measure: "  RSS of that process",
        figure: mb(oi.rssMB),
        baseline: "scan process",
        baselineFigure: mb(os.rssMB),
        ratio: oi.rssMB / os.rssMB,
      },
      ...storeRows,
    ];
    printTable(
      `Corpus search — ${thousands(n)} synthetic records ` +
        `(${Math.round((hitsTotal / queries.length) * 10) / 10} matches per query on average, ${empty} ` +
        `of ${queries.length} queries without a match)`,
      rows,
    );

    if (process.env.BENCH_CORPUS_MINISEARCH !== "0") {
      // The same figures with MiniSearch as the engine.
      gc();
      t0 = performance.now();
      let engine = MiniSearchEngine.build(docs);
      const msBuild = performance.now() - t0;
      const json = engine.serialize();
      const msLoads: number[] = [];
      for (let i = 0; i < Math.min(3, loadRuns); i++) {
        gc();
        t0 = performance.now();
        engine = MiniSearchEngine.load(json, docs);
        msLoads.push(performance.now() - t0);
      }
      const msLoad = summarize(msLoads);
      const msBytes = Buffer.byteLength(json);
      for (const q of queries.slice(0, 20)) engine.search(q);
      const xm: number[] = [];
      for (const q of queries) {
        const t = performance.now();
        engine.search(q);
        xm.push(performance.now() - t);
      }
      const qm = summarize(xm);
      printTable(
        `The index beside MiniSearch as the engine (same stems, fields, boosts; facets over all results) ` +
          `— ${thousands(n)} records`,
        [
          {
            measure: "build",
            figure: sec(buildMs),
            baseline: "MiniSearch addAll",
            baselineFigure: sec(msBuild),
            ratio: buildMs / msBuild,
          },
          {
            measure: "serialised size",
            figure: mb(indexBytes / 1048576),
            baseline: "MiniSearch JSON (no stored text)",
            baselineFigure: mb(msBytes / 1048576),
            ratio: indexBytes / msBytes,
          },
          {
            measure: "load",
            figure: sec(load.median),
            baseline: "MiniSearch.loadJSON (string in memory)",
            baselineFigure: sec(msLoad.median),
            ratio: load.median / msLoad.median,
          },
          {
            measure: "query + facets, median",
            figure: ms(qi.median),
            baseline: "MiniSearch search + facets",
            baselineFigure: ms(qm.median),
            ratio: qi.median / qm.median,
          },
          {
            measure: "query + facets, p95",
            figure: ms(qi.p95),
            baseline: "MiniSearch search + facets",
            baselineFigure: ms(qm.p95),
            ratio: qi.p95 / qm.p95,
          },
        ],
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCorpusSearch(sizes: readonly number[]): Promise<void> {
  const queries = benchQueries();
  for (const n of sizes) await benchSize(n, queries);
}
