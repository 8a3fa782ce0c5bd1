/**
 * Several processes on one PostgreSQL database see each other's writes within a second: a
 * watching store LISTENs for the revision every write NOTIFYs, answers reads at an unchanged
 * revision from memory, and when its listening connection is cut it asks the database again
 * until it has reconnected.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { migrateDatabase } from "../../src/store/postgres/database-admin.js";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { revisionChannel } from "../../src/store/postgres/revision-listener.js";
import type { NewFact } from "../../src/store/store.js";
import { createApp } from "../../src/server/app.js";
import { Workspace } from "../../src/workspace.js";
import {
  freshDatabase,
  notePostgresSkipped,
  onDatabase,
  postgresAvailable,
  type TestDatabase,
} from "../helpers/postgres.js";

notePostgresSkipped("test/store/postgres-watch.test.ts", "server");

const population = (value: number): NewFact => ({
  subject: "0186",
  key: "population",
  value: { type: "number", value },
  asOf: "2024",
  source: { title: "Folkmängd efter region", publisher: "SCB", date: "2025-02" },
});

/** Within a second, as the issue asks; polled every 10 ms. */
const withinASecond = { timeout: 1000, interval: 10 };

describe.skipIf(!postgresAvailable("server"))(
  "PostgreSQL: other processes' writes seen within a second (LISTEN/NOTIFY)",
  () => {
    let db: TestDatabase;
    let writer: PostgresStore;
    let reader: PostgresStore;
    beforeAll(async () => {
      db = await freshDatabase("watch");
      await migrateDatabase(db.url);
      writer = await PostgresStore.open(db.url);
      reader = await PostgresStore.open(db.url);
      await reader.watch();
    }, 60_000);
    afterAll(async () => {
      await writer?.close();
      await reader?.close();
      await db?.drop();
    }, 60_000);

    it("every write NOTIFYs its new revision on the store's channel when it commits", async () => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const heard: string[] = [];
        client.on("notification", (n) => heard.push(`${n.channel} ${n.payload}`));
        await client.query(`LISTEN ${revisionChannel}`);
        await writer.addFact(population(47_900));
        await vi.waitFor(() => expect(heard).toHaveLength(1), withinASecond);
        expect(heard[0]).toBe(`${revisionChannel} ${await writer.revision()}`);
        await writer.addFact(population(47_900)); // the same statement: nothing written, nothing told
        await writer.addFacts([]);
        await new Promise((r) => setTimeout(r, 100));
        expect(heard).toHaveLength(1);
      } finally {
        await client.end();
      }
    });

    it("a write by another store reaches the watching one's revision and reads without a read of its own", async () => {
      const before = await reader.revision();
      const kept = await reader.facts();
      expect(await reader.facts()).toBe(kept); // the same array: nothing changed, nothing read again

      const added = await writer.addFact(population(48_000));
      const written = await writer.revision();
      await vi.waitFor(async () => expect(await reader.revision()).toBe(written), withinASecond);
      expect(written).not.toBe(before);
      const facts = await reader.facts();
      expect(facts).not.toBe(kept);
      expect(facts.map((f) => f.id)).toContain(added.id);
    });

    it("the watching store's own write is known at once, before its notification comes back", async () => {
      const added = await reader.addFact(population(48_100));
      expect((await reader.facts()).map((f) => f.id)).toContain(added.id);
      expect(await reader.revision()).toBe(await writer.revision());
    });

    it("a cut listening connection: reads ask the database meanwhile, and the listener comes back", async () => {
      // This test's listener only: not another test file's (they run side by side on the same server).
      const cut = await onDatabase(db.url, (c) =>
        c.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE application_name = 'motionera-listen' AND datname = current_database() AND usename = current_user`,
        ),
      );
      expect(cut.rowCount).toBeGreaterThan(0);
      // Written while the listener may be away: its notification is lost, the revision is not.
      const added = await writer.addFact(population(48_200));
      await vi.waitFor(async () => expect((await reader.facts()).map((f) => f.id)).toContain(added.id), withinASecond);
      await vi.waitFor(
        async () => {
          const { rows } = await onDatabase(db.url, (c) =>
            c.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity
               WHERE application_name = 'motionera-listen' AND datname = current_database()`,
            ),
          );
          expect(rows[0].n).toBe(1);
        },
        { timeout: 5000, interval: 50 },
      );
      const later = await writer.addFact(population(48_300));
      await vi.waitFor(async () => expect(await reader.revision()).toBe(await writer.revision()), withinASecond);
      expect((await reader.facts()).map((f) => f.id)).toContain(later.id);
    });

    it("a service's workspace resolves a fact another process recorded, within a second", async () => {
      const ws = await Workspace.open({ databaseUrl: db.url });
      await ws.store.watch();
      try {
        await ws.facts();
        const added = await writer.addFact({ ...population(49_000), asOf: "2025" });
        await vi.waitFor(async () => {
          const registry = await ws.facts();
          expect(registry.history("0186", "population").map((f) => f.id)).toContain(added.id);
        }, withinASecond);
      } finally {
        await ws.store.close();
      }
    });

    it("keys kept across fact writes; a key change seen at once by its process, soon by another", async () => {
      await reader.factKeys();
      const kept = await reader.factKeys();
      await writer.addFact(population(50_000));
      await vi.waitFor(async () => expect(await reader.revision()).toBe(await writer.revision()), withinASecond);
      expect(await reader.factKeys()).toBe(kept); // a fact written: the keys not read again

      const def = { key: "watched_key", label: "Bevakad", description: "En nyckel.", type: "number" as const };
      await writer.changeFactKeys((keys) => ({ keys: [...keys, { ...def, scopes: ["kommun" as const] }], result: 0 }));
      expect((await writer.factKeys()).map((k) => k.key)).toContain("watched_key");
      await vi.waitFor(
        async () => expect((await reader.factKeys()).map((k) => k.key)).toContain("watched_key"),
        withinASecond,
      );
      await reader.changeFactKeys((keys) => ({ keys: keys.filter((k) => k.key !== "watched_key"), result: 0 }));
      expect((await reader.factKeys()).map((k) => k.key)).not.toContain("watched_key");
    });

    it("/readyz says 503 once the database cannot be reached, so a load balancer takes the process out", async () => {
      const own = await freshDatabase("ready");
      await migrateDatabase(own.url);
      const ws = await Workspace.open({ databaseUrl: own.url });
      try {
        const app = createApp(ws);
        expect((await app.request("/readyz")).status).toBe(200);
        await own.drop();
        const gone = await app.request("/readyz", { headers: { accept: "application/problem+json" } });
        expect(gone.status).toBe(503);
        expect(await gone.json()).toMatchObject({ title: "Databasen kan inte användas" });
        expect((await app.request("/healthz")).status).toBe(200); // the process itself still answers
      } finally {
        await ws.store.close().catch(() => undefined);
      }
    });
  },
);
