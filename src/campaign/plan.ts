/**
 * A campaign request (the same shape from the CLI, the web form and the API) checked as a
 * whole before anything is drafted: the template and its fields, the signers, the counties,
 * municipalities and conditions. What comes out is the plan: the template and the sorted
 * list of municipalities to draft for. Any error here means nothing is written.
 */
import type { Template, TemplateLibrary } from "../compose/template-library.js";
import { checkInputs } from "../compose/inputs.js";
import { allMunicipalities, findCounty, findMunicipality } from "../data/places.js";
import { MotioneraError } from "../domain/errors.js";
import { attempt, hasProblemAt, issueProblems, throwProblems, type FieldProblem } from "../domain/field-problem.js";
import type { Place } from "../domain/municipality.js";
import { isoDateSchema } from "../domain/partial-date.js";
import { inputValuesSchema } from "../domain/draft-request.js";
import { signerSchema } from "../domain/signer.js";
import { textLimits, tooLong } from "../domain/text-limits.js";
import { z } from "../domain/zod.js";
import { activeFactCatalog, factDefinition } from "../facts/catalog.js";
import type { FactRegistry } from "../facts/registry.js";
import { todayInSweden } from "../lang/dates.js";
import { slug } from "../lang/slug.js";
import { formats, type Format } from "../render/index.js";
import { matches, parseCondition, type Condition } from "./conditions.js";

export const campaignRequestSchema = z.object({
  template: z.string().trim().min(1).max(100),
  /** Counties by name, code or letter ("Stockholms län", "01", "AB"); their municipalities are added. */
  counties: z.array(z.string().trim().min(1).max(100)).max(21).default([]),
  /** Municipalities by name or SCB code; added to the counties' municipalities. */
  municipalities: z.array(z.string().trim().min(1).max(100)).max(290).default([]),
  /** Fact conditions ("population>50000", "mika_kast_agreement=nej", "x saknas"); all must hold. */
  where: z
    .array(z.string().max(textLimits.condition, tooLong("condition")))
    .max(20)
    .default([]),
  /** Fact keys every draft must be able to cite; a municipality without one is skipped and reported. */
  require: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  authors: z.array(signerSchema).min(1, "minst en undertecknare").max(50),
  date: isoDateSchema.optional(),
  inputs: inputValuesSchema.default({}),
  formats: z.array(z.enum(formats)).min(1, "minst ett format").max(formats.length).default(["docx", "pdf"]),
  /** Facts older than the template accepts skip the municipality instead of warning. */
  strict: z.boolean().default(false),
});
export type CampaignRequest = z.input<typeof campaignRequestSchema>;
export type CampaignSettings = z.output<typeof campaignRequestSchema> & { date: string };

export interface CampaignPlan {
  settings: CampaignSettings;
  template: Template;
  conditions: Condition[];
  places: Place[];
  /** Codes of municipalities whose file names would collide (Habo, Håbo): their names get the code. */
  ambiguous: Set<string>;
  /** The selection in words, for messages and the summary. */
  selection: string;
}

/** The municipalities of the counties and the list, or all 290 when neither is given; sorted by code. */
export function baseSelection(counties: readonly string[], municipalities: readonly string[]): Place[] {
  if (counties.length === 0 && municipalities.length === 0) return [...allMunicipalities()];
  const codes = new Set<string>();
  for (const q of counties) {
    const county = findCounty(q);
    for (const p of allMunicipalities()) if (p.countyCode === county.code) codes.add(p.code);
  }
  for (const q of municipalities) codes.add(findMunicipality(q).code);
  return allMunicipalities().filter((p) => codes.has(p.code));
}

/** Which of `places` meet every condition. */
export function filterPlaces(
  places: readonly Place[],
  conditions: readonly Condition[],
  registry: FactRegistry,
): Place[] {
  return places.filter((p) => conditions.every((c) => matches(c, registry, p)));
}

