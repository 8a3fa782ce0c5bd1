/**
 * The store on PostgreSQL: the same Store contract as the embedded file, for several processes
 * and machines on one database. Every write is one transaction under transaction-scoped
 * advisory locks, so writers that could meet run one after the other on the data as committed
 * (deduplication and ids exactly as the embedded store, see fact-writes.ts): facts take the
 * store's lock shared and one lock per id base (subject.key.asOf: the same statement always has
 * the same base), so facts for different bases are written side by side; every other write
 * takes the store's lock alone. Each write raises one of 64 revision counters (its connection's)
 * and NOTIFYs in its transaction; the revision is their sum (migration revision-shards). Values
 * reach SQL only as parameters (the only numbers in SQL text are the lock numbers this program
 * computes; a test reads this folder for any other). What is read back is validated by the domain's zod schemas;
 * facts, keys and documents are kept per revision, so a reader gets the same array until
 * something is written.
 */
import type { StoreSnapshot } from "../snapshot.js";
import { createHash } from "node:crypto";
import pg from "pg";
import { MotioneraError } from "../../domain/errors.js";
import { corpusDocumentSchema, type CorpusDocument } from "../../domain/corpus-document.js";
import { factSchema, type Fact } from "../../domain/fact.js";
import { factDefinitionSchema, type FactDefinition } from "../../domain/fact-key.js";
import { factIdBase, factStatement, keysToAdd, planFacts, storedStatement, validFactKeys } from "../fact-writes.js";
import { shippedFactKeys } from "../../facts/fact-catalog.js";
import { offerShippedKeys, schemaVersion, type Database } from "../schema.js";
import { checkedDocuments } from "../document-writes.js";
import type { DecisionEffects, DocumentHash, NewFact, RecordedDecision, Store } from "../store.js";
import type { Actor } from "../../domain/actor.js";
import { apiTokenSchema, type ApiToken, type NewApiToken } from "../../domain/api-token.js";
import { auditEntrySchema, type AuditEntry, type AuditFilter } from "../../domain/audit.js";
import { currentActor } from "../actor-context.js";
import {
  auditEntry,
  auditLimit,
  documentsAudit,
  factKeysAudit,
  factsAudit,
  planToken,
  tokenToRevoke,
  type AuditDraft,
} from "../audit-writes.js";
import { migrationStatus } from "./migrations.js";
import { actorName } from "../../domain/actor.js";
import {
  savedDraftIdPattern,
  savedDraftSchema,
  type SavedDraft,
  type SavedDraftState,
} from "../../domain/saved-draft.js";
import { planSavedDraft, planSavedDraftVersion, type SavedDraftFilter } from "../saved-draft-writes.js";
import type { CouncilMeeting, Filing, NewFiling, NewFilingEvent } from "../../domain/filing.js";
import {
  filingAudit,
  filingToChange,
  meetingsAudit,
  meetingsToAdd,
  planFiling,
  planFilingEvent,
} from "../filing-writes.js";
import { insertFilings, insertMeetings, readFilings, readMeetings, replaceFiling } from "./filing-rows.js";
import { poolSizeFromEnv } from "./pool-size.js";
import { fromStored, storableJson, storableText } from "./pg-text.js";
import { RevisionListener, revisionChannel } from "./revision-listener.js";

type Client = pg.PoolClient;

/** The advisory lock every write of this store takes, shared by fact writes, alone by all others. */
const writeLock = 4_143_672_018;

/** The advisory lock of an id base (a signed 64-bit number from its SHA-256), as text for a bigint parameter. */
const baseLock = (base: string) =>
  BigInt.asIntN(64, createHash("sha256").update(base).digest().readBigUInt64BE(0)).toString();

/** How a write locks: fact writes for their id bases beside each other, everything else alone. */
type WriteLocks = { bases: readonly string[] } | "alone";

/** The statement taking a write's locks: the id bases' in ascending order, so writers never wait in a circle. */
function locksSql(locks: WriteLocks): string {
  if (locks === "alone") return `SELECT pg_advisory_xact_lock(${writeLock})`;
  const keys = [...new Set(locks.bases.map((b) => BigInt(baseLock(storableText(b)))))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return (
    `SELECT pg_advisory_xact_lock_shared(${writeLock}), (SELECT count(pg_advisory_xact_lock(k)) ` +
    `FROM unnest('{${keys.join(",")}}'::bigint[]) WITH ORDINALITY AS t(k, ord))`
  );
}

/** The address without its password, for messages. */
export function redactedDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "";
    return u.toString().replace(/:@/, "@");
  } catch {
    return "PostgreSQL";
  }
}

interface FactRow {
  id: string;
  subject: string;
  key: string;
  value: unknown;
  as_of: string | null;
  since: string | null;
  source: unknown;
  note: string | null;
  recorded_at: string;
}

const factColumns = "id, subject, key, value, as_of, since, source, note, recorded_at";

/** A row as the domain's fact, validated (a row that is not one → database_invalid naming it). */
function factOf(stored: FactRow, location: string): Fact {
  const row = fromStored(stored);
  const parsed = factSchema.safeParse({
    id: row.id,
    subject: row.subject,
    key: row.key,
    value: row.value,
    asOf: row.as_of,
    ...(row.since !== null ? { since: row.since } : {}),
    source: row.source,
    ...(row.note !== null ? { note: row.note } : {}),
    recordedAt: row.recorded_at,
  });
  if (parsed.success) return parsed.data;
  throw invalidRow(location, `facts ${row.id}`, parsed.error);
}

