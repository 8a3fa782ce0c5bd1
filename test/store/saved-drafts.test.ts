/**
 * Saved drafts in the store, on each engine (the embedded file and PostgreSQL): a new draft's unguessable id,
 * versions kept with who and when, listings by actor, the audit log, refusals that write nothing, and a copy
 * between engines (snapshot, restore) that keeps them exactly. Also the embedded file's migration to version 7.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMotioneraError } from "../../src/domain/errors.js";
import type { SavedDraftState } from "../../src/domain/saved-draft.js";
import { actingAs } from "../../src/store/actor-context.js";
import { LowdbStore } from "../../src/store/lowdb-store.js";
import { migrateDatabase } from "../../src/store/postgres/database-admin.js";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { schemaVersion } from "../../src/store/schema.js";
import { summarise } from "../../src/store/snapshot.js";
import type { Store } from "../../src/store/store.js";
import { hostileStrings } from "../security/hostile-strings.js";
import { freshDatabase, notePostgresSkipped, postgresAvailable, type TestDatabase } from "../helpers/postgres.js";

notePostgresSkipped("test/store/saved-drafts.test.ts");

const state = (over: Partial<SavedDraftState> = {}): SavedDraftState => ({
  template: "motion-skolmat",
  kommun: "Lidingö",
  signers: [{ name: "Anna Andersson", party: "L", partyOther: "", role: "ledamot" }],
  date: "2026-12-03",
  inputs: { forslag: "Mer ekologisk mat" },
  arguments: [],
  ...over,
});

const anna = { kind: "token", name: "anna" } as const;
const bo = { kind: "token", name: "bo" } as const;

const lowdbFile = () => join(mkdtempSync(join(tmpdir(), "motionera-saved-")), "db.json");

interface Engine {
  name: string;
  skip: boolean;
  open(): Promise<Store>;
}

let pgDb: TestDatabase | undefined;
const opened: Store[] = [];
const engines: Engine[] = [
  {
    name: "lowdb",
    skip: false,
    open: async () => {
      const s = await LowdbStore.open(lowdbFile());
      opened.push(s);
      return s;
    },
  },
  {
    name: "postgres",
    skip: !postgresAvailable(),
    open: async () => {
      pgDb = await freshDatabase("saved_drafts");
      await migrateDatabase(pgDb.url);
      const s = await PostgresStore.open(pgDb.url);
      opened.push(s);
      return s;
    },
  },
];

afterAll(async () => {
  for (const s of opened) await s.close();
  await pgDb?.drop();
});

for (const engine of engines) {
  describe.skipIf(engine.skip)(`saved drafts (${engine.name})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await engine.open();
    });

    it("saves a draft under an unguessable id, keeps every version with who and when, and lists by actor", async () => {
      const first = await actingAs(anna, () => store.createSavedDraft(state({ editedMarkdown: "# Rubrik\n\nText." })));
      expect(first.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(first.createdBy).toEqual(anna);
      expect(first.versions).toHaveLength(1);
      expect(first.versions[0]).toMatchObject({ number: 1, savedBy: anna, factsAt: first.createdAt });
      expect(first.versions[0]!.state.editedMarkdown).toBe("# Rubrik\n\nText.");
      const other = await actingAs(bo, () => store.createSavedDraft(state({ kommun: "Solna" })));
      expect(other.id).not.toBe(first.id);

      const second = await actingAs(bo, () => store.addSavedDraftVersion(first.id, state({ kommun: "Nacka" })));
      expect(second?.versions.map((v) => [v.number, v.savedBy, v.state.kommun])).toEqual([
        [1, anna, "Lidingö"],
        [2, bo, "Nacka"],
      ]);
      expect(second!.versions[1]!.savedAt >= second!.versions[0]!.savedAt).toBe(true);
      expect(second!.versions[1]!.factsAt).toBe(second!.versions[1]!.savedAt);

      expect(await store.savedDraft(first.id)).toEqual(second);
      expect(await store.savedDraft("AAAAAAAAAAAAAAAAAAAAAA")).toBeUndefined();
      expect(await store.savedDraft("'; DROP TABLE saved_drafts; --")).toBeUndefined();
      expect(await store.addSavedDraftVersion("AAAAAAAAAAAAAAAAAAAAAA", state())).toBeUndefined();

      expect((await store.savedDrafts({ by: anna })).map((d) => d.id)).toEqual([first.id]);
      expect((await store.savedDrafts({ by: bo })).map((d) => d.id)).toEqual([first.id, other.id]);
      expect((await store.savedDrafts()).map((d) => d.id).sort()).toEqual([first.id, other.id].sort());

      const dup = await actingAs(bo, () =>
        store.createSavedDraft(second!.versions[1]!.state, { duplicatedFrom: first.id }),
      );
      expect(dup).toMatchObject({ duplicatedFrom: first.id, createdBy: bo });
      expect(dup.versions).toHaveLength(1);

      const log = await store.audit({ limit: 10 });
      expect(log.map((e) => [e.action, e.actor, e.ids])).toEqual([
        ["draft.save", bo, [dup.id]],
        ["draft.version", bo, [first.id]],
        ["draft.save", bo, [other.id]],
        ["draft.save", anna, [first.id]],
      ]);
    });

    it("refuses a state the schema does not take, writing nothing", async () => {
      const before = await store.revision();
      const bad = state({ signers: Array.from({ length: 51 }, () => state().signers[0]!) });
      let code = "";
      try {
        await store.createSavedDraft(bad);
      } catch (e) {
        if (isMotioneraError(e)) code = e.details.code;
      }
      expect(code).toBe("input_invalid");
      expect(await store.revision()).toBe(before);
    });

    it("keeps the security suite's known-bad strings exactly", async () => {
      const values = Object.values(hostileStrings).filter((v) => v.length > 0 && v.length <= 200);
      const inputs = Object.fromEntries(values.map((v, i) => [`f${i}`, v]));
      const who = { kind: "cli", user: values[0]! } as const;
      const d = await actingAs(who, () => store.createSavedDraft(state({ inputs, editedMarkdown: values.join("\n") })));
      const read = await store.savedDraft(d.id);
      expect(read?.versions[0]?.state.inputs).toEqual(inputs);
      expect(read?.versions[0]?.state.editedMarkdown).toBe(values.join("\n"));
      expect((await store.savedDrafts({ by: who })).map((x) => x.id)).toEqual([d.id]);
    });

    it("is copied whole to the other engine and back (snapshot, restore)", async () => {
      const snap = await store.snapshot();
      expect(snap.savedDrafts?.length).toBe(4);
      const into = await LowdbStore.open(lowdbFile());
      opened.push(into);
      await into.restore(snap);
      expect(summarise(await into.snapshot())).toEqual(summarise(snap));
      expect(summarise(snap).savedDrafts).toBe(4);
      if (!postgresAvailable()) return;
      const target = await freshDatabase("saved_drafts_copy");
      try {
        await migrateDatabase(target.url);
        const pg = await PostgresStore.open(target.url);
        try {
          await pg.restore(await into.snapshot());
          expect(summarise(await pg.snapshot())).toEqual(summarise(snap));
          const one = snap.savedDrafts![0]!;
          expect(await pg.savedDraft(one.id)).toEqual(one);
        } finally {
          await pg.close();
        }
      } finally {
        await target.drop();
      }
    });
  });
}

describe("the embedded file's version 7", () => {
  it("migrates a version-5 file (no saved drafts) and a version-6 file (segments, version-5 data)", async () => {
    const file = lowdbFile();
    const store = await LowdbStore.open(file);
    await store.addFact({
      subject: "0186",
      key: "population",
      value: { type: "number", value: 1 },
      asOf: "2024",
      source: { title: "T", publisher: "SCB", date: "2025-02" },
    });
    await store.close();
    const v7 = JSON.parse(readFileSync(file, "utf8"));
    expect(v7.schemaVersion).toBe(schemaVersion);
    expect(v7.savedDrafts).toEqual([]);
    const { savedDrafts: _gone, ...v5 } = { ...v7, schemaVersion: 5 };
    writeFileSync(file, JSON.stringify(v5));
    const again = await LowdbStore.open(file);
    expect(await again.savedDrafts()).toEqual([]);
    const saved = await again.createSavedDraft(state());
    expect(JSON.parse(readFileSync(`${file}.v5.bak`, "utf8")).schemaVersion).toBe(5);
    expect(JSON.parse(readFileSync(file, "utf8")).schemaVersion).toBe(7);
    await again.close();

    // A version-6 file: version-5 data whose documents lie in segments (here none yet listed).
    writeFileSync(file, JSON.stringify({ ...v5, schemaVersion: 6, documentSegments: [] }));
    const six = await LowdbStore.open(file);
    expect((await six.facts()).length).toBe(1);
    expect(await six.savedDraft(saved.id)).toBeUndefined();
    await six.close();

    // A file of a shape this program does not know is refused, never overwritten.
    writeFileSync(file, JSON.stringify({ ...v7, schemaVersion: 9 }));
    await expect(LowdbStore.open(file)).rejects.toThrow();
  });
});