export function describeSelection(s: Pick<CampaignSettings, "counties" | "municipalities" | "where">): string {
  const parts: string[] = [];
  if (s.counties.length) parts.push(`län: ${s.counties.join(", ")}`);
  if (s.municipalities.length) parts.push(`kommuner: ${s.municipalities.join(", ")}`);
  if (!s.counties.length && !s.municipalities.length) parts.push("alla 290 kommuner");
  if (s.where.length) parts.push(`villkor: ${s.where.join(", ")}`);
  return parts.join("; ");
}

/** What a campaign check found: every problem, and what could be read (all of it when there is no problem). */
export interface CampaignCheck {
  problems: FieldProblem[];
  settings?: CampaignSettings;
  template?: Template;
  conditions?: Condition[];
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const texts = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Every problem with a campaign request, each at its path: its shape (zod), the template and
 * its fields ("inputs.<name>"), each county ("counties.<i>"), municipality, condition
 * ("where.<i>") and required fact key ("require.<i>").
 */
export function checkCampaignRequest(request: CampaignRequest, deps: { templates: TemplateLibrary }): CampaignCheck {
  const parsed = campaignRequestSchema.safeParse(request);
  const problems = parsed.success ? [] : issueProblems(parsed.error.issues);
  const raw = request as Partial<Record<keyof CampaignRequest, unknown>>;
  const name = text(raw.template);
  const template =
    name && !hasProblemAt(problems, ["template"])
      ? attempt(problems, ["template"], () => deps.templates.get(name))
      : undefined;
  const inputs = raw.inputs ?? {};
  if (template && typeof inputs === "object" && inputs !== null && !Array.isArray(inputs)) {
    problems.push(
      ...checkInputs(template.frontMatter, inputs as Record<string, unknown>).problems.filter(
        (p) => !hasProblemAt(problems, p.path),
      ),
    );
  }
  texts(raw.counties).forEach((q, i) => {
    if (typeof q === "string" && q.trim() && !hasProblemAt(problems, ["counties", i]))
      attempt(problems, ["counties", i], () => findCounty(q));
  });
  texts(raw.municipalities).forEach((q, i) => {
    if (typeof q === "string" && q.trim() && !hasProblemAt(problems, ["municipalities", i]))
      attempt(problems, ["municipalities", i], () => findMunicipality(q));
  });
  const conditions: Condition[] = [];
  texts(raw.where).forEach((w, i) => {
    if (typeof w !== "string" || !w.trim() || hasProblemAt(problems, ["where", i])) return;
    const c = attempt(problems, ["where", i], () => parseCondition(w));
    if (c) conditions.push(c);
  });
  texts(raw.require).forEach((key, i) => {
    if (typeof key !== "string" || hasProblemAt(problems, ["require", i]) || factDefinition(key.trim())) return;
    problems.push({
      path: ["require", i],
      details: {
        code: "unknown_fact_key",
        key,
        suggestions: activeFactCatalog().suggest(key),
      },
    });
  });
  if (problems.length > 0 || !parsed.success || !template) return { problems, ...(template ? { template } : {}) };
  return { problems, settings: { ...parsed.data, date: parsed.data.date ?? todayInSweden() }, template, conditions };
}

/**
 * Checks the request and selects the municipalities. Throws MotioneraError: every problem
 * checkCampaignRequest finds (one as itself, several as request_invalid), or an empty selection.
 */
export function planCampaign(
  request: CampaignRequest,
  deps: { templates: TemplateLibrary; facts: FactRegistry },
): CampaignPlan {
  const checked = checkCampaignRequest(request, deps);
  throwProblems(checked.problems);
  const { settings, template, conditions } = checked;
  if (!settings || !template || !conditions)
    throw new Error("checkCampaignRequest found no problem but returned no settings");
  const places = filterPlaces(baseSelection(settings.counties, settings.municipalities), conditions, deps.facts);
  const selection = describeSelection(settings);
  if (places.length === 0) throw new MotioneraError({ code: "campaign_empty", selection });
  const bySlug = new Map<string, string[]>();
  for (const p of places) bySlug.set(slug(p.name), [...(bySlug.get(slug(p.name)) ?? []), p.code]);
  const ambiguous = new Set([...bySlug.values()].filter((xs) => xs.length > 1).flat());
  return { settings, template, conditions, places, ambiguous, selection };
}

export type { Format };
