/**
 * The record of a structured document (types.ts): what the source's structure states fills the record; the
 * auto-tagger, run on the text, fills only what the structure lacks (the summary, topics and arguments, and any field
 * the source left empty); the user's overrides at the import win over both. `provenance` says which field came from
 * where, `tagging` how sure the tagger was of what it filled.
 *
 * A record with the source's own id (Riksdagen's dok_id, a speech's xml:id) is keyed by that id, not by its text
 * (`contentHash` is the hash of "riksdagen:H2021148"): the same document from a `dokumentlista`, a `dokumentstatus`
 * file or Swerik's TEI is one record, updated by the fuller source.
 */
import { createHash } from "node:crypto";
import type { CorpusDocument } from "../../../domain/corpus-document.js";
import { tagText, type TagResult } from "../../tagging/index.js";
import type { Overrides } from "../overrides.js";
import { structuredFields, type StructuredDoc } from "./types.js";

const family = (format: StructuredDoc["format"]) => (format === "tei-parlamint" ? "parlamint" : "riksdagen");

/** The fields the tagger can fill, as TagResult names them. */
const taggable = [
  "kind",
  "level",
  "municipality",
  "county",
  "parties",
  "authors",
  "addressee",
  "date",
  "title",
  "summary",
  "topics",
  "arguments",
  "proposals",
  "questions",
  "designation",
] as const;

const round = (n: number) => Math.round(n * 100) / 100;

export function recordFromStructure(
  doc: StructuredDoc,
  overrides: Overrides,
  now: Date,
): { record: CorpusDocument; tags?: TagResult } {
  const f = doc.fields;
  const title = f.title ?? f.designation ?? f.externalId ?? doc.name;
  const tags = tagText(doc.text ?? title, { fileName: doc.name });
  const provenance: NonNullable<CorpusDocument["provenance"]> = {};
  const tagging: NonNullable<CorpusDocument["tagging"]> = {};
  const values: Record<string, unknown> = {};
  for (const field of structuredFields) {
    if (f[field] === undefined) continue;
    values[field] = f[field];
    provenance[field] = "structure";
  }
  if (!values.title) {
    values.title = title;
    provenance.title = "structure";
  }
  for (const field of taggable) {
    if (provenance[field]) continue;
    const inferred = tags[field];
    // Without a text the tagger has only the title: no summary, att-satser or questions to read from it.
    if (!doc.text && (field === "summary" || field === "proposals" || field === "questions" || field === "arguments"))
      values[field] = field === "summary" ? "" : [];
    else values[field] = inferred.value;
    if (values[field] === null && (field === "addressee" || field === "designation")) {
      delete values[field];
      continue;
    }
    provenance[field] = "tagger";
    tagging[field] = { confidence: round(inferred.confidence), evidence: inferred.evidence.slice(0, 300) };
  }
  for (const [field, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    values[field] = value;
    provenance[field] = "override";
    tagging[field] = { confidence: 1, evidence: "angivet vid importen" };
  }
  const authors = values.authors as CorpusDocument["authors"];
  const parties = values.parties as string[];
  const outlet = overrides.outlet;
  const date = (values.date as CorpusDocument["date"] | undefined) ?? null;
  const who = authors.map((a) => a.name).join(", ") || parties.join(", ") || "okänd avsändare";
  const hash = f.externalId
    ? createHash("sha256")
        .update(`${family(doc.format)}:${f.externalId}`, "utf8")
        .digest("hex")
    : createHash("sha256")
        .update((doc.text ?? title).trim(), "utf8")
        .digest("hex");
  const record: CorpusDocument = {
    ...(values as Pick<CorpusDocument, "kind" | "level" | "municipality" | "county" | "summary" | "topics">),
    id: "pending",
    parties,
    authors,
    ...(values.addressee ? { addressee: values.addressee as string } : {}),
    ...(outlet ? { outlet } : {}),
    date,
    title: values.title as string,
    arguments: values.arguments as CorpusDocument["arguments"],
    proposals: values.proposals as string[],
    questions: values.questions as string[],
    facts: [],
    source: {
      title: values.title as string,
      publisher: outlet ?? f.publisher ?? who,
      date,
      ...(f.url ? { url: f.url } : {}),
      reference: doc.name,
    },
    ...(doc.text !== undefined ? { fullText: doc.text } : {}),
    contentHash: hash,
    imported: { file: doc.name.slice(0, 1000), at: now.toISOString(), format: doc.format },
    tagging,
    provenance,
  };
  return { record, tags };
}
