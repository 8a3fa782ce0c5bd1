/**
 * Hostile input reaches PostgreSQL only as parameters: the security suite's known-bad strings
 * (SQL injection, JSON breaking, NUL, lone surrogates, the store's own escape marker, huge
 * Unicode …) go through every write of the PostgreSQL store — addFact, addFacts,
 * changeFactKeys, addFactKeysAndFacts, putDocuments, restore — and are read back identical by
 * another opener, or refused with the domain's error exactly where the domain's schema refuses
 * them. And the store's SQL interpolates no value: only its own constants.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { corpusDocumentSchema, type CorpusDocument } from "../../src/domain/corpus-document.js";
import { isMotioneraError } from "../../src/domain/errors.js";
import { factSchema, type Fact } from "../../src/domain/fact.js";
import { factDefinitionSchema, type FactDefinition } from "../../src/domain/fact-key.js";
import { migrateDatabase } from "../../src/store/postgres/database-admin.js";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import type { NewFact } from "../../src/store/store.js";
import { repoRoot } from "../helpers/cli.js";
import {
  freshDatabase,
  notePostgresSkipped,
  onDatabase,
  postgresAvailable,
  type TestDatabase,
} from "../helpers/postgres.js";
import { hostileStrings } from "./hostile-strings.js";

notePostgresSkipped("test/security/hostile-postgres-writes.test.ts");

const entries = Object.entries(hostileStrings);

const hostileFact = (v: string, i: number, key = "hostile_text"): NewFact => ({
  subject: "0186",
  key,
  value: { type: "text", value: v },
  asOf: "2024",
  source: { title: v, publisher: v, date: null },
  note: v,
  // A number of its own: each entry is its own statement even where two strings are refused alike.
  ...(i >= 0 ? { since: `${1000 + i}` } : {}),
});

const hostileKey = (v: string, i: number): FactDefinition => ({
  key: `hostile_${i}`,
  label: v,
  description: v,
  type: "text",
  scopes: ["kommun"],
});

const hostileDoc = (v: string, i: number): CorpusDocument => ({
  id: `hostile-${i}`,
  kind: "motion",
  level: "kommun",
  municipality: { code: "0186", name: v },
  county: null,
  parties: ["V"],
  authors: [{ name: v, party: "V", role: v }],
  date: "2024-03",
  title: v,
  summary: v,
  topics: [],
  arguments: [],
  proposals: [v],
  questions: [v],
  facts: [v],
  source: { title: v, publisher: v, date: "2024-03" },
});

/** The domain error a write was refused with, or undefined when it was not refused. */
async function refusal<T>(write: Promise<T>): Promise<{ code: string } | undefined> {
  try {
    await write;
    return undefined;
  } catch (e) {
    if (isMotioneraError(e)) return e.details as { code: string };
    throw e;
  }
}

