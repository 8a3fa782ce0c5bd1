/**
 * Issue 13's fetch measure: Kolada N01951 for all 290 municipalities × 3 years, and an SCB table
 * for the same, against the loopback stand-in (test/helpers/statistics-stand-in.ts; no internet).
 * Figures: requests sent and time, paced as in use (Kolada 5 requests/s, SCB 25 per 10 s) and
 * with the pace lifted (what the client, the stand-in and parsing cost), and the whole
 * `facts fetch` core into a temp store (dry run: planned through the import machinery).
 * Baseline from the same run: the naive fetch, one request per municipality (its three years
 * in one request). At Kolada's pace the naive fetch takes at least (requests − 1) / 5 s; that
 * lower bound is given rather than waited for. BENCH_FETCH=0 skips it.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { fetchKoladaFacts } from "../src/facts/fetch/kolada-facts.js";
import { fetchScbFacts } from "../src/facts/fetch/scb-facts.js";
import { KoladaClient, koladaPace } from "../src/statistics/kolada/client.js";
import { selectPlaces } from "../src/statistics/places.js";
import { ScbClient } from "../src/statistics/scb/client.js";
import { LowdbStore } from "../src/store/lowdb-store.js";
import { startStatisticsStandIn } from "../test/helpers/statistics-stand-in.js";
import { printTable, type Row } from "./stats.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = join(here, "..", "..");
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const unpaced = { pace: { limit: 1_000_000, intervalMs: 1_000 } };
const years = [2022, 2023, 2024];

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export async function benchStatisticsFetch(): Promise<void> {
  const standIn = await startStatisticsStandIn();
  const dir = mkdtempSync(join(tmpdir(), "motionera-bench-fetch-"));
  try {
    const municipalities = selectPlaces({ all: true }).municipalities;
    const places = { municipalities, counties: [], country: false };

    // Ours: the id lists split at 25, every page followed.
    const ours = async (pace?: typeof unpaced) => {
      const client = new KoladaClient({ baseUrl: standIn.koladaUrl, ...pace });
      const { ms, value } = await timed(() => client.data(["N01951"], municipalities, years));
      return { ms, requests: client.http.requests, rows: value.reduce((n, a) => n + a.rows.length, 0) };
    };
    // Naive: one request per municipality.
    const naive = async (pace?: typeof unpaced) => {
      const client = new KoladaClient({ baseUrl: standIn.koladaUrl, ...pace });
      let rows = 0;
      const { ms } = await timed(async () => {
        for (const m of municipalities)
          for (const url of client.dataUrls(["N01951"], [m], years)) rows += (await client.dataAt(url)).rows.length;
      });
      return { ms, requests: client.http.requests, rows };
    };

    await ours(unpaced); // warm
    const oursFast = await ours(unpaced);
    const naiveFast = await naive(unpaced);
    const oursPaced = await ours();
    if (oursFast.rows !== 290 * 3 || naiveFast.rows !== 290 * 3)
      throw new Error(`rows: ${oursFast.rows} and ${naiveFast.rows}, not ${290 * 3}`);
    const naivePacedBound = ((naiveFast.requests - 1) / koladaPace.limit) * koladaPace.intervalMs;

    const db = join(dir, "db.json");
    copyFileSync(join(repo, "corpus", "motionera.json"), db);
    const store = await LowdbStore.open(db);
    const base = { places, key: "population", fetchedOn: "2026-12-02", commit: false };
    const koladaClient = new KoladaClient({ baseUrl: standIn.koladaUrl });
    const kolada = await timed(() =>
      fetchKoladaFacts(store, koladaClient, { ...base, kpis: ["N01951"], years, gender: "T" }),
    );
    const koladaFacts = kolada.value.keys[0]!.facts.length;

    const scbClient = new ScbClient({ baseUrl: standIn.scbUrl });
    const scb = await timed(() =>
      fetchScbFacts(store, scbClient, {
        ...base,
        table: "TAB9001",
        years: years.map(String),
        valueCodes: { ContentsCode: ["TST01"] },
        codelists: {},
        regionDimension: "Region",
        timeDimension: "Tid",
      }),
    );
    const scbNaive = municipalities.length + 1;
    const scbFacts = scb.value.keys[0]!.facts.length;

    const rows: Row[] = [
      {
        measure: "Kolada requests, 290 municipalities × 3 years",
        figure: String(oursFast.requests),
        baseline: "one request per municipality",
        baselineFigure: String(naiveFast.requests),
        ratio: oursFast.requests / naiveFast.requests,
        target: "≤ 12 (⌈290/25⌉)",
        ok: oursFast.requests <= 12,
      },
      {
        measure: "Kolada time, paced 5 requests/s",
        figure: s(oursPaced.ms),
        baseline: "naive, at the same pace (lower bound)",
        baselineFigure: s(naivePacedBound),
        ratio: oursPaced.ms / naivePacedBound,
        target: "≤ 5 s",
        ok: oursPaced.ms <= 5_000,
      },
      {
        measure: "Kolada time, pace lifted",
        figure: s(oursFast.ms),
        baseline: "naive, pace lifted",
        baselineFigure: s(naiveFast.ms),
        ratio: oursFast.ms / naiveFast.ms,
        target: "≤ 1 s",
        ok: oursFast.ms <= 1_000,
      },
      {
        measure: `facts fetch kolada (dry run, ${koladaFacts} facts planned), paced`,
        figure: s(kolada.ms),
        baseline: "naive requests alone, at the pace (lower bound)",
        baselineFigure: s(naivePacedBound),
        ratio: kolada.ms / naivePacedBound,
        target: "≤ 10 s",
        ok: kolada.ms <= 10_000 && koladaFacts === 290 * 3 - 2 * 3,
      },
      {
        measure: `facts fetch scb (dry run, ${scbFacts} facts), ${scbClient.http.requests} requests`,
        figure: s(scb.ms),
        baseline: "one request per municipality (+ metadata), requests",
        baselineFigure: String(scbNaive),
        ratio: scbClient.http.requests / scbNaive,
        target: "≤ 13 requests, ≤ 5 s",
        ok: scbClient.http.requests <= 13 && scb.ms <= 5_000,
      },
    ];
    const title = "Fetch from Kolada and SCB: N01951 / TAB9001 for 290 municipalities × 3 years, loopback stand-in";
    printTable(title, rows);
  } finally {
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
