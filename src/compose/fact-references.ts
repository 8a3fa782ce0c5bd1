/**
 * Facts cited inside the user's own text: `{fakta:kolada_n15419}` in a background, an
 * att-sats, a question, a lead or a quote. Compose writes the value as `{{cite}}` writes it
 * (the catalog's wording, a count with what it counts) with its source as a note; a value
 * older than a year gets its year ("62,5 procent (2023)"), since the user's sentence cannot
 * know it. A key the registry has no value for becomes a visible placeholder the draft lists
 * (for a Kolada key, with the command that fetches it); an unknown key is a problem naming
 * the field. Everything else in the text stays escaped: the reference is the only thing the
 * user's text can turn into something other than text.
 */
import { randomUUID } from "node:crypto";
import { activeFactCatalog, factDefinition } from "../facts/catalog.js";
import { formatFactValue } from "../facts/format-value.js";
import { isCurrent } from "../facts/staleness.js";
import { yearPhrase } from "../lang/dates.js";
import { nearest } from "../lang/nearest.js";
import type { FieldProblem } from "../domain/field-problem.js";
import type { FrontMatter, TemplateInput } from "../domain/template.js";
import { composeTexts } from "../messages.sv.js";
import type { ComposeState } from "./compose-state.js";
import type { InputValues } from "./inputs.js";
import { escapeInline as escapeValue } from "./markdown-escape.js";
import { missingFactText } from "./missing-fact.js";

/** `{fakta:key}`; spaces around the key and upper case are forgiven ("{fakta: Kolada_N15419 }"). */
const referencePattern = /\{\s*fakta\s*:([^{}\n]{0,100})\}/giu;

/** The keys a text cites, as written (trimmed), in order. */
export function factReferences(text: string): string[] {
  return [...text.matchAll(referencePattern)].map((m) => m[1]!.trim());
}

const normalizeKey = (written: string) => written.trim().toLowerCase();

/** Whether an input's text may cite facts: free text, not a choice from the template's list. */
export function citesFacts(input: TemplateInput): boolean {
  return input.type === "string" || input.type === "text";
}

/**
 * Every reference in the user's text must name a key the catalog knows: for each field with
 * references that do not, one `input_invalid` at the field's path (`["inputs", name]`) naming
 * each, with the nearest keys. Part of checkDraftRequest, so they are listed with the other
 * problems (and composing refuses them).
 */
export function factReferenceProblems(fm: FrontMatter, values: InputValues): FieldProblem[] {
  const catalog = activeFactCatalog();
  const problems: FieldProblem[] = [];
  for (const input of fm.inputs) {
    const value = values[input.name];
    if (!citesFacts(input) || typeof value !== "string") continue;
    const unknown = [...new Set(factReferences(value))].filter((written) => !catalog.has(normalizeKey(written)));
    if (unknown.length === 0) continue;
    const references = unknown.map((reference) => ({
      reference,
      suggestions: reference ? nearest(normalizeKey(reference), catalog.keys(), 3) : [],
    }));
    problems.push({
      path: ["inputs", input.name],
      details: {
        code: "input_invalid",
        field: input.name,
        problem: composeTexts.unknownFactReferences(references),
      },
    });
  }
  return problems;
}

/**
 * The user's text, escaped by `escape`, with each reference replaced by the cited value and
 * its note. The citations are made when the template's text reaches the value (Handlebars
 * turns it into a string where it stands), so notes are numbered in reading order. A text
 * without references is returned as the escaped string itself.
 */
export function textWithFacts(
  value: string,
  escapeText: (text: string) => string,
  state: ComposeState,
): string | CitingText {
  const keys = factReferences(value).map(normalizeKey);
  if (keys.length === 0) return escapeText(value);
  // A token of letters and digits survives escaping unchanged, and nobody can type it in advance.
  const token = `fakta${randomUUID().replace(/-/g, "")}n`;
  let i = 0;
  const escaped = escapeText(value.replace(referencePattern, () => `${token}${i++}z`));
  return new CitingText(escaped, token, keys, state);
}

/** A text whose fact references are cited the first time it is written into the document. */
export class CitingText {
  #text: string | undefined;
  constructor(
    private readonly escaped: string,
    private readonly token: string,
    private readonly keys: readonly string[],
    private readonly state: ComposeState,
  ) {}

  toString(): string {
    this.#text ??= this.escaped.replace(new RegExp(`${this.token}(\\d+)z`, "g"), (_, n: string) =>
      this.#cite(this.keys[Number(n)]!),
    );
    return this.#text;
  }

  #cite(key: string): string {
    const st = this.state;
    const found = st.registry.resolve(st.place, key);
    if (!found) return st.placeholder(missingFactText(key, st.place.name, st.wording));
    const def = factDefinition(key);
    const { fact } = found;
    const text = formatFactValue(fact.value, def, "text");
    const at = fact.asOf ?? fact.source.date;
    const dated = def?.inForce || def?.historical || fact.value.type === "date" || isCurrent(fact, st.date);
    const year = dated || at === null ? "" : ` (${yearPhrase(at, fact.asOf !== null ? fact.since : undefined)})`;
    return escapeValue(text) + year + st.cite(fact, found.subjectName);
  }
}
