/**
 * The concordance and "who argued what" over the PostgreSQL store: the service reads the same records from the
 * database as from the file, and a write by another process shows in the next concordance.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { PostgresStore } from "../../../src/store/postgres/postgres-store.js";
import { runMigrations } from "../../../src/store/postgres/migrations.js";
import { Workspace } from "../../../src/workspace.js";
import { argued, record, records } from "../../corpus/concordance/fixture.js";
import {
  freshDatabase,
  notePostgresSkipped,
  onDatabase,
  postgresAvailable,
  type TestDatabase,
} from "../../helpers/postgres.js";

notePostgresSkipped("test/server/api/concordance-postgres.test.ts");

describe.skipIf(!postgresAvailable())("concordance on PostgreSQL", () => {
  let db: TestDatabase;
  let store: PostgresStore;
  let ws: Workspace;

  beforeAll(async () => {
    db = await freshDatabase("concordance");
    await onDatabase(db.url, (c) => runMigrations(c));
    store = await PostgresStore.open(db.url);
    await store.putDocuments([...records, argued]);
    ws = await Workspace.open({ databaseUrl: db.url });
  }, 60_000);

  afterAll(async () => {
    await ws?.store.close();
    await store?.close();
    await db?.drop();
  });

  it("finds every inflection, sorted, with counts; a record another process adds shows next time", async () => {
    const app = createApp(ws);
    const get = async () =>
      (await (await app.request("/api/corpus/concordance?q=sexk%C3%B6pare&inflections=true&sort=right")).json()) as {
        total: number;
        lines: { right: string; documentId: string }[];
        counts: { years: { year: number; occurrences: number }[] };
      };
    const before = await get();
    expect(before.total).toBe(5);
    expect(before.lines.map((l) => l.right.split(" ")[0])).toEqual(["har", "ska", "ska", "som", "tidigt."]);
    expect(before.counts.years.map((y) => [y.year, y.occurrences])).toEqual([
      [2021, 2],
      [2022, 0],
      [2023, 3],
    ]);
    await store.putDocuments([
      record({ id: "ny-2024", date: "2024-01-10", parties: ["C"], fullText: "Sexköparen ska nås av samtal." }),
    ]);
    const after = await get();
    expect(after.total).toBe(6);
    expect(after.lines.some((l) => l.documentId === "ny-2024")).toBe(true);
  });

  it("who argued what reads the arguments from the database", async () => {
    const app = createApp(ws);
    const w = (await (await app.request("/api/corpus/arguments?topic=kast")).json()) as {
      stances: { stance: string; parties: { party: string }[] }[];
    };
    expect(w.stances.map((s) => [s.stance, s.parties.map((p) => p.party)])).toEqual([
      ["for", ["S", "V"]],
      ["against", ["S", "V"]],
    ]);
  });
});
