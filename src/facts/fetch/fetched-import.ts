/**
 * Fetched values become facts through the import machinery (src/facts/import/): each request's
 * values are handed to `importFacts` as the file that request answered — a Kolada response for
 * Kolada, a plain list for SCB — with its source (title, publisher, the request's URL, the
 * fetch date), checked and planned (new, changed, unchanged; an unchanged value for a date
 * already held is not stored twice; history is kept) without writing.
 *
 * All or nothing over the whole fetch: every batch is planned first; any problem throws before
 * anything is stored; then every fact to record, and every key the fetch creates (one the
 * catalog lacked that got values), go to the store in one write.
 */
import type { Fact } from "../../domain/fact.js";
import type { NewFact, Store } from "../../store/store.js";
import type { FactDefinition } from "../catalog.js";
import type { ChosenKey } from "./fact-keys.js";
import { importFacts, type FactImportResult } from "../import/import-facts.js";
import type { ChangeKind, PlannedFact } from "../import/plan.js";

/** One request's values for one key (and, for SCB, one period), as the file importFacts reads. */
export interface FetchBatch {
  key: FactDefinition;
  url: string;
  /** The answer as a file: Kolada's JSON, or a plain JSON list of {kommun, värde}. */
  bytes: Uint8Array;
  sourceTitle: string;
  publisher: string;
  /** The fetch date (the source's date). */
  fetchedOn: string;
  /** Plain lists only: the period the values describe (Kolada rows carry their own). */
  asOf?: string;
}

/** A value the fetch left out before import, and why (no value at all in the answer). */
export interface FetchSkip {
  url: string;
  subject?: string;
  reason: string;
}

export interface FetchedFact extends PlannedFact {
  url: string;
}

/** What a fetch does to one key. */
export interface FetchedKey {
  key: string;
  label: string;
  /** "Kolada: Invånare totalt, antal (N01951)". */
  sourceTitle: string;
  publisher: string;
  facts: FetchedFact[];
  skipped: FetchSkip[];
  counts: Record<ChangeKind | "skipped", number>;
  /** How many facts are (or, in a dry run, would be) stored. */
  recorded: number;
  /** The catalog lacked the key: this fetch creates it (in a dry run: would create it). */
  created: boolean;
}

export interface FetchReport {
  service: "kolada" | "scb";
  fetchedOn: string;
  keys: FetchedKey[];
  /** The definitions of the keys the fetch created (in a dry run: would create). */
  createdKeys: FactDefinition[];
  /** The data requests (first-page URLs) asked. */
  urls: string[];
  /** HTTP requests sent in all (pages, metadata and retries included). */
  requests: number;
  committed: boolean;
}

/** A value as the bytes of a JSON file. */
export const jsonFile = (x: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(x));

/** Plans one batch (never writes). */
async function planBatch(store: Store, b: FetchBatch): Promise<FactImportResult> {
  return importFacts(store, {
    key: b.key.key,
    fileName: b.url,
    bytes: b.bytes,
    sourceTitle: b.sourceTitle,
    publisher: b.publisher,
    sourceDate: b.fetchedOn,
    url: b.url,
    // A key the fetch is about to create is not in the store's catalog yet.
    definition: b.key,
    ...(b.asOf ? { asOf: b.asOf } : {}),
    ...(b.asOf ? { municipalityColumn: "kommun", valueColumn: "värde" } : {}),
    commit: false,
  });
}

const factIds = (facts: readonly Fact[], keys: ReadonlySet<string>) =>
  facts
    .filter((f) => keys.has(f.key))
    .map((f) => f.id)
    .join("\n");

/**
 * Plans every batch, then (unless a dry run) records what the plans say, with the keys to
 * create, in one write. If the keys' facts changed while planning, plans again once.
 */
export async function importFetched(
  store: Store,
  batches: readonly FetchBatch[],
  skips: ReadonlyMap<string, FetchSkip[]>,
  commit: boolean,
  /** The keys asked for (a key with nothing fetched is still named), and whether each is to be created. */
  chosen: readonly ChosenKey[],
): Promise<{ keys: FetchedKey[]; createdKeys: FactDefinition[]; committed: boolean }> {
  const defs = chosen.map((c) => c.def);
  const keyNames = new Set(batches.map((b) => b.key.key));
  let before = factIds(await store.facts(), keyNames);
  let results: { batch: FetchBatch; result: FactImportResult }[] = [];
  for (let round = 0; round < 2; round++) {
    results = [];
    for (const batch of batches) results.push({ batch, result: await planBatch(store, batch) });
    if (!commit) break;
    const now = factIds(await store.facts(), keyNames);
    if (now === before) break;
    before = now;
  }

  const byKey = new Map<string, FetchedKey>();
  for (const name of new Set([...keyNames, ...skips.keys()])) {
    const batch = batches.find((b) => b.key.key === name);
    const keySkips = skips.get(name) ?? [];
    byKey.set(name, {
      key: name,
      label: batch?.key.label ?? defs.find((d) => d.key === name)?.label ?? name,
      sourceTitle: batch?.sourceTitle ?? "",
      publisher: batch?.publisher ?? "",
      facts: [],
      skipped: [...keySkips],
      counts: { new: 0, changed: 0, unchanged: 0, skipped: keySkips.length },
      recorded: 0,
      created: false,
    });
  }
  for (const { batch, result } of results) {
    const k = byKey.get(batch.key.key)!;
    k.facts.push(...result.facts.map((f) => ({ ...f, url: batch.url })));
    k.skipped.push(
      ...result.skipped.map((s) => ({
        url: batch.url,
        ...(s.subject ? { subject: s.subject } : {}),
        reason: s.reason,
      })),
    );
    for (const kind of ["new", "changed", "unchanged", "skipped"] as const) k.counts[kind] += result.counts[kind];
    k.recorded += result.recorded;
  }

  // A new key comes with its values: one that got none is not created.
  let createdKeys = chosen.filter((c) => c.create && (byKey.get(c.def.key)?.recorded ?? 0) > 0).map((c) => c.def);
  if (commit) {
    const news: NewFact[] = results.flatMap(({ batch, result }) =>
      result.facts
        .filter((f) => f.record)
        .map((f) => ({ subject: f.subject, key: batch.key.key, value: f.value, asOf: f.asOf, source: result.source })),
    );
    if (news.length > 0 || createdKeys.length > 0)
      createdKeys = (await store.addFactKeysAndFacts(createdKeys, news)).keys;
  }
  for (const def of createdKeys) {
    const k = byKey.get(def.key);
    if (k) k.created = true;
  }
  return { keys: [...byKey.values()], createdKeys, committed: commit };
}