function invalidRow(
  location: string,
  what: string,
  e: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
): MotioneraError {
  const first = e.issues[0];
  const path = first?.path.map(String).join(".");
  return new MotioneraError({
    code: "database_invalid",
    file: location,
    problem: `${what}: ${path ? `${path}: ` : ""}${first?.message ?? "ogiltig rad"}`,
  });
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** The hash of a submitted fact's statement as it would be stored (see storedStatement), to find the same one. */
const statementHash = (f: NewFact) => sha256(storedStatement(f));
/** The same for a fact already in its stored form (planned, or from a snapshot): no second validation. */
const storedStatementHash = (f: Fact) => sha256(factStatement(f));

/** A cached read, with the revision it was read at. */
interface Kept<T> {
  revision: string;
  value: T;
}

export class PostgresStore implements Store {
  readonly location: string;
  readonly #pool: pg.Pool;
  #facts: Kept<readonly Fact[]> | undefined;
  #factKeys: Kept<{ keys: readonly FactDefinition[]; keysRevision: string }> | undefined;
  /** With the documents' own revision (`documents_at`), so a write of facts alone keeps the same array. */
  #documents: Kept<{ at: string; documents: readonly CorpusDocument[] }> | undefined;
  #tokens: Kept<readonly ApiToken[]> | undefined;
  /** While watching (a service): the revision pushed by the database, so reads need no round trip. */
  #listener: RevisionListener | undefined;
  /** The keys revision the listener last read (see factKeys). */
  #keysHeard: string | undefined;

  private constructor(
    pool: pg.Pool,
    location: string,
    private readonly url: string,
  ) {
    this.#pool = pool;
    this.location = location;
  }

  /**
   * Connects, refuses a database whose schema is behind this program (database_behind, naming
   * `motionera db migrate`) or that cannot be reached (database_unreachable), then offers the
   * shipped keys the database has not been offered (as the embedded store does on read).
   */
  static async open(url: string, options: { migrationsDir?: string; poolSize?: number } = {}): Promise<PostgresStore> {
    const location = redactedDatabaseUrl(url);
    const max = options.poolSize ?? poolSizeFromEnv();
    // Idle connections never keep a command's process alive.
    const pool = new pg.Pool({ connectionString: url, max, allowExitOnIdle: true });
    pool.on("error", () => undefined); // an idle connection dropped by the server: the next query reconnects
    const store = new PostgresStore(pool, location, url);
    try {
      const status = await store.#withClient((c) => migrationStatus(c, options.migrationsDir));
      if (status.pending.length > 0) {
        throw new MotioneraError({ code: "database_behind", database: location, pending: status.pending });
      }
      await store.#offerShippedKeys();
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw e;
    }
    return store;
  }

  /** The connections, for what reads the database beyond the Store contract (corpus search in SQL). */
  get pool(): pg.Pool {
    return this.#pool;
  }

  async facts(): Promise<readonly Fact[]> {
    return this.#kept(
      () => this.#facts,
      (k) => {
        this.#facts = k;
      },
      (c) => readFacts(c, this.location),
    );
  }

  async addFact(input: NewFact): Promise<Fact> {
    const [fact] = await this.#addFacts([input], "fact.add");
    return fact!;
  }

  addFacts(inputs: readonly NewFact[]): Promise<Fact[]> {
    return this.#addFacts(inputs, "facts.import");
  }

  #addFacts(inputs: readonly NewFact[], action: "fact.add" | "facts.import"): Promise<Fact[]> {
    return this.#write({ bases: inputs.map(factIdBase) }, async (c) => {
      const { out, added } = await this.#planFacts(c, inputs);
      // Inserted by #write in the statement that adds the audit entry and raises the revision.
      return { result: out, changed: added.length > 0, facts: added, audit: factsAudit(action, added) };
    });
  }

  async tokens(): Promise<readonly ApiToken[]> {
    return this.#kept(
      () => this.#tokens,
      (k) => {
        this.#tokens = k;
      },
      (c) => readTokens(c, this.location),
    );
  }

  /**
   * While watching (the service), from the tokens kept at the revision pushed (no round trip
   * while nothing is written); else one indexed query.
   */
  async tokenByHash(hash: string): Promise<ApiToken | undefined> {
    if (this.#listener) return (await this.tokens()).find((t) => t.hash === hash);
    const { rows } = await this.#withClient((c) =>
      c.query<TokenRow>(`SELECT ${tokenColumns} FROM api_tokens WHERE hash = $1`, [storableText(hash)]),
    );
    return rows[0] ? tokenOf(rows[0], this.location) : undefined;
  }

  createToken(input: NewApiToken): Promise<ApiToken> {
    const actor = currentActor();
    return this.#write(
      "alone",
      async (c) => {
        const token = planToken(await readTokens(c, this.location), input, actor);
        await insertTokens(c, [token]);
        return {
          result: token,
          changed: true,
          audit: { action: "token.create", ids: [token.name], at: token.createdAt },
        };
      },
      actor,
    );
  }

  revokeToken(name: string): Promise<ApiToken> {
    return this.#write("alone", async (c) => {
      const found = tokenToRevoke(await readTokens(c, this.location), name);
      if (found.revokedAt) return { result: found, changed: false };
      const revoked = { ...found, revokedAt: new Date().toISOString() };
      await c.query("UPDATE api_tokens SET revoked_at = $2 WHERE name = $1", [storableText(name), revoked.revokedAt]);
      return {
        result: revoked,
        changed: true,
        audit: { action: "token.revoke", ids: [name], at: revoked.revokedAt },
      };
    });
  }

  async audit(filter: AuditFilter = {}): Promise<readonly AuditEntry[]> {
    return this.#withClient(async (c) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.subject !== undefined) {
        params.push(storableText(filter.subject));
        where.push(`subjects @> ARRAY[$${params.length}::text]`);
      }
      if (filter.fact !== undefined) {
        params.push(storableText(filter.fact));
        const id = `$${params.length}::text`;
        // An import of more facts than an entry lists: the entry made when the fact was recorded.
        const recorded = `(SELECT recorded_at FROM facts WHERE id = ${id})`;
        where.push(`(ids @> ARRAY[${id}] OR (count > cardinality(ids) AND at = ${recorded}))`);
      }
      params.push(auditLimit(filter));
      const { rows } = await c.query<AuditRow>(
        `SELECT ${auditColumns} FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
         ORDER BY audit_log.seq DESC LIMIT $${params.length}`,
        params,
      );
      return rows.map((r) => auditOf(r, this.location));
    });
  }

  /**
   * The keys, kept per revision like the facts; after writes that left the catalog as it was
   * (every fact written), the keys kept are found current without reading them again: while
   * watching, by the keys revision the listener last read (no round trip; another process's key
   * change is seen when its notification is, this process's own at once), else in one round trip.
   */
  async factKeys(): Promise<readonly FactDefinition[]> {
    const pushed = this.#listener?.current();
    const known = this.#factKeys;
    if (pushed !== undefined && known?.revision === pushed) return known.value.keys;
    if (known && this.#listener?.live() && this.#keysHeard === known.value.keysRevision) return known.value.keys;
    if (known) {
      const now = await this.#withClient((c) => revisionsOn(c));
      if (now.keys === known.value.keysRevision) {
        this.#factKeys = { revision: now.revision, value: known.value };
        return known.value.keys;
      }
    }
    const kept = await this.#kept(
      () => this.#factKeys,
      (k) => {
        this.#factKeys = k;
      },
      async (c) => ({ keys: await readFactKeys(c, this.location), keysRevision: (await revisionsOn(c)).keys }),
    );
    return kept.keys;
  }

  changeFactKeys<T>(
    change: (keys: readonly FactDefinition[], facts: readonly Fact[]) => { keys: readonly FactDefinition[]; result: T },
  ): Promise<T> {
    return this.#write("alone", async (c) => {
      const current = await readFactKeys(c, this.location);
      const { keys, result } = change(current, await readFacts(c, this.location));
      if (keys === current) return { result, changed: false };
      const valid = validFactKeys(keys);
      await c.query("DELETE FROM fact_keys");
      await appendFactKeys(c, valid);
      await keysChanged(c);
      return { result, changed: true, audit: factKeysAudit(current, valid) };
    });
  }

  addFactKeysAndFacts(
    keys: readonly FactDefinition[],
    facts: readonly NewFact[],
  ): Promise<{ keys: FactDefinition[]; facts: Fact[] }> {
    return this.#write("alone", async (c) => {
      const current = await readFactKeys(c, this.location);
      // Both checked before either is written: a refusal leaves the data as it was.
      const { added } = keysToAdd(current, keys);
      const { out, added: newFacts } = await this.#planFacts(c, facts);
      await appendFactKeys(c, added);
      if (added.length > 0) await keysChanged(c);
      await insertFacts(c, newFacts);
      const audit = factsAudit("facts.fetch", newFacts) ?? { action: "facts.fetch" as const, ids: [] };
      return {
        result: { keys: added, facts: out },
        changed: added.length + newFacts.length > 0,
        audit: { ...audit, ids: [...added.map((k) => k.key), ...audit.ids] },
      };
    });
  }

  /**
   * The corpus. When the store's revision moved but no document changed (a fact was recorded),
   * the array read before is given again, the same object: the search index built from it is
   * kept (the service compares them by identity).
   */
  async documents(): Promise<readonly CorpusDocument[]> {
    const kept = await this.#kept(
      () => this.#documents,
      (k) => {
        this.#documents = k;
      },
      async (c) => {
        const at = await documentsRevisionOn(c);
        const before = this.#documents?.value;
        if (before?.at === at) return before;
        return { at, documents: await readDocuments(c, this.location) };
      },
    );
    return kept.documents;
  }

  async document(id: string): Promise<CorpusDocument | undefined> {
    const { rows } = await this.#withClient((c) =>
      c.query<{ id: string; document: unknown }>("SELECT id, document FROM documents WHERE id = $1", [
        storableText(id),
      ]),
    );
    return rows[0] ? documentOf(rows[0], this.location) : undefined;
  }

  async documentHashes(): Promise<readonly DocumentHash[]> {
    const { rows } = await this.#withClient((c) =>
      c.query<{ id: string; hash: string | null }>(
        "SELECT id, document->>'contentHash' AS hash FROM documents ORDER BY seq",
      ),
    );
    return rows.map((r) => ({ id: r.id, contentHash: r.hash ?? undefined }));
  }

  putDocuments(docs: readonly CorpusDocument[]): Promise<{ added: string[]; updated: string[] }> {
    return this.#write("alone", (c) => putDocumentsIn(c, docs));
  }

  async savedDrafts(filter: SavedDraftFilter = {}): Promise<readonly SavedDraft[]> {
    return this.#withClient((c) => readSavedDrafts(c, this.location, filter));
  }

  async savedDraft(id: string): Promise<SavedDraft | undefined> {
    if (!savedDraftIdPattern.test(id)) return undefined;
    return this.#withClient(async (c) => {
      const { rows } = await c.query<SavedDraftRow>("SELECT draft FROM saved_drafts WHERE id = $1", [id]);
      return rows[0] ? savedDraftOf(rows[0], this.location) : undefined;
    });
  }

  createSavedDraft(state: SavedDraftState, options: { duplicatedFrom?: string } = {}): Promise<SavedDraft> {
    const actor = currentActor();
    return this.#write(
      "alone",
      async (c) => {
        const { draft, audit } = planSavedDraft(state, actor, options);
        await c.query("INSERT INTO saved_drafts (id, actors, saved_at, draft) VALUES ($1, $2::text[], $3, $4::jsonb)", [
          draft.id,
          draftActors(draft),
          draft.createdAt,
          storableJson(draft),
        ]);
        return { result: draft, changed: true, audit };
      },
      actor,
    );
  }

  addSavedDraftVersion(id: string, state: SavedDraftState): Promise<SavedDraft | undefined> {
    const actor = currentActor();
    return this.#write(
      "alone",
      async (c) => {
        const found = savedDraftIdPattern.test(id)
          ? (await c.query<SavedDraftRow>("SELECT draft FROM saved_drafts WHERE id = $1", [id])).rows[0]
          : undefined;
        if (!found) return { result: undefined, changed: false };
        const { draft, audit } = planSavedDraftVersion(savedDraftOf(found, this.location), state, actor);
        await c.query("UPDATE saved_drafts SET actors = $2::text[], saved_at = $3, draft = $4::jsonb WHERE id = $1", [
          id,
          draftActors(draft),
          draft.versions.at(-1)!.savedAt,
          storableJson(draft),
        ]);
        return { result: draft, changed: true, audit };
      },
      actor,
    );
  }

  async snapshot(): Promise<StoreSnapshot> {
    return this.#withClient(async (c) => {
      await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        return {
          facts: await readFacts(c, this.location),
          factKeys: await readFactKeys(c, this.location),
          shippedKeysOffered: await readOffered(c),
          documents: await readDocuments(c, this.location),
          tokens: await readTokens(c, this.location),
          audit: await readAudit(c, this.location),
          savedDrafts: await readSavedDrafts(c, this.location, {}, "made"),
          filings: await readFilings(c, this.location),
          meetings: await readMeetings(c, this.location),
        };
      } finally {
        await c.query("COMMIT");
      }
    });
  }

  restore(s: StoreSnapshot): Promise<void> {
    return this.#write("alone", async (c) => {
      await c.query("DELETE FROM facts");
      await c.query("DELETE FROM fact_keys");
      await c.query("DELETE FROM shipped_keys_offered");
      await c.query("DELETE FROM documents");
      await c.query("DELETE FROM api_tokens");
      await c.query("DELETE FROM audit_log");
      await c.query("DELETE FROM saved_drafts");
      await c.query("DELETE FROM filings");
      await c.query("DELETE FROM council_meetings");
      await insertFilings(c, s.filings);
      await insertMeetings(c, s.meetings);
      await insertFacts(c, s.facts);
      await insertSavedDrafts(c, s.savedDrafts ?? []);
      await insertTokens(c, s.tokens);
      await insertAudit(c, s.audit);
      // The next entry numbered after the copied ones.
      await c.query("SELECT setval('audit_log_seq', coalesce((SELECT max(seq) FROM audit_log), 0) + 1, false)");
      await appendFactKeys(c, s.factKeys);
      await keysChanged(c);
      await c.query(
        `INSERT INTO shipped_keys_offered (key)
         SELECT k FROM unnest($1::text[]) WITH ORDINALITY AS t(k, ord) ORDER BY ord`,
        [s.shippedKeysOffered.map(storableText)],
      );
      await c.query(
        `INSERT INTO documents (id, document)
         SELECT e->>'id', e FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, ord) ORDER BY ord`,
        [storableJson(s.documents)],
      );
      return { result: undefined, changed: true };
    });
  }

  async filings(): Promise<readonly Filing[]> {
    return this.#withClient((c) => readFilings(c, this.location));
  }

  addFiling(input: NewFiling): Promise<Filing> {
    const actor = currentActor();
    return this.#write(
      "alone",
      async (c) => {
        const { rows } = await c.query<{ id: string }>("SELECT id FROM filings");
        const filing = planFiling(new Set(rows.map((r) => r.id)), input, actor);
        await insertFilings(c, [filing]);
        return { result: filing, changed: true, audit: filingAudit("filing.add", filing) };
      },
      actor,
    );
  }

  addFilingEvent(id: string, input: NewFilingEvent): Promise<Filing> {
    const actor = currentActor();
    return this.#write(
      "alone",
      async (c) => {
        const found = filingToChange(await readFilings(c, this.location), id);
        const next = planFilingEvent(found, input, actor);
        if (next === found) return { result: found, changed: false };
        await replaceFiling(c, next);
        return { result: next, changed: true, audit: filingAudit("filing.step", next) };
      },
      actor,
    );
  }

  recordDecision(id: string, input: NewFilingEvent, effects: DecisionEffects): Promise<RecordedDecision> {
    const actor = currentActor();
    return this.#write(
      "alone",
      async (c) => {
        const found = filingToChange(await readFilings(c, this.location), id);
        const filing = planFilingEvent(found, input, actor);
        if (filing !== found) await replaceFiling(c, filing);
        const { out, added } = await this.#planFacts(c, effects.facts);
        const docs = await putDocumentsIn(c, effects.documents);
        return {
          result: { filing, facts: out },
          changed: filing !== found || added.length > 0 || docs.changed,
          // Inserted by #write with the audit entries, one for each kind of change.
          facts: added,
          audit: [
            filing !== found ? filingAudit("filing.step", filing) : undefined,
            factsAudit("fact.add", added),
            docs.audit,
          ],
        };
      },
      actor,
    );
  }

  async meetings(): Promise<readonly CouncilMeeting[]> {
    return this.#withClient((c) => readMeetings(c, this.location));
  }

  addMeetings(input: readonly CouncilMeeting[]): Promise<CouncilMeeting[]> {
    return this.#write("alone", async (c) => {
      const added = meetingsToAdd(await readMeetings(c, this.location), input);
      await insertMeetings(c, added);
      return { result: added, changed: added.length > 0, audit: meetingsAudit(added) };
    });
  }

  async revision(): Promise<string> {
    return this.#listener?.current() ?? this.#withClient((c) => revisionOn(c));
  }

  /**
   * LISTENs for the revision every write NOTIFYs (see revision-listener.ts): from then on reads
   * at an unchanged revision are answered from memory, and another process's write is seen as
   * soon as its notification arrives (milliseconds). Without it (a short command), every read
   * asks the database for the revision.
   */
  async watch(): Promise<void> {
    if (this.#listener) return;
    this.#listener = await RevisionListener.start(this.url, {
      read: async (c) => {
        const { revision, keys } = await revisionsOn(c);
        this.#keysHeard = keys;
        return revision;
      },
    });
  }

  async close(): Promise<void> {
    // The sockets being closed are unref'd (idle ones, allowExitOnIdle; the listener's): without a
    // handle of its own, a process awaiting close() could run out of work before they end (exit 13).
    const holding = setInterval(() => undefined, 60_000);
    try {
      await this.#listener?.close();
      this.#listener = undefined;
      await this.#pool.end();
    } finally {
      clearInterval(holding);
    }
  }

  /**
   * The facts the planner may meet, in one round trip: those making the inputs' statements (by
   * the statement's hash), and the ids taken among those their ids start from.
   */
  async #planFacts(c: Client, inputs: readonly NewFact[]): Promise<{ out: Fact[]; added: Fact[] }> {
    if (inputs.length === 0) return { out: [], added: [] };
    const hashes = [...new Set(inputs.map(statementHash))];
    const bases = [...new Set(inputs.map((f) => storableText(factIdBase(f))))];
    const { rows } = await c.query<{ same: FactRow[]; taken: string[] }>(
      `SELECT
         coalesce((SELECT json_agg(f ORDER BY f.seq) FROM (
           SELECT seq, ${factColumns} FROM facts WHERE statement_hash = ANY($1::text[])) f), '[]') AS same,
         coalesce((SELECT array_agg(t.id) FROM (
           SELECT f.id FROM facts f WHERE f.id = ANY($2::text[])
           UNION ALL
           SELECT f.id FROM unnest($2::text[]) AS b(base)
             JOIN facts f ON f.id >= (b.base || '.') COLLATE "C" AND f.id < (b.base || '/') COLLATE "C") t),
           '{}') AS taken`,
      [hashes, bases],
    );
    const byStatement = new Map<string, Fact>();
    for (const row of rows[0]?.same ?? []) {
      const fact = factOf(row, this.location);
      byStatement.set(factStatement(fact), fact); // the last recorded wins, as in the embedded store
    }
    const ids = new Set((rows[0]?.taken ?? []).map((id) => fromStored(id)));
    return planFacts({ same: (s) => byStatement.get(s), idTaken: (id) => ids.has(id) }, inputs);
  }

  /**
   * Adds the shipped keys this database has not been offered (offerShippedKeys), in one write;
   * nothing is written when there is nothing new.
   */
  async #offerShippedKeys(): Promise<void> {
    // Looked at first without the write lock: opening never waits for another process's import.
    const seen = new Set(await this.#withClient((c) => readOffered(c)));
    if (shippedFactKeys.every((k) => seen.has(k.key))) return;
    await this.#write("alone", async (c) => {
      const factKeys = await readFactKeys(c, this.location);
      const offered = await readOffered(c);
      const data: Database = {
        schemaVersion,
        facts: [],
        documents: [],
        factKeys,
        shippedKeysOffered: offered,
        tokens: [],
        audit: [],
        savedDrafts: [],
        filings: [],
        meetings: [],
      };
      const next = offerShippedKeys(data);
      if (next === data) return { result: undefined, changed: false };
      await appendFactKeys(c, next.factKeys.slice(factKeys.length));
      await keysChanged(c);
      await c.query(
        `INSERT INTO shipped_keys_offered (key)
         SELECT k FROM unnest($1::text[]) WITH ORDINALITY AS t(k, ord) ORDER BY ord ON CONFLICT (key) DO NOTHING`,
        [next.shippedKeysOffered.slice(offered.length).map(storableText)],
      );
      return { result: undefined, changed: true };
    });
  }

  /**
   * What was read at the current revision, else read again — the revision and the data in one
   * snapshot, so the data kept is exactly that revision's.
   */
  async #kept<T>(
    get: () => Kept<T> | undefined,
    set: (k: Kept<T>) => void,
    read: (c: Client) => Promise<T>,
  ): Promise<T> {
    const pushed = this.#listener?.current();
    const known = get();
    if (pushed !== undefined && known?.revision === pushed) return known.value;
    return this.#withClient(async (c) => {
      await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        const revision = await revisionOn(c);
        const kept = get();
        if (kept?.revision === revision) return kept.value;
        const value = await read(c);
        set({ revision, value });
        return value;
      } finally {
        await c.query("COMMIT");
      }
    });
  }

  /**
   * One write: a transaction under its advisory locks (see the top of this file; the locks of
   * id bases in ascending order, so two writers never wait for each other in a circle);
   * `change` reads what it needs and writes; when it changed anything, one statement inserts
   * the facts it returns, adds its audit entry (as `actor`, the actor in force when the write
   * was asked for), raises this connection's revision counter and NOTIFYs the revision, in the
   * same transaction. Any failure rolls back all of it.
   */
  async #write<T>(
    locks: WriteLocks,
    change: (c: Client) => Promise<{
      result: T;
      changed: boolean;
      facts?: readonly Fact[] | undefined;
      /** One entry per thing changed (a decision with its facts: one for each), in order. */
      audit?: AuditDraft | readonly (AuditDraft | undefined)[] | undefined;
    }>,
    actor: Actor = currentActor(),
  ): Promise<T> {
    return this.#withClient(async (c) => {
      try {
        // BEGIN and the locks in one round trip (a simple query: no parameters, only the lock
        // numbers, which this program computes — digits and a sign, never a value it was given).
        await c.query(`BEGIN; ${locksSql(locks)}`);
        const { result, changed, facts, audit } = await change(c);
        if (changed) {
          // Told to every listening process when (and only if) this commits. The sum seen here
          // is the revision when no other write commits meanwhile; listeners read it again.
          const audits = (Array.isArray(audit) ? audit : [audit]).filter((a): a is AuditDraft => a !== undefined);
          await finishWrite(
            c,
            facts ?? [],
            audits.map((a) => auditEntry(actor, a)),
          );
        }
        await c.query("COMMIT");
        if (changed) this.#listener?.changed();
        if (changed && locks === "alone") this.#factKeys = undefined; // this process's key change, seen at once
        return result;
      } catch (e) {
        await c.query("ROLLBACK").catch(() => undefined);
        // The database's own failures say where; what `change` threw (a caller's refusal) is passed on as it is.
        if (e instanceof pg.DatabaseError || (e as NodeJS.ErrnoException).syscall !== undefined) {
          throw new MotioneraError({ code: "output_failed", path: this.location, problem: (e as Error).message });
        }
        throw e;
      }
    });
  }

  async #withClient<T>(use: (c: Client) => Promise<T>): Promise<T> {
    let client: Client;
    try {
      client = await this.#pool.connect();
    } catch (e) {
      throw new MotioneraError({ code: "database_unreachable", database: this.location, problem: connectProblem(e) });
    }
    let broken: Error | undefined;
    try {
      return await use(client);
    } catch (e) {
      if (!(e instanceof MotioneraError)) broken = e as Error;
      throw e;
    } finally {
      client.release(broken);
    }
  }
}

