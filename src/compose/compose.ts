/**
 * Compose = template + context → restricted Markdown → Draft. The one core function the
 * CLI, the API and the web form call to make a document.
 */
import type { DraftRequest } from "../domain/draft-request.js";
import { throwProblems } from "../domain/field-problem.js";
import type { Citation, Draft } from "../domain/draft.js";
import type { Fact, Source } from "../domain/fact.js";
import { partyName } from "../domain/signer.js";
import { citationNote, sourceEntry } from "../render/citation-text.js";
import { placeNotesAfterSentences, supportedSentences } from "./sentences.js";
import { moveNotesToUnderlag } from "./underlag.js";
import { draftPlaceholders, inlineText } from "../domain/draft.js";
import { isCheck, MotioneraError, type DraftReview, type DraftWarning } from "../domain/errors.js";
import type { Place } from "../domain/municipality.js";
import type { Signer } from "../domain/signer.js";
import { canAge, factDefinition } from "../facts/catalog.js";
import type { FactRegistry } from "../facts/registry.js";
import { isStale, oldestAcceptable } from "../facts/staleness.js";
import { genitive } from "../lang/genitive.js";
import { checkDraftRequest, type DraftCheckDeps } from "./check-draft.js";
import { ComposeState, type ClaimRecord } from "./compose-state.js";
import type { InputValues } from "./inputs.js";
import { textWithFacts, type CitingText } from "./fact-references.js";
import { escapeBlock, escapeInline } from "./markdown-escape.js";
import { markdownToBlocks } from "./markdown-to-draft.js";
import { expandSlots } from "./form-slots.js";
import {
  citationId,
  editableMarkdown,
  noteOrder,
  readEditedBody,
  renumberBlocks,
  renumberCitations,
} from "./edited-body.js";
import { distinctSources } from "./sources.js";
import type { Template } from "./template-library.js";
import type { FactWording } from "../messages.sv.js";
import { perObject } from "../domain/per-object.js";

/** The templates, the facts, the corpus documents the arguments come from, and today's date (for judging fact age). */
export type ComposeDeps = DraftCheckDeps & {
  /** How a placeholder for a missing fact says to add it (the edge's words; the command line's by default). */
  wording?: FactWording | undefined;
};

export interface Composed {
  draft: Draft;
  /** The Markdown the template produced (citations as markers), for debugging templates. */
  markdown: string;
  template: Template;
  place: Place;
  warnings: DraftWarning[];
  /** What the signer must fill in and check before filing (placeholders, "kontrollera" items). */
  review: DraftReview;
  /** The claims the text makes about the municipality, with the facts and inputs behind each. */
  claims: ClaimRecord[];
  /** Every fact the text cites (facts from one source and date share a note, so there may be more facts than notes). */
  cited: { fact: Fact; subjectName: string }[];
  /** Every sentence that cites something, with the facts behind it (what an "Underlag" lists). */
  support: { sentence: string; facts: { fact: Fact; subjectName: string }[] }[];
  /**
   * The body as the user edits it ("Redigera texten", see edited-body.ts) and the citation each
   * of its note numbers stands for (`citationId`): what a request sends back as `editedMarkdown`
   * and `editedFrom.notes`. `edited`: the draft was made from an edited text.
   */
  editable: {
    markdown: string;
    notes: string[];
    /** What each note number of the text stands for, as its note reads ("Testförlaget, ”…”, 2026."). */
    noteTexts: string[];
    edited: boolean;
  };
}

/** Optional facts the registry lacks are noted (required ones are problems of the request). */
function optionalFactsMissing(template: Template, place: Place, facts: FactRegistry): DraftWarning[] {
  const warnings: DraftWarning[] = [];
  for (const need of template.frontMatter.facts) {
    if (need.required || facts.resolve(place, need.key)) continue;
    warnings.push({
      code: "fact_optional_missing",
      key: need.key,
      label: factDefinition(need.key)?.label ?? need.key,
      subjectName: place.name,
    });
  }
  return warnings;
}

/**
 * Every fact the text cites that is older than the template accepts (for the draft's date):
 * a "kontrollera" item, or under strict an error. Facts the text does not cite do not matter.
 */
