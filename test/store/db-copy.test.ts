/**
 * `motionera db copy`: the shipped database file into an empty PostgreSQL database and back into
 * a new file, lossless (counts and the content checksum printed and equal); a target that holds
 * data is refused, and nothing is written to it.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../src/store/postgres/database-admin.js";
import { repoRoot, runCli, tempWorkspace } from "../helpers/cli.js";
import { freshDatabase, notePostgresSkipped, postgresAvailable, type TestDatabase } from "../helpers/postgres.js";

notePostgresSkipped("test/store/db-copy.test.ts");

const shipped = join(repoRoot, "corpus", "motionera.json");

describe.skipIf(!postgresAvailable())("motionera db copy", () => {
  let db: TestDatabase;
  let withLog: TestDatabase;
  let withFilings: TestDatabase;
  beforeAll(async () => {
    withFilings = await freshDatabase("copy_filings");
    await migrateDatabase(withFilings.url);
    db = await freshDatabase("copy");
    await migrateDatabase(db.url);
    withLog = await freshDatabase("copy_log");
    await migrateDatabase(withLog.url);
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
    await withLog?.drop();
    await withFilings?.drop();
  }, 60_000);

  it("carries the named tokens and the audit log both ways, exactly", () => {
    const ws = tempWorkspace();
    const made = runCli(["tokens", "create", "--name", "kansliet", "--role", "admin", "--db", ws.db]);
    expect(made.code, made.stderr).toBe(0);
    runCli(["tokens", "create", "--name", "gammal", "--role", "read", "--db", ws.db]);
    runCli(["tokens", "revoke", "--name", "gammal", "--db", ws.db]);
    const fact = ["facts", "add", "Lidingö", "mika_kast_agreement", "ja", "--as-of", "2026-02-01"];
    runCli([...fact, "--source-title", "Protokoll KS", "--publisher", "Lidingö stad", "--db", ws.db]);
    const original = JSON.parse(readFileSync(ws.db, "utf8")) as { tokens: unknown[]; audit: unknown[] };
    expect(original.tokens).toHaveLength(2);
    expect(original.audit).toHaveLength(4);

    const up = runCli(["db", "copy", "--from", ws.db, "--to", withLog.url, "--json"]);
    expect(up.code, up.stderr).toBe(0);
    const report = JSON.parse(up.stdout) as { from: Record<string, unknown>; same: boolean };
    expect(report.same).toBe(true);
    expect(report.from).toMatchObject({ tokens: 2, audit: 4 });

    const back = join(mkdtempSync(join(tmpdir(), "motionera-copy-")), "tillbaka.json");
    const down = runCli(["db", "copy", "--from", withLog.url, "--to", back]);
    expect(down.code, down.stderr).toBe(0);
    expect(down.stdout).toContain("2 tokens, 4 ändringar i loggen");
    const copied = JSON.parse(readFileSync(back, "utf8")) as typeof original;
    expect(copied.tokens).toEqual(original.tokens);
    expect(copied.audit).toEqual(original.audit);
    // A token made before the copy works after it: the history and the list agree on both sides.
    const list = runCli(["tokens", "list", "--json", "--database-url", withLog.url]);
    expect((JSON.parse(list.stdout) as { name: string }[]).map((t) => t.name)).toEqual(["kansliet", "gammal"]);
  });

  it("counts the filings and the meetings on both sides, and refuses a target that holds them", () => {
    const ws = tempWorkspace();
    const add = ["arenden", "add", "--kind", "motion", "--title", "Fler elever ska klara skolan", "-k", "Lidingö"];
    const filed = runCli([...add, "-a", "Eva Ek (V)", "--filed", "2026-01-12", "--dnr", "KS 2026/0007", "--db", ws.db]);
    expect(filed.code, filed.stderr).toBe(0);
    const held = runCli(["arenden", "meetings", "add", "-k", "Lidingö", "2026-02-16", "2026-03-16", "--db", ws.db]);
    expect(held.code, held.stderr).toBe(0);

    const up = runCli(["db", "copy", "--from", ws.db, "--to", withFilings.url]);
    expect(up.code, up.stderr).toBe(0);
    const lines = up.stdout.split("\n");
    for (const side of ["Från", "Till"])
      expect(lines.find((l) => l.startsWith(`${side}:`))).toMatch(/0 sparade utkast, 1 ärende, 2 sammanträden, /);
    expect(up.stdout).toContain("Kopian är fullständig");
    const json = runCli(["db", "copy", "--from", withFilings.url, "--to", join(ws.dir, "tillbaka.json"), "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      from: { filings: 1, meetings: 2 },
      to: { filings: 1, meetings: 2 },
    });

    const again = runCli(["db", "copy", "--from", ws.db, "--to", join(ws.dir, "tillbaka.json")]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("och 1 ärende och 2 sammanträden. Kopiera till en tom databas");
  });

  it("copies the file into PostgreSQL and back: the same counts and checksum on every side", () => {
    const up = runCli(["db", "copy", "--from", shipped, "--to", db.url, "--json"]);
    expect(up.code, up.stderr).toBe(0);
    const first = JSON.parse(up.stdout) as {
      from: Record<string, unknown>;
      to: Record<string, unknown>;
      same: boolean;
    };
    expect(first.same).toBe(true);
    const data = JSON.parse(readFileSync(shipped, "utf8")) as { facts: unknown[]; documents: unknown[] };
    expect(first.from).toMatchObject({ facts: data.facts.length, documents: data.documents.length });

    const back = join(mkdtempSync(join(tmpdir(), "motionera-copy-")), "tillbaka.json");
    const down = runCli(["db", "copy", "--from", db.url, "--to", back]);
    expect(down.code, down.stderr).toBe(0);
    expect(down.stdout).toContain("Kopian är fullständig: antal och kontrollsumma stämmer.");
    expect(down.stdout).toContain(`kontrollsumma ${String(first.from.checksum).slice(0, 16)}`);
    const copied = JSON.parse(readFileSync(back, "utf8")) as typeof data;
    expect(copied.facts).toEqual(data.facts);
    expect(copied.documents).toEqual(data.documents);
  });

  it("refuses a target that holds data, and a missing source file, in Swedish", () => {
    const again = runCli(["db", "copy", "--from", shipped, "--to", db.url]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/har redan \d+ uppgifter och \d+ dokument\. Kopiera till en tom databas/);
    const missing = runCli(["db", "copy", "--from", "finns-inte.json", "--to", db.url]);
    expect(missing.stderr).toContain("Databasfilen finns-inte.json finns inte.");
    const same = runCli(["db", "copy", "--from", shipped, "--to", shipped]);
    expect(same.stderr).toContain("--from och --to är samma databas");
  });
});