/** Why a connection failed, in the words PostgreSQL or the network gave. */
function connectProblem(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code && !err.message.includes(err.code) ? `${err.message} (${err.code})` : err.message;
}

/** The revision: the database's instance and the number of writes committed (the counters' sum). */
async function revisionOn(c: pg.ClientBase): Promise<string> {
  const { rows } = await c.query<{ instance: string; revision: string }>(
    `SELECT instance::text AS instance, (SELECT coalesce(sum(writes), 0) FROM store_revision)::text AS revision
     FROM store_meta`,
  );
  const row = rows[0];
  return row ? `${row.instance}:${row.revision}` : "none";
}

/** The revision and the key catalog's revision (each with the database's instance), in one statement. */
async function revisionsOn(c: pg.ClientBase): Promise<{ revision: string; keys: string }> {
  const { rows } = await c.query<{ revision: string; keys: string }>(
    `SELECT instance::text || ':' || (SELECT coalesce(sum(writes), 0) FROM store_revision)::text AS revision,
            instance::text || ':' || keys_revision::text AS keys
     FROM store_meta`,
  );
  return rows[0] ?? { revision: "none", keys: "none" };
}

/** Marks a change of the key catalog (by a write that runs alone), for readers' cached keys. */
async function keysChanged(c: Client): Promise<void> {
  await c.query("UPDATE store_meta SET keys_revision = keys_revision + 1, changed_at = now()");
}

