/** What the helpers of one composition share: the facts they may cite and the citations made. */
import type { Citation } from "../domain/draft.js";
import type { Place } from "../domain/municipality.js";
import type { FrontMatter } from "../domain/template.js";
import type { FactRegistry } from "../facts/registry.js";
import { factDefinition } from "../facts/catalog.js";
import { formatFactValue } from "../facts/format-value.js";
import { citationMarker, placeholderMarker } from "./citation-marker.js";
import type { Fact } from "../domain/fact.js";
import type { Signer } from "../domain/signer.js";
import type { CorpusArgument, CorpusDocument } from "../domain/corpus-document.js";
import { argumentTypeLabel } from "../corpus/vocabulary.js";

/** An argument from a corpus document that the user chose to include. */
export interface SelectedArgument {
  ref: string;
  document: CorpusDocument;
  argument: CorpusArgument;
}

export class ComposeState {
  readonly citations: Citation[] = [];
  /** What the signer must fill in, in order of the markers' numbers. */
  readonly placeholders: string[] = [];
  readonly #byFactId = new Map<string, number>();

  constructor(
    readonly place: Place,
    readonly registry: FactRegistry,
    readonly frontMatter: FrontMatter,
    readonly signers: readonly Signer[],
    readonly selectedArguments: readonly SelectedArgument[] = [],
  ) {}

  /** The fact behind a key, or undefined; refuses keys the template did not declare. */
  lookup(key: string): { fact: Fact; subjectName: string } | undefined {
    if (!this.frontMatter.facts.some((f) => f.key === key)) {
      throw new Error(`the template cites "${key}" but does not declare it under facts:`);
    }
    return this.registry.resolve(this.place, key);
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
        n,
        factId: id,
        key: last.key,
        label: factDefinition(last.key)?.label ?? last.key,
        subjectName,
        value: valueText,
        asOf: last.asOf,
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

  /** Records a citation of an argument taken from a corpus document and returns its marker. */
  citeArgument(a: SelectedArgument): string {
    const id = `corpus:${a.ref}`;
    let n = this.#byFactId.get(id);
    if (n === undefined) {
      n = this.citations.length + 1;
      const d = a.document;
      this.citations.push({
        n,
        kind: "argument",
        factId: id,
        key: "argument",
        label: argumentTypeLabel(a.argument.type),
        subjectName: d.municipality?.name ?? d.county?.name ?? "Sverige",
        value: a.argument.claim,
        asOf: d.date,
        source: { title: d.source.title, publisher: d.source.publisher, date: d.source.date, ...(d.source.url ? { url: d.source.url } : {}) },
      });
      this.#byFactId.set(id, n);
    }
    return citationMarker(n);
  }

  /** Records a citation of the fact (once per fact) and returns its marker. */
  cite(fact: Fact, subjectName: string): string {
    let n = this.#byFactId.get(fact.id);
    if (n === undefined) {
      n = this.citations.length + 1;
      const def = factDefinition(fact.key);
      this.citations.push({
        n,
        factId: fact.id,
        key: fact.key,
        label: def?.label ?? fact.key,
        subjectName,
        value: formatFactValue(fact.value, def),
        asOf: fact.asOf,
        ...(fact.note ? { note: fact.note } : {}),
        source: fact.source,
      });
      this.#byFactId.set(fact.id, n);
    }
    return citationMarker(n);
  }
}
