/**
 * The Store contract, run against each engine: the embedded JSON file (a temp file) and
 * PostgreSQL (a database of this file's own on MOTIONERA_TEST_DATABASE_URL, migrated, dropped
 * at the end). Every method's meaning: history kept, the same statement stored once, a batch
 * all-or-nothing, key changes, keys and facts together, documents added and replaced, and a
 * revision that changes with every write and only then.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CorpusDocument } from "../../src/domain/corpus-document.js";
import type { FactDefinition } from "../../src/domain/fact-key.js";
import { shippedFactKeys } from "../../src/facts/fact-catalog.js";
import { LowdbStore } from "../../src/store/lowdb-store.js";
import { migrateDatabase } from "../../src/store/postgres/database-admin.js";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { summarise } from "../../src/store/snapshot.js";
import type { NewFact, Store } from "../../src/store/store.js";
import { hostileStrings } from "../security/hostile-strings.js";
import { actingAs } from "../../src/store/actor-context.js";
import { hashTokenSecret, newTokenSecret } from "../../src/tokens/secret.js";
import { refusalOf } from "../helpers/refusal.js";
import {
  freshDatabase,
  notePostgresSkipped,
  onDatabase,
  postgresAvailable,
  type TestDatabase,
} from "../helpers/postgres.js";

interface Engine {
  name: string;
  skip: boolean;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** An empty store (the shipped keys only), as a new database starts. */
  fresh(): Promise<Store>;
  /** Another store object on the same data, as another process opens it. */
  reopen(): Promise<Store>;
}

const opened: Store[] = [];
const track = <S extends Store>(s: S): S => {
  opened.push(s);
  return s;
};

function lowdbEngine(): Engine {
  let file = "";
  return {
    name: "lowdb",
    skip: false,
    setup: async () => undefined,
    teardown: async () => undefined,
    fresh: async () => {
      file = join(mkdtempSync(join(tmpdir(), "motionera-contract-")), "db.json");
      return track(await LowdbStore.open(file));
    },
    reopen: async () => track(await LowdbStore.open(file)),
  };
}

function postgresEngine(): Engine {
  let db: TestDatabase | undefined;
  return {
    name: "postgres",
    skip: !postgresAvailable(),
    setup: async () => {
      db = await freshDatabase("contract");
      await migrateDatabase(db.url);
    },
    teardown: async () => {
      await db?.drop();
    },
    fresh: async () => {
      await onDatabase(db!.url, (c) =>
        c.query(
          "TRUNCATE facts, fact_keys, shipped_keys_offered, documents, api_tokens, audit_log, filings, saved_drafts, " +
            "council_meetings RESTART IDENTITY",
        ),
      );
      return track(await PostgresStore.open(db!.url));
    },
    reopen: async () => track(await PostgresStore.open(db!.url)),
  };
}

notePostgresSkipped("test/store/store-contract.test.ts");

const source = { title: "Folkmängd efter region", publisher: "SCB", date: "2025-02" };
const fact = (value: number, over: Partial<NewFact> = {}): NewFact => ({
  subject: "0186",
  key: "population",
  value: { type: "number", value },
  asOf: "2024",
  source,
  ...over,
});

const snow: FactDefinition = {
  key: "snow_cost",
  label: "Kostnad för snöröjning",
  description: "Kronor per invånare och år.",
  type: "number",
  scopes: ["kommun"],
};

const doc = (id: string, title = `Titel ${id}`): CorpusDocument => ({
  id,
  kind: "motion",
  level: "kommun",
  municipality: { code: "0186", name: "Lidingö" },
  county: null,
  parties: ["V"],
  authors: [{ name: "Anna Andersson", party: "V" }],
  date: "2024-03",
  title,
  summary: "En sammanfattning.",
  topics: [],
  arguments: [],
  proposals: ["att kommunen utreder frågan"],
  questions: [],
  facts: [],
  source: { title, publisher: "Lidingö stad", date: "2024-03" },
});

