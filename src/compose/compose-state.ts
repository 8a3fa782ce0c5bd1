/** What the helpers of one composition share: the facts they may cite and the citations made. */
import type { Citation, CitedRecord } from "../domain/draft.js";
import type { Place } from "../domain/municipality.js";
import { countyByCode, municipalityByCode } from "../data/places.js";
import type { FrontMatter } from "../domain/template.js";
import type { FactRegistry } from "../facts/registry.js";
import { factDefinition } from "../facts/catalog.js";
import { formatFactValue } from "../facts/format-value.js";
import { citationMarker, placeholderMarker } from "./citation-marker.js";
import { slotMarker, type FormSlot } from "./form-slots.js";
import { cliWording, type FactWording } from "../messages.sv.js";
import type { Fact } from "../domain/fact.js";
import type { Signer } from "../domain/signer.js";
import type { DraftWarning } from "../domain/errors.js";
import type { CorpusArgument, CorpusDocument } from "../domain/corpus-document.js";
import { argumentTypeLabel } from "../domain/vocabulary.js";
import { perObject } from "../domain/per-object.js";

/** An argument from a corpus document that the user chose to include. */
export interface SelectedArgument {
  ref: string;
  document: CorpusDocument;
  argument: CorpusArgument;
}

/** A claim a template made about the municipality, and what backs it (see the `claim` helper). */
export interface ClaimRecord {
  facts: string[];
  inputs: string[];
}

export interface ComposeStateOptions {
  place: Place;
  registry: FactRegistry;
  frontMatter: FrontMatter;
  signers: readonly Signer[];
  selectedArguments?: readonly SelectedArgument[];
  /** Records the caller supplied as sources (a filed document and its history). */
  records?: readonly CitedRecord[];
  /** The draft's date (YYYY-MM-DD): what "now" means for the text. */
  date: string;
  /** How a placeholder for a missing fact says to add it (the command line's words by default). */
  wording?: FactWording;
}

/** The fact keys each template declares under `facts:`, by its parsed front matter (which never changes). */
const declared = perObject((fm: FrontMatter): ReadonlySet<string> => new Set(fm.facts.map((f) => f.key)));

/** What a fact's note says (its source, as-of, since and qualifier), by fact: registry facts never change. */
const noteKey = perObject((fact: Fact): string =>
  JSON.stringify([fact.source, fact.asOf, fact.since ?? null, fact.note ?? null]),
);

export class ComposeState {
  readonly citations: Citation[] = [];
  /** What the signer must fill in, in order of the markers' numbers. */
  readonly placeholders: string[] = [];
  /** The parts that come from the form (dateline, signatures …), in order of their markers' numbers. */
  readonly slots: FormSlot[] = [];
  readonly wording: FactWording;
  /** The claims the text makes, with their backing. */
  readonly claims: ClaimRecord[] = [];
  /** "Kontrollera" items the helpers found (a default committee name). */
  readonly checks: DraftWarning[] = [];
  readonly #byFactId = new Map<string, number>();
  readonly #byNote = new Map<string, number>();
  /** Every fact the text cites, with the note it is cited under. */
  readonly citedFacts: { fact: Fact; subjectName: string; n: number }[] = [];
  readonly place: Place;
  readonly registry: FactRegistry;
  readonly frontMatter: FrontMatter;
  readonly signers: readonly Signer[];
  readonly selectedArguments: readonly SelectedArgument[];
  readonly records: readonly CitedRecord[];
  readonly date: string;
  readonly #declared: ReadonlySet<string>;

  constructor(o: ComposeStateOptions) {
    this.place = o.place;
    this.registry = o.registry;
    this.frontMatter = o.frontMatter;
    this.signers = o.signers;
    this.selectedArguments = o.selectedArguments ?? [];
    this.records = o.records ?? [];
    this.date = o.date;
    this.wording = o.wording ?? cliWording;
    this.#declared = declared(o.frontMatter);
  }

  /** The note number a fact has been cited under, if it has been. */
  citationNumber(factId: string): number | undefined {
    return this.#byFactId.get(factId);
  }

  /** Adds a "kontrollera" item once. */
  check(w: DraftWarning): void {
    if (!this.checks.some((c) => JSON.stringify(c) === JSON.stringify(w))) this.checks.push(w);
  }

  /**
   * The fact behind a key, or undefined; refuses keys the template did not declare. `of` (an
   * SCB municipality code, a county code or "SE") asks about another subject than the draft's
   * municipality: "Stockholms stad driver Mikamottagningen" in a motion for Lidingö.
   */
  lookup(key: string, of?: string): { fact: Fact; subjectName: string } | undefined {
    if (!this.#declared.has(key)) {
      throw new Error(`the template cites "${key}" but does not declare it under facts:`);
    }
    if (of === undefined) return this.registry.resolve(this.place, key);
    const name = of === "SE" ? "Sverige" : (municipalityByCode(of)?.name ?? countyByCode(of)?.name);
    if (name === undefined) throw new Error(`of="${of}": not a municipality code, a county code or SE`);
    const fact = this.registry.latest(of, key);
    return fact ? { fact, subjectName: name } : undefined;
  }

