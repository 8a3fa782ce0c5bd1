import { Low } from "lowdb";
import type { Fact } from "../domain/fact.js";
import { MotioneraError } from "../domain/errors.js";
import { statSync } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { CorpusDocument } from "../domain/corpus-document.js";
import type { FactDefinition } from "../domain/fact-key.js";
import { emptyDatabase, readDatabase, type Database } from "./schema.js";
import {
  applySegments,
  readSegments,
  segmentedDataVersions,
  segmentedFileVersion,
  segmentListSchema,
  segmentThreshold,
  sweepSegments,
  writeSegment,
} from "./document-segments.js";
import { keysToAdd, planFacts, storedFactsOf, validFactKeys } from "./fact-writes.js";
import type { NewFact, Store } from "./store.js";
import type { StoreSnapshot } from "./snapshot.js";
import { acquireDatabaseLock, holdsDatabaseLock, releaseDatabaseLock } from "./database-lock.js";
import { keepBackup, keepMigrationBackup, lastGoodBackup, latestBackupPath } from "./backups.js";
import { DurableDataFile } from "./durable-data-file.js";
import { sweepStaleTempFiles } from "./stale-temp-files.js";
import type { DurableFs } from "../files/durable-write.js";
import type { Actor } from "../domain/actor.js";
import type { ApiToken, NewApiToken } from "../domain/api-token.js";
import type { AuditEntry, AuditFilter } from "../domain/audit.js";
import { currentActor } from "./actor-context.js";
import {
  auditEntry,
  auditLimit,
  auditMatches,
  documentsAudit,
  factKeysAudit,
  factsAudit,
  planToken,
  tokenToRevoke,
  type AuditDraft,
} from "./audit-writes.js";
import { problems } from "../messages.sv.js";
import type { CouncilMeeting, Filing, NewFiling, NewFilingEvent } from "../domain/filing.js";
import {
  filingAudit,
  filingToChange,
  meetingsAudit,
  meetingsToAdd,
  planFiling,
  planFilingEvent,
} from "./filing-writes.js";

export interface LowdbStoreOptions {
  /** The file system calls of the durable write (tests inject failures, the bench a write without fsync). */
  fs?: DurableFs;
}

/** Writes to one file, in this process, one after the other (whichever store object asks). */
const writeQueues = new Map<string, Promise<unknown>>();

/**
 * Reads a database text the way the store does: JSON, migrated, validated, offered new shipped
 * keys (readDatabase); throws a message on failure.
 */
function parseDatabase(
  text: string,
  file: string,
): { data: Database; migratedFrom: number | undefined; segments: string[]; inline: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`ogiltig JSON (${(e as Error).message})`);
  }
  const { raw: assembled, segments, inline } = withSegments(raw, file);
  const read = readDatabase(assembled);
  if (!read.success) throw new Error(describeZodError(read.error));
  return { data: read.data, migratedFrom: read.migratedFrom, segments, inline };
}

/**
 * A segmented file (version 6 or 8) as the data it holds (version 5 or 7): its documents with its segments applied
 * (document-segments.ts); how many documents it holds inline, and its segments. Other files as they are.
 */
function withSegments(raw: unknown, file: string): { raw: unknown; segments: string[]; inline: number } {
  if (!raw || typeof raw !== "object") return { raw, segments: [], inline: 0 };
  const r = raw as Record<string, unknown>;
  const inlineDocs = Array.isArray(r.documents) ? (r.documents as unknown[]) : [];
  const dataVersion = typeof r.schemaVersion === "number" ? segmentedDataVersions[r.schemaVersion] : undefined;
  if (dataVersion === undefined) return { raw, segments: [], inline: inlineDocs.length };
  const list = segmentListSchema.safeParse(r.documentSegments);
  if (!list.success) throw new Error(problems.segmentListInvalid);
  const segments = list.data;
  const read: unknown[][] = [];
  for (const name of segments) {
    try {
      read.push(...readSegments(file, [name]));
    } catch (e) {
      throw new Error(problems.segmentUnreadable(name, (e as Error).message.slice(0, 200)));
    }
  }
  const { documentSegments: _segments, ...rest } = r;
  return {
    raw: { ...rest, schemaVersion: dataVersion, documents: applySegments(inlineDocs, read) },
    segments,
    inline: inlineDocs.length,
  };
}