for (const engine of [lowdbEngine(), postgresEngine()]) {
  describe.skipIf(engine.skip)(`Store contract: ${engine.name}`, () => {
    beforeAll(() => engine.setup(), 60_000);
    afterAll(() => engine.teardown(), 60_000);
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it("a snapshot restored into an empty store gives the same data, ids, times, order and checksum", async () => {
      const store = await engine.fresh();
      await store.addFactKeysAndFacts([snow], [fact(13_000), fact(13_100), fact(9, { key: "snow_cost", note: "Å" })]);
      await store.putDocuments([doc("a"), doc("b", "Titel med hostila tecken: ' \" ; -- \u00e5")]);
      const before = await store.snapshot();
      // Into the same engine, emptied first (a copy always goes into an empty database), read back by another opener.
      const copy = await engine.fresh();
      expect((await copy.snapshot()).facts).toEqual([]);
      await copy.restore(before);
      const after = await (await engine.reopen()).snapshot();
      expect(after.facts).toEqual(before.facts);
      expect(after.factKeys).toEqual(before.factKeys);
      expect(after.documents).toEqual(before.documents);
      expect(summarise(after)).toEqual(summarise(before));
      expect(summarise(after).facts).toBe(3);
    });

    it("a new store holds the shipped keys in catalog order, no facts, no documents", async () => {
      const store = await engine.fresh();
      expect(await store.factKeys()).toEqual(shippedFactKeys);
      expect(await store.facts()).toEqual([]);
      expect(await store.documents()).toEqual([]);
      expect(typeof store.location).toBe("string");
    });

    it("keeps history: a new value is a new fact with the next id, the old one stays", async () => {
      const store = await engine.fresh();
      const first = await store.addFact(fact(13_000));
      const second = await store.addFact(fact(13_100));
      const undated = await store.addFact(fact(12_000, { asOf: null, note: "ungefär" }));
      expect(first.id).toBe("0186.population.2024");
      expect(second.id).toBe("0186.population.2024.2");
      expect(undated.id).toBe("0186.population.odaterad");
      expect(undated.note).toBe("ungefär");
      expect(Date.parse(first.recordedAt)).not.toBeNaN();
      expect(await store.facts()).toEqual([first, second, undated]);
      expect(await (await engine.reopen()).facts()).toEqual([first, second, undated]);
    });

    it("stores the same statement once, whatever the key order, in the store or within one batch", async () => {
      const store = await engine.fresh();
      const stored = await store.addFact(fact(13_000, { since: "2020" }));
      const revision = await store.revision();
      const reordered: NewFact = {
        source: { date: "2025-02", publisher: "SCB", title: "Folkmängd efter region" },
        asOf: "2024",
        value: { value: 13_000, type: "number" },
        key: "population",
        subject: "0186",
        note: "a note is no part of the statement",
      };
      expect(await store.addFact(reordered)).toEqual(stored);
      const batch = await store.addFacts([fact(14_000), fact(14_000), reordered]);
      expect(batch[0]).toEqual(batch[1]);
      expect(batch[2]).toEqual(stored);
      expect(batch[0]!.id).toBe("0186.population.2024.2");
      expect(await store.facts()).toEqual([stored, batch[0]]);
      expect(await store.revision()).not.toBe(revision);
      const after = await store.revision();
      await store.addFacts([fact(14_000), reordered]);
      expect(await store.revision()).toBe(after);
    });

    it("a batch with one invalid fact stores none of it, naming the field", async () => {
      const store = await engine.fresh();
      await store.addFact(fact(1));
      const before = await store.facts();
      const revision = await store.revision();
      const problem = await refusalOf(
        store.addFacts([fact(2), fact(3, { subject: "Lidingö" }), fact(4, { key: "other_key" })]),
      );
      expect(problem).toMatchObject({ code: "fact_invalid", field: "subject" });
      expect(await store.facts()).toEqual(before);
      expect(await store.revision()).toBe(revision);
      expect(await (await engine.reopen()).facts()).toEqual(before);
    });

    it("changes the keys in one write on the data as stored; a refusal or no change writes nothing", async () => {
      const store = await engine.fresh();
      await store.addFact(fact(1));
      const seen: number[] = [];
      const result = await store.changeFactKeys((keys, facts) => {
        seen.push(facts.length);
        return { keys: [...keys, snow], result: "added" };
      });
      expect(result).toBe("added");
      expect(seen).toEqual([1]);
      expect((await store.factKeys()).at(-1)).toEqual(snow);
      expect((await (await engine.reopen()).factKeys()).at(-1)).toEqual(snow);

      const revision = await store.revision();
      expect(await store.changeFactKeys((keys) => ({ keys, result: 1 }))).toBe(1);
      expect(await store.revision()).toBe(revision);
      await expect(
        store.changeFactKeys(() => {
          throw new Error("refused");
        }),
      ).rejects.toThrow("refused");
      const twice = await refusalOf(store.changeFactKeys((keys) => ({ keys: [...keys, snow], result: 0 })));
      expect(twice.code).toBe("fact_key_invalid");
      expect(await store.revision()).toBe(revision);

      const moved = await store.changeFactKeys((keys) => ({
        keys: [snow, ...keys.filter((k) => k.key !== snow.key && k.key !== "population")],
        result: undefined,
      }));
      expect(moved).toBeUndefined();
      const keys = await store.factKeys();
      expect(keys[0]).toEqual(snow);
      expect(keys.some((k) => k.key === "population")).toBe(false);
      expect(await store.revision()).not.toBe(revision);
    });

    it("adds keys and facts together: known keys left as they are, all or nothing", async () => {
      const store = await engine.fresh();
      const population = (await store.factKeys()).find((k) => k.key === "population")!;
      const edited = { ...population, label: "Ändrad" };
      const { keys, facts } = await store.addFactKeysAndFacts(
        [snow, edited, snow],
        [fact(5, { key: "snow_cost" }), fact(6), fact(6)],
      );
      expect(keys).toEqual([snow]);
      expect(facts.map((f) => f.id)).toEqual(["0186.snow_cost.2024", "0186.population.2024", "0186.population.2024"]);
      const stored = await store.factKeys();
      expect(stored.find((k) => k.key === "population")).toEqual(population);
      expect(stored.at(-1)).toEqual(snow);

      const before = { keys: await store.factKeys(), facts: await store.facts(), revision: await store.revision() };
      const other = { ...snow, key: "rain_cost" };
      const problem = await refusalOf(store.addFactKeysAndFacts([other], [fact(7, { key: "rain_cost", asOf: "24" })]));
      expect(problem).toMatchObject({ code: "fact_invalid", field: "asOf" });
      const badKey = await refusalOf(store.addFactKeysAndFacts([{ ...other, scopes: [] }], [fact(8)]));
      expect(badKey.code).toBe("fact_key_invalid");
      expect(await store.factKeys()).toEqual(before.keys);
      expect(await store.facts()).toEqual(before.facts);
      expect(await store.revision()).toBe(before.revision);
    });

    it("puts documents: added in order, replaced in place, one by id", async () => {
      const store = await engine.fresh();
      expect(await store.putDocuments([doc("a"), doc("b")])).toEqual({ added: ["a", "b"], updated: [] });
      expect(await store.putDocuments([doc("c"), doc("a", "Ny titel")])).toEqual({ added: ["c"], updated: ["a"] });
      expect((await store.documents()).map((d) => [d.id, d.title])).toEqual([
        ["a", "Ny titel"],
        ["b", "Titel b"],
        ["c", "Titel c"],
      ]);
      expect(await store.document("b")).toEqual(doc("b"));
      expect(await store.document("saknas")).toBeUndefined();
      expect(await store.document("'; DROP TABLE documents; --")).toBeUndefined();
      expect(await store.putDocuments([doc("d", "Först"), doc("d", "Sist")])).toEqual({ added: ["d"], updated: ["d"] });
      expect((await store.document("d"))?.title).toBe("Sist");
      expect(await (await engine.reopen()).documents()).toEqual(await store.documents());
      await store.putDocuments([{ ...doc("e"), contentHash: "e".repeat(64) }]);
      expect(await (await engine.reopen()).documentHashes()).toEqual([
        { id: "a", contentHash: undefined },
        { id: "b", contentHash: undefined },
        { id: "c", contentHash: undefined },
        { id: "d", contentHash: undefined },
        { id: "e", contentHash: "e".repeat(64) },
      ]);
    });

    it("changes the revision with every write, seen by another store object on the same data", async () => {
      const store = await engine.fresh();
      const other = await engine.reopen();
      const revisions = [await store.revision()];
      await store.addFact(fact(1));
      revisions.push(await store.revision());
      await store.putDocuments([doc("a")]);
      revisions.push(await store.revision());
      await store.changeFactKeys((keys) => ({ keys: [...keys, snow], result: undefined }));
      revisions.push(await store.revision());
      await store.addFactKeysAndFacts([{ ...snow, key: "rain_cost" }], []);
      revisions.push(await store.revision());
      expect(new Set(revisions).size).toBe(revisions.length);
      expect(await other.revision()).toBe(revisions.at(-1));
      expect((await other.facts()).length).toBe(1);
      expect((await other.factKeys()).at(-1)?.key).toBe("rain_cost");
    });

    it("two store objects writing at once never store a statement twice nor lose a write", async () => {
      const a = await engine.fresh();
      const b = await engine.reopen();
      const batch = (n: number) => Array.from({ length: 20 }, (_, i) => fact(i + n));
      await Promise.all([a.addFacts(batch(0)), b.addFacts(batch(10)), a.addFacts(batch(5)), b.addFacts(batch(0))]);
      const facts = await (await engine.reopen()).facts();
      expect(facts.map((f) => f.value.value).sort((x, y) => Number(x) - Number(y))).toEqual(
        Array.from({ length: 30 }, (_, i) => i),
      );
      expect(new Set(facts.map((f) => f.id)).size).toBe(30);
    });

    it("a shipped key removed by the user stays removed when the store is opened again", async () => {
      const store = await engine.fresh();
      const removed = shippedFactKeys.find(
        (k) => !k.derived && !shippedFactKeys.some((d) => d.derived?.from === k.key),
      )!;
      await store.changeFactKeys((keys) => ({ keys: keys.filter((k) => k.key !== removed.key), result: undefined }));
      const again = await engine.reopen();
      expect((await again.factKeys()).map((k) => k.key)).not.toContain(removed.key);
      expect(await again.factKeys()).toHaveLength(shippedFactKeys.length - 1);
    });

    it("the same statement in another spelling the schema normalises (a URL with a tab) is stored once", async () => {
      const store = await engine.fresh();
      const url = "https://www.scb.se/folkmangd";
      const first = await store.addFact(fact(47_000, { source: { ...source, url } }));
      for (const spelled of [`https://www.scb.se/folk\tmangd`, `https://www.scb.se/folk\nmangd`, ` ${url} `]) {
        expect(await store.addFact(fact(47_000, { source: { ...source, url: spelled } }))).toEqual(first);
      }
      // Within one batch too, and a field the schema drops makes no new statement either.
      const extra = { ...source, url: `${url}\t`, unknown: "dropped" } as NewFact["source"];
      const [plain, spelled] = await store.addFacts([
        fact(47_100, { source: { ...source, url } }),
        fact(47_100, { source: extra }),
      ]);
      expect(spelled).toEqual(plain);
      const again = await engine.reopen();
      expect((await again.facts()).map((f) => f.id)).toEqual([first.id, `${first.id}.2`]);
      expect((await again.facts())[0]!.source.url).toBe(url);
    });

    it("stores the security suite's known-bad strings and gives them back exactly", async () => {
      const store = await engine.fresh();
      const entries = Object.entries(hostileStrings).filter(([, v]) => v.length > 0 && v.length <= 200);
      const inputs = entries.map(([, v], i) => fact(i, { source: { ...source, title: v }, note: v }));
      const stored = await store.addFacts(inputs);
      expect(stored.map((f) => f.source.title)).toEqual(entries.map(([, v]) => v));
      const docs = entries.map(([, v], i) => ({ ...doc(`d${i}`), summary: v, proposals: [v] }));
      await store.putDocuments(docs);
      const again = await engine.reopen();
      expect((await again.facts()).map((f) => [f.source.title, f.note])).toEqual(entries.map(([, v]) => [v, v]));
      expect(await again.documents()).toEqual(docs);
      expect(await store.addFacts(inputs)).toEqual(stored);
    });

    it("makes, lists, finds by hash and revokes named tokens; names are never reused", async () => {
      const store = await engine.fresh();
      const secret = newTokenSecret();
      const made = await actingAs({ kind: "cli", user: "anna" }, () =>
        store.createToken({ name: "redaktion", role: "write", hash: hashTokenSecret(secret) }),
      );
      expect(made).toMatchObject({ name: "redaktion", role: "write", createdBy: { kind: "cli", user: "anna" } });
      expect(made.revokedAt).toBeUndefined();
      expect(JSON.stringify(await store.snapshot())).not.toContain(secret);
      expect(await store.tokenByHash(hashTokenSecret(secret))).toEqual(made);
      expect(await store.tokenByHash(hashTokenSecret("fel"))).toBeUndefined();
      expect(await store.tokenByHash("'; DROP TABLE api_tokens; --")).toBeUndefined();

      const taken = await refusalOf(store.createToken({ name: "redaktion", role: "read", hash: hashTokenSecret("x") }));
      expect(taken).toMatchObject({ code: "token_exists", name: "redaktion", revoked: false });
      const badName = await refusalOf(store.createToken({ name: "två ord", role: "read", hash: hashTokenSecret("y") }));
      expect(badName).toMatchObject({ code: "input_invalid", field: "name" });

      const revoked = await store.revokeToken("redaktion");
      expect(Date.parse(revoked.revokedAt ?? "")).not.toBeNaN();
      const revision = await store.revision();
      expect(await store.revokeToken("redaktion")).toEqual(revoked);
      expect(await store.revision()).toBe(revision);
      const again = await engine.reopen();
      expect(await again.tokenByHash(hashTokenSecret(secret))).toEqual(revoked);
      expect(await again.tokens()).toEqual([revoked]);
      const unknown = await refusalOf(store.revokeToken("redaktio"));
      expect(unknown).toMatchObject({ code: "token_unknown", name: "redaktio", suggestions: ["redaktion"] });
      const reused = await refusalOf(
        store.createToken({ name: "redaktion", role: "read", hash: hashTokenSecret("z") }),
      );
      expect(reused).toMatchObject({ code: "token_exists", revoked: true });
    });

    it("records every write in the audit log, with its actor, in the same write; newest first, filtered", async () => {
      const store = await engine.fresh();
      const one = await actingAs({ kind: "token", name: "webb" }, () => store.addFact(fact(1)));
      await store.addFact(fact(1)); // the same statement: nothing written, nothing recorded
      const many = await store.addFacts([fact(2), fact(3, { subject: "0180" }), fact(4, { key: "unemployment" })]);
      await actingAs({ kind: "env-token" }, () => store.putDocuments([doc("a")]));
      await store.changeFactKeys((keys) => ({ keys: [...keys, snow], result: undefined }));
      await store.addFactKeysAndFacts([{ ...snow, key: "rain_cost" }], [fact(5, { key: "rain_cost" })]);
      await store.createToken({ name: "t1", role: "read", hash: hashTokenSecret("s") });
      await store.revokeToken("t1");
      await refusalOf(store.revokeToken("t2"));
      await refusalOf(store.addFacts([fact(6, { subject: "x" })]));

      const all = await (await engine.reopen()).audit();
      expect(all.map((e) => e.action)).toEqual([
        "token.revoke",
        "token.create",
        "facts.fetch",
        "factKeys.change",
        "documents.put",
        "facts.import",
        "fact.add",
      ]);
      expect(all.map((e) => e.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);
      const [first] = all.slice(-1);
      expect(first).toMatchObject({
        actor: { kind: "token", name: "webb" },
        count: 1,
        ids: [one.id],
        subjects: ["0186"],
        at: one.recordedAt,
      });
      expect(all[5]).toMatchObject({ count: 3, ids: many.map((f) => f.id), subjects: ["0180", "0186"] });
      expect(all[5]!.actor.kind).toBe("cli");
      expect(all[4]).toMatchObject({ actor: { kind: "env-token" }, ids: ["a"], subjects: ["0186"] });
      expect(all[3]).toMatchObject({ ids: ["snow_cost"], count: 1 });
      expect(all[2]).toMatchObject({ ids: ["rain_cost", "0186.rain_cost.2024"], count: 2 });
      expect(all[0]).toMatchObject({ ids: ["t1"] });

      expect((await store.audit({ fact: one.id })).map((e) => e.seq)).toEqual([1]);
      expect((await store.audit({ subject: "0180" })).map((e) => e.seq)).toEqual([2]);
      expect((await store.audit({ subject: "0186", limit: 2 })).map((e) => e.seq)).toEqual([5, 3]);
      expect(await store.audit({ subject: "'; DROP TABLE audit_log; --" })).toEqual([]);
      expect(summarise(await store.snapshot())).toMatchObject({ tokens: 1, audit: 7 });
    });

    it("takes the security suite's known-bad strings as actors, token names and filters, exactly", async () => {
      const store = await engine.fresh();
      const entries = Object.values(hostileStrings).filter((v) => v.length > 0 && v.length <= 200);
      for (const [i, v] of entries.entries())
        await actingAs({ kind: "cli", user: v }, () => store.addFact(fact(i, { source: { ...source, title: v } })));
      const log = await (await engine.reopen()).audit({ limit: entries.length });
      expect(log.map((e) => (e.actor.kind === "cli" ? e.actor.user : "")).reverse()).toEqual(entries);
      for (const v of entries) {
        expect((await refusalOf(store.revokeToken(v))).code).toBe("token_unknown");
        expect((await refusalOf(store.createToken({ name: v, role: "read", hash: hashTokenSecret(v) }))).code).toBe(
          "input_invalid",
        );
        expect(await store.audit({ fact: v, subject: v })).toEqual([]);
        expect(await store.tokenByHash(v)).toBeUndefined();
      }
    });

    it("an import of more facts than an entry lists is still found for each of its facts", async () => {
      const store = await engine.fresh();
      const inputs = Array.from({ length: 1005 }, (_, i) => fact(i, { asOf: `${1000 + i}` }));
      const stored = await store.addFacts(inputs);
      const [entry] = await store.audit();
      expect(entry).toMatchObject({ count: 1005, action: "facts.import" });
      expect(entry!.ids).toHaveLength(1000);
      expect((await store.audit({ fact: stored.at(-1)!.id })).map((e) => e.seq)).toEqual([entry!.seq]);
      expect(await store.audit({ fact: "0186.population.1" })).toEqual([]);
    });
  });
}
