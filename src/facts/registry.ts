/**
 * The facts registry read side: the latest value and the history of a key for a
 * municipality, its county or the country, with provenance. Derived keys (see the catalog)
 * are computed here, on the fly, from the stored facts.
 */
import type { Fact } from "../domain/fact.js";
import { comparePartialDates, partialDateEnd } from "../domain/partial-date.js";
import type { Place } from "../domain/municipality.js";
import { activeFactCatalog, factDefinition, isDerived, type FactCatalog, type FactScope } from "./catalog.js";
import { computeDerivedFact, derivedFactsFor, type DerivedFactRow } from "./derived.js";

export const nationalSubject = "SE";

/** The subjects a municipality's facts can come from, most specific first. */
export function subjectsOf(place: Place): { scope: FactScope; subject: string; name: string }[] {
  return [
    { scope: "kommun", subject: place.code, name: place.name },
    { scope: "lan", subject: place.county.code, name: place.county.name },
    { scope: "land", subject: nationalSubject, name: "Sverige" },
  ];
}

/** Oldest first; undated values sort before dated ones (they cannot be "the latest"). */
function byAsOf(a: Fact, b: Fact): number {
  if (a.asOf === b.asOf) return a.recordedAt.localeCompare(b.recordedAt);
  if (a.asOf === null) return -1;
  if (b.asOf === null) return 1;
  return comparePartialDates(a.asOf, b.asOf) || a.recordedAt.localeCompare(b.recordedAt);
}

/**
 * Whether a fact was known on a date (YYYY-MM-DD): the source had been published and the
 * period the value describes had ended by then. Partial dates count by their last day ("2021"
 * is known from 31 December 2021), so a back-dated draft never cites what came later; a
 * source without a date cannot be shown to have existed, so it is not known on any past date
 * (except a law's wording, known from the day it came into force).
 */
export function knownOn(fact: Fact, date: string): boolean {
  const day = (d: string) => partialDateEnd(d).toISOString().slice(0, 10);
  // A rule in force (a law's wording) was known from the day it came into force, even when its
  // source is the law's text as it stands today, which carries no date of its own.
  if (factDefinition(fact.key)?.inForce) return fact.asOf !== null && day(fact.asOf) <= date;
  if (fact.source.date === null || day(fact.source.date) > date) return false;
  return fact.asOf === null || day(fact.asOf) <= date;
}

const MAX_PAST_REGISTRIES = 16;

export class FactRegistry {
  readonly #facts: readonly Fact[];
  readonly #bySubjectKey = new Map<string, Fact[]>();
  readonly #bySubject = new Map<string, Fact[]>();
  readonly #byId = new Map<string, Fact>();
  /** Computed derived facts by subject and key (the registry never changes once built). */
  readonly #derived = new Map<string, Fact | undefined>();
  /** The registry as it stood on each past date asked for (a back-dated draft asks for every document). */
  readonly #knownOn = new Map<string, FactRegistry>();
  /**
   * What `resolve` answered, by place and key: the facts never change, the catalog (scopes,
   * derived keys) may, so the answers are kept for the catalog they were found with.
   */
  #resolved = new WeakMap<Place, Map<string, { fact: Fact; subjectName: string } | undefined>>();
  #resolvedWith: FactCatalog | undefined;