async function readOffered(c: Client): Promise<string[]> {
  const { rows } = await c.query<{ key: string }>("SELECT key FROM shipped_keys_offered ORDER BY seq");
  return rows.map((r) => fromStored(r.key));
}

async function readFacts(c: Client, location: string): Promise<Fact[]> {
  const { rows } = await c.query<FactRow>(`SELECT ${factColumns} FROM facts ORDER BY seq`);
  return rows.map((r) => factOf(r, location));
}

async function readFactKeys(c: Client, location: string): Promise<FactDefinition[]> {
  const { rows } = await c.query<{ key: string; definition: unknown }>(
    "SELECT key, definition FROM fact_keys ORDER BY position",
  );
  return rows.map((r) => {
    const parsed = factDefinitionSchema.safeParse(fromStored(r.definition));
    if (parsed.success) return parsed.data;
    throw invalidRow(location, `fact_keys ${r.key}`, parsed.error);
  });
}

/** How many times the documents have changed (raised by the triggers of the search migration). */
async function documentsRevisionOn(c: pg.ClientBase): Promise<string> {
  const { rows } = await c.query<{ at: string }>("SELECT documents_revision::text AS at FROM store_meta");
  return rows[0]?.at ?? "0";
}

async function readDocuments(c: Client, location: string): Promise<CorpusDocument[]> {
  const { rows } = await c.query<{ id: string; document: unknown }>("SELECT id, document FROM documents ORDER BY seq");
  return rows.map((r) => documentOf(r, location));
}