  /** Every value of a key (oldest first) for the subject `lookup` would cite, or undefined. */
  lookupHistory(key: string): { facts: readonly Fact[]; subjectName: string } | undefined {
    const found = this.lookup(key);
    if (!found) return undefined;
    const facts = this.registry.history(found.fact.subject, key);
    return { facts: facts.length > 0 ? facts : [found.fact], subjectName: found.subjectName };
  }

  /**
   * Records one citation for several values of a key from the same source (a history) and
   * returns its marker: one note per source, naming each value with its date.
   */
  citeValues(facts: readonly Fact[], subjectName: string, valueText: string): string {
    if (facts.length === 1) return this.cite(facts[0]!, subjectName);
    const id = facts.map((f) => f.id).join("+");
    let n = this.#byFactId.get(id);
    if (n === undefined) {
      n = this.citations.length + 1;
      const last = facts[facts.length - 1]!;
      const notes = [...new Set(facts.map((f) => f.note).filter((x): x is string => x !== undefined))];
      this.citations.push({
        kind: "fact",
        n,
        factId: id,
        key: last.key,
        label: factDefinition(last.key)?.label ?? last.key,
        subjectName,
        value: valueText,
        asOf: last.asOf,
        // The note says the values span from the first to the last date ("Uppgiften gäller 2021–2023").
        ...(facts[0]!.asOf && facts[0]!.asOf !== last.asOf ? { since: facts[0]!.asOf } : {}),
        ...(notes.length ? { note: notes.join("; ") } : {}),
        source: last.source,
      });
      this.#byFactId.set(id, n);
    }
    return citationMarker(n);
  }

  /** Records a placeholder ("[FYLL I: text]") and returns its marker. */
  placeholder(text: string): string {
    this.placeholders.push(text);
    return placeholderMarker(this.placeholders.length);
  }

  /** Records a part that comes from the form and returns its marker (composing fills it in). */
  slot(slot: FormSlot): string {
    this.slots.push(slot);
    return slotMarker(this.slots.length);
  }

  /** Records a citation of a record the caller supplied (by its id) and returns its marker; an unknown id throws. */
  citeRecord(id: string): string {
    const record = this.records.find((r) => r.id === id);
    if (!record)
      throw new Error(
        `no record "${id}" was given to this draft (records: ${this.records.map((r) => r.id).join(", ")})`,
      );
    const key = `record:${id}`;
    let n = this.#byFactId.get(key);
    if (n === undefined) {
      n = this.citations.length + 1;
      this.citations.push({ kind: "record", n, recordId: id, label: record.label, source: record.source });
      this.#byFactId.set(key, n);
    }
    return citationMarker(n);
  }

  /** Records a citation of an argument taken from a corpus document and returns its marker. */
  citeArgument(a: SelectedArgument): string {
    const id = `corpus:${a.ref}`;
    let n = this.#byFactId.get(id);
    if (n === undefined) {
      n = this.citations.length + 1;
      const d = a.document;
      this.citations.push({
        kind: "argument",
        n,
        documentId: d.id,
        ref: a.ref,
        title: d.title,
        label: argumentTypeLabel(a.argument.type),
        claim: a.argument.claim,
        subjectName: d.municipality?.name ?? d.county?.name ?? "Sverige",
        date: d.date,
        source: {
          title: d.source.title,
          publisher: d.source.publisher,
          date: d.source.date,
          ...(d.source.url ? { url: d.source.url } : {}),
        },
      });
      this.#byFactId.set(id, n);
    }
    return citationMarker(n);
  }

  /**
   * Records a citation of the fact and returns its marker. Facts whose notes would read the
   * same (one source, one date, no qualifier of their own) share one note, as a report cites
   * a source once for a sentence that states two of its figures; every fact is still in
   * `citedFacts`.
   */
  cite(fact: Fact, subjectName: string): string {
    let n = this.#byFactId.get(fact.id);
    if (n === undefined) {
      const same = noteKey(fact);
      n = this.#byNote.get(same);
      if (n === undefined) {
        n = this.citations.length + 1;
        const def = factDefinition(fact.key);
        this.citations.push({
          kind: "fact",
          n,
          factId: fact.id,
          key: fact.key,
          label: def?.label ?? fact.key,
          subjectName,
          value: formatFactValue(fact.value, def),
          asOf: fact.asOf,
          ...(fact.since ? { since: fact.since } : {}),
          ...(fact.note ? { note: fact.note } : {}),
          source: fact.source,
        });
        this.#byNote.set(same, n);
      }
      this.#byFactId.set(fact.id, n);
      this.citedFacts.push({ fact, subjectName, n });
    }
    return citationMarker(n);
  }
}
