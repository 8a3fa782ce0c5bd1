/**
 * Two service processes on one PostgreSQL database, as a deployment runs them behind a proxy:
 * each sees the other's writes within a second; 500 fact writes go through both at once while
 * a `motionera facts import` of all 290 municipalities runs from the command line; process A is
 * killed with SIGKILL in the middle of it. Afterwards every write that was acknowledged (201) is
 * stored exactly once, the import is whole (it was never seen in part), and process B answered
 * every request throughout. Each writer writes with a named token of its own, and the audit log
 * names the writer of every stored write: the token, or the command line for the import.
 */
import { writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { allMunicipalities } from "../../src/data/places.js";
import type { Fact } from "../../src/domain/fact.js";
import { migrateDatabase } from "../../src/store/postgres/database-admin.js";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { runCliAsync } from "../helpers/cli-async.js";
import {
  freshDatabase,
  notePostgresSkipped,
  onDatabase,
  postgresAvailable,
  type TestDatabase,
} from "../helpers/postgres.js";
import { startServiceProcess, type ServiceProcess } from "../helpers/service-process.js";

notePostgresSkipped("test/store/multi-process.test.ts", "server");

/** The one admin token the services are started with (MOTIONERA_TOKEN): reads the audit log here. */
const adminToken = `multi-${randomBytes(12).toString("hex")}`;

/** A named token with the role write per writer, made as a user makes it: `motionera tokens create`. */
async function writerTokens<W extends string>(databaseUrl: string, writers: readonly W[]): Promise<Record<W, string>> {
  const out = {} as Record<W, string>;
  for (const name of writers) {
    const run = await runCliAsync([
      "tokens",
      "create",
      "--name",
      name,
      "--role",
      "write",
      "--database-url",
      databaseUrl,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const secret = /^ {2}(mot_[A-Za-z0-9_-]{43})$/m.exec(run.stdout)?.[1];
    expect(secret, run.stdout).toBeDefined();
    out[name] = secret!;
  }
  return out;
}

const codes = allMunicipalities().map((m) => m.code);
const importAsOf = "2023";
const importSource = { title: "Folkmängd i kommunerna (testtabell)", publisher: "Testutgivare" };

/** Write n: a statement of its own (subject, year and value differ), never the import's date. */
function entry(n: number) {
  return {
    subject: codes[n % codes.length]!,
    key: "population",
    value: String(10_000 + n),
    asOf: String(1990 + Math.floor(n / codes.length)),
    source: { title: "Folkmängd (flerprocesstest)", publisher: "Testutgivare", date: null },
  };
}

interface Attempt {
  n: number;
  to: "A" | "B";
  status: number | "failed";
  fact?: Fact;
}

async function post(base: string, token: string, n: number): Promise<Attempt["status"] | { fact: Fact }> {
  try {
    const res = await fetch(`${base}/api/facts`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(entry(n)),
    });
    if (res.status !== 201) return res.status;
    return { fact: (await res.json()) as Fact };
  } catch {
    return "failed"; // no answer: the process is gone
  }
}

/** The ids a service shows for a municipality's population, history included. */
async function populationIds(base: string, code: string): Promise<string[]> {
  const res = await fetch(`${base}/api/municipalities/${code}/facts?history=true`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { facts: { key: string; id: string }[] };
  return body.facts.filter((f) => f.key === "population").map((f) => f.id);
}

const withinASecond = { timeout: 1000, interval: 10 };

describe.skipIf(!postgresAvailable("server"))("two service processes on one PostgreSQL database", () => {
  let db: TestDatabase;
  let a: ServiceProcess;
  let b: ServiceProcess;
  let tokens: Record<"A" | "B", string>;

  beforeAll(async () => {
    db = await freshDatabase("multi");
    await migrateDatabase(db.url);
    tokens = await writerTokens(db.url, ["A", "B"] as const);
    const env = { MOTIONERA_TOKEN: adminToken };
    [a, b] = await Promise.all([
      startServiceProcess({ databaseUrl: db.url }, { env }),
      startServiceProcess({ databaseUrl: db.url }, { env }),
    ]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  }, 60_000);

  it("each process sees a write made through the other within a second", async () => {
    const first = await post(a.base, tokens.A, 100_000);
    expect(first).toHaveProperty("fact");
    const viaA = (first as { fact: Fact }).fact;
    await vi.waitFor(async () => expect(await populationIds(b.base, viaA.subject)).toContain(viaA.id), withinASecond);

    const second = await post(b.base, tokens.B, 100_001);
    expect(second).toHaveProperty("fact");
    const viaB = (second as { fact: Fact }).fact;
    await vi.waitFor(async () => expect(await populationIds(a.base, viaB.subject)).toContain(viaB.id), withinASecond);
  });

  it("500 writes through both, an import beside, A killed mid-write: acknowledged writes stored once", async () => {
    const csv = join(mkdtempSync(join(tmpdir(), "motionera-multi-")), "folkmangd.csv");
    writeFileSync(csv, `Kommun;Folkmängd\n${codes.map((c, i) => `${c};${20_000 + i}`).join("\n")}\n`);

    const attempts: Attempt[] = [];
    // The import is one transaction: sampled all along, it is never seen in part.
    const importSeen = new Set<number>();
    let writesWhenImportSeen = -1;
    let importVisible: () => void = () => undefined;
    const importCommitted = new Promise<void>((r) => {
      importVisible = r;
    });
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { rows } = await onDatabase(db.url, (c) =>
          c.query<{ n: number }>("SELECT count(*)::int AS n FROM facts WHERE key = 'population' AND as_of = $1", [
            importAsOf,
          ]),
        );
        importSeen.add(rows[0]!.n);
        if (rows[0]!.n === codes.length && writesWhenImportSeen < 0) {
          writesWhenImportSeen = attempts.length;
          importVisible();
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    // B answers every request all along: its health and readiness are asked every 50 ms.
    const bProblems: string[] = [];
    let bChecks = 0;
    let probing = true;
    const prober = (async () => {
      while (probing) {
        for (const path of ["/healthz", "/readyz"]) {
          const res = await fetch(`${b.base}${path}`).catch((e: unknown) => e as Error);
          bChecks++;
          if (res instanceof Error || res.status !== 200) {
            bProblems.push(`${path}: ${res instanceof Error ? res.message : res.status}`);
          }
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const imported = runCliAsync(
      [
        "facts",
        "import",
        csv,
        "--key",
        "population",
        "--as-of",
        importAsOf,
        "--source-title",
        importSource.title,
        "--publisher",
        importSource.publisher,
        "--municipality-column",
        "Kommun",
        "--value-column",
        "Folkmängd",
        "--database-url",
        db.url,
      ],
      { timeoutMs: 120_000 },
    );

    // 500 writes, every other one to A, at most 20 in flight to each; A is killed once it has
    // acknowledged 80 (while others to it are still under way). The last 100 wait for the
    // import to commit, so it always commits while writes are under way.
    let ackedByA = 0;
    let killed = false;
    const queues = { A: [] as number[], B: [] as number[] };
    for (let n = 0; n < 500; n++) queues[n % 2 === 0 ? "A" : "B"].push(n);
    const worker = async (to: "A" | "B") => {
      const service = to === "A" ? a : b;
      for (let n = queues[to].shift(); n !== undefined; n = queues[to].shift()) {
        if (n >= 400) await Promise.race([importCommitted, imported]);
        const answer = await post(service.base, tokens[to], n);
        const attempt: Attempt =
          typeof answer === "object" ? { n, to, status: 201, fact: answer.fact } : { n, to, status: answer };
        attempts.push(attempt);
        if (to === "A" && attempt.status === 201 && ++ackedByA === 80 && !killed) {
          killed = true;
          a.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all([
      ...Array.from({ length: 20 }, () => worker("A")),
      ...Array.from({ length: 20 }, () => worker("B")),
    ]);
    const importRun = await imported;
    sampling = false;
    probing = false;
    await Promise.all([sampler, prober]);

    expect(killed).toBe(true);
    expect(await a.exited).toBe(null); // ended by the signal
    expect(importRun.code, importRun.stderr).toBe(0);

    // B: every write to it acknowledged, every health and readiness check answered.
    const toB = attempts.filter((x) => x.to === "B");
    expect(toB).toHaveLength(250);
    expect(toB.filter((x) => x.status !== 201)).toEqual([]);
    expect(bProblems).toEqual([]);
    expect(bChecks).toBeGreaterThan(0);
    // A: acknowledged until it was killed, then no answer (never an error answer).
    const toA = attempts.filter((x) => x.to === "A");
    expect(toA.filter((x) => x.status !== 201 && x.status !== "failed")).toEqual([]);
    expect(toA.filter((x) => x.status === "failed").length).toBeGreaterThan(0);

    // Every acknowledged write is there exactly once, with the id it was acknowledged with; a
    // write A never answered is there at most once (it may have committed before the kill).
    const store = await PostgresStore.open(db.url);
    try {
      const facts = await store.facts();
      const statement = (f: { subject: string; asOf: string | null; value: unknown }) =>
        `${f.subject}|${f.asOf}|${JSON.stringify(f.value)}`;
      const count = new Map<string, number>();
      for (const f of facts) count.set(statement(f), (count.get(statement(f)) ?? 0) + 1);
      expect([...count.values()].every((c) => c === 1)).toBe(true);
      const ids = new Set(facts.map((f) => f.id));
      expect(ids.size).toBe(facts.length);
      const acked = attempts.filter((x) => x.status === 201);
      expect(acked.length).toBeGreaterThanOrEqual(250 + 80);
      for (const x of acked) {
        expect(ids.has(x.fact!.id), `write ${x.n} (${x.fact!.id})`).toBe(true);
        expect(count.get(statement(x.fact!))).toBe(1);
      }

      // The import is whole, and was never seen in part.
      const importedFacts = facts.filter((f) => f.key === "population" && f.asOf === importAsOf);
      expect(importedFacts).toHaveLength(codes.length);
      expect(new Set(importedFacts.map((f) => f.subject)).size).toBe(codes.length);
      expect([...importSeen].every((n) => n === 0 || n === codes.length)).toBe(true);
      expect(writesWhenImportSeen).toBeGreaterThan(0); // committed while the writes were under way
      expect(writesWhenImportSeen).toBeLessThan(500);

      // The audit log names each acknowledged write's writer, once, and the import as the command line.
      const { audit } = await store.snapshot();
      const writerOf = new Map<string, string[]>();
      for (const e of audit) {
        const who = e.actor.kind === "token" ? e.actor.name : e.actor.kind;
        for (const id of e.ids) writerOf.set(id, [...(writerOf.get(id) ?? []), who]);
      }
      for (const x of acked) expect(writerOf.get(x.fact!.id), `write ${x.n}`).toEqual([x.to]);
      const importEntries = audit.filter((e) => e.action === "facts.import");
      expect(importEntries).toHaveLength(1);
      expect(importEntries[0]).toMatchObject({ actor: { kind: "cli" }, count: codes.length });
      expect(new Set(audit.map((e) => e.seq)).size).toBe(audit.length);
    } finally {
      await store.close();
    }

    // One line for RELIABILITY.md's figures.
    console.log(
      `multi-process: A acknowledged ${toA.filter((x) => x.status === 201).length} of ${toA.length} ` +
        `(${toA.filter((x) => x.status === "failed").length} unanswered after the SIGKILL), B ${toB.length} of 250; ` +
        `${bChecks} health/readiness checks of B, ${bProblems.length} failed; the import (${codes.length} rows) ` +
        `committed after ${writesWhenImportSeen} of 500 writes, ` +
        `seen as ${[...importSeen].sort((x, y) => x - y).join(" or ")} rows`,
    );

    // B shows what A acknowledged before it died.
    const lastOfA = toA.filter((x) => x.status === 201).at(-1)!.fact!;
    expect(await populationIds(b.base, lastOfA.subject)).toContain(lastOfA.id);
    // …and its audit API names A as the writer.
    const res = await fetch(`${b.base}/api/audit?fact=${encodeURIComponent(lastOfA.id)}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(res.status).toBe(200);
    const entries = (await res.json()) as { actor: { kind: string; name?: string }; action: string }[];
    expect(entries.map((e) => [e.actor.kind, e.actor.name, e.action])).toEqual([["token", "A", "fact.add"]]);
  }, 180_000);
});