function staleCitations(
  template: Template,
  cited: ComposeState["citedFacts"],
  date: string,
  strict: boolean,
): DraftWarning[] {
  const warnings: DraftWarning[] = [];
  const fm = template.frontMatter;
  for (const { fact, subjectName } of cited) {
    const def = factDefinition(fact.key);
    // A fact the user's text cites ({fakta:key}) is held to the template's own maxAge.
    const need = fm.facts.find((f) => f.key === fact.key);
    if (!canAge(def)) continue;
    const oldest = oldestAcceptable(need?.maxAge ?? fm.maxAge, date);
    if (!isStale(fact, oldest)) continue;
    const w = {
      code: "fact_stale",
      key: fact.key,
      label: def?.label ?? fact.key,
      subjectName,
      asOf: fact.asOf,
      oldest,
    } as const;
    if (strict) throw new MotioneraError(w);
    warnings.push(w);
  }
  return warnings;
}

/** A source as a check names it (its entry without the full stop), by source: sources do not change. */
const sourceName = perObject((s: Source): string => sourceEntry(s).text.replace(/\.$/, ""));

/** Sources the signer should look at before filing: incomplete ones, and other parties' texts. */
function sourceChecks(
  sources: readonly Source[],
  signers: readonly Signer[],
  citations: readonly Citation[],
): DraftWarning[] {
  const ofRecords = new Set(citations.flatMap((c) => (c.kind === "record" ? [JSON.stringify(c.source)] : [])));
  const own = new Set(signers.map((s) => s.party?.toUpperCase()).filter(Boolean));
  const out: DraftWarning[] = [];
  for (const s of sources) {
    const name = sourceName(s);
    // A printed article may lack a URL; a source without a title or a date cannot be checked.
    const missing = (["title", "date"] as const).filter((f) => (f === "date" ? s.date === null : !s[f]));
    if (missing.length > 0)
      out.push({
        code: "source_incomplete",
        source: name,
        missing,
        ...(ofRecords.has(JSON.stringify(s)) ? { record: true as const } : {}),
      });
    const parties = (s as Source & { parties?: string[] }).parties ?? [];
    if (parties.length > 0 && !parties.some((p) => own.has(p.toUpperCase())))
      out.push({ code: "source_other_party", source: name, parties: parties.map(partyName) });
  }
  return out;
}

type ContextValue = string | number | boolean | null | CitingText;

