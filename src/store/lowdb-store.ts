import { Low } from "lowdb";
import type { Fact } from "../domain/fact.js";
import { MotioneraError } from "../domain/errors.js";
import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { CorpusDocument } from "../domain/corpus-document.js";
import type { FactDefinition } from "../domain/fact-key.js";
import { emptyDatabase, readCheckedDatabase, readDatabase, type Database } from "./schema.js";
import { checkedBefore, rememberChecked, textDigest } from "./checked-database.js";
import { runningBuild } from "../loading/build-id.js";
import {
  lineText,
  readLine,
  scanSegment,
  SegmentReader,
  segmentedFileVersion,
  segmentedFileVersions,
  segmentListSchema,
  segmentThreshold,
  sweepSegments,
  writeSegment,
  type Located,
} from "./document-segments.js";
import { corpusDocumentSchema } from "../domain/corpus-document.js";
import { keysToAdd, planFacts, storedFactsOf, validFactKeys } from "./fact-writes.js";
import { checkedDocuments } from "./document-writes.js";
import type { DecisionEffects, DocumentHash, NewFact, RecordedDecision, Store } from "./store.js";
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
import type { SavedDraft, SavedDraftState } from "../domain/saved-draft.js";
import {
  byLastSave,
  planSavedDraft,
  planSavedDraftVersion,
  savedDraftMatches,
  type SavedDraftFilter,
} from "./saved-draft-writes.js";
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

/** A database file as read: its data (documents: those it holds inline), and where its other documents lie. */
interface ParsedDatabase {
  data: Database;
  migratedFrom: number | undefined;
  segments: string[];
  /** The documents whose stored version lies in a segment, by id, in the order they were first stored. */
  located: Map<string, Located>;
  /** How many documents the store holds in all. */
  count: number;
}

/**
 * Reads a database text the way the store does: JSON, migrated, validated, offered new shipped
 * keys (readDatabase); throws a message on failure.
 */
function parseDatabase(text: string, file: string): ParsedDatabase {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`ogiltig JSON (${(e as Error).message})`);
  }
  const { segments, located, dataVersion } = segmentsOf(raw, file);
  let input = raw;
  if (dataVersion !== undefined) {
    const { documentSegments: _segments, ...rest } = raw as Record<string, unknown>;
    input = { ...rest, schemaVersion: dataVersion };
  }
  // A file without segments that this build has found valid, byte for byte, is taken as it is (checked-database.ts).
  const build = dataVersion === undefined ? runningBuild() : undefined;
  const mark = build === undefined ? undefined : { build, digest: textDigest(text) };
  let data: Database;
  let migratedFrom: number | undefined;
  if (mark && checkedBefore(file, mark.digest, mark.build)) {
    data = readCheckedDatabase(raw);
  } else {
    const read = readDatabase(input);
    if (!read.success) throw new Error(describeZodError(read.error));
    data = read.data;
    migratedFrom = read.migratedFrom;
    if (mark && migratedFrom === undefined) rememberChecked(file, mark.digest, mark.build, raw, read.validated);
  }
  let count = located.size;
  for (const d of data.documents) if (!located.has(d.id)) count++;
  return { data, migratedFrom, segments, located, count };
}

/**
 * A file with segments (version 6 or 8, `segmentedFileVersions`): its segments, the version of the data it holds
 * (5 or 7: the documents in its segments are the same in both), and where each of the segments' documents lies
 * (document-segments.ts): every line is read and validated, one segment at a time, and only its place kept; a later
 * line of the same id replaces the earlier.
 */
