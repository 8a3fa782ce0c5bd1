/**
 * Riksdagen's `dokumentstatus` and `dokumentlista` files to structured documents (types.ts): the kind from `typ` and
 * `subtyp`, the designation from `rm` and `beteckning`, signers and their parties from `dokintressent`, the addressee
 * from `mottagare` (or the one a question is put to), att-satser with the committee's and the chamber's decisions from
 * `dokforslag`, the committee from `organ`, the text from `html`. Always at the level of the Riksdag.
 */
import type { CorpusDocument, CorpusKind, ProposalDecision } from "../../../domain/corpus-document.js";
import { riksdagenTexts } from "../../../messages.sv.js";
import { partyFromCode } from "../../tagging/parties.js";
import { htmlToText } from "../html-text.js";
import type { Dokumentstatus, Intressent, RiksdagenDocument } from "./riksdagen-schema.js";
import type { StructuredDoc, StructuredFields } from "./types.js";

const kinds: Record<string, CorpusKind> = { mot: "motion", ip: "interpellation", fr: "fråga", frs: "svar" };

/** The roles whose holders wrote the document, in the order they are listed. */
const authorRoles = new Set(["undertecknare", "fragestallare", "besvaradav"]);

/** "fp" → "L", "kd" → "KD", "mp" → "MP"; another short code in capitals, a longer name as written; "-" is none. */
export function riksdagenParty(code: string | undefined): string | undefined {
  const c = code?.trim();
  if (!c || c === "-") return undefined;
  return partyFromCode(c) ?? (c.length <= 4 ? c.toUpperCase() : c);
}

/** "2014-11-07 00:00:00" → "2014-11-07"; undefined for what is no date. */
function dateOf(value: string | undefined): string | undefined {
  const m = value?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!m) return undefined;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== m[0] ? undefined : m[0];
}

/** "//data.riksdagen.se/…" → "https://data.riksdagen.se/…"; undefined for what is no http(s) URL. */
function urlOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = value.startsWith("//") ? `https:${value}` : value;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function person(i: Intressent): { name: string; party?: string } | undefined {
  if (!i.namn) return undefined;
  const party = riksdagenParty(i.partibet);
  return { name: i.namn, ...(party ? { party } : {}) };
}

/** Signers in their order (`ordning`), each once, with their role in Swedish. */
function authorsOf(people: readonly Intressent[]): CorpusDocument["authors"] {
  const ordered = people
    .filter((p) => authorRoles.has(p.roll ?? ""))
    .map((p, i) => ({ p, at: Number(p.ordning ?? Number.NaN), i }))
    .sort((a, b) => (Number.isNaN(a.at) || Number.isNaN(b.at) ? a.i - b.i : a.at - b.at || a.i - b.i));
  const seen = new Set<string>();
  const out: CorpusDocument["authors"] = [];
  for (const { p } of ordered) {
    const who = person(p);
    if (!who || seen.has(who.name)) continue;
    seen.add(who.name);
    out.push({ ...who, role: riksdagenTexts.roles[p.roll as keyof typeof riksdagenTexts.roles] ?? p.roll });
  }
  return out;
}

const unique = (xs: readonly string[]) => [...new Set(xs)];

/** The fields a document's metadata gives (a `dokumentstatus` document or a `dokumentlista` entry). */
function fieldsOf(d: RiksdagenDocument, people: readonly Intressent[]): StructuredFields {
  const typ = (d.typ ?? d.doktyp ?? "").toLowerCase();
  const kind = kinds[typ] ?? "annat";
  const authors = authorsOf(people);
  const putTo = people.find((p) => p.roll === "stalldtill");
  const putToPerson = putTo ? person(putTo) : undefined;
  const addressee =
    d.mottagare ??
    (putToPerson ? `${putToPerson.name}${putToPerson.party ? ` (${putToPerson.party})` : ""}` : undefined);
  const date = dateOf(d.datum);
  const url = urlOf(d.dokument_url_html);
  const title = d.titel ?? d.subtitel ?? d.dok_id;
  return {
    kind,
    level: "riksdag",
    municipality: null,
    county: null,
    parties: unique(authors.map((a) => a.party).filter((p): p is string => !!p)),
    authors,
    ...(addressee ? { addressee: clip(addressee, 300) } : {}),
    ...(date ? { date } : {}),
    ...(title ? { title: clip(title, 500) } : {}),
    ...(d.dok_id ? { externalId: d.dok_id } : {}),
    ...(d.rm && d.beteckning ? { designation: `${d.rm}:${d.beteckning}` } : {}),
    ...(kind === "annat" && typ ? { category: typ } : {}),
    ...(d.subtyp && (kind !== "annat" || !typ) ? { category: clip(d.subtyp, 300) } : {}),
    ...(d.organ ? { committee: clip(d.organ, 300) } : {}),
    ...(url ? { url } : {}),
    publisher: riksdagenTexts.publisher,
  };
}

/** A `dokumentstatus` file's document. */
export function fromDokumentstatus(name: string, s: Dokumentstatus): StructuredDoc {
  const fields = fieldsOf(s.dokument, s.dokintressent?.intressent ?? []);
  if (s.dokument.typ?.toLowerCase() === "mot" && !fields.category) {
    const category = s.dokuppgift?.uppgift.find((u) => u.kod === "motkat")?.text;
    if (category) fields.category = clip(category, 300);
  }
  const proposals = (s.dokforslag?.forslag ?? []).filter((f) => f.lydelse);
  if (proposals.length > 0) {
    fields.proposals = proposals.map((f) => clip(f.lydelse!, 2000));
    fields.decisions = proposals.map(
      (f, i): ProposalDecision => ({
        number: f.nummer ?? String(i + 1),
        ...(f.utskottet ? { committee: clip(f.utskottet, 300) } : {}),
        ...(f.kammaren ? { chamber: clip(f.kammaren, 300) } : {}),
        ...(f.behandlas_i ? { handledIn: clip(f.behandlas_i, 300) } : {}),
      }),
    );
  }
  const text = s.dokument.html ? htmlToText(s.dokument.html) : "";
  return { name, format: "riksdagen-dokumentstatus", fields, ...(text.trim() ? { text } : {}) };
}

/** A `dokumentlista` page's documents: metadata only (the text is in each document's `dokumentstatus` file). */
export function fromDokumentlista(
  name: string,
  docs: readonly (RiksdagenDocument & { dokintressent?: { intressent: Intressent[] } | null | undefined })[],
): StructuredDoc[] {
  return docs.map((d, i) => ({
    name: `${name}#${i + 1}`,
    format: "riksdagen-dokumentlista",
    fields: fieldsOf(d, d.dokintressent?.intressent ?? []),
    metadataOnly: true,
  }));
}
