import type { CorpusDocument } from "../domain/corpus-document.js";
import type { Fact } from "../domain/fact.js";
import type { FactDefinition } from "../domain/fact-key.js";
import type { ApiToken, NewApiToken } from "../domain/api-token.js";
import type { AuditEntry, AuditFilter } from "../domain/audit.js";
import type { CouncilMeeting, Filing, NewFiling, NewFilingEvent } from "../domain/filing.js";
import type { StoreSnapshot } from "./snapshot.js";
import type { SavedDraft, SavedDraftState } from "../domain/saved-draft.js";
import type { SavedDraftFilter } from "./saved-draft-writes.js";

/** A stored document's id and content hash (`documentHashes`). */
export interface DocumentHash {
  id: string;
  contentHash: string | undefined;
}

/** A fact as a caller submits it; the store assigns id and recordedAt. */
export type NewFact = Omit<Fact, "id" | "recordedAt">;

/** What a decision establishes, written with it (`Store.recordDecision`). */
export interface DecisionEffects {
  facts: readonly NewFact[];
  documents: readonly CorpusDocument[];
}

/** The filing after the decision, and the facts as stored (the one already stored where a fact was there). */
export interface RecordedDecision {
  filing: Filing;
  facts: Fact[];
}

/**
 * Storage behind one interface: the lowdb JSON file is the embedded default; a larger
 * deployment can provide another implementation without touching callers.
 *
 * Every write that changes something records one audit entry in the same write (all of it or
 * none), naming the actor in force when the write was asked for (`actingAs`, actor-context.ts;
 * outside one: the CLI and the OS user). A write that changes nothing records nothing.
 */
