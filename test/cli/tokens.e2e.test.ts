/**
 * `motionera tokens create|list|revoke` and `motionera facts history` as a user runs them: the
 * built CLI on a temp copy of the database file, and on PostgreSQL (a database of this file's
 * own). The secret is printed once and never stored; each write is logged as the CLI with the
 * OS user; unknown names get "Menade du".
 */
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashTokenSecret } from "../../src/tokens/secret.js";
import { migrateDatabase } from "../../src/store/postgres/database-admin.js";
import { runCli, tempWorkspace } from "../helpers/cli.js";
import { freshDatabase, notePostgresSkipped, postgresAvailable, type TestDatabase } from "../helpers/postgres.js";

notePostgresSkipped("test/cli/tokens.e2e.test.ts");

const user = userInfo().username;

/** The secret a `tokens create` printed (the indented line). */
const secretOf = (stdout: string) => /^ {2}(mot_[A-Za-z0-9_-]{43})$/m.exec(stdout)?.[1] ?? "";

function tokensCycle(where: () => string[]) {
  const created = runCli(["tokens", "create", "--name", "redaktionen", "--role", "write", ...where()]);
  expect(created.stderr).toBe("");
  expect(created.code).toBe(0);
  expect(created.stdout).toContain('Token "redaktionen" är skapad med rollen write.');
  expect(created.stdout).toContain("Den visas bara den här gången");
  const secret = secretOf(created.stdout);
  expect(secret).not.toBe("");

  const again = runCli(["tokens", "create", "--name", "redaktionen", "--role", "read", ...where()]);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('Det finns redan en token som heter "redaktionen". Välj ett annat namn med --name');
  const badRole = runCli(["tokens", "create", "--name", "x", "--role", "chef", ...where()]);
  expect(badRole.code).toBe(2);
  expect(badRole.stderr).toContain("--role:");
  const badName = runCli(["tokens", "create", "--name", "två ord", "--role", "read", ...where()]);
  expect(badName.code).toBe(2);
  expect(badName.stderr).toContain("--name:");

  const list = runCli(["tokens", "list", ...where()]);
  expect(list.code).toBe(0);
  expect(list.stdout.split("\n")[0]).toMatch(/^Namn\s+Roll\s+Skapad\s+Av\s+Senast skrivit\s+Återkallad$/);
  expect(list.stdout).toMatch(/redaktionen\s+write\s+\d{1,2} \w+ \d{4} kl\. \d\d\.\d\d\s+/);
  expect(list.stdout).toContain(`kommandoraden (${user})`);
  expect(list.stdout).not.toContain(secret);

  const typo = runCli(["tokens", "revoke", "--name", "redaktionn", ...where()]);
  expect(typo.code).toBe(1);
  expect(typo.stderr).toContain('Det finns ingen token som heter "redaktionn". Menade du "redaktionen"?');
  const revoked = runCli(["tokens", "revoke", "--name", "redaktionen", ...where()]);
  expect(revoked.stdout).toBe('Token "redaktionen" är återkallad och gäller inte längre.\n');
  const twice = runCli(["tokens", "revoke", "--name", "redaktionen", ...where()]);
  expect(twice.stdout).toMatch(/^Token "redaktionen" återkallades redan \d/);

  const json = runCli(["tokens", "list", "--json", ...where()]);
  const [token] = JSON.parse(json.stdout) as Record<string, unknown>[];
  expect(token).toMatchObject({ name: "redaktionen", role: "write", createdBy: { kind: "cli", user } });
  expect(typeof token!.revokedAt).toBe("string");
  expect(token).not.toHaveProperty("hash");
  return secret;
}

function historyOfLidingo(where: () => string[]) {
  const add = runCli([
    "facts",
    "add",
    "Lidingö",
    "mika_kast_agreement",
    "ja",
    "--as-of",
    "2026-02-01",
    "--source-title",
    "Protokoll KS",
    "--publisher",
    "Lidingö stad",
    ...where(),
  ]);
  expect(add.stderr).toBe("");
  const history = runCli(["facts", "history", "Lidingö", "mika_kast_agreement", ...where()]);
  expect(history.code).toBe(0);
  const lines = history.stdout.split("\n");
  expect(lines[0]).toBe("Ändringar av uppgifterna om Lidingö stad, nyast först:");
  expect(lines[1]).toContain("[0186.mika_kast_agreement.2026-02-01]");
  expect(lines[2]).toMatch(
    new RegExp(`^ {4}registrerad \\d{1,2} \\w+ \\d{4} kl\\. \\d\\d\\.\\d\\d av kommandoraden \\(${user}\\): lade till`),
  );
  const json = JSON.parse(runCli(["facts", "history", "0186", "--json", ...where()]).stdout) as {
    facts: { id: string; change: { actor: unknown; action: string } | null }[];
  };
  expect(json.facts[0]).toMatchObject({
    id: "0186.mika_kast_agreement.2026-02-01",
    change: { actor: { kind: "cli", user }, action: "fact.add" },
  });
  const unknownKey = runCli(["facts", "history", "Lidingö", "mika_kast_agrement", ...where()]);
  expect(unknownKey.stderr).toContain('Menade du "mika_kast_agreement"');
}

describe("motionera tokens on the database file", () => {
  const ws = tempWorkspace();
  const where = () => ["--db", ws.db];

  it("creates a token (secret printed once, only its hash stored), lists and revokes it", () => {
    const secret = tokensCycle(where);
    const file = readFileSync(ws.db, "utf8");
    expect(file).not.toContain(secret);
    expect(file).toContain(hashTokenSecret(secret));
  });

  it("facts history names who recorded each fact and when; shipped facts are older than the log", () => {
    historyOfLidingo(where);
    const all = runCli(["facts", "history", "Lidingö", ...where()]);
    expect(all.stdout).toContain("före ändringsloggen");
  });
});

describe.skipIf(!postgresAvailable())("motionera tokens on PostgreSQL", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase("tokens_cli");
    await migrateDatabase(db.url);
  }, 60_000);
  afterAll(() => db?.drop(), 60_000);
  const where = () => ["--database-url", db.url];

  it("the same commands, the same answers", () => {
    tokensCycle(where);
    historyOfLidingo(where);
  });
});
