/**
 * One import as large as the service takes does not hold the service (issue 11: a 19.5 MB CSV
 * of 2.09 million bad rows held /healthz for 27.7 s and grew the process from 240 MB to
 * 2.88 GB; the 30 s timeout never fired).
 *
 * `motionera serve` runs as a user starts it (the built CLI, its import thread); a generated
 * 19.5 MB CSV of about two million rows, each a problem (bench/import-file.ts), is sent to
 * POST /api/facts/import with dryRun by another process, while this one asks /healthz and a
 * corpus search in turn, every 50 ms, until the answer comes. The service's RSS is read from
 * /proc every 10 ms (Linux). The benchmark (bench/import.ts) measures the same way.
 *
 * Bounds: the 100 ms for the median probe; the 95th percentile and the slowest probe
 * get generous bounds (300 ms, 2 s), because on a loaded two-core CI machine any process waits
 * for a core now and then — the figures go to RELIABILITY.md, and the old behaviour (every
 * probe held for the whole import) fails all three. Memory: the stated bound, 200 MB over the
 * service's RSS before the import.
 *
 * The request timeout and a client that goes away stop the import: the service in this process
 * (the built code, its import thread), a 3 s timeout, the import thread's counters.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { largeFactsCsv, largeFileKey, multipartBody } from "../../bench/import-file.js";
import { importWhileProbing, percentile, probe, startService, type Service } from "../../bench/import-load.js";
import { bin, repoRoot, tempWorkspace } from "../helpers/cli.js";

const token = "hemligt";
const fields = { key: largeFileKey, sourceTitle: "Testtabell", publisher: "Testutgivare", asOf: "2025" };

let file: { contentType: string; body: Uint8Array; rows: number; path: string };
beforeAll(async () => {
  const csv = largeFactsCsv();
  const { contentType, body } = await multipartBody(
    { name: "stor.csv", bytes: csv.bytes },
    { ...fields, dryRun: "true" },
  );
  const path = join(mkdtempSync(join(tmpdir(), "motionera-import-load-")), "body");
  writeFileSync(path, body);
  file = { contentType, body, rows: csv.rows, path };
});

describe("a maximal import and the service (motionera serve)", () => {
  let service: Service;
  beforeAll(async () => {
    service = await startService(bin, tempWorkspace().db, token);
  });
  afterAll(() => service?.stop());

  it("answers /healthz and searches while it checks a 19.5 MB file of two million bad rows; lists 100 problems " +
    "and counts the rest; stays within 200 MB", {
    timeout: 120_000,
  }, async () => {
    // Warm: the search index is built on the first search.
    await probe(service.url, () => true, 0, 2);
    const run = await importWhileProbing(service, file.path, {
      contentType: file.contentType,
      route: "api/facts/import",
      token,
    });
    const { status, seconds, latencies } = run;
    const body = run.body as { title: string; detail: string; errors: { path: string; message: string }[] };
    const p50 = percentile(latencies, 0.5);
    const p95 = percentile(latencies, 0.95);
    const max = Math.max(...latencies);
    const overBase = run.peakOverBefore / 1024 / 1024;
    process.stdout.write(
      `\n  import of ${(file.body.length / 1024 / 1024).toFixed(1)} MB (${file.rows} rows): ${status} ` +
        `in ${seconds.toFixed(1)} s; ` +
        `${latencies.length} probes: p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${max.toFixed(0)} ms; ` +
        `RSS ${(run.rssBefore / 1024 / 1024).toFixed(0)} MB before, peak ${overBase.toFixed(0)} MB over\n`,
    );

    expect(status).toBe(422);
    expect(body.title).toBe("Filen kan inte importeras");
    expect(body.errors).toHaveLength(100);
    expect(body.errors[0]!.message).toMatch(/^rad 2, kolumn "Kommun": okänd kommun "Xk0"/);
    expect(body.errors[1]!.message).toMatch(/^rad 3, kolumn "Antal": "x1" är inget tal/);
    expect(body.detail).toContain(`${file.rows} fel:`);
    expect(body.detail).toMatch(new RegExp(`… och ${file.rows - 100} fel till\\.$`));

    expect(latencies.length).toBeGreaterThanOrEqual(10);
    expect(p50).toBeLessThanOrEqual(100);
    expect(p95).toBeLessThanOrEqual(300);
    expect(max).toBeLessThanOrEqual(2000);
    expect(overBase).toBeLessThanOrEqual(200);
  });
});

describe("the request timeout and a client that goes away stop an import", () => {
  type Serve = typeof import("../../src/server/serve.js");
  type Threads = typeof import("../../src/threads/import-threads.js");
  let server: Awaited<ReturnType<Serve["startServer"]>>;
  let threads: Threads;
  let db: string;

  beforeAll(async () => {
    const dist = (p: string) => import(join(repoRoot, "dist", "src", p));
    const { startServer } = (await dist("server/serve.js")) as Serve;
    const { Workspace } = (await dist("workspace.js")) as typeof import("../../src/workspace.js");
    threads = (await dist("threads/import-threads.js")) as Threads;
    db = tempWorkspace().db;
    server = await startServer(
      await Workspace.open({ db }),
      { port: 0, host: "127.0.0.1" },
      { token, requestTimeoutMs: 3000, renderThreads: 0 },
    );
  });
  afterAll(async () => {
    await server?.close();
    await threads?.closeImportThread();
  });

  const small = async () => {
    const { contentType, body } = await multipartBody(
      { name: "a.csv", bytes: new TextEncoder().encode("Kommun;Antal\nSolna;4\n") },
      { ...fields, dryRun: "true" },
    );
    return fetch(`${server.url}api/facts/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": contentType },
      body,
    });
  };
  const until = async (what: () => boolean) => {
    while (!what()) await new Promise((r) => setTimeout(r, 10));
  };

  it("answers 503 at the timeout, stops the import thread's job (the thread is replaced) and takes the next import", {
    timeout: 120_000,
  }, async () => {
    expect((await small()).status).toBe(200);
    const started = threads.importThreadState().threadsStarted;
    const dbBefore = readFileSync(db);
    const res = await fetch(`${server.url}api/facts/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": file.contentType },
      body: file.body,
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { title: string }).title).toBe("Tidsgränsen nåddes");
    const next = await small();
    expect(next.status).toBe(200);
    expect(threads.importThreadState()).toEqual({ threadsStarted: started + 1, jobsRunning: 0 });
    expect(readFileSync(db).equals(dbBefore)).toBe(true);
  });

  it("stops the import thread's job when the client goes away", { timeout: 120_000 }, async () => {
    await until(() => threads.importThreadState().jobsRunning === 0);
    const before = threads.importThreadState().threadsStarted;
    const req = request(`${server.url}api/facts/import`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": file.contentType,
        "content-length": file.body.length,
      },
    });
    req.on("error", () => undefined);
    req.end(file.body);
    // The body has been read and a job is on the import thread: now the client goes.
    await until(() => threads.importThreadState().jobsRunning === 1);
    req.destroy();
    await until(() => threads.importThreadState().threadsStarted === before + 1);
    expect((await small()).status).toBe(200);
    expect(threads.importThreadState().jobsRunning).toBe(0);
  });

  it("reads and tags a corpus upload on the import thread too, and stores it", { timeout: 60_000 }, async () => {
    expect(threads.onImportThread()).toBe(true);
    const form = new FormData();
    form.append(
      "files",
      new File(
        [
          "Motion om KAST i Lidingö\n\nVi föreslår kommunfullmäktige\n\natt kommunen tecknar avtal med " +
            "KAST\n\nAnna Andersson (L)\n",
        ],
        "motion.txt",
      ),
    );
    const res = await fetch(`${server.url}api/corpus/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(res.status).toBe(200);
    const out = (await res.json()) as {
      results: { ok: boolean; record: { id: string; municipality: { name: string } } }[];
    };
    expect(out.results[0]).toMatchObject({ ok: true, record: { municipality: { name: "Lidingö" } } });
    expect((await fetch(`${server.url}api/corpus/${out.results[0]!.record.id}`)).status).toBe(200);
    expect(threads.importThreadState().jobsRunning).toBe(0);
  });
});
