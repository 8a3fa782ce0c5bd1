/**
 * Filed documents in the Store, on each engine (the embedded file and a real PostgreSQL server):
 * a motion's life with corrections, its history with who and when, every write audited, the
 * refusals naming their field, council meetings added once, and all of it through a snapshot
 * and restore (db copy) unchanged.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewFiling } from "../../src/domain/filing.js";
import { currentSteps, filingStatus } from "../../src/filings/steps.js";
import { decidedMotionRecord } from "../../src/filings/corpus-record.js";
import type { CorpusDocument } from "../../src/domain/corpus-document.js";
import { actingAs } from "../../src/store/actor-context.js";
import { LowdbStore } from "../../src/store/lowdb-store.js";
import { migrateDatabase } from "../../src/store/postgres/database-admin.js";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { summarise } from "../../src/store/snapshot.js";
import type { Store } from "../../src/store/store.js";
import { freshDatabase, notePostgresSkipped, postgresAvailable, type TestDatabase } from "../helpers/postgres.js";
import { refusalOf } from "../helpers/refusal.js";

notePostgresSkipped("test/filings/filings-store.test.ts");

const lidingo = { code: "0186", name: "Lidingö" };
const motion: NewFiling = {
  kind: "motion",
  title: "Fler elever ska klara grundskolan",
  municipality: lidingo,
  signers: [{ name: "Eva Ek", party: "V" }],
  filed: { kind: "filed", date: "2025-11-24", dnr: "KS 2025/0412", body: "kommunfullmäktige" },
};
const protocol = { title: "Protokoll kommunfullmäktige 2026-10-19", publisher: "Lidingö stad", date: "2026-10-21" };

interface Engine {
  name: string;
  skip: boolean;
  open(): Promise<Store>;
  /** A second, empty store of the same engine (the target of a copy). */
  empty(): Promise<Store>;
  drop(): Promise<void>;
}

const dbs: TestDatabase[] = [];
const engines: Engine[] = [
  {
    name: "lowdb",
    skip: false,
    open: () => LowdbStore.open(join(mkdtempSync(join(tmpdir(), "motionera-filings-")), "db.json")),
    empty: () => LowdbStore.open(join(mkdtempSync(join(tmpdir(), "motionera-filings-")), "db.json")),
    drop: async () => undefined,
  },
  {
    name: "postgres",
    skip: !postgresAvailable(),
    open: async () => {
      const db = await freshDatabase("filings");
      dbs.push(db);
      await migrateDatabase(db.url);
      return PostgresStore.open(db.url);
    },
    empty: async () => {
      const db = await freshDatabase("filings_copy");
      dbs.push(db);
      await migrateDatabase(db.url);
      return PostgresStore.open(db.url);
    },
    drop: async () => {
      await Promise.all(dbs.splice(0).map((d) => d.drop()));
    },
  },
];