function segmentsOf(
  raw: unknown,
  file: string,
): { segments: string[]; located: Map<string, Located>; dataVersion?: number } {
  const located = new Map<string, Located>();
  const version = raw && typeof raw === "object" ? (raw as Record<string, unknown>).schemaVersion : undefined;
  const dataVersion = typeof version === "number" ? segmentedFileVersions[version] : undefined;
  if (dataVersion === undefined) return { segments: [], located };
  const list = segmentListSchema.safeParse((raw as Record<string, unknown>).documentSegments);
  if (!list.success) throw new Error(problems.segmentListInvalid);
  for (const name of list.data) {
    let invalid: string | undefined;
    try {
      scanSegment(file, name, (line, start, end) => {
        const doc = corpusDocumentSchema.safeParse(line);
        if (!doc.success) {
          invalid ??= describeZodError(doc.error);
          return;
        }
        located.set(doc.data.id, { segment: name, start, end, contentHash: doc.data.contentHash });
      });
    } catch (e) {
      throw new Error(problems.segmentUnreadable(name, (e as Error).message.slice(0, 200)));
    }
    if (invalid !== undefined) throw new Error(problems.segmentUnreadable(name, invalid));
  }
  return { segments: list.data, located, dataVersion };
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
  /** The buffer segment writes fill (writeSegment), kept from one batch to the next. */
  readonly #segmentBytes = { bytes: Buffer.alloc(0) };

  /**
   * The documents whose stored version lies in a segment: where, by id, in the order first stored. Only their place
   * is kept in memory; the documents the file holds inline are `data.documents` (a segment's version of one of them
   * replaces it in its place).
   */
  #located = new Map<string, Located>();

  /** How many documents the segments hold in all (replaced ones too): when twice the rest, they are compacted. */
  #segmentDocs = 0;

  /** The documents last read whole, while someone holds them (the same array until the documents change). */
  #whole: { version: number; docs: WeakRef<readonly CorpusDocument[]> } | undefined;
  /** Raised whenever the documents held change (a write, a read of the file). */
  #version = 0;

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
            const { data, migratedFrom, segments, located } = parseDatabase(text, file);
            this.#migratedFrom = migratedFrom;
            this.#segments = segments;
            this.#located = located;
            this.#segmentDocs = located.size;
            this.#version++;
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
      documents: this.#allDocuments(d),
      tokens: d.tokens,
      audit: d.audit,
      savedDrafts: d.savedDrafts,
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
      d.savedDrafts = [...(s.savedDrafts ?? [])];
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

  async savedDrafts(filter: SavedDraftFilter = {}): Promise<readonly SavedDraft[]> {
    return (await this.#data()).savedDrafts.filter((d) => savedDraftMatches(d, filter)).sort(byLastSave);
  }

  async savedDraft(id: string): Promise<SavedDraft | undefined> {
    return (await this.#data()).savedDrafts.find((d) => d.id === id);
  }

  createSavedDraft(state: SavedDraftState, options: { duplicatedFrom?: string } = {}): Promise<SavedDraft> {
    const actor = currentActor();
    return this.#change((data) => {
      const { draft, audit } = planSavedDraft(state, actor, options);
      data.savedDrafts = [...data.savedDrafts, draft];
      return { result: draft, audit };
    }, actor);
  }

  addSavedDraftVersion(id: string, state: SavedDraftState): Promise<SavedDraft | undefined> {
    const actor = currentActor();
    return this.#change((data) => {
      const at = data.savedDrafts.findIndex((d) => d.id === id);
      if (at < 0) return { result: undefined };
      const { draft, audit } = planSavedDraftVersion(data.savedDrafts[at]!, state, actor);
      data.savedDrafts = data.savedDrafts.map((d, i) => (i === at ? draft : d));
      return { result: draft, audit };
    }, actor);
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
    return this.#allDocuments(await this.#data());
  }

  /**
   * Every document, in order: the inline ones (or a segment's version of one) and then the others, each read from its
   * segment. The array is kept while someone holds it (the service compares it by identity), never by the store.
   */
  #allDocuments(data: Database): readonly CorpusDocument[] {
    if (this.#located.size === 0) return data.documents;
    const kept = this.#whole?.version === this.#version ? this.#whole.docs.deref() : undefined;
    if (kept) return kept;
    const reader = new SegmentReader(this.location);
    const out: CorpusDocument[] = [];
    const inline = new Set<string>();
    for (const d of data.documents) {
      inline.add(d.id);
      const at = this.#located.get(d.id);
      out.push(at ? (reader.read(at) as CorpusDocument) : d);
    }
    for (const [id, at] of this.#located) if (!inline.has(id)) out.push(reader.read(at) as CorpusDocument);
    this.#whole = { version: this.#version, docs: new WeakRef(out) };
    return out;
  }

  async document(id: string): Promise<CorpusDocument | undefined> {
    const data = await this.#data();
    const at = this.#located.get(id);
    if (at) return readLine(this.location, at) as CorpusDocument;
    return data.documents.find((d) => d.id === id);
  }

  async documentHashes(): Promise<readonly DocumentHash[]> {
    const data = await this.#data();
    const out: DocumentHash[] = [];
    const inline = new Set<string>();
    for (const d of data.documents) {
      inline.add(d.id);
      out.push({ id: d.id, contentHash: this.#located.get(d.id)?.contentHash ?? d.contentHash });
    }
    for (const [id, at] of this.#located) if (!inline.has(id)) out.push({ id, contentHash: at.contentHash });
    return out;
  }

  /**
   * Puts documents in: inline in the file while the store is small, else (from the batch that takes it to
   * `segmentThreshold`) as a segment of their own, of which the store keeps only where each document lies.
   */
  putDocuments(docs: readonly CorpusDocument[]): Promise<{ added: string[]; updated: string[] }> {
    return this.#change((data) => this.#putDocumentsIn(data, docs));
  }

  /** The change putDocuments makes: inline while small, else a segment (placed by #applyChange). */
  #putDocumentsIn(data: Database, docs: readonly CorpusDocument[]): Changed<{ added: string[]; updated: string[] }> {
    const audit = documentsAudit(docs);
    if (this.#segments.length === 0) {
      const before = data.documents;
      const result = putDocuments(data, docs);
      if (data.documents.length < segmentThreshold) return { result, audit };
      data.documents = before;
      return { result, audit, segment: docs };
    }
    const inline = new Set(data.documents.map((d) => d.id));
    const seen = new Set<string>();
    const added: string[] = [];
    const updated: string[] = [];
    for (const d of docs) {
      if (inline.has(d.id) || this.#located.has(d.id) || seen.has(d.id)) updated.push(d.id);
      else added.push(d.id);
      seen.add(d.id);
    }
    return { result: { added, updated }, audit, segment: docs };
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

  recordDecision(id: string, input: NewFilingEvent, effects: DecisionEffects): Promise<RecordedDecision> {
    const actor = currentActor();
    return this.#change((data) => {
      const found = filingToChange(data.filings, id);
      const filing = planFilingEvent(found, input, actor);
      if (filing !== found) data.filings = data.filings.map((f) => (f === found ? filing : f));
      const { out, added } = addFacts(data, effects.facts);
      const documents = checkedDocuments(effects.documents);
      const docs = documents.length > 0 ? this.#putDocumentsIn(data, documents) : undefined;
      return {
        result: { filing, facts: out },
        audit: [
          filing !== found ? filingAudit("filing.step", filing) : undefined,
          factsAudit("fact.add", added),
          docs ? documentsAudit(documents) : undefined,
        ],
        ...(docs?.segment ? { segment: docs.segment } : {}),
      };
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
    return this.#revisionNow();
  }

  /** Nothing to keep in step with: this process is the one writer, and each read stats the file. */
  async watch(): Promise<void> {}

  /** The revision, synchronously: a stat is cheaper than a thread-pool round trip and a turn of a busy event loop. */
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

  /**
   * Forgets the data read if the file changed since (unless this store is writing it now). The stat is synchronous, as
   * on the write path: every read asks it (a draft, a search), and a thread-pool round trip costs more than the stat,
   * most of all on a loaded machine, where the reply waits for a core.
   */
  async #reloadIfChanged(): Promise<void> {
    if (!this.#loading || this.#writing > 0) return;
    if (this.#revisionNow() !== this.#loadedRevision) this.#loading = undefined;
  }

  async #applyChange<T>(change: (data: Database) => Changed<T>, actor: Actor): Promise<T> {
    if (this.#loading && this.#revisionNow() !== this.#loadedRevision) this.#loading = undefined;
    const db = await this.#load();
    const before = { ...db.data };
    let changed_: Changed<T>;
    try {
      changed_ = change(db.data);
    } catch (e) {
      // A change refused part-way (a decision whose fact does not fit) leaves nothing behind.
      Object.assign(db.data, before);
      throw e;
    }
    const { result, audit, segment } = changed_;
    const changed =
      segment !== undefined ||
      (
        [
          "facts",
          "documents",
          "factKeys",
          "tokens",
          "audit",
          "shippedKeysOffered",
          "savedDrafts",
          "filings",
          "meetings",
        ] as const
      ).some((k) => db.data[k] !== before[k]);
    if (!changed) return result;
    const entries = (Array.isArray(audit) ? audit : [audit]).filter((a): a is AuditDraft => a !== undefined);
    if (entries.length > 0) {
      const seq = db.data.audit.at(-1)?.seq ?? 0;
      db.data.audit = [...db.data.audit, ...entries.map((a, k) => ({ seq: seq + k + 1, ...auditEntry(actor, a) }))];
    }
    const kept = { segments: this.#segments, located: this.#located, segmentDocs: this.#segmentDocs };
    try {
      if (segment) await this.#placeSegment(segment);
      else if (db.data.documents !== before.documents) {
        // Any other change of documents (a restore): every document inline in the file, no segments.
        this.#segments = [];
        this.#located = new Map();
        this.#segmentDocs = 0;
      }
      this.#version++;
      await this.#write(db);
    } catch (e) {
      Object.assign(db.data, before);
      this.#segments = kept.segments;
      this.#located = kept.located;
      this.#segmentDocs = kept.segmentDocs;
      this.#version++;
      if (e instanceof MotioneraError) throw e;
      throw new MotioneraError({ code: "output_failed", path: this.location, problem: (e as Error).message });
    }
    // The segments the file and its backup (the file before this write) name stay; leftovers go.
    if (kept.segments.length > 0 || this.#segments.length > 0)
      sweepSegments(this.location, [this.#segments, kept.segments]);
    return result;
  }

  /**
   * A batch of documents into a new segment (document-segments.ts); when the segments hold twice the documents they
   * give (replaced ones), all of them are compacted into one instead: the lines still in use are copied as stored.
   */
  async #placeSegment(batch: readonly CorpusDocument[]): Promise<void> {
    const located = new Map(this.#located);
    const fresh = new Map(batch.map((d) => [d.id, d]));
    let added = 0;
    for (const id of fresh.keys()) if (!located.has(id)) added++;
    if (this.#segmentDocs + batch.length <= 2 * (located.size + added) + segmentThreshold) {
      const lines = batch.map((d) => JSON.stringify(d));
      const { name, ranges } = await writeSegment(
        this.location,
        this.#segments,
        lines,
        this.#options.fs,
        this.#segmentBytes,
      );
      for (const [k, d] of batch.entries())
        located.set(d.id, { segment: name, ...ranges[k]!, contentHash: d.contentHash });
      this.#segments = [...this.#segments, name];
      this.#located = located;
      this.#segmentDocs += batch.length;
      return;
    }
    // Compacted: every document in the order the store gives them, the batch's version where it has one.
    const order = [...located.keys(), ...[...fresh.keys()].filter((id) => !located.has(id))];
    const old = lineText(
      this.location,
      order.filter((id) => !fresh.has(id)).map((id) => located.get(id)!),
    );
    let k = 0;
    const lines = order.map((id) => {
      const d = fresh.get(id);
      return d ? JSON.stringify(d) : old[k++]!;
    });
    const { name, ranges } = await writeSegment(this.location, this.#segments, lines, this.#options.fs);
    const next = new Map<string, Located>();
    for (const [i, id] of order.entries())
      next.set(id, {
        segment: name,
        ...ranges[i]!,
        contentHash: fresh.has(id) ? fresh.get(id)!.contentHash : located.get(id)!.contentHash,
      });
    this.#segments = [name];
    this.#located = next;
    this.#segmentDocs = next.size;
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
  /** One entry per thing changed (a decision with its facts: one for each), in order. */
  audit?: AuditDraft | readonly (AuditDraft | undefined)[] | undefined;
  /** The documents a putDocuments puts in a segment, as given (none while the store is small). */
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
    const { data, count } = parseDatabase(text, file);
    return { facts: data.facts.length, documents: count };
  });
  if (!good) return e;
  return new MotioneraError({
    ...e.details,
    backup: { file: good.file, modified: good.modified.toISOString(), facts: good.facts, documents: good.documents },
  });
}
