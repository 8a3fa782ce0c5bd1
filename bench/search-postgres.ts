/**
 * Corpus search in PostgreSQL beside the embedded index, on the same synthetic corpora
 * (bench/corpus-generate.ts) and the same 600 queries as bench/corpus-search.ts: build time
 * (the documents written through the store, so the generated vectors, the GIN indexes and the
 * vocabulary triggers all run, vs CorpusIndex.build), index size (the search indexes and the
 * vocabulary vs the embedded index file), query p50/p95 with facets, and how many of the
 * embedded index's top 10 PostgreSQL also returns in its top 10.
 *
 * Needs a server: MOTIONERA_BENCH_DATABASE_URL (or MOTIONERA_DATABASE_URL) naming a role that
 * may create databases; each size runs in a database of its own, made and dropped here.
 * BENCH_SEARCH_PG_SIZES="10000,100000" picks the sizes.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { CorpusIndex, writeIndexFile, type SearchQuery } from "../src/corpus/search/index.js";
import { PostgresSearch } from "../src/corpus/search/postgres/index.js";
import { runMigrations } from "../src/store/postgres/migrations.js";
import { PostgresStore } from "../src/store/postgres/postgres-store.js";
import { generateCorpus } from "./corpus-generate.js";
import { benchQueries } from "./corpus-search.js";
import { ms, printTable, summarize, type Row } from "./stats.js";

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`;
const sec = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : ms(x));
const thousands = (n: number) => n.toLocaleString("sv-SE").replace(/\u00a0/g, " ");
/** The target: search p95 at 100 000 records, with facets. */
const p95Target = 20;

async function withClient<T>(url: string, use: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await use(c);
  } finally {
    await c.end();
  }
}

/** Share of the embedded index's top 10 that PostgreSQL's top 10 also holds (queries where it found any). */
function overlap(a: readonly string[], b: readonly string[]): number {
  const want = new Set(b);
  let n = 0;
  for (const id of a) if (want.has(id)) n++;
  return n / b.length;
}

