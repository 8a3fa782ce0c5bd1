import { z } from "../domain/zod.js";
import { factSchema } from "../domain/fact.js";
import { corpusDocumentSchema } from "../domain/corpus-document.js";
import { factDefinitionSchema } from "../domain/fact-key.js";
import { shippedFactKeys } from "../facts/fact-catalog.js";

/** The version of the database file's shape; bumped with a migration when the shape changes. */
export const schemaVersion = 3;

/** The database file (corpus/motionera.json by default), validated whole when read. */
export const databaseSchema = z.object({
  schemaVersion: z.literal(schemaVersion),
  facts: z.array(factSchema),
  documents: z.array(corpusDocumentSchema),
  /** The fact-key catalog: the shipped keys and any the user added (`motionera facts keys add`). */
  factKeys: z.array(factDefinitionSchema).superRefine((keys, ctx) => {
    const seen = new Set<string>();
    keys.forEach((k, i) => {
      if (seen.has(k.key))
        ctx.addIssue({ code: "custom", path: [i, "key"], message: `nyckeln ${k.key} finns två gånger` });
      seen.add(k.key);
    });
  }),
});
export type Database = z.infer<typeof databaseSchema>;

export const emptyDatabase = (): Database => ({ schemaVersion, facts: [], documents: [], factKeys: shippedKeys() });

/** A fresh copy of the shipped key definitions (the data a new or migrated database starts with). */
const shippedKeys = () => structuredClone([...shippedFactKeys]);

/**
 * Each migration takes the raw data of one version to the next. Applied in order on read;
 * the file is rewritten (after a backup of the old one) on the next write.
 */
export const migrations: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 → 2: the argument corpus joins the facts.
  1: (raw) => ({ ...raw, schemaVersion: 2, documents: [] }),
  // 2 → 3: the fact-key catalog moves from code into the database; the shipped keys are added,
  // any key definitions already in the file (a user's) are kept and win over a shipped one.
  2: (raw) => {
    const own = Array.isArray(raw.factKeys) ? (raw.factKeys as { key?: unknown }[]) : [];
    const ownKeys = new Set(own.map((k) => k.key));
    return { ...raw, schemaVersion: 3, factKeys: [...shippedKeys().filter((k) => !ownKeys.has(k.key)), ...own] };
  },
};

/** Brings raw data of any known older version up to the current one; returns the version it started at. */
export function migrate(raw: unknown): { data: unknown; from: number | undefined } {
  if (!raw || typeof raw !== "object" || !("schemaVersion" in raw)) return { data: raw, from: undefined };
  let data = raw as Record<string, unknown>;
  const from = typeof data.schemaVersion === "number" ? (data.schemaVersion as number) : undefined;
  while (typeof data.schemaVersion === "number" && (data.schemaVersion as number) < schemaVersion) {
    const step = migrations[data.schemaVersion as number];
    if (!step) break;
    data = step(data);
  }
  return { data, from: from !== undefined && from < schemaVersion ? from : undefined };
}
