import { z } from "../domain/zod.js";
import { factSchema } from "../domain/fact.js";
import { corpusDocumentSchema } from "../domain/corpus-document.js";
import { factDefinitionSchema, type FactDefinition } from "../domain/fact-key.js";
import { apiTokenSchema } from "../domain/api-token.js";
import { auditEntrySchema } from "../domain/audit.js";
import { savedDraftSchema } from "../domain/saved-draft.js";
import { councilMeetingSchema, filingSchema } from "../domain/filing.js";
import { shippedFactKeys } from "../facts/fact-catalog.js";
import { shippedKeysAtVersion3 } from "./shipped-keys-v3.js";

/**
 * The version of the database file's shape; bumped with a migration when the shape changes. Version 6 was
 * never a shape: it marks a file of version-5 data with document segments (document-segments.ts), so the
 * shape after 5 is 7 (and a file of version-7 data with segments is marked 8).
 */
export const schemaVersion = 7;

/** The fact-key catalog: the shipped keys and any the user added (`motionera facts keys add`). */
export const factKeysSchema = z.array(factDefinitionSchema).superRefine((keys, ctx) => {
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (seen.has(k.key))
      ctx.addIssue({ code: "custom", path: [i, "key"], message: `nyckeln ${k.key} finns två gånger` });
    seen.add(k.key);
  });
});

/**
 * The database file (corpus/motionera.json by default), validated whole when read. Built when first used: a command
 * that takes a file this build has validated before (checked-database.ts) never builds the schemas of its collections
 * (their modules run on first use in the bundles, src/loading/first-use.ts).
 */
export const databaseSchema = z.lazy(() =>
  z.object({
    schemaVersion: z.literal(schemaVersion),
    facts: z.array(factSchema),
    documents: z.array(corpusDocumentSchema),
    factKeys: factKeysSchema,
    /**
     * The ids of the shipped keys this database has been offered: each is added once (on open,
     * see offerShippedKeys); after that a user's removal or edit of it stands.
     */
    shippedKeysOffered: z.array(z.string()),
    /** The named API tokens (`motionera tokens`), each with the SHA-256 of its secret, never the secret. */
    tokens: z.array(apiTokenSchema),
    /** The audit log: one entry per write, oldest first. */
    audit: z.array(auditEntrySchema),
    /** Saved drafts (issue 16), each with its versions; oldest first. */
    savedDrafts: z.array(savedDraftSchema).superRefine((drafts, ctx) => {
      const seen = new Set<string>();
      drafts.forEach((d, i) => {
        if (seen.has(d.id))
          ctx.addIssue({ code: "custom", path: [i, "id"], message: `utkastet ${d.id} finns två gånger` });
        seen.add(d.id);
      });
    }),
    /** Filed documents (ärenden) with their history (`motionera arenden`). */
    filings: z.array(filingSchema).superRefine((filings, ctx) => {
      const seen = new Set<string>();
      filings.forEach((f, i) => {
        if (seen.has(f.id))
          ctx.addIssue({ code: "custom", path: [i, "id"], message: `ärendet ${f.id} finns två gånger` });
        seen.add(f.id);
      });
    }),
    /** The council meetings (sammanträden) entered or imported, which deadlines are counted to. */
    meetings: z.array(councilMeetingSchema),
  }),
);
export type Database = z.infer<typeof databaseSchema>;

export const emptyDatabase = (): Database => ({
  schemaVersion,
  facts: [],
  documents: [],
  factKeys: shippedKeys(),
  shippedKeysOffered: shippedFactKeys.map((k) => k.key),
  tokens: [],
  audit: [],
  savedDrafts: [],
  filings: [],
  meetings: [],
});

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
  // 3 → 4: the shipped keys already offered are recorded: those a version-3 file was seeded with,
  // and any shipped key it holds. A shipped key added since is then offered when the file is read.
  3: (raw) => {
    const held = new Set((Array.isArray(raw.factKeys) ? (raw.factKeys as { key?: unknown }[]) : []).map((k) => k.key));
    const offered = new Set([
      ...shippedKeysAtVersion3,
      ...shippedFactKeys.map((k) => k.key).filter((k) => held.has(k)),
    ]);
    return { ...raw, schemaVersion: 4, shippedKeysOffered: [...offered] };
  },
  // 4 → 5: named API tokens and the audit log join; a file before them has neither.
  4: (raw) => ({ ...raw, schemaVersion: 5, tokens: [], audit: [] }),
  // 5 → 7 (6 is not a shape, see schemaVersion): saved drafts, filed documents and council meetings join.
  5: (raw) => ({ ...raw, schemaVersion: 7, savedDrafts: [], filings: [], meetings: [] }),
};

/**
 * Adds the shipped keys the database has never been offered (shipped-keys.json grew since it
 * was made) and records them as offered; a shipped key offered before stays as the user left it
 * (removed, edited). A key of the user's with the same id is kept (and counts as offered); a
 * derived key whose base key is missing is not added (and is offered again later). Pure: the
 * same data back when there is nothing to offer.
 */
export function offerShippedKeys(data: Database, shipped: readonly FactDefinition[] = shippedFactKeys): Database {
  const offered = new Set(data.shippedKeysOffered);
  const fresh = shipped.filter((k) => !offered.has(k.key));
  if (fresh.length === 0) return data;
  const held = new Set(data.factKeys.map((k) => k.key));
  const added = structuredClone(fresh.filter((k) => !held.has(k.key)));
  const keys = new Set([...held, ...added.map((k) => k.key)]);
  const usable = added.filter((k) => !k.derived || keys.has(k.derived.from));
  const skipped = new Set(added.filter((k) => !usable.includes(k)).map((k) => k.key));
  return {
    ...data,
    factKeys: [...data.factKeys, ...usable],
    shippedKeysOffered: [...data.shippedKeysOffered, ...fresh.map((k) => k.key).filter((k) => !skipped.has(k))],
  };
}

/**
 * Raw data as every store engine reads it: migrated to the current version, validated, and
 * offered the shipped keys it has not seen. `migratedFrom`: the version it was migrated from.
 */
export function readDatabase(
  raw: unknown,
):
  | { success: true; data: Database; migratedFrom: number | undefined; validated: Database }
  | { success: false; error: z.ZodError; migratedFrom: number | undefined } {
  const migrated = migrate(raw);
  const parsed = databaseSchema.safeParse(migrated.data);
  if (!parsed.success) return { success: false, error: parsed.error, migratedFrom: migrated.from };
  return { success: true, data: offerShippedKeys(parsed.data), migratedFrom: migrated.from, validated: parsed.data };
}

/**
 * Data of the current version that this build has validated before, byte for byte (checked-database.ts), taken as
 * it is and offered the shipped keys it has not seen, as readDatabase offers them.
 */
export const readCheckedDatabase = (raw: unknown): Database => offerShippedKeys(raw as Database);

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
