/**
 * Choosing PostgreSQL and keeping its schema current: `motionera db status` and `db migrate`,
 * commands and the service refusing a database that is behind (naming the command that migrates
 * it), MOTIONERA_DATABASE_URL / --database-url selecting the engine and --db the file.
 */
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { isMotioneraError } from "../../src/domain/errors.js";
import { shippedFactKeys } from "../../src/facts/fact-catalog.js";
import { LowdbStore } from "../../src/store/lowdb-store.js";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { Workspace } from "../../src/workspace.js";
import { runCli } from "../helpers/cli.js";
import {
  freshDatabase,
  notePostgresSkipped,
  onDatabase,
  postgresAvailable,
  type TestDatabase,
} from "../helpers/postgres.js";

notePostgresSkipped("test/store/postgres-engine.test.ts");

const migrations = ["1764690000000_store", "1764810000000_revision-shards"];
const addFact = ["facts", "add", "Lidingö", "population", "48000", "--as-of", "2024", "--publisher", "SCB"];
const sourceFlags = ["--source-title", "Folkmängd", "--source-date", "2025"];

describe.skipIf(!postgresAvailable())("PostgreSQL as the engine", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase("engine");
  }, 60_000);
  afterAll(() => db?.drop(), 60_000);
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("a database behind is refused by commands and the service, naming motionera db migrate", async () => {
    const status = runCli(["db", "status", "--database-url", db.url]);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain(
      `2 migreringar saknas: ${migrations.join(", ")}. Uppdatera med: motionera db migrate`,
    );
    expect(status.stdout).not.toContain("motionera:motionera@"); // no password in messages

    const env = { MOTIONERA_DATABASE_URL: db.url };
    for (const args of [
      ["facts", "keys"],
      ["serve", "--port", "0"],
      [...addFact, ...sourceFlags],
    ]) {
      const r = runCli(args, { env });
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr).toContain("har ett äldre schema än programmet");
      expect(r.stderr).toContain("Uppdatera den med: motionera db migrate");
    }
    const refused = await Workspace.open({ databaseUrl: db.url }).catch((e: unknown) => e);
    expect(isMotioneraError(refused) && refused.details).toMatchObject({
      code: "database_behind",
      pending: migrations,
    });
  });

  it("db migrate runs the migrations once; db status then says the schema is current", () => {
    const first = runCli(["db", "migrate", "--database-url", db.url]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Körde 2 migreringar: ${migrations.join(", ")}.`);
    const again = runCli(["db", "migrate"], { env: { MOTIONERA_DATABASE_URL: db.url } });
    expect(again.stdout).toContain("Inga migreringar att köra.");
    const status = runCli(["db", "status", "--json", "--database-url", db.url]);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ applied: migrations, pending: [], unknown: [] });
  });

  it("MOTIONERA_DATABASE_URL puts a command's writes in PostgreSQL; --db names a file instead", async () => {
    const env = { MOTIONERA_DATABASE_URL: db.url };
    const added = runCli([...addFact, ...sourceFlags], { env });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain("[0186.population.2024]");
    const file = join(mkdtempSync(join(tmpdir(), "motionera-engine-")), "db.json");
    const toFile = runCli([...addFact, ...sourceFlags, "--db", file], { env });
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(toFile.stdout).toContain(file);
    const rows = await onDatabase(db.url, (c) => c.query<{ id: string }>("SELECT id FROM facts"));
    expect(rows.rows.map((r) => r.id)).toEqual(["0186.population.2024"]);
    const shown = runCli(["facts", "Lidingö", "--json"], { env });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain("0186.population.2024");
  });

  it("corpus documents imported into PostgreSQL are found by search, its index kept in memory", () => {
    const env = { MOTIONERA_DATABASE_URL: db.url };
    const dir = mkdtempSync(join(tmpdir(), "motionera-engine-"));
    const file = join(dir, "motion.txt");
    writeFileSync(file, "Motion om snöröjning i Lidingö\n\nVi föreslår att kommunen röjer cykelbanorna först.\n");
    const imported = runCli(["corpus", "import", file], { env, cwd: dir });
    expect(imported.code, imported.stderr).toBe(0);
    const found = runCli(["corpus", "search", "snöröjning"], { env, cwd: dir });
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toContain("Motion om snöröjning i Lidingö");
    expect(readdirSync(dir)).toEqual(["motion.txt"]); // no index file beside an address
  });

  it("Workspace.open takes the engine the store factory chooses; no caller names it", async () => {
    vi.stubEnv("MOTIONERA_DATABASE_URL", db.url);
    const onPostgres = await Workspace.open({});
    expect(onPostgres.store).toBeInstanceOf(PostgresStore);
    expect(onPostgres.store.location).not.toContain("motionera:motionera@");
    expect((await onPostgres.facts()).byId("0186.population.2024")?.value).toEqual({ type: "number", value: 48000 });
    await onPostgres.store.close();
    const file = join(mkdtempSync(join(tmpdir(), "motionera-engine-")), "db.json");
    expect((await Workspace.open({ db: file })).store).toBeInstanceOf(LowdbStore);
    vi.stubEnv("MOTIONERA_DATABASE_URL", "");
    expect((await Workspace.open({ db: file })).store).toBeInstanceOf(LowdbStore);
    const explicit = await Workspace.open({ databaseUrl: db.url });
    expect(explicit.store).toBeInstanceOf(PostgresStore);
    await explicit.store.close();
  });

  it("a shipped key the database was never offered is added once when it is opened", async () => {
    const later = shippedFactKeys.find((k) => !k.derived && !shippedFactKeys.some((d) => d.derived?.from === k.key))!;
    await onDatabase(db.url, async (c) => {
      await c.query("DELETE FROM fact_keys WHERE key = $1", [later.key]);
      await c.query("DELETE FROM shipped_keys_offered WHERE key = $1", [later.key]);
    });
    const store = await PostgresStore.open(db.url);
    const revision = await store.revision();
    expect((await store.factKeys()).at(-1)).toEqual(later);
    await store.changeFactKeys((keys) => ({ keys: keys.filter((k) => k.key !== later.key), result: undefined }));
    await store.close();
    const again = await PostgresStore.open(db.url);
    expect((await again.factKeys()).some((k) => k.key === later.key)).toBe(false);
    expect(await again.revision()).not.toBe(revision);
    await again.close();
  });

  it("db without a database, and a database that cannot be reached, are explained", () => {
    const none = runCli(["db", "status"], { env: { MOTIONERA_DATABASE_URL: "" } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--database-url");
    const notUrl = runCli(["facts", "keys", "--database-url", "mysql://x"]);
    expect(notUrl.code).toBe(2);
    const unreachable = runCli(["db", "status", "--database-url", "postgres://motionera:hemligt@127.0.0.1:1/x"]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain("Databasen postgres://motionera@127.0.0.1:1/x kan inte användas");
    expect(unreachable.stderr).not.toContain("hemligt");
  });
});
