/**
 * Issue 11, point 7: what durability costs. One store write (`addFact`: backup link, the
 * whole file serialized, temp file, rename) with fsync of the temp file and of the folder,
 * against the same write with the two fsyncs left out (an injected file system whose `sync`
 * does nothing; every other step the same), alternating in one run on one database. Two
 * sizes: the shipped database and one with a generated corpus of BENCH_STORE_DOCS documents
 * (default 10 000). The database lies in a temp folder, or in BENCH_STORE_DIR: fsync costs
 * what the disk under that folder costs (on tmpfs nothing — the bench says so).
 * BENCH_STORE_RUNS sets the writes per side (default 60).
 */
import { copyFileSync, mkdtempSync, rmSync, statSync, statfsSync, writeFileSync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DurableFs } from "../src/files/durable-write.js";
import { defaultDatabasePath } from "../src/project-paths.js";
import { LowdbStore } from "../src/store/lowdb-store.js";
import { emptyDatabase } from "../src/store/schema.js";
import type { NewFact } from "../src/store/store.js";
import { generateCorpus } from "./corpus-generate.js";
import { ms, printTable, timePair, type Row } from "./stats.js";

/** The real file system with fsync left out: the baseline. */
const withoutFsync: DurableFs = {
  async open(path, flags) {
    const handle = await open(path, flags);
    return { writeFile: (data) => handle.writeFile(data), sync: async () => undefined, close: () => handle.close() };
  },
  rename,
  rm,
};

const tmpfsMagic = 0x01021994;

let serial = 0;
const fact = (): NewFact => ({
  subject: "0186",
  key: "population",
  value: { type: "number", value: ++serial },
  asOf: "2024",
  source: { title: `Bench ${serial}`, publisher: "Motionera bench", date: null },
});

/** The target: a durable write takes at most twice the time of the same write without fsync. */
const targetRatio = 2;

async function measure(name: string, prepare: (db: string) => void, dir: string, runs: number): Promise<Row[]> {
  const durableDb = join(dir, `${name.replace(/\W+/g, "-")}-durable.json`);
  const plainDb = join(dir, `${name.replace(/\W+/g, "-")}-plain.json`);
  prepare(durableDb);
  copyFileSync(durableDb, plainDb);
  const label = `${name} (${(statSync(durableDb).size / 1e6).toFixed(1)} MB)`;
  const durable = await LowdbStore.open(durableDb);
  const plain = await LowdbStore.open(plainDb, { fs: withoutFsync });
  const [withSync, without] = await timePair(
    () => durable.addFact(fact()),
    () => plain.addFact(fact()),
    runs,
    Math.min(10, runs),
  );
  await durable.close();
  await plain.close();
  const perSecond = (median: number) =>
    `${(1000 / median).toFixed(median > 100 ? 1 : 0)} writes/s (${ms(median)} each)`;
  const ratio = withSync.median / without.median;
  return [
    {
      measure: `store write, ${label}`,
      figure: perSecond(withSync.median),
      baseline: "same write without fsync",
      baselineFigure: perSecond(without.median),
      ratio,
      target: `≤ ${targetRatio}× the time`,
      ok: ratio <= targetRatio,
    },
    {
      measure: `  p95, ${label}`,
      figure: ms(withSync.p95),
      baseline: "p95 without fsync",
      baselineFigure: ms(without.p95),
      ratio: withSync.p95 / without.p95,
    },
  ];
}

export async function benchStoreWrite(): Promise<void> {
  const runs = Number(process.env.BENCH_STORE_RUNS ?? 60);
  const docs = Number(process.env.BENCH_STORE_DOCS ?? 10_000);
  const dir = mkdtempSync(join(process.env.BENCH_STORE_DIR ?? tmpdir(), "motionera-bench-store-"));
  try {
    const onTmpfs = statfsSync(dir).type === tmpfsMagic;
    const shipped = defaultDatabasePath;
    const rows = [
      ...(await measure("shipped database", (db) => copyFileSync(shipped, db), dir, runs)),
      ...(await measure(
        `${docs} documents`,
        (db) =>
          writeFileSync(db, `${JSON.stringify({ ...emptyDatabase(), documents: generateCorpus(docs) }, null, 2)}\n`),
        dir,
        runs,
      )),
    ];
    printTable(
      `Durable store writes (fsync of file and folder) — ${runs} writes each, alternating, ` +
        `in ${dir}${onTmpfs ? " (tmpfs: fsync costs nothing here; set BENCH_STORE_DIR to a folder on disk)" : ""}`,
      rows,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
