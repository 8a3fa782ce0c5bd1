/**
 * The draft request checked as a whole before anything is composed: its shape (zod), the
 * template, the municipality, the template's inputs (and the `{fakta:key}` references in their
 * text), the arguments from the corpus and the facts the template requires. Every problem is
 * returned, each at its field's path, so the CLI, the API and the web form can show them all
 * at once; composing throws them.
 */
import type { CitedRecord } from "../domain/draft.js";
import { findMunicipality } from "../data/places.js";
import { draftRequestSchema, type DraftRequest } from "../domain/draft-request.js";
import type { CorpusDocument } from "../domain/corpus-document.js";
import { attempt, hasProblemAt, issueProblems, type FieldProblem } from "../domain/field-problem.js";
import type { Place } from "../domain/municipality.js";
import type { z } from "../domain/zod.js";
import { factDefinition } from "../facts/catalog.js";
import type { FactRegistry } from "../facts/registry.js";
import { todayInSweden } from "../lang/dates.js";
import { editedBodyTexts, problems as problemTexts } from "../messages.sv.js";
import type { SelectedArgument } from "./compose-state.js";
import { factReferenceProblems } from "./fact-references.js";
import { checkInputs, type InputValues } from "./inputs.js";
import type { Template, TemplateLibrary } from "./template-library.js";

export interface DraftCheckDeps {
  templates: TemplateLibrary;
  facts: FactRegistry;
  /** Corpus documents by id, for the arguments a request includes. */
  documents?: ReadonlyMap<string, CorpusDocument>;
  /** Today's date (YYYY-MM-DD); defaults to today in Sweden. */
  today?: string;
  /** Only the facts recorded by this instant (ISO): a saved draft with the facts as they were when it was saved. */
  knownAt?: string;
  /** Records the caller supplies as sources ({{records}}, {{record "id"}}): a filed document and its history. */
  records?: readonly CitedRecord[];
}

/** What a check found: every problem, and what could be read (all of it when there is no problem). */
export interface DraftCheck {
  problems: FieldProblem[];
  request?: z.output<typeof draftRequestSchema>;
  template?: Template;
  place?: Place;
  /** The document's date, and the registry as it was known on that date. */
  date?: string;
  facts?: FactRegistry;
  values?: InputValues;
  arguments?: SelectedArgument[];
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);

/** Does the template's text take arguments from the corpus? */
export const takesArguments = (template: Template): boolean =>
  /\{\{~?\s*corpusArguments(\s[^}]*)?~?\}\}/.test(template.body);

/** Every problem with a draft request, each at its path ("municipality", "inputs.committee", "authors.0.name" …). */
export function checkDraftRequest(request: DraftRequest, deps: DraftCheckDeps): DraftCheck {
  const parsed = draftRequestSchema.safeParse(request);
  const problems = parsed.success ? [] : issueProblems(parsed.error.issues);
  const raw = request as Partial<Record<keyof DraftRequest, unknown>>;

  const templateName = text(raw.template);
  const template =
    templateName && !hasProblemAt(problems, ["template"])
      ? attempt(problems, ["template"], () => deps.templates.get(templateName))
      : undefined;
  const placeName = text(raw.municipality);
  const place =
    placeName && !hasProblemAt(problems, ["municipality"])
      ? attempt(problems, ["municipality"], () => findMunicipality(placeName))
      : undefined;

  const today = deps.today ?? todayInSweden();
  const date = parsed.success
    ? (parsed.data.date ?? today)
    : typeof raw.date === "string" && !hasProblemAt(problems, ["date"])
      ? raw.date
      : today;
  // A back-dated draft knows only what was known on its date.
  const held = deps.knownAt ? deps.facts.recordedBy(deps.knownAt) : deps.facts;
  const facts = date < today ? held.knownOn(date) : held;

  let values: InputValues | undefined;
  const inputs = raw.inputs ?? {};
  if (template && typeof inputs === "object" && inputs !== null && !Array.isArray(inputs)) {
    const hasFact = (key: string) => place !== undefined && facts.resolve(place, key) !== undefined;
    const checked = checkInputs(template.frontMatter, inputs as Record<string, unknown>, hasFact, place?.name ?? "");
    problems.push(...checked.problems.filter((p) => !hasProblemAt(problems, p.path)));
    values = checked.values;
    // `{fakta:key}` in the user's text names a key the catalog knows.
    const references = factReferenceProblems(template.frontMatter, values);
    problems.push(...references.filter((p) => !hasProblemAt(problems, p.path)));
  }

  let selected: SelectedArgument[] | undefined;
  // The references the schema let through (all of them, when something else in the request is wrong).
  const refs = parsed.success
    ? parsed.data.arguments
    : hasProblemAt(problems, ["arguments"]) || !Array.isArray(raw.arguments)
      ? []
      : (raw.arguments as unknown[]).filter((r): r is string => typeof r === "string");
  if (template && refs.length > 0) {
    if (!takesArguments(template)) {
      problems.push({
        path: ["arguments"],
        details: {
          code: "input_invalid",
          field: "arguments",
          problem: problemTexts.argumentsNotTaken(template.frontMatter.id),
        },
      });
    } else {
      selected = [];
      for (const ref of new Set(refs)) {
        const [id, index] = ref.split("#") as [string, string];
        const document = deps.documents?.get(id);
        const argument = document?.arguments[Number(index) - 1];
        if (document && argument) selected.push({ ref, document, argument });
        else problems.push({ path: ["arguments", refs.indexOf(ref)], details: { code: "unknown_argument", ref } });
      }
    }
  }

  // An edited text belongs to the template and municipality it was edited for.
  const from = parsed.success ? parsed.data.editedFrom : undefined;
  if (template && place && from && parsed.success && parsed.data.editedMarkdown !== undefined) {
    const fromPlace = attempt([], ["editedFrom"], () => findMunicipality(from.municipality));
    if (from.template !== template.frontMatter.id || fromPlace?.code !== place.code) {
      const problem = editedBodyTexts.otherDraft(from.template, fromPlace?.name ?? from.municipality);
      const label = editedBodyTexts.label;
      problems.push({
        path: ["editedMarkdown"],
        details: { code: "input_invalid", field: "editedMarkdown", label, problem },
      });
    }
  }

  // Required facts the registry lacks stop the draft: each is named, under "facts".
  if (template && place) {
    for (const need of template.frontMatter.facts) {
      if (!need.required || facts.resolve(place, need.key)) continue;
      const label = factDefinition(need.key)?.label ?? need.key;
      problems.push({
        path: ["facts", need.key],
        details: { code: "fact_missing", key: need.key, label, subjectName: place.name, subject: place.code },
      });
    }
  }

  if (problems.length > 0 || !parsed.success || !template || !place || !values) {
    return { problems, ...(template ? { template } : {}), ...(place ? { place } : {}) };
  }
  return { problems, request: parsed.data, template, place, date, facts, values, arguments: selected ?? [] };
}