function escapeInputs(template: Template, values: InputValues, state: ComposeState): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  for (const input of template.frontMatter.inputs) {
    const v = values[input.name] ?? null;
    // Choice values come from the template's own option list; they stay comparable with eq.
    // Free text may cite facts ({fakta:key}); everything else in it stays escaped.
    const escapeText = input.type === "text" ? escapeBlock : escapeInline;
    out[input.name] = typeof v === "string" && input.type !== "choice" ? textWithFacts(v, escapeText, state) : v;
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

export function composeDraft(request: DraftRequest, deps: ComposeDeps): Composed {
  const checked = checkDraftRequest(request, deps);
  throwProblems(checked.problems);
  const { request: req, template, place, date, facts, values, arguments: selected } = checked;
  if (!req || !template || !place || !date || !facts || !values || !selected)
    throw new Error("checkDraftRequest found no problem but returned no request");
  const missing = optionalFactsMissing(template, place, facts);

  const state = new ComposeState({
    place,
    registry: facts,
    frontMatter: template.frontMatter,
    signers: req.authors,
    selectedArguments: selected,
    records: deps.records ?? [],
    date,
    ...(deps.wording ? { wording: deps.wording } : {}),
  });
  const context = templateContext(place, req.authors, date, escapeInputs(template, values, state));
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
  const kind = template.frontMatter.kind;
  const edited = req.editedMarkdown !== undefined;
  if (req.editedMarkdown !== undefined) {
    const read = readEditedBody(req.editedMarkdown, {
      citations: state.citations,
      notes: req.editedFrom?.notes,
      placeholder: (text) => state.placeholder(text),
      slot: (slot) => state.slot(slot),
    });
    throwProblems(read.problems);
    markdown = read.markdown;
  }
  const body = markdown;
  const slotContext = { place, signers: req.authors, date };
  const full = expandSlots(markdown, state.slots, slotContext);
  const expanded = placeNotesAfterSentences(markdownToBlocks(full, state.placeholders));
  // An edited text numbers its notes in the order of its marks; a deleted mark takes its note along.
  const order = edited ? noteOrder(expanded) : state.citations.map((c) => c.n);
  const unused = state.citations.map((c) => c.n).filter((n) => !order.includes(n));
  const citations = edited ? renumberCitations(state.citations, order) : state.citations;
  const placed = edited ? renumberBlocks(expanded, order) : expanded;
  const renumbered = new Map(order.map((old, i) => [old, i + 1]));
  const citedFacts = state.citedFacts
    .filter((f) => renumbered.has(f.n))
    .map((f) => ({ ...f, n: renumbered.get(f.n)! }));
  // The editor's marks follow the notes when the request says what each mark stood for (the web,
  // the API); without that (the CLI's --text) they keep the template's numbers, which read back alike.
  const editorOrder = req.editedFrom?.notes ? [...order, ...unused] : state.citations.map((c) => c.n);
  // Numbered as composed (the usual case), the text and its notes need no renumbered copy.
  const asComposed =
    editorOrder.length === state.citations.length &&
    editorOrder.every((n, i) => n === i + 1) &&
    state.citations.every((c, i) => c.n === i + 1);
  const editorCitations = asComposed ? state.citations : renumberCitations(state.citations, editorOrder);
  // The text as the user edits it is read by the web and the API (and `draft --write-text`), not by the
  // writers or a campaign: it is made when first read, from what composing left unchanged (the body with
  // its form-slot markers, the placeholders and slots recorded, the citations as numbered for the editor).
  let editableText: string | undefined;
  let noteTexts: string[] | undefined;
  const editableBody = (): string => {
    const withSlots = placeNotesAfterSentences(markdownToBlocks(body, state.placeholders));
    const editorBlocks = asComposed ? withSlots : renumberBlocks(withSlots, editorOrder);
    return editableMarkdown(editorBlocks, editorCitations, state.slots);
  };
  const editable = {
    get markdown(): string {
      editableText ??= editableBody();
      return editableText;
    },
    notes: editorOrder.map((n) => citationId(state.citations[n - 1]!)),
    get noteTexts(): string[] {
      noteTexts ??= editorCitations.map((c) => citationNote(c).text);
      return noteTexts;
    },
    edited,
  };
  // What each sentence cites is read by the checks of truthful drafts, not by the writers: found when first read.
  let supportFound: Composed["support"] | undefined;
  const supportOf = (): Composed["support"] =>
    supportedSentences(placed).map((s) => ({
      sentence: s.sentence,
      facts: citedFacts.filter((f) => s.notes.includes(f.n)).map(({ fact, subjectName }) => ({ fact, subjectName })),
    }));
  // Newspapers print no notes: op-eds and press releases list their sources for the editor.
  const forPress = kind === "debattartikel" || kind === "pressmeddelande";
  const blocks = forPress ? moveNotesToUnderlag(placed, citations) : placed;
  const firstHeading = blocks.find((b) => b.type === "heading" && b.level === 1);
  const title =
    firstHeading && firstHeading.type === "heading" ? inlineText(firstHeading.children) : template.frontMatter.title;
  const citedSources = distinctSources(citations);
  const draft: Draft = {
    meta: {
      title,
      kind,
      templateId: template.frontMatter.id,
      language: "sv-SE",
      date,
      municipality: { code: place.code, name: place.name, selfName: place.selfName },
      authors: req.authors,
      keywords: template.frontMatter.topics,
      description: template.frontMatter.description,
    },
    blocks,
    citations,
    sources: forPress ? [] : citedSources,
  };
  const warnings: DraftWarning[] = [
    ...staleCitations(template, citedFacts, date, req.strict),
    ...state.checks,
    ...sourceChecks(citedSources, req.authors, citations),
    ...(kind === "interpellation" && req.authors.length > 1
      ? [{ code: "several_interpellants", count: req.authors.length } as const]
      : []),
    ...missing,
  ];
  const review: DraftReview = { placeholders: draftPlaceholders(draft), checks: warnings.filter(isCheck) };
  if (req.strict && review.placeholders.length > 0)
    throw new MotioneraError({ code: "draft_has_placeholders", placeholders: review.placeholders });
  const cited = citedFacts.map(({ fact, subjectName }) => ({ fact, subjectName }));
  // An edited text keeps the claims whose facts it still cites.
  const citedKeys = new Set(cited.map((c) => c.fact.key));
  const claims = edited ? state.claims.filter((c) => c.facts.every((k) => citedKeys.has(k))) : state.claims;
  return {
    draft,
    markdown: full,
    template,
    place,
    warnings,
    review,
    claims,
    cited,
    get support() {
      supportFound ??= supportOf();
      return supportFound;
    },
    editable,
  };
}
