/**
 * A document's reference in Swedish, one line: who, title, kind (and where it appeared),
 * place, date. "Liberalerna Lidingö: Lidingö borde bli en del av … (debattartikel), Lidingö,
 * 21 februari 2023."
 */
import type { CorpusDocument } from "../../domain/corpus-document.js";
import { partyName, partyNames } from "../../domain/signer.js";
import { formatDate } from "../../lang/dates.js";
import { formatList } from "../../lang/lists.js";

/** What a citation needs of a record: a search hit or the record itself will do. */
export type Citable = Pick<CorpusDocument, "title" | "kind" | "parties" | "authors"> & {
  outlet?: string | undefined;
  date: string | null;
  municipality: { name: string } | null;
  county: { name: string } | null;
};

/** Up to two authors by name ("A och B (S)", "A (M) och B (L)"); more, by party and place. */
function who(d: Citable): string {
  const place = d.municipality?.name ?? d.county?.name ?? "";
  const byParty = (parties: readonly string[]) => {
    if (parties.length === 0) return "";
    if (parties.length === 1) return `${partyName(parties[0]!)}${place ? ` ${place}` : ""}`;
    const names = parties.map((p) => (p.toUpperCase() in partyNames ? p.toUpperCase() : p));
    return `${formatList(names)}${place ? ` i ${place}` : ""}`;
  };
  const authors = d.authors;
  if (authors.length > 0 && authors.length <= 2) {
    const parties = [...new Set(authors.map((a) => a.party).filter((p): p is string => !!p))];
    const shared = parties.length === 1 && authors.every((a) => a.party === parties[0]);
    const names = authors.map((a) =>
      !shared && a.party && !a.name.includes(a.party) ? `${a.name} (${a.party})` : a.name,
    );
    const named = authors.some((a) => a.name.includes(partyName(parties[0]!)));
    return `${formatList(names)}${shared && !named ? ` (${parties[0]})` : ""}`;
  }
  const parties =
    d.parties.length > 0 ? d.parties : [...new Set(authors.map((a) => a.party).filter((p): p is string => !!p))];
  const party = byParty(parties);
  if (party) return party;
  if (authors.length > 2) return `${authors[0]!.name} m.fl.`;
  return "";
}

export function citationOf(d: Citable): string {
  const author = who(d);
  const title = d.title.trim();
  const kind = d.outlet ? `${d.kind} ${d.kind === "pressmeddelande" ? "från" : "i"} ${d.outlet}` : d.kind;
  const place = d.municipality?.name ?? d.county?.name;
  const when = d.date ? formatDate(d.date) : "odaterad";
  return `${author ? `${author}: ` : ""}${title} (${kind})${place ? `, ${place}` : ""}, ${when}.`;
}