function documentOf(row: { id: string; document: unknown }, location: string): CorpusDocument {
  const parsed = corpusDocumentSchema.safeParse(fromStored(row.document));
  if (parsed.success) return parsed.data;
  throw invalidRow(location, `documents ${row.id}`, parsed.error);
}

/** The statement inserting facts, in order, from the JSON array in parameter `$n` (see factRowsJson). */
const insertFactsSql = (n: number) => `INSERT INTO facts (${factColumns}, statement_hash)
     SELECT e->>'id', e->>'subject', e->>'key', e->'value', e->>'asOf', e->>'since', e->'source', e->>'note',
            e->>'recordedAt', e->>'statementHash'
     FROM jsonb_array_elements($${n}::jsonb) WITH ORDINALITY AS t(e, ord) ORDER BY ord`;

/** Facts (validated, with ids) as the one JSON parameter of insertFactsSql. */
const factRowsJson = (facts: readonly Fact[]) =>
  storableJson(facts.map((f) => ({ ...f, statementHash: storedStatementHash(f) })));

/** Inserts facts in order: one statement, the facts as one JSON parameter. */
async function insertFacts(c: Client, facts: readonly Fact[]): Promise<void> {
  if (facts.length === 0) return;
  await c.query(insertFactsSql(1), [factRowsJson(facts)]);
}

