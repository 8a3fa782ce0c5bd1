/**
 * The stand-in for machines without a PostgreSQL server: PGlite, served on loopback by a child
 * process, takes the migrations and the store as a server does and has the SQL the search needs
 * (the `swedish` configuration, pg_trgm). Run always, so the fallback the other PostgreSQL tests
 * use without MOTIONERA_TEST_DATABASE_URL is itself tested where a server is present.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../src/store/postgres/database-admin.js";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { onDatabase, pgliteDatabase, type TestDatabase } from "../helpers/postgres.js";

describe("PGlite as the PostgreSQL of the tests where no server is named", () => {
  let db: TestDatabase;
  const pool = process.env.MOTIONERA_DATABASE_POOL;
  beforeAll(async () => {
    db = await pgliteDatabase();
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
    if (pool === undefined) delete process.env.MOTIONERA_DATABASE_POOL;
    else process.env.MOTIONERA_DATABASE_POOL = pool;
  }, 60_000);

  it("takes the migrations, and a store writes and reads back through it", async () => {
    const { status } = await migrateDatabase(db.url);
    expect(status.pending).toEqual([]);
    const store = await PostgresStore.open(db.url);
    try {
      const source = { title: "Folkmängd efter region", publisher: "SCB", date: "2025-02" };
      const [a, b] = await store.addFacts([
        { subject: "0186", key: "population", value: { type: "number", value: 48_000 }, asOf: "2023", source },
        { subject: "0186", key: "population", value: { type: "number", value: 48_500 }, asOf: "2024", source },
      ]);
      expect([a?.id, b?.id]).toEqual(["0186.population.2023", "0186.population.2024"]);
      expect((await store.facts()).map((f) => f.value)).toEqual([
        { type: "number", value: 48_000 },
        { type: "number", value: 48_500 },
      ]);
    } finally {
      await store.close();
    }
  });

  it("has the Swedish text search configuration and pg_trgm, as the search on a server", async () => {
    const { rows } = await onDatabase(db.url, async (c) => {
      await c.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      return c.query<{ v: string; q: string; s: number }>(
        `SELECT to_tsvector('swedish', 'Sexköparna köpte tjänster')::text AS v,
                websearch_to_tsquery('swedish', '"köp av tjänst" OR hjälp -barn')::text AS q,
                similarity('sexköp', 'sexköb') AS s`,
      );
    });
    expect(rows[0]?.v).toBe("'köpt':2 'sexköp':1 'tjänst':3");
    expect(rows[0]?.q).toBe("'köp' <2> 'tjänst' | 'hjälp' & !'barn'");
    expect(rows[0]?.s).toBeGreaterThan(0.5);
  });
});
