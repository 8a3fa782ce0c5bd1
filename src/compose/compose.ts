/**
 * Compose = template + context → restricted Markdown → Draft. The one core function the
 * CLI, the API and the web form call to make a document.
 */
import { draftRequestSchema, type DraftRequest } from "../domain/draft-request.js";
import type { Draft } from "../domain/draft.js";
import { draftPlaceholders, inlineText } from "../domain/draft.js";
import { isCheck, MotioneraError, type DraftReview, type DraftWarning } from "../domain/errors.js";
import type { Place } from "../domain/municipality.js";
import type { CorpusDocument } from "../domain/corpus-document.js";
import type { Signer } from "../domain/signer.js";
import { findMunicipality } from "../data/places.js";
import { canAge, factDefinition } from "../facts/catalog.js";
import type { FactRegistry } from "../facts/registry.js";
import { isStale, oldestAcceptable } from "../facts/staleness.js";
import { genitive } from "../lang/genitive.js";
import { todayInSweden } from "../lang/dates.js";
import { ComposeState, type SelectedArgument } from "./compose-state.js";
import { validateInputs, type InputValues } from "./inputs.js";
import { escapeBlock, escapeInline } from "./markdown-escape.js";
import { markdownToBlocks } from "./markdown-to-draft.js";
import { distinctSources } from "./sources.js";
import type { Template, TemplateLibrary } from "./template-library.js";

export interface ComposeDeps {
  templates: TemplateLibrary;
  facts: FactRegistry;
  /** Corpus documents by id, for the arguments a request includes. */
  documents?: ReadonlyMap<string, CorpusDocument>;
  /** Today's date (YYYY-MM-DD) for judging fact age; defaults to today in Sweden. */
  today?: string;
}

export interface Composed {
  draft: Draft;
  /** The Markdown the template produced (citations as markers), for debugging templates. */
  markdown: string;
  template: Template;
  place: Place;
  warnings: DraftWarning[];
  /** What the signer must fill in and check before filing (placeholders, "kontrollera" items). */
  review: DraftReview;
}

function parseRequest(request: DraftRequest) {
  const parsed = draftRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MotioneraError({ code: "input_invalid", field: issue.path.map(String).join("."), problem: issue.message });
  }
  return parsed.data;
}

/** Facts the template needs: missing required ones stop the draft; old ones warn (or stop, if strict). */
function checkFacts(template: Template, place: Place, facts: FactRegistry, today: string, strict: boolean): DraftWarning[] {
  const warnings: DraftWarning[] = [];
  const fm = template.frontMatter;
  for (const need of fm.facts) {
    const label = factDefinition(need.key)?.label ?? need.key;
    const found = facts.resolve(place, need.key);
    if (!found) {
      if (need.required) throw new MotioneraError({ code: "fact_missing", key: need.key, label, subjectName: place.name, subject: place.code });
      warnings.push({ code: "fact_optional_missing", key: need.key, label, subjectName: place.name });
      continue;
    }
    const oldest = oldestAcceptable(need.maxAge ?? fm.maxAge, today);
    if (canAge(factDefinition(need.key)) && isStale(found.fact, oldest)) {
      const w = { code: "fact_stale", key: need.key, label, subjectName: found.subjectName, asOf: found.fact.asOf, oldest } as const;
      if (strict) throw new MotioneraError(w);
      warnings.push(w);
    }
  }
  return warnings;
}

function escapeInputs(template: Template, values: InputValues): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const input of template.frontMatter.inputs) {
    const v = values[input.name] ?? null;
    // Choice values come from the template's own option list; they stay comparable with eq.
    out[input.name] = typeof v === "string" && input.type !== "choice" ? (input.type === "text" ? escapeBlock(v) : escapeInline(v)) : v;
  }
  return out;
}

function templateContext(place: Place, signers: readonly Signer[], date: string, inputs: Record<string, unknown>) {
  return {
    municipality: {
      code: place.code,
      name: escapeInline(place.name),
      officialName: escapeInline(place.officialName),
      selfName: escapeInline(place.selfName),
      genitive: escapeInline(genitive(place.name)),
      county: {
        code: place.county.code,
        name: escapeInline(place.county.name),
        shortName: escapeInline(place.county.shortName),
        letter: place.county.letter,
      },
    },
    signers: signers.map((s) => ({
      name: escapeInline(s.name),
      party: s.party ? escapeInline(s.party) : null,
      role: s.role ? escapeInline(s.role) : null,
    })),
    signerCount: signers.length,
    date,
    input: inputs,
  };
}

/** "dokument-id#2" → the second argument of that document (numbered from 1, as people count). */
function selectArguments(refs: readonly string[], template: Template, documents: ReadonlyMap<string, CorpusDocument> | undefined): SelectedArgument[] {
  if (refs.length === 0) return [];
  if (!/\{\{\s*corpusArguments\s*\}\}/.test(template.body)) {
    throw new MotioneraError({ code: "input_invalid", field: "arguments", problem: `mallen ${template.frontMatter.id} tar inte emot argument från korpusen` });
  }
  return [...new Set(refs)].map((ref) => {
    const [id, index] = ref.split("#") as [string, string];
    const document = documents?.get(id);
    const argument = document?.arguments[Number(index) - 1];
    if (!document || !argument) throw new MotioneraError({ code: "unknown_argument", ref });
    return { ref, document, argument };
  });
}

export function composeDraft(request: DraftRequest, deps: ComposeDeps): Composed {
  const req = parseRequest(request);
  const template = deps.templates.get(req.template);
  const place = findMunicipality(req.municipality);
  const values = validateInputs(template.frontMatter, req.inputs);
  const date = req.date ?? todayInSweden();
  const today = deps.today ?? todayInSweden();
  const warnings = checkFacts(template, place, deps.facts, today, req.strict);

  const selected = selectArguments(req.arguments, template, deps.documents);
  const state = new ComposeState(place, deps.facts, template.frontMatter, req.authors, selected);
  const context = templateContext(place, req.authors, date, escapeInputs(template, values));
  let markdown: string;
  try {
    markdown = template.render(context, { data: { motionera: state } });
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    throw new MotioneraError({
      code: "template_invalid",
      file: template.file,
      problem: err.message.split("\n")[0] ?? String(e),
      ...(err.lineNumber ? { line: template.bodyLine + err.lineNumber - 1 } : {}),
    });
  }
  const blocks = markdownToBlocks(markdown, state.placeholders);
  const firstHeading = blocks.find((b) => b.type === "heading" && b.level === 1);
  const title = firstHeading && firstHeading.type === "heading" ? inlineText(firstHeading.children) : template.frontMatter.title;
  const draft: Draft = {
    meta: {
      title,
      kind: template.frontMatter.kind,
      templateId: template.frontMatter.id,
      language: "sv-SE",
      date,
      municipality: { code: place.code, name: place.name, selfName: place.selfName },
      authors: req.authors,
      keywords: template.frontMatter.topics,
      description: template.frontMatter.description,
    },
    blocks,
    citations: state.citations,
    sources: distinctSources(state.citations),
  };
  const review: DraftReview = { placeholders: draftPlaceholders(draft), checks: warnings.filter(isCheck) };
  if (req.strict && review.placeholders.length > 0) throw new MotioneraError({ code: "draft_has_placeholders", placeholders: review.placeholders });
  return { draft, markdown, template, place, warnings, review };
}