function describeZodError(e: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const first = e.issues[0];
  if (!first) return problems.unknownStoreError;
  const path = first.path.map(String).join(".");
  const more = e.issues.length > 1 ? problems.moreStoreErrors(e.issues.length - 1) : "";
  return `${path ? `${path}: ` : ""}${first.message}${more}`;
}

/**
 * The embedded default store: one JSON file, read whole and validated, written atomically and
 * durably (temp file, fsync, rename, fsync of the folder). The first read of a store object,
 * and a process's first write, sweep away the temp files that dead processes left beside the
 * database (`sweepStaleTempFiles`).
 */
export class LowdbStore implements Store {
  readonly location: string;
  #loading: Promise<Low<Database>> | undefined;

  /** The schema version the file had when read, if it was migrated in memory. */
  #migratedFrom: number | undefined;

  /** The file's revision when it was read or last written by this store. */
  #loadedRevision: string | undefined;

  /** Writes of this store in progress (reads then never swap the data under them). */
  #writing = 0;

  readonly #options: LowdbStoreOptions;

  /** Whether this store object has swept the stale temp files beside its database. */
  #swept = false;

  /** The document segments the file names, in order (document-segments.ts); none for a file of version 5. */
  #segments: string[] = [];

  /** How many of the documents the file holds inline (the first ones); the rest come from its segments. */
  #inline = 0;

  /** How many documents the segments hold in all (replaced ones too): when twice the rest, they are compacted. */
  #segmentDocs = 0;

  private constructor(location: string, options: LowdbStoreOptions) {
    this.location = location;
    this.#options = options;
  }

  /** Opens the database file now; a missing file starts empty, an invalid one is refused (never overwritten). */
  static async open(file: string, options: LowdbStoreOptions = {}): Promise<LowdbStore> {
    const store = new LowdbStore(file, options);
    await store.#load();
    return store;
  }

  /**
   * A store that reads its file on first use: a search whose index is up to date (checked by
   * `revision()`, a stat) never parses the database at all.
   */
  static lazy(file: string, options: LowdbStoreOptions = {}): LowdbStore {
    return new LowdbStore(file, options);
  }