export interface Store {
  /** Where the data lives (a file path for lowdb), for messages. */
  readonly location: string;
  /** Every fact, history included. */
  facts(): Promise<readonly Fact[]>;
  /** Records a fact. An existing value is never overwritten: history is kept. */
  addFact(fact: NewFact): Promise<Fact>;
  /**
   * Records many facts in one write: all of them are stored, or none (an import). Each is
   * deduplicated as `addFact` does; returns the stored fact for each input, in order.
   */
  addFacts(facts: readonly NewFact[]): Promise<Fact[]>;
  /** The fact-key catalog's definitions, in catalog order. */
  factKeys(): Promise<readonly FactDefinition[]>;
  /**
   * Changes the key definitions in one write, on the data as stored now: `change` gets the
   * keys and the facts, returns the new list of keys (or throws to refuse, writing nothing).
   */
  changeFactKeys<T>(
    change: (keys: readonly FactDefinition[], facts: readonly Fact[]) => { keys: readonly FactDefinition[]; result: T },
  ): Promise<T>;
  /**
   * Adds key definitions and records facts in one write: all of it is stored, or none (a fetch
   * that registers the keys it stores under). A key the catalog already has is left as it is;
   * the facts are deduplicated as `addFacts` does. Returns the keys added, and the stored fact
   * for each input, in order.
   */
  addFactKeysAndFacts(
    keys: readonly FactDefinition[],
    facts: readonly NewFact[],
  ): Promise<{ keys: FactDefinition[]; facts: Fact[] }>;
  /** The named API tokens, revoked ones too, in the order made. */
  tokens(): Promise<readonly ApiToken[]>;
  /** The token whose secret has this SHA-256 (hex), revoked or not; undefined when none has. */
  tokenByHash(hash: string): Promise<ApiToken | undefined>;
  /** Makes a named token; a name in use (revoked or not) is refused with token_exists. */
  createToken(token: NewApiToken): Promise<ApiToken>;
  /**
   * Revokes a token by name (it can no longer be used; it stays listed, and its name taken).
   * An unknown name: token_unknown with the nearest names. Revoking again changes nothing.
   */
  revokeToken(name: string): Promise<ApiToken>;
  /** Audit entries, newest first: those touching a fact id or a subject code, at most `limit` (default 50). */
  audit(filter?: AuditFilter): Promise<readonly AuditEntry[]>;
  /** Saved drafts (saved-draft-writes.ts), newest save first: all, or those an actor made or saved a version of. */
  savedDrafts(filter?: SavedDraftFilter): Promise<readonly SavedDraft[]>;
  /** The saved draft with this id; undefined when none has it (or the id is not one). */
  savedDraft(id: string): Promise<SavedDraft | undefined>;
  /**
   * Saves a new draft of one version, by the actor in force, with a new unguessable id; `duplicatedFrom`:
   * the draft it copies. A state the schema refuses: input_invalid, nothing written.
   */
  createSavedDraft(state: SavedDraftState, options?: { duplicatedFrom?: string }): Promise<SavedDraft>;
  /** Saves a new version of a draft (the earlier ones kept); undefined when there is no draft of that id. */
  addSavedDraftVersion(id: string, state: SavedDraftState): Promise<SavedDraft | undefined>;
  /** Everything the store holds, for a copy to another engine (`motionera db copy`). */
  snapshot(): Promise<StoreSnapshot>;
  /**
   * Replaces everything with a snapshot, ids and recording times kept (tokens and the audit log
   * too, as they are: the restore adds no entry of its own, so the copy is exact), in one write. For a copy
   * into a store that holds no facts and no documents (the caller checks).
   */
  restore(snapshot: StoreSnapshot): Promise<void>;
  /** Every corpus document. */
  documents(): Promise<readonly CorpusDocument[]>;
  document(id: string): Promise<CorpusDocument | undefined>;
  /**
   * Every corpus document's id and content hash, in the order of `documents()`, without their texts: what an import
   * needs to skip what is stored already (the embedded store keeps a large corpus's texts on disk, not in memory).
   */
  documentHashes(): Promise<readonly DocumentHash[]>;
  /**
   * Adds or replaces documents (by id) in one write: all of them are stored, or none.
   * Returns which ids were added and which replaced.
   */
  putDocuments(docs: readonly CorpusDocument[]): Promise<{ added: string[]; updated: string[] }>;
  /** Every filed document (ärende) with its whole history, in the order filed in the store. */
  filings(): Promise<readonly Filing[]>;
  /**
   * Records a filed document: the store names it ("<date>-<title>", see filing-writes.ts) and
   * records its first event (the filing itself, with the actor and the time).
   */
  addFiling(filing: NewFiling): Promise<Filing>;
  /**
   * Records a step of a filed document, or a correction of one (`corrects`), as a new event:
   * the history keeps every event with who recorded it and when. An unknown id: filing_unknown;
   * a step that does not fit: input_invalid naming its field. A correction that changes nothing
   * records nothing.
   */
  addFilingEvent(id: string, event: NewFilingEvent): Promise<Filing>;
  /**
   * Records a decision (or any step) together with what it establishes, in one write: the facts
   * (deduplicated as `addFacts` does; their source is the protocol) and corpus documents (the
   * decided motion as a record, put as `putDocuments` does). All of it is stored, or none.
   */
  recordDecision(id: string, event: NewFilingEvent, effects: DecisionEffects): Promise<RecordedDecision>;
  /** The council meetings (sammanträden) entered or imported, every municipality, in the order added. */
  meetings(): Promise<readonly CouncilMeeting[]>;
  /** Adds the meetings not yet held (same municipality, date and body) in one write; returns those added. */
  addMeetings(meetings: readonly CouncilMeeting[]): Promise<CouncilMeeting[]>;
  /**
   * Changes whenever the stored data changes (for the embedded store: the file's size and
   * modification time), so derived files such as the search index know when to rebuild.
   */
  revision(): Promise<string>;
  /**
   * For a long-running process (the service): keeps this process in step with the writes of
   * other processes as they happen, so reads at an unchanged revision need not ask. PostgreSQL:
   * LISTEN/NOTIFY on the store's channel; the embedded file: nothing to do (one writing process,
   * and `revision()` is a stat of the file).
   */
  watch(): Promise<void>;
  /** Waits for pending writes and gives up this process's claim to write (the process's exit does it too). */
  close(): Promise<void>;
}