  constructor(facts: readonly Fact[]) {
    this.#facts = facts;
    for (const f of facts) {
      this.#byId.set(f.id, f);
      const k = `${f.subject}\u0000${f.key}`;
      const list = this.#bySubjectKey.get(k) ?? [];
      list.push(f);
      this.#bySubjectKey.set(k, list);
      const bySubject = this.#bySubject.get(f.subject) ?? [];
      bySubject.push(f);
      this.#bySubject.set(f.subject, bySubject);
    }
    for (const list of this.#bySubjectKey.values()) list.sort(byAsOf);
  }

  /**
   * The registry as this program held it at an instant (ISO): only the facts recorded by then (derived keys
   * recomputed). A saved draft re-rendered "with the facts as they were when saved" uses its save time.
   */
  recordedBy(instant: string): FactRegistry {
    const at = Date.parse(instant);
    return new FactRegistry(this.#facts.filter((f) => Date.parse(f.recordedAt) <= at));
  }

  /** The registry as it stood on a past date: only the facts `knownOn` it (derived keys recomputed). */
  knownOn(date: string): FactRegistry {
    let past = this.#knownOn.get(date);
    if (!past) {
      if (this.#knownOn.size >= MAX_PAST_REGISTRIES) this.#knownOn.clear();
      past = new FactRegistry(this.#facts.filter((f) => knownOn(f, date)));
      this.#knownOn.set(date, past);
    }
    return past;
  }

  byId(id: string): Fact | undefined {
    return this.#byId.get(id);
  }

  /** Every value recorded for a subject and key, oldest first; a derived key has its one computed value. */
  history(subject: string, key: string): readonly Fact[] {
    const def = factDefinition(key);
    if (isDerived(def)) {
      const f = this.#derivedFact(subject, key);
      return f ? [f] : [];
    }
    return this.#stored(subject, key);
  }

  /** The value with the latest as-of for a subject and key (computed for a derived key). */
  latest(subject: string, key: string): Fact | undefined {
    const h = this.history(subject, key);
    return h[h.length - 1];
  }

  /** The derived facts for a municipality's county and the country (see `derived` in the catalog). */
  derivedFacts(place: Place): DerivedFactRow[] {
    return derivedFactsFor(place, (subject, key) => this.#latestStored(subject, key));
  }

  #stored(subject: string, key: string): readonly Fact[] {
    return this.#bySubjectKey.get(`${subject}\u0000${key}`) ?? [];
  }

  #latestStored(subject: string, key: string): Fact | undefined {
    const h = this.#stored(subject, key);
    return h[h.length - 1];
  }

  #derivedFact(subject: string, key: string): Fact | undefined {
    const k = `${subject}\u0000${key}`;
    if (!this.#derived.has(k)) {
      const def = factDefinition(key);
      this.#derived.set(
        k,
        isDerived(def) ? computeDerivedFact(def, subject, (s, fk) => this.#latestStored(s, fk)) : undefined,
      );
    }
    return this.#derived.get(k);
  }

  /** All facts about one subject, grouped by key, oldest first within a key. */
  aboutSubject(subject: string): readonly Fact[] {
    return [...(this.#bySubject.get(subject) ?? [])].sort((a, b) => a.key.localeCompare(b.key) || byAsOf(a, b));
  }

  /**
   * The fact a document about `place` cites for `key`: the municipality's own value if it
   * has one, else its county's, else the national one — within the scopes the catalog allows.
   */
  resolve(place: Place, key: string): { fact: Fact; subjectName: string } | undefined {
    const catalog = activeFactCatalog();
    if (this.#resolvedWith !== catalog) {
      this.#resolved = new WeakMap();
      this.#resolvedWith = catalog;
    }
    let ofPlace = this.#resolved.get(place);
    if (!ofPlace) {
      ofPlace = new Map();
      this.#resolved.set(place, ofPlace);
    }
    if (ofPlace.has(key)) return ofPlace.get(key);
    const found = this.#resolve(place, key);
    ofPlace.set(key, found);
    return found;
  }

  #resolve(place: Place, key: string): { fact: Fact; subjectName: string } | undefined {
    const def = factDefinition(key);
    for (const s of subjectsOf(place)) {
      if (def && !def.scopes.includes(s.scope)) continue;
      const fact = this.latest(s.subject, key);
      if (fact) return { fact, subjectName: s.name };
      // The narrowest subject the key applies to has no value: a broader one stands for it
      // only where the catalog says it does (coversMunicipalities), never for a statistic.
      if (def && !def.coversMunicipalities) return undefined;
    }
    return undefined;
  }
}