/**
 * The end of a write that changed something, in one statement (one round trip): the facts it
 * adds, its audit entry (numbered by the audit log's sequence), this connection's revision
 * counter raised, and a NOTIFY of the sum it then sees: the revision when no other write commits
 * meanwhile, a hint otherwise (listeners read the revision again).
 */
/** The change putDocuments makes, in the transaction `c` is in. */
async function putDocumentsIn(
  c: Client,
  docs: readonly CorpusDocument[],
): Promise<{ result: { added: string[]; updated: string[] }; changed: boolean; audit?: AuditDraft | undefined }> {
  const valid = checkedDocuments(docs);
  if (valid.length === 0) return { result: { added: [], updated: [] }, changed: false };
  const ids = [...new Set(valid.map((d) => storableText(d.id)))];
  const { rows } = await c.query<{ id: string }>("SELECT id FROM documents WHERE id = ANY($1::text[])", [ids]);
  const existing = new Set(rows.map((r) => fromStored(r.id)));
  const added: string[] = [];
  const updated: string[] = [];
  for (const d of valid) {
    if (existing.has(d.id)) updated.push(d.id);
    else {
      added.push(d.id);
      existing.add(d.id);
    }
  }
  // The last of several with one id wins, in a place of its own (as the embedded store).
  await c.query(
    `INSERT INTO documents (id, document)
       SELECT e->>'id', e FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, ord) ORDER BY ord
       ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document, updated_at = now()`,
    [storableJson(lastOfEachId(valid))],
  );
  return { result: { added, updated }, changed: true, audit: documentsAudit(valid) };
}

