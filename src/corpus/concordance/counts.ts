/**
 * A concordance's counts for its charts: occurrences (and the records they are in) per year
 * and per party, over every occurrence, not one page.
 */
import { parliamentaryParties, partyName } from "../../domain/signer.js";

export interface YearCount {
  year: number;
  occurrences: number;
  documents: number;
}

export interface PartyCount {
  /** "S", a local party's name, or "" for records no party signed. */
  party: string;
  label: string;
  occurrences: number;
  documents: number;
}

export interface ConcordanceCounts {
  /** Every year from the first to the last with an occurrence (years without one count 0), oldest first. */
  years: YearCount[];
  /** Occurrences in undated records. */
  undated: number;
  /** Most occurrences first; a record signed by several parties counts for each. */
  parties: PartyCount[];
}

const partyOrder = (p: string) => {
  const i = (parliamentaryParties as readonly string[]).indexOf(p);
  return i >= 0 ? i : p === "" ? 1000 : 100;
};

/** The party as counted: letters upper-cased, a local party as written. */
export const partyKey = (p: string): string => (p.trim().length <= 2 ? p.trim().toUpperCase() : p.trim());

export class CountsBuilder {
  #years = new Map<number, YearCount>();
  #parties = new Map<string, PartyCount>();
  #undated = 0;

  /** A record's `occurrences` (at least one). */
  add(doc: { date: string | null; parties: readonly string[] }, occurrences: number): void {
    const year = doc.date ? Number(doc.date.slice(0, 4)) : Number.NaN;
    if (Number.isInteger(year)) {
      const y = this.#years.get(year) ?? { year, occurrences: 0, documents: 0 };
      y.occurrences += occurrences;
      y.documents += 1;
      this.#years.set(year, y);
    } else this.#undated += occurrences;
    const parties = [...new Set(doc.parties.map(partyKey).filter(Boolean))];
    for (const party of parties.length ? parties : [""]) {
      const c = this.#parties.get(party) ?? {
        party,
        label: party ? partyName(party) : "",
        occurrences: 0,
        documents: 0,
      };
      c.occurrences += occurrences;
      c.documents += 1;
      this.#parties.set(party, c);
    }
  }

  counts(): ConcordanceCounts {
    const known = [...this.#years.keys()];
    const years: YearCount[] = [];
    if (known.length) {
      const first = Math.min(...known);
      const last = Math.max(...known);
      for (let y = first; y <= last; y++) years.push(this.#years.get(y) ?? { year: y, occurrences: 0, documents: 0 });
    }
    const parties = [...this.#parties.values()].sort(
      (a, b) =>
        b.occurrences - a.occurrences || partyOrder(a.party) - partyOrder(b.party) || a.party.localeCompare(b.party),
    );
    return { years, undated: this.#undated, parties };
  }
}