describe.skipIf(!postgresAvailable())("hostile strings through every write of the PostgreSQL store", () => {
  let db: TestDatabase;
  const opened: PostgresStore[] = [];
  const open = async () => {
    const s = await PostgresStore.open(db.url);
    opened.push(s);
    return s;
  };
  const fresh = async () => {
    await onDatabase(db.url, (c) => c.query("TRUNCATE facts, fact_keys, shipped_keys_offered, documents"));
    return open();
  };

  beforeAll(async () => {
    db = await freshDatabase("hostile");
    await migrateDatabase(db.url);
  }, 60_000);
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  afterAll(() => db?.drop(), 60_000);

  it("addFact: each as title, publisher, note, value: back identical or refused where the schema refuses", async () => {
    const store = await fresh();
    const stored: Fact[] = [];
    for (const [[name, v], i] of entries.map((e, i) => [e, i] as const)) {
      const input = hostileFact(v, i);
      const schema = factSchema.safeParse({ ...input, id: "x", recordedAt: new Date().toISOString() });
      const refused = await refusal(store.addFact(input).then((f) => stored.push(f)));
      expect(refused, name).toEqual(schema.success ? undefined : expect.objectContaining({ code: "fact_invalid" }));
      if (schema.success)
        expect(stored.at(-1), name).toEqual({
          ...schema.data,
          id: stored.at(-1)!.id,
          recordedAt: stored.at(-1)!.recordedAt,
        });
    }
    expect(stored.length).toBeGreaterThan(entries.length / 2);
    const again = await open();
    expect(await again.facts()).toEqual(stored);
    // Given again: the same statements, nothing new.
    for (const [, v] of entries)
      await refusal(
        store.addFact(
          hostileFact(
            v,
            entries.findIndex(([, w]) => w === v),
          ),
        ),
      );
    expect(await (await open()).facts()).toEqual(stored);
  });

  it("addFacts: the accepted ones in one batch back identical; a batch with one refused stores none", async () => {
    const store = await fresh();
    const accepted = entries
      .map(([, v], i) => hostileFact(v, i))
      .filter((f) => factSchema.safeParse({ ...f, id: "x", recordedAt: new Date().toISOString() }).success);
    const stored = await store.addFacts(accepted);
    expect(stored.map((f) => [f.value, f.source, f.note])).toEqual(accepted.map((f) => [f.value, f.source, f.note]));
    expect(await (await open()).facts()).toEqual(stored);
    const refusedOne = entries.map(([, v], i) => hostileFact(v, i + 1000));
    expect(await refusal(store.addFacts(refusedOne))).toMatchObject({ code: "fact_invalid" });
    expect(await (await open()).facts()).toEqual(stored);
  });

  it("changeFactKeys, addFactKeysAndFacts: labels and descriptions back identical (as the schema trims)", async () => {
    const store = await fresh();
    let reader = await open(); // another opener, as another process
    for (const [[name, v], i] of entries.map((e, i) => [e, i] as const)) {
      const def = hostileKey(v, i);
      const schema = factDefinitionSchema.safeParse(def);
      const refused = await refusal(store.changeFactKeys((keys) => ({ keys: [...keys, def], result: undefined })));
      expect(refused, name).toEqual(schema.success ? undefined : expect.objectContaining({ code: "fact_key_invalid" }));
      const keys = await reader.factKeys();
      if (schema.success) expect(keys.at(-1), name).toEqual(schema.data);
      else
        expect(
          keys.map((k) => k.key),
          name,
        ).not.toContain(def.key);
    }

    const both = await fresh();
    reader = await open();
    for (const [[name, v], i] of entries.map((e, i) => [e, i] as const)) {
      const def = hostileKey(v, i);
      const fact = hostileFact(v, i, def.key);
      const ok =
        factDefinitionSchema.safeParse(def).success &&
        factSchema.safeParse({ ...fact, id: "x", recordedAt: new Date().toISOString() }).success;
      const before = await reader.snapshot();
      const refused = await refusal(both.addFactKeysAndFacts([def], [fact]));
      expect(refused === undefined, name).toBe(ok);
      const after = await reader.snapshot();
      if (ok) {
        expect(after.factKeys.at(-1), name).toEqual(factDefinitionSchema.parse(def));
        expect(after.facts.at(-1)?.note, name).toBe(v);
      } else expect(after, name).toEqual(before); // all or nothing
    }
  });

  it("putDocuments: every text field back identical, or refused (input_invalid) where the schema refuses", async () => {
    const store = await fresh();
    const reader = await open();
    const stored: CorpusDocument[] = [];
    for (const [[name, v], i] of entries.map((e, i) => [e, i] as const)) {
      const doc = hostileDoc(v, i);
      const schema = corpusDocumentSchema.safeParse(doc);
      const refused = await refusal(store.putDocuments([doc]));
      expect(refused, name).toEqual(schema.success ? undefined : expect.objectContaining({ code: "input_invalid" }));
      if (schema.success) {
        stored.push(schema.data);
        expect(await reader.document(doc.id), name).toEqual(schema.data);
      }
    }
    expect(stored.length).toBeGreaterThan(entries.length / 2);
    expect(await (await open()).documents()).toEqual(stored);
    // A hostile id is refused, never looked up by a string built from it.
    expect(await (await open()).document("'; DROP TABLE documents; --")).toBeUndefined();
  });

  it("restore: a snapshot of all of it, into an emptied database, back identical; the tables there", async () => {
    const source = await fresh();
    const facts = entries
      .map(([, v], i) => hostileFact(v, i))
      .filter((f) => factSchema.safeParse({ ...f, id: "x", recordedAt: new Date().toISOString() }).success);
    const keys = entries.map(([, v], i) => hostileKey(v, i)).filter((k) => factDefinitionSchema.safeParse(k).success);
    const docs = entries.map(([, v], i) => hostileDoc(v, i)).filter((d) => corpusDocumentSchema.safeParse(d).success);
    await source.addFactKeysAndFacts(keys, facts);
    await source.putDocuments(docs);
    const snapshot = await source.snapshot();
    const target = await fresh();
    await target.restore(snapshot);
    expect(await (await open()).snapshot()).toEqual(snapshot);
    const { rows } = await onDatabase(db.url, (c) =>
      c.query<{ t: string | null }>(
        "SELECT to_regclass(t) AS t FROM unnest(ARRAY['facts', 'fact_keys', 'documents', 'store_meta']) AS t",
      ),
    );
    expect(rows.map((r) => r.t)).toEqual(["facts", "fact_keys", "documents", "store_meta"]);
  });
});

describe("the PostgreSQL store's SQL interpolates none of the values it is given", () => {
  /** Everything put into SQL text by interpolation: the store's own constants and lock numbers only. */
  const allowed = new Set([
    // and every `…Columns`: a table's column list, a constant
    "writeLock", // a number constant
    'keys.join(",")', // advisory lock numbers: bigints computed from SHA-256 (sorted, digits and a sign)
    "locksSql(locks)", // the statement made of the two above
    "insert", // the INSERT … SELECT of insertFacts, itself with parameters only
    "migrationsTable", // node-pg-migrate's table name, a constant
    "revisionChannel", // the channel name, a constant
    "ctes", // finishWrite's WITH steps: constant statements with parameters only
    "counts", // finishWrite's counts of those steps, by their constant names
    "step.name", // one of those names: "added", "audited", "raised"
    "id", // audit(): the placeholder of the fact id asked for (`$${n}::text`)
  ]);
  const dir = join(repoRoot, "src", "store", "postgres");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    it(file, () => {
      const text = readFileSync(join(dir, file), "utf8");
      const sql = [...text.matchAll(/`([^`]*)`/g)]
        .map((m) => m[1]!)
        .filter((t) => /\b(SELECT|INSERT|UPDATE|DELETE|LISTEN|BEGIN|WITH|FROM)\b/.test(t));
      // `$${n}` is a parameter's placeholder ($1, $2 …) numbered by the code, not a value.
      const interpolated = sql.flatMap((t) => [...t.matchAll(/(?<!\$)\$\{([^}]*)\}/g)].map((m) => m[1]!));
      expect(interpolated.filter((e) => !allowed.has(e) && !/^[a-z]+Columns$/.test(e))).toEqual([]);
    });
  }
});