  #load(): Promise<Low<Database>> {
    this.#loading ??= (async () => {
      const file = this.location;
      if (!this.#swept) {
        this.#swept = true;
        await sweepStaleTempFiles(file);
      }
      this.#loadedRevision = await this.revision();
      const adapter = new DurableDataFile<Database>(file, {
        parse: (text) => {
          try {
            const { data, migratedFrom, segments, inline } = parseDatabase(text, file);
            this.#migratedFrom = migratedFrom;
            this.#segments = segments;
            this.#inline = inline;
            this.#segmentDocs = data.documents.length - inline;
            return data;
          } catch (e) {
            throw new MotioneraError({ code: "database_invalid", file, problem: (e as Error).message });
          }
        },
        stringify: (data) =>
          this.#segments.length === 0
            ? `${JSON.stringify(data, null, 2)}\n`
            : `${JSON.stringify(
                {
                  ...data,
                  schemaVersion: segmentedFileVersion,
                  documents: data.documents.slice(0, this.#inline),
                  documentSegments: this.#segments,
                },
                null,
                2,
              )}\n`,
        ...(this.#options.fs ? { fs: this.#options.fs } : {}),
      });
      const db = new Low<Database>(adapter, emptyDatabase());
      try {
        await db.read();
      } catch (e) {
        throw await withBackup(e);
      }
      return db;
    })();
    // A failed read is not remembered: the file may be fixed (or restored) while the service runs.
    this.#loading.catch(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  /** The data as the file holds it now: read again when another process has written since (a stat per call). */
  async #data(): Promise<Database> {
    await this.#reloadIfChanged();
    return (await this.#load()).data;
  }

  async facts(): Promise<readonly Fact[]> {
    return (await this.#data()).facts;
  }

  async snapshot(): Promise<StoreSnapshot> {
    const d = await this.#data();
    return {
      facts: d.facts,
      factKeys: d.factKeys,
      shippedKeysOffered: d.shippedKeysOffered,
      documents: d.documents,
      tokens: d.tokens,
      audit: d.audit,
      filings: d.filings,
      meetings: d.meetings,
    };
  }

  async restore(s: StoreSnapshot): Promise<void> {
    await this.#applyChange((d) => {
      d.facts = [...s.facts];
      d.factKeys = [...s.factKeys];
      d.shippedKeysOffered = [...s.shippedKeysOffered];
      d.documents = [...s.documents];
      d.tokens = [...s.tokens];
      d.audit = [...s.audit];
      d.filings = [...s.filings];
      d.meetings = [...s.meetings];
      return { result: undefined };
    }, currentActor());
  }

  async addFact(input: NewFact): Promise<Fact> {
    const [fact] = await this.#addFacts([input], "fact.add");
    return fact!;
  }

  addFacts(inputs: readonly NewFact[]): Promise<Fact[]> {
    return this.#addFacts(inputs, "facts.import");
  }

  #addFacts(inputs: readonly NewFact[], action: "fact.add" | "facts.import"): Promise<Fact[]> {
    return this.#change((data) => {
      const { out, added } = addFacts(data, inputs);
      return { result: out, audit: factsAudit(action, added) };
    });
  }

  async tokens(): Promise<readonly ApiToken[]> {
    return (await this.#data()).tokens;
  }

  async tokenByHash(hash: string): Promise<ApiToken | undefined> {
    return (await this.#data()).tokens.find((t) => t.hash === hash);
  }

  createToken(input: NewApiToken): Promise<ApiToken> {
    const actor = currentActor();
    return this.#change((data) => {
      const token = planToken(data.tokens, input, actor);
      data.tokens = [...data.tokens, token];
      return { result: token, audit: { action: "token.create", ids: [token.name], at: token.createdAt } };
    }, actor);
  }

  revokeToken(name: string): Promise<ApiToken> {
    return this.#change((data) => {
      const found = tokenToRevoke(data.tokens, name);
      if (found.revokedAt) return { result: found };
      const revoked = { ...found, revokedAt: new Date().toISOString() };
      data.tokens = data.tokens.map((t) => (t === found ? revoked : t));
      return { result: revoked, audit: { action: "token.revoke", ids: [name], at: revoked.revokedAt } };
    });
  }

  async audit(filter: AuditFilter = {}): Promise<readonly AuditEntry[]> {
    const data = await this.#data();
    const recordedAt = filter.fact !== undefined ? data.facts.find((f) => f.id === filter.fact)?.recordedAt : undefined;
    const limit = auditLimit(filter);
    const out: AuditEntry[] = [];
    for (let i = data.audit.length - 1; i >= 0 && out.length < limit; i--) {
      const e = data.audit[i]!;
      if (auditMatches(e, filter, recordedAt)) out.push(e);
    }
    return out;
  }

  async factKeys(): Promise<readonly FactDefinition[]> {
    return (await this.#data()).factKeys;
  }

  changeFactKeys<T>(
    change: (keys: readonly FactDefinition[], facts: readonly Fact[]) => { keys: readonly FactDefinition[]; result: T },
  ): Promise<T> {
    return this.#change((data) => {
      const { keys, result } = change(data.factKeys, data.facts);
      if (keys === data.factKeys) return { result };
      const before = data.factKeys;
      data.factKeys = validFactKeys(keys);
      return { result, audit: factKeysAudit(before, data.factKeys) };
    });
  }

  addFactKeysAndFacts(
    keys: readonly FactDefinition[],
    facts: readonly NewFact[],
  ): Promise<{ keys: FactDefinition[]; facts: Fact[] }> {
    return this.#change((data) => {
      // Both checked before either is applied: a refusal leaves the data as it was.
      const { added, all } = keysToAdd(data.factKeys, keys);
      const draft = { ...data };
      const stored = addFacts(draft, facts);
      if (added.length > 0) data.factKeys = [...all];
      data.facts = draft.facts;
      const audit = factsAudit("facts.fetch", stored.added) ?? { action: "facts.fetch" as const, ids: [] };
      return {
        result: { keys: added, facts: stored.out },
        audit: { ...audit, ids: [...added.map((k) => k.key), ...audit.ids] },
      };
    });
  }

  async documents(): Promise<readonly CorpusDocument[]> {
    return (await this.#data()).documents;
  }

  async document(id: string): Promise<CorpusDocument | undefined> {
    return (await this.#data()).documents.find((d) => d.id === id);
  }

  putDocuments(docs: readonly CorpusDocument[]): Promise<{ added: string[]; updated: string[] }> {
    return this.#change((data) => ({ result: putDocuments(data, docs), audit: documentsAudit(docs), segment: docs }));
  }

  async filings(): Promise<readonly Filing[]> {
    return (await this.#data()).filings;
  }

  addFiling(input: NewFiling): Promise<Filing> {
    const actor = currentActor();
    return this.#change((data) => {
      const filing = planFiling(new Set(data.filings.map((f) => f.id)), input, actor);
      data.filings = [...data.filings, filing];
      return { result: filing, audit: filingAudit("filing.add", filing) };
    }, actor);
  }

  addFilingEvent(id: string, input: NewFilingEvent): Promise<Filing> {
    const actor = currentActor();
    return this.#change((data) => {
      const found = filingToChange(data.filings, id);
      const next = planFilingEvent(found, input, actor);
      if (next === found) return { result: found };
      data.filings = data.filings.map((f) => (f === found ? next : f));
      return { result: next, audit: filingAudit("filing.step", next) };
    }, actor);
  }

  async meetings(): Promise<readonly CouncilMeeting[]> {
    return (await this.#data()).meetings;
  }

  addMeetings(input: readonly CouncilMeeting[]): Promise<CouncilMeeting[]> {
    return this.#change((data) => {
      const added = meetingsToAdd(data.meetings, input);
      if (added.length > 0) data.meetings = [...data.meetings, ...added];
      return { result: added, audit: meetingsAudit(added) };
    });
  }

  async revision(): Promise<string> {
    try {
      const s = await stat(this.location, { bigint: true });
      return `${s.size}-${s.mtimeNs}`;
    } catch {
      return "none";
    }
  }

  /** Nothing to keep in step with: this process is the one writer, and each read stats the file. */
  async watch(): Promise<void> {}

  /** The revision, synchronously: on the write path a stat is cheaper than a turn of a busy event loop. */
  #revisionNow(): string {
    try {
      const s = statSync(this.location, { bigint: true });
      return `${s.size}-${s.mtimeNs}`;
    } catch {
      return "none";
    }
  }

  /** Gives up this process's write lock (the process's exit does it too). */
  async close(): Promise<void> {
    const file = resolve(this.location);
    await (writeQueues.get(file) ?? Promise.resolve()).catch(() => undefined);
    releaseDatabaseLock(this.location);
  }

  /**
   * Every write: in turn with the process's other writes to this file, under the cross-process
   * lock, on the data as the file holds it now (read again if another process wrote since),
   * applied in memory, then written whole and atomically after keeping the old file as the
   * backup. If the write fails, memory is put back as it was. `change` must replace arrays,
   * never edit them in place; it returns what the caller gets and what to record in the audit
   * log if anything changed, as `actor` (the actor in force when the write was asked for).
   */
  #change<T>(change: (data: Database) => Changed<T>, actor: Actor = currentActor()): Promise<T> {
    const file = resolve(this.location);
    const run = (writeQueues.get(file) ?? Promise.resolve()).then(async () => {
      try {
        const first = !holdsDatabaseLock(this.location);
        acquireDatabaseLock(this.location);
        // The only writer now: also lowdb's old temp file (no pid) can go.
        if (first) await sweepStaleTempFiles(this.location);
      } catch (e) {
        if (e instanceof MotioneraError) throw e;
        throw new MotioneraError({ code: "output_failed", path: this.location, problem: (e as Error).message });
      }
      this.#writing++;
      try {
        return await this.#applyChange(change, actor);
      } finally {
        this.#writing--;
      }
    });
    writeQueues.set(
      file,
      run.catch(() => undefined),
    );
    return run;
  }

  /** Forgets the data read if the file changed since (unless this store is writing it now). */
  async #reloadIfChanged(): Promise<void> {
    if (!this.#loading || this.#writing > 0) return;
    const now = await this.revision();
    if (now !== this.#loadedRevision && this.#writing === 0) this.#loading = undefined;
  }

  async #applyChange<T>(change: (data: Database) => Changed<T>, actor: Actor): Promise<T> {
    if (this.#loading && this.#revisionNow() !== this.#loadedRevision) this.#loading = undefined;
    const db = await this.#load();
    const before = { ...db.data };
    const { result, audit, segment } = change(db.data);
    const changed = (
      ["facts", "documents", "factKeys", "tokens", "audit", "shippedKeysOffered", "filings", "meetings"] as const
    ).some((k) => db.data[k] !== before[k]);
    if (!changed) return result;
    if (audit) {
      const seq = (db.data.audit.at(-1)?.seq ?? 0) + 1;
      db.data.audit = [...db.data.audit, { seq, ...auditEntry(actor, audit) }];
    }
    const kept = { segments: this.#segments, inline: this.#inline, segmentDocs: this.#segmentDocs };
    try {
      if (db.data.documents !== before.documents) await this.#placeDocuments(db.data, before.documents, segment);
      await this.#write(db);
    } catch (e) {
      Object.assign(db.data, before);
      this.#segments = kept.segments;
      this.#inline = kept.inline;
      this.#segmentDocs = kept.segmentDocs;
      if (e instanceof MotioneraError) throw e;
      throw new MotioneraError({ code: "output_failed", path: this.location, problem: (e as Error).message });
    }
    // The segments the file and its backup (the file before this write) name stay; leftovers go.
    if (kept.segments.length > 0 || this.#segments.length > 0)
      sweepSegments(this.location, [this.#segments, kept.segments]);
    return result;
  }

  /**
   * Where the documents of this write go: a batch (`segment`) into a new segment once the store is large
   * (document-segments.ts), every segment compacted into one when they hold twice the documents they give; any
   * other change of documents (a restore) inline in the file, with no segments.
   */
  async #placeDocuments(
    data: Database,
    before: readonly CorpusDocument[],
    segment: readonly CorpusDocument[] | undefined,
  ): Promise<void> {
    if (!segment || (this.#segments.length === 0 && data.documents.length < segmentThreshold)) {
      this.#segments = [];
      this.#inline = data.documents.length;
      this.#segmentDocs = 0;
      return;
    }
    if (this.#segments.length === 0) this.#inline = before.length;
    const rest = data.documents.length - this.#inline;
    if (this.#segmentDocs + segment.length > 2 * rest + segmentThreshold) {
      const all = data.documents.slice(this.#inline);
      this.#segments = [await writeSegment(this.location, this.#segments, all, this.#options.fs)];
      this.#segmentDocs = all.length;
      return;
    }
    this.#segments = [...this.#segments, await writeSegment(this.location, this.#segments, segment, this.#options.fs)];
    this.#segmentDocs += segment.length;
  }

  /**
   * Writes the whole file atomically and durably (temp file, fsync, rename, fsync of the folder), after keeping the old
   * one as a backup.
   */
  async #write(db: Low<Database>): Promise<void> {
    if (this.#migratedFrom !== undefined) {
      keepMigrationBackup(this.location, this.#migratedFrom);
      this.#migratedFrom = undefined;
    }
    keepBackup(this.location, latestBackupPath(this.location));
    await db.write();
    this.#loadedRevision = this.#revisionNow();
  }
}

/** What a change gives its caller, and the audit entry of what it changed. */
interface Changed<T> {
  result: T;
  audit?: AuditDraft | undefined;
  /** The documents a putDocuments wrote, as given: what a new document segment holds. */
  segment?: readonly CorpusDocument[];
}

/** Adds or replaces documents by id; returns which were added and which replaced. */
function putDocuments(data: Database, docs: readonly CorpusDocument[]): { added: string[]; updated: string[] } {
  const added: string[] = [];
  const updated: string[] = [];
  const next = [...data.documents];
  const index = new Map(next.map((d, i) => [d.id, i]));
  for (const doc of docs) {
    const at = index.get(doc.id);
    if (at === undefined) {
      index.set(doc.id, next.length);
      next.push(doc);
      added.push(doc.id);
    } else {
      next[at] = doc;
      updated.push(doc.id);
    }
  }
  data.documents = next;
  return { added, updated };
}

/** Records facts; the same statement twice is a no-op; returns the stored fact for each input, and those added. */
function addFacts(data: Database, inputs: readonly NewFact[]): { out: Fact[]; added: Fact[] } {
  const planned = planFacts(storedFactsOf(data.facts), inputs);
  if (planned.added.length > 0) data.facts = [...data.facts, ...planned.added];
  return planned;
}

/** A database_invalid error with the newest backup that can be read, so the user can restore it. */
async function withBackup(e: unknown): Promise<unknown> {
  if (!(e instanceof MotioneraError) || e.details.code !== "database_invalid" || e.details.backup) return e;
  const file = e.details.file;
  const good = await lastGoodBackup(file, (text) => {
    const { data } = parseDatabase(text, file);
    return { facts: data.facts.length, documents: data.documents.length };
  });
  if (!good) return e;
  return new MotioneraError({
    ...e.details,
    backup: { file: good.file, modified: good.modified.toISOString(), facts: good.facts, documents: good.documents },
  });
}