async function finishWrite(
  c: Client,
  facts: readonly Fact[],
  audits: readonly Omit<AuditEntry, "seq">[],
): Promise<void> {
  const params: unknown[] = [revisionChannel];
  const steps: { name: string; sql: string }[] = [];
  if (facts.length > 0) {
    params.push(factRowsJson(facts));
    steps.push({ name: "added", sql: `${insertFactsSql(params.length)} RETURNING 1` });
  }
  for (const [k, audit] of audits.entries()) {
    params.push(
      audit.at,
      storableJson(audit.actor),
      audit.action,
      audit.count,
      audit.ids.map(storableText),
      audit.subjects.map(storableText),
    );
    const n = params.length - 5;
    steps.push({
      name: `audited${k}`,
      sql: `INSERT INTO audit_log (at, actor, action, count, ids, subjects)
            VALUES ($${n}, $${n + 1}::jsonb, $${n + 2}, $${n + 3}::integer, $${n + 4}::text[], $${n + 5}::text[])
            RETURNING 1`,
    });
  }
  steps.push({
    name: "raised",
    sql: "UPDATE store_revision SET writes = writes + 1 WHERE shard = pg_backend_pid() % 64 RETURNING writes",
  });
  // Data-modifying WITH steps all run, referenced or not; the counts only make that plain.
  const ctes = steps.map((step) => `${step.name} AS (${step.sql})`).join(",\n     ");
  const counts = steps.map((step) => `(SELECT count(*) FROM ${step.name})`).join(", ");
  await c.query(
    `WITH ${ctes}
     SELECT pg_notify($1, m.instance::text || ':' || ((SELECT sum(writes) FROM store_revision) + 1)::text), ${counts}
     FROM store_meta m`,
    params,
  );
}

interface TokenRow {
  name: string;
  role: string;
  hash: string;
  created_at: string;
  created_by: unknown;
  revoked_at: string | null;
}

