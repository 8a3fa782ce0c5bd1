/**
 * A fact key's definition as data: what the value means, its type, which kinds of subject it
 * may be recorded for and how it reads in a document. Stored in the database (`factKeys`);
 * the shipped keys are seeded from src/facts/shipped-keys.json.
 *
 * The same key is reused across subjects (e.g. `convicted_sex_purchase` for Jönköping,
 * Göteborg and Malmö) and across time (history: one fact per as-of date).
 */
import { z } from "./zod.js";
import { factValueSchema } from "./fact.js";

export const factKeyPattern = /^[a-z][a-z0-9_]*$/;

/** The kind of subject a fact is about: a municipality, a county or the whole country. */
export const factScopes = ["kommun", "lan", "land"] as const;
export const factScopeSchema = z.enum(factScopes);
export type FactScope = z.infer<typeof factScopeSchema>;

export const factTypes = ["boolean", "number", "text", "date"] as const;
export const factTypeSchema = z.enum(factTypes);
export type FactType = z.infer<typeof factTypeSchema>;

/** How a number reads: count → "12 345", percent → "7,5 procent", year → "2021". */
export const factFormats = ["plain", "count", "percent", "year"] as const;
export const factFormatSchema = z.enum(factFormats);
export type FactFormat = z.infer<typeof factFormatSchema>;

/** The noun a count reads with: singular, plural, and whether "one" is "ett" (neuter). */
export const countUnitSchema = z.strictObject({
  one: z.string().trim().min(1).max(80),
  many: z.string().trim().min(1).max(80),
  neuter: z.boolean().optional(),
});
export type CountUnit = z.infer<typeof countUnitSchema>;

/** The operators a condition on a fact value uses (shared with campaign conditions). */
export const conditionOperators = ["=", "!=", "<", ">", "<=", ">=", "missing", "exists"] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

/** A condition on one value, as data: `{ op: "=", value: { type: "boolean", value: true } }`. */
export const valueConditionSchema = z
  .strictObject({ op: z.enum(conditionOperators), value: factValueSchema.optional() })
  .refine((c) => c.op === "missing" || c.op === "exists" || c.value !== undefined, {
    message: "villkoret saknar värde",
    path: ["value"],
  });
export type ValueCondition = z.infer<typeof valueConditionSchema>;

/**
 * How a derived key is computed: for a county (or the country), how many of its
 * municipalities' latest `from` values satisfy `where` (default: the value is true).
 */
export const derivedFromSchema = z.strictObject({
  /** A municipality-level key whose latest values are counted. */
  from: z.string().regex(factKeyPattern),
  count: z.literal(true),
  where: valueConditionSchema.optional(),
});
export type DerivedFrom = z.infer<typeof derivedFromSchema>;

/** ISO 8601 age in years and/or months ("P5Y", "P18M"). */
export const maxAgeSchema = z.string().regex(/^P(?=\d)(?:\d+Y)?(?:\d+M)?$/, "en ålder som P5Y eller P18M");

export const factDefinitionSchema = z
  .strictObject({
    /** snake_case English, stable: templates refer to it. */
    key: z.string().min(1).max(80).regex(factKeyPattern, "gemener, siffror och understreck, med en bokstav först"),
    /** Swedish, as shown in documents and citations ("Avtal med Mikamottagningen och KAST"). */
    label: z.string().trim().min(1).max(200),
    /** One line: what the value means. */
    description: z.string().trim().min(1).max(1000),
    type: factTypeSchema,
    /** Which subjects the key may be recorded for. */
    scopes: z.array(factScopeSchema).min(1),
    /** Numbers only. */
    format: factFormatSchema.optional(),
    /**
     * Counts only: what is counted, as a sentence names it ("16 kommuner", "ett uppsökande
     * pass"). `{{cite}}` writes the number with it, so a template never chooses the words.
     */
    unit: countUnitSchema.optional(),
    /** The value records a past event; it never goes out of date. */
    historical: z.boolean().optional(),
    /** The value is a rule in force (a law's wording) from its as-of date until replaced. */
    inForce: z.boolean().optional(),
    /**
     * A county's value also holds for each of its municipalities (a county-wide service, such
     * as a clinic run for the whole county): a municipality with no value of its own is cited
     * with the county's, and the note names the county. Without it a broader value never
     * stands for a municipality's (a county's population is not a municipality's).
     */
    coversMunicipalities: z.boolean().optional(),
    /** The default maximum age of a cited value, where a template does not say. */
    maxAge: maxAgeSchema.optional(),
    /** Computed from other facts in the registry, never typed. */
    derived: derivedFromSchema.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.format !== undefined && d.type !== "number") {
      ctx.addIssue({ code: "custom", path: ["format"], message: "talformat gäller bara typen number" });
    }
    if (d.unit !== undefined && d.format !== "count") {
      ctx.addIssue({ code: "custom", path: ["unit"], message: "enhet gäller bara talformatet count" });
    }
    if (d.derived !== undefined && (d.type !== "number" || d.scopes.includes("kommun"))) {
      const message = "en härledd nyckel är ett tal för län eller land";
      ctx.addIssue({ code: "custom", path: ["derived"], message });
    }
  });
export type FactDefinition = z.infer<typeof factDefinitionSchema>;

/** The keys whose values are computed from the registry (see `derived`). */
export type DerivedFactDefinition = FactDefinition & { derived: DerivedFrom };