for (const engine of engines) {
  describe.skipIf(engine.skip)(`filed documents: ${engine.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await engine.open();
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await engine.drop();
    }, 60_000);

    it("a motion's life: filed, referred, decided, a correction, history with who and when, audited", async () => {
      const filed = await actingAs({ kind: "token", name: "kansliet" }, () => store.addFiling(motion));
      expect(filed.id).toBe("2025-11-24-fler-elever-ska-klara-grundskolan");
      const again = await store.addFiling(motion);
      expect(again.id).toBe("2025-11-24-fler-elever-ska-klara-grundskolan-2");

      await store.addFilingEvent(filed.id, {
        step: { kind: "referred", date: "2025-12-01", committee: "barn- och ungdomsnämnden" },
      });
      // The committee was wrong: corrected, with a reason; the history keeps both.
      await actingAs({ kind: "cli", user: "eva" }, () =>
        store.addFilingEvent(filed.id, {
          step: { kind: "referred", date: "2025-12-01", committee: "utbildningsnämnden" },
          corrects: 2,
          reason: "fel nämnd angiven",
        }),
      );
      // The same correction again changes nothing and records nothing.
      const auditBefore = (await store.audit({ limit: 1000 })).length;
      await store.addFilingEvent(filed.id, {
        step: { kind: "referred", date: "2025-12-01", committee: "utbildningsnämnden" },
        corrects: 2,
      });
      expect((await store.audit({ limit: 1000 })).length).toBe(auditBefore);

      const decided = await store.addFilingEvent(filed.id, {
        step: { kind: "decided", date: "2026-10-19", decision: "bifall", protocol },
      });
      expect(filingStatus(decided)).toBe("beslutad");
      const steps = currentSteps(decided);
      expect(steps.map((s) => s.step.kind)).toEqual(["filed", "referred", "decided"]);
      expect(steps[1]!.step).toMatchObject({ committee: "utbildningsnämnden" });
      expect(steps[1]!.corrections.map((c) => [c.seq, c.by, c.reason])).toEqual([
        [3, { kind: "cli", user: "eva" }, "fel nämnd angiven"],
      ]);
      expect(decided.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(decided.events[0]!.by).toEqual({ kind: "token", name: "kansliet" });
      for (const e of decided.events) expect(Date.parse(e.at)).not.toBeNaN();

      const log = await store.audit({ subject: "0186" });
      expect(log.map((e) => [e.action, e.ids])).toEqual([
        ["filing.step", [filed.id]],
        ["filing.step", [filed.id]],
        ["filing.step", [filed.id]],
        ["filing.add", [again.id]],
        ["filing.add", [filed.id]],
      ]);
      expect(log.at(-1)!.actor).toEqual({ kind: "token", name: "kansliet" });
      expect((await store.filings()).find((f) => f.id === filed.id)).toEqual(decided);
    });

    it("refuses what does not fit, naming the field, and writes nothing", async () => {
      const [filed] = await store.filings();
      const id = filed!.id;
      const before = await store.snapshot();
      const cases: [() => Promise<unknown>, string, RegExp][] = [
        [() => store.addFilingEvent(id, { step: motion.filed }), "step.kind", /redan inlämnat/],
        [
          () =>
            store.addFilingEvent(id, { step: { kind: "decided", date: "2026-11-01", decision: "avslag", protocol } }),
          "step.kind",
          /rätta beslutet i stället \(--corrects 4\)/,
        ],
        [
          () => store.addFilingEvent(id, { step: { kind: "answered", date: "2026-01-01", by: "Ordföranden" } }),
          "step.kind",
          /motion besvaras genom ett beslut/,
        ],
        [
          () => store.addFilingEvent(id, { step: { kind: "referred", date: "2025-11-01", committee: "x" } }),
          "step.date",
          /före inlämningen \(2025-11-24\)/,
        ],
        [
          () =>
            store.addFilingEvent(id, { step: { kind: "referred", date: "2025-12-02", committee: "x" }, corrects: 9 }),
          "corrects",
          /inget steg 9/,
        ],
        [
          () =>
            store.addFilingEvent(id, { step: { kind: "referred", date: "2025-12-02", committee: "x" }, corrects: 1 }),
          "corrects",
          /annat slag/,
        ],
        [
          () => store.addFilingEvent(id, { step: { ...motion.filed, date: "2026-12-01" }, corrects: 1 }),
          "step.date",
          /efter ett senare steg/,
        ],
        [
          () => store.addFilingEvent(id, { step: { kind: "referred", date: "2025-13-01", committee: "x" } }),
          "step.date",
          /.+/,
        ],
      ];
      for (const [p, field, problem] of cases) {
        const r = await refusalOf(p());
        expect([r.code, r.field]).toEqual(["input_invalid", field]);
        expect(r.problem).toMatch(problem);
      }
      expect(await refusalOf(store.addFilingEvent("2025-11-24-fler-elever", { step: motion.filed }))).toMatchObject({
        code: "filing_unknown",
        suggestions: expect.arrayContaining([id]),
      });
      expect(await refusalOf(store.addFiling({ ...motion, filed: { ...motion.filed, dnr: "" } }))).toMatchObject({
        code: "input_invalid",
        field: "filed.dnr",
      });
      expect(summarise(await store.snapshot())).toEqual(summarise(before));
    });

    it("adds council meetings once (same municipality, date, body), and copies everything exactly", async () => {
      const m = (date: string, body = "kommunfullmäktige") => ({ municipality: lidingo, date, body });
      expect(await store.addMeetings([m("2026-01-26"), m("2026-02-23"), m("2026-01-26")])).toHaveLength(2);
      expect(await store.addMeetings([m("2026-01-26", "Kommunfullmäktige"), m("2026-03-30")])).toEqual([
        m("2026-03-30"),
      ]);
      expect(await store.addMeetings([m("2026-01-26")])).toEqual([]);
      expect((await store.meetings()).map((x) => x.date)).toEqual(["2026-01-26", "2026-02-23", "2026-03-30"]);
      expect(await refusalOf(store.addMeetings([m("2026-02-30")]))).toMatchObject({ field: "0.date" });

      const snapshot = await store.snapshot();
      const copy = await engine.empty();
      try {
        await copy.restore(snapshot);
        const after = await copy.snapshot();
        expect(after.filings).toEqual(snapshot.filings);
        expect(after.meetings).toEqual(snapshot.meetings);
        expect(summarise(after)).toEqual(summarise(snapshot));
        expect(summarise(after)).toMatchObject({ filings: 2, meetings: 3 });
      } finally {
        await copy.close();
      }
    });

    it("records a decision with its fact and its corpus record in one write, or none of it", async () => {
      const filed = await store.addFiling({ ...motion, title: "Ett beslut med följder" });
      const decided = {
        step: { kind: "decided" as const, date: "2026-10-19", decision: "bifall" as const, protocol },
      };
      const fact = {
        subject: "0186",
        key: "action_plan_sells_sex",
        value: { type: "boolean" as const, value: true },
        asOf: "2026-10-19",
        source: { title: protocol.title, publisher: protocol.publisher, date: protocol.date },
      };
      const record = decidedMotionRecord({
        ...filed,
        events: [...filed.events, { ...filed.events[0]!, seq: 2, ...decided }],
      })!;
      // A broken record (no text): refused, and neither the step nor the fact is written.
      const before = await store.snapshot();
      const broken = { ...record, title: "" } as CorpusDocument;
      await expect(store.recordDecision(filed.id, decided, { facts: [fact], documents: [broken] })).rejects.toThrow();
      expect(summarise(await store.snapshot())).toEqual(summarise(before));
      // A decision dated before the filing: the same.
      const early = { step: { ...decided.step, date: "2025-01-01" } };
      await expect(store.recordDecision(filed.id, early, { facts: [fact], documents: [record] })).rejects.toMatchObject(
        {
          details: { code: "input_invalid", field: "step.date" },
        },
      );
      expect(summarise(await store.snapshot())).toEqual(summarise(before));

      const revision = await store.revision();
      const auditBefore = (await store.audit({ limit: 1000 })).length;
      const done = await actingAs({ kind: "cli", user: "eva" }, () =>
        store.recordDecision(filed.id, decided, { facts: [fact], documents: [record] }),
      );
      expect(filingStatus(done.filing)).toBe("beslutad");
      expect(done.facts.map((f) => [f.key, f.value, f.source.title])).toEqual([
        ["action_plan_sells_sex", { type: "boolean", value: true }, protocol.title],
      ]);
      expect(await store.revision()).not.toBe(revision);
      expect(await store.document(record.id)).toMatchObject({ id: record.id });
      const log = (await store.audit({ limit: 1000 })).slice(0, -auditBefore || undefined);
      expect(log.map((e) => [e.action, e.actor])).toEqual([
        ["documents.put", { kind: "cli", user: "eva" }],
        ["fact.add", { kind: "cli", user: "eva" }],
        ["filing.step", { kind: "cli", user: "eva" }],
      ]);
    });
  });
}