async function benchSize(serverUrl: string, n: number, queries: readonly SearchQuery[]): Promise<void> {
  const name = `motionera_bench_search_${n}_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), "motionera-search-pg-"));
  let store: PostgresStore | undefined;
  try {
    const docs = generateCorpus(n);
    await withClient(url.toString(), (c) => runMigrations(c));
    store = await PostgresStore.open(url.toString(), { poolSize: 2 });

    // Build: the documents written through the store (vectors, GIN, facet indexes, vocabulary).
    let t0 = performance.now();
    const batch = 5000;
    for (let i = 0; i < docs.length; i += batch) await store.putDocuments(docs.slice(i, i + batch));
    const pgBuildMs = performance.now() - t0;
    await withClient(url.toString(), async (c) => {
      await c.query("VACUUM ANALYZE documents");
      await c.query("VACUUM ANALYZE search_words");
    });
    t0 = performance.now();
    const index = CorpusIndex.build(docs);
    const memBuildMs = performance.now() - t0;

    const sizes = await withClient(url.toString(), async (c) => {
      const { rows } = await c.query<{ name: string; bytes: string }>(
        `SELECT relname AS name, pg_relation_size(oid)::text AS bytes FROM pg_class
         WHERE relname IN ('documents_search_vector', 'search_words_trigrams', 'search_words', 'search_words_pkey',
           'documents_kind', 'documents_municipality', 'documents_county', 'documents_year', 'documents_parties',
           'documents_topics', 'documents_newest')`,
      );
      const table = await c.query<{ bytes: string }>("SELECT pg_total_relation_size('documents')::text AS bytes");
      return {
        parts: Object.fromEntries(rows.map((r) => [r.name, Number(r.bytes)])),
        table: Number(table.rows[0]!.bytes),
      };
    });
    const gin = sizes.parts.documents_search_vector ?? 0;
    const vocabulary =
      (sizes.parts.search_words ?? 0) + (sizes.parts.search_words_pkey ?? 0) + (sizes.parts.search_words_trigrams ?? 0);
    const facetIndexes = [
      "documents_kind",
      "documents_municipality",
      "documents_county",
      "documents_year",
      "documents_parties",
      "documents_topics",
      "documents_newest",
    ].reduce((s, k) => s + (sizes.parts[k] ?? 0), 0);
    const indexFile = join(dir, "index.bin");
    await writeIndexFile(indexFile, index, "bench");
    const fileBytes = statSync(indexFile).size;

    // Queries: alternating, facets always counted by both; warm-up first.
    const search = new PostgresSearch(store.pool);
    for (const q of queries.slice(0, 50)) {
      await search.search({ ...q, limit: 10 });
      index.search({ ...q, limit: 10 });
    }
    const xp: number[] = [];
    const xm: number[] = [];
    const overlaps: number[] = [];
    let sameTotal = 0;
    let pgEmpty = 0;
    let memEmpty = 0;
    for (const q of queries) {
      const query = { ...q, limit: 10 };
      let t = performance.now();
      const rp = await search.search(query);
      xp.push(performance.now() - t);
      t = performance.now();
      const rm = index.search(query);
      xm.push(performance.now() - t);
      if (rp.total === rm.total) sameTotal++;
      if (rp.total === 0) pgEmpty++;
      if (rm.total === 0) memEmpty++;
      if (rm.hits.length > 0)
        overlaps.push(
          overlap(
            rp.hits.map((h) => h.id),
            rm.hits.map((h) => h.id),
          ),
        );
    }
    const sp = summarize(xp);
    const sm = summarize(xm);
    const meanOverlap = overlaps.reduce((s, x) => s + x, 0) / Math.max(1, overlaps.length);
    const big = n >= 100_000;
    const rows: Row[] = [
      {
        measure: `build: ${thousands(n)} documents written (vectors, GIN, vocabulary)`,
        figure: sec(pgBuildMs),
        baseline: "embedded CorpusIndex.build",
        baselineFigure: sec(memBuildMs),
        ratio: pgBuildMs / memBuildMs,
      },
      {
        measure: "index size: GIN on search_vector",
        figure: mb(gin),
        baseline: "embedded index file",
        baselineFigure: mb(fileBytes),
        ratio: gin / fileBytes,
      },
      {
        measure: "  + vocabulary (table, key, trigram GIN) + facet indexes",
        figure: mb(gin + vocabulary + facetIndexes),
        baseline: "embedded index file",
        baselineFigure: mb(fileBytes),
        ratio: (gin + vocabulary + facetIndexes) / fileBytes,
      },
      {
        measure: "  documents table, all (rows, TOAST, every index)",
        figure: mb(sizes.table),
        baseline: "embedded index file",
        baselineFigure: mb(fileBytes),
        ratio: sizes.table / fileBytes,
      },
      {
        measure: `PostgreSQL search + facets, p50 of ${sp.n}`,
        figure: ms(sp.median),
        baseline: "embedded index",
        baselineFigure: ms(sm.median),
        ratio: sp.median / sm.median,
      },
      {
        measure: "PostgreSQL search + facets, p95",
        figure: ms(sp.p95),
        baseline: "embedded index",
        baselineFigure: ms(sm.p95),
        ratio: sp.p95 / sm.p95,
        ...(big ? { target: `p95 ≤ ${p95Target} ms (PostgreSQL)`, ok: sp.p95 <= p95Target } : {}),
      },
      {
        measure: "embedded index search + facets, p95 (the kept in-memory path)",
        figure: ms(sm.p95),
        baseline: "PostgreSQL",
        baselineFigure: ms(sp.p95),
        ratio: sm.p95 / sp.p95,
        ...(big ? { target: `p95 ≤ ${p95Target} ms (in memory)`, ok: sm.p95 <= p95Target } : {}),
      },
      {
        measure: `top-10 overlap with the embedded index (${overlaps.length} queries with hits)`,
        figure: `${(meanOverlap * 100).toFixed(1)} %`,
        baseline: "identical results",
        baselineFigure: "100 %",
        ratio: meanOverlap,
      },
      {
        measure: "queries matching as many documents as the embedded index",
        figure: `${sameTotal} of ${queries.length}`,
        baseline: "all",
        baselineFigure: String(queries.length),
        ratio: sameTotal / queries.length,
      },
      {
        measure: "queries without a match",
        figure: String(pgEmpty),
        baseline: "embedded index",
        baselineFigure: String(memEmpty),
        ratio: pgEmpty / Math.max(1, memEmpty),
      },
    ];
    printTable(`Corpus search on PostgreSQL beside the embedded index — ${thousands(n)} synthetic records`, rows);
  } finally {
    await store?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
  }
}

export async function benchSearchPostgres(): Promise<void> {
  const url = process.env.MOTIONERA_BENCH_DATABASE_URL || process.env.MOTIONERA_DATABASE_URL;
  if (!url) {
    process.stdout.write(
      "Corpus search on PostgreSQL: skipped — set MOTIONERA_BENCH_DATABASE_URL=postgres://… " +
        "(a role that may create databases)\n",
    );
    return;
  }
  const sizes = (process.env.BENCH_SEARCH_PG_SIZES ?? "10000,100000")
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((x) => Number.isInteger(x) && x > 0);
  const queries = benchQueries();
  for (const n of sizes) await benchSize(url, n, queries);
}
