/**
 * What a user states about imported files with --set key=value (or the web form), checked
 * and turned into record fields. Stated values win over what the tagger inferred.
 */
import { MotioneraError } from "../../domain/errors.js";
import { corpusKinds, corpusLevels, type CorpusDocument } from "../../domain/corpus-document.js";
import { partialDateSchema } from "../../domain/partial-date.js";
import { parseSigner, parliamentaryParties } from "../../domain/signer.js";
import { findCounty, findMunicipality } from "../../data/places.js";
import { findTopic } from "../../lang/find-topic.js";
import { nearest } from "../../lang/nearest.js";
import { topics } from "../../domain/vocabulary.js";
import { problems } from "../../messages.sv.js";

export const overrideKeys = [
  "kind",
  "level",
  "kommun",
  "lan",
  "parties",
  "authors",
  "addressee",
  "outlet",
  "date",
  "title",
  "summary",
  "topics",
] as const;
export type OverrideKey = (typeof overrideKeys)[number];

export type Overrides = Partial<
  Pick<
    CorpusDocument,
    | "kind"
    | "level"
    | "municipality"
    | "county"
    | "parties"
    | "authors"
    | "addressee"
    | "outlet"
    | "date"
    | "title"
    | "summary"
    | "topics"
  >
>;

const list = (v: string) =>
  v
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter(Boolean);

function invalid(field: string, problem: string): never {
  throw new MotioneraError({ code: "input_invalid", field, problem });
}

function topicId(v: string): CorpusDocument["topics"][number] {
  const t = findTopic(v);
  if (!t)
    invalid(
      "topics",
      problems.unknownTopicChoose(
        v,
        topics.map((x) => x.label),
      ),
    );
  return t.id;
}

export function parseOverrides(raw: Record<string, string>): Overrides {
  const out: Overrides = {};
  for (const [key, value] of Object.entries(raw)) {
    const v = value.trim();
    switch (key as OverrideKey) {
      case "kind":
        if (!(corpusKinds as readonly string[]).includes(v)) invalid(key, problems.chooseAmong(corpusKinds));
        out.kind = v as CorpusDocument["kind"];
        break;
      case "level":
        if (!(corpusLevels as readonly string[]).includes(v)) invalid(key, problems.chooseAmong(corpusLevels));
        out.level = v as CorpusDocument["level"];
        break;
      case "kommun": {
        const p = findMunicipality(v);
        out.municipality = { code: p.code, name: p.name };
        out.county = { code: p.county.code, name: p.county.name };
        break;
      }
      case "lan": {
        const c = findCounty(v);
        out.county = { code: c.code, name: c.name };
        break;
      }
      case "parties":
        out.parties = list(v).map((p) =>
          (parliamentaryParties as readonly string[]).includes(p.toUpperCase()) ? p.toUpperCase() : p,
        );
        break;
      case "authors":
        out.authors = v.split(";").map((a) => {
          const s = parseSigner(a);
          if (!s) invalid(key, problems.unreadableAuthors(a));
          return s;
        });
        break;
      case "date": {
        const d = partialDateSchema.safeParse(v);
        if (!d.success) invalid(key, d.error.issues[0]?.message ?? problems.invalidDate);
        out.date = d.data;
        break;
      }
      case "topics":
        out.topics = [...new Set(list(v).map(topicId))];
        break;
      case "addressee":
      case "outlet":
      case "title":
      case "summary":
        if (!v) invalid(key, problems.mustNotBeEmpty);
        out[key as "addressee" | "outlet" | "title" | "summary"] = v;
        break;
      default:
        throw new MotioneraError({
          code: "unknown_input",
          field: key,
          known: nearest(key, overrideKeys, overrideKeys.length),
        });
    }
  }
  return out;
}