const tokenColumns = "name, role, hash, created_at, created_by, revoked_at";

function tokenOf(stored: TokenRow, location: string): ApiToken {
  const row = fromStored(stored);
  const parsed = apiTokenSchema.safeParse({
    name: row.name,
    role: row.role,
    hash: row.hash,
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
  });
  if (parsed.success) return parsed.data;
  throw invalidRow(location, `api_tokens ${row.name}`, parsed.error);
}

async function readTokens(c: Client, location: string): Promise<ApiToken[]> {
  const { rows } = await c.query<TokenRow>(`SELECT ${tokenColumns} FROM api_tokens ORDER BY seq`);
  return rows.map((r) => tokenOf(r, location));
}

async function insertTokens(c: Client, tokens: readonly ApiToken[]): Promise<void> {
  if (tokens.length === 0) return;
  await c.query(
    `INSERT INTO api_tokens (${tokenColumns})
     SELECT e->>'name', e->>'role', e->>'hash', e->>'createdAt', e->'createdBy', e->>'revokedAt'
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, ord) ORDER BY ord`,
    [storableJson(tokens)],
  );
}

interface AuditRow {
  seq: string;
  at: string;
  actor: unknown;
  action: string;
  count: number;
  ids: string[];
  subjects: string[];
}

const auditColumns = "seq::text AS seq, at, actor, action, count, ids, subjects";

function auditOf(stored: AuditRow, location: string): AuditEntry {
  const row = fromStored(stored);
  const parsed = auditEntrySchema.safeParse({ ...row, seq: Number(row.seq) });
  if (parsed.success) return parsed.data;
  throw invalidRow(location, `audit_log ${row.seq}`, parsed.error);
}

async function readAudit(c: Client, location: string): Promise<AuditEntry[]> {
  const { rows } = await c.query<AuditRow>(`SELECT ${auditColumns} FROM audit_log ORDER BY audit_log.seq`);
  return rows.map((r) => auditOf(r, location));
}

/** Inserts audit entries as they are (numbers kept: a restore). */
async function insertAudit(c: Client, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await c.query(
    `INSERT INTO audit_log (seq, at, actor, action, count, ids, subjects)
     SELECT (e->>'seq')::bigint, e->>'at', e->'actor', e->>'action', (e->>'count')::integer,
            ARRAY(SELECT x FROM jsonb_array_elements_text(e->'ids') WITH ORDINALITY AS i(x, o) ORDER BY o),
            ARRAY(SELECT x FROM jsonb_array_elements_text(e->'subjects') WITH ORDINALITY AS s(x, o) ORDER BY o)
     FROM jsonb_array_elements($1::jsonb) AS t(e)`,
    [storableJson(entries)],
  );
}

interface SavedDraftRow {
  draft: unknown;
}

function savedDraftOf(stored: SavedDraftRow, location: string): SavedDraft {
  const parsed = savedDraftSchema.safeParse(fromStored(stored.draft));
  if (parsed.success) return parsed.data;
  throw invalidRow(location, `saved_drafts ${String((stored.draft as { id?: unknown })?.id)}`, parsed.error);
}

/** Everyone who made the draft or saved a version of it, by actor name, once each. */
const draftActors = (d: SavedDraft): string[] =>
  [...new Set([d.createdBy, ...d.versions.map((v) => v.savedBy)].map(actorName))].map(storableText);

/** Saved drafts: newest save first (a listing), or in the order made (a snapshot, as the embedded file keeps them). */
async function readSavedDrafts(
  c: Client,
  location: string,
  filter: SavedDraftFilter,
  order: "newest" | "made" = "newest",
): Promise<SavedDraft[]> {
  const by = filter.by ? storableText(actorName(filter.by)) : undefined;
  // One statement for every filter and order: a null actor matches all; the order is a parameter too.
  const { rows } = await c.query<SavedDraftRow>(
    `SELECT draft FROM saved_drafts WHERE $1::text IS NULL OR $1::text = ANY(actors)
     ORDER BY CASE WHEN $2::text = 'made' THEN seq END,
       saved_at COLLATE "C" DESC, id COLLATE "C"`,
    [by ?? null, order],
  );
  return rows.map((r) => savedDraftOf(r, location));
}

/** Inserts saved drafts as they are, in order (a restore). */
async function insertSavedDrafts(c: Client, drafts: readonly SavedDraft[]): Promise<void> {
  for (const d of drafts)
    await c.query("INSERT INTO saved_drafts (id, actors, saved_at, draft) VALUES ($1, $2::text[], $3, $4::jsonb)", [
      d.id,
      draftActors(d),
      d.versions.at(-1)!.savedAt,
      storableJson(d),
    ]);
}

/** Appends key definitions to the catalog, in order, after the last position held. */
async function appendFactKeys(c: Client, keys: readonly FactDefinition[]): Promise<void> {
  if (keys.length === 0) return;
  await c.query(
    `INSERT INTO fact_keys (key, position, definition)
     SELECT e->>'key', (SELECT coalesce(max(position), -1) FROM fact_keys) + ord::integer, e
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, ord)`,
    [storableJson(keys)],
  );
}

/** Documents with one id given several times: the last one, at the place of the first (as the embedded store). */
function lastOfEachId(docs: readonly CorpusDocument[]): CorpusDocument[] {
  const byId = new Map<string, CorpusDocument>();
  for (const d of docs) byId.set(d.id, d);
  return [...byId.values()];
}
