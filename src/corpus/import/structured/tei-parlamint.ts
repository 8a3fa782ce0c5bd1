/**
 * ParlaMint's TEI for the Riksdag (ParlaMint-SE): one sitting per file, each speech a `<u who="#Person">` of `<seg>`
 * paragraphs, announced by a `<note type="speaker">`. One record per speech, not per sitting: the corpus answers who
 * argued what, and a sitting holds dozens of speakers of every party, so only a speech has one author, one party and
 * one line of argument to find, facet and cite (README, Corpus).
 *
 * The speaker's name and party come from the file's `listPerson` and `listOrg` when it carries them (a corpus's root
 * file does; a sitting's file usually does not), else from the speaker note ("Anf. 12 ANNA EXEMPELSSON (S):"), else
 * from the `who` id ("#AnnaExempelsson").
 */
import type { Element } from "@xmldom/xmldom";
import { riksdagenTexts } from "../../../messages.sv.js";
import { partyFromCode } from "../../tagging/parties.js";
import { attr, children, descendants, first, textOf, xmlId } from "./tei-xml.js";
import type { StructuredDoc } from "./types.js";

export const isParlamintTei = (root: Element): boolean =>
  descendants(root, "u").length > 0 && (xmlId(root) ?? "").startsWith("ParlaMint");

/** Whether the sitting is of the Riksdag: ParlaMint-SE (other parliaments are not Swedish politics). */
export const isSwedishParlamint = (root: Element): boolean => /^ParlaMint-SE(?![A-Za-z])/.test(xmlId(root) ?? "");

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

interface Speaker {
  name: string;
  party?: string;
}

/** Parties by their id in the file's listOrg ("party.S" → "S"). */
function partiesById(root: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (const org of descendants(root, "org")) {
    const id = xmlId(org);
    if (!id) continue;
    const abbr = descendants(org, "orgName").find((n) => n.getAttribute("full") === "abb");
    const code = textOf(abbr) || id.replace(/^party\./, "");
    out.set(id, partyFromCode(code) ?? code);
  }
  return out;
}

/** Speakers by their id in the file's listPerson, with the party they were a member of. */
function speakersById(root: Element): Map<string, Speaker> {
  const parties = partiesById(root);
  const out = new Map<string, Speaker>();
  for (const p of descendants(root, "person")) {
    const id = xmlId(p);
    const pn = first(p, "persName");
    if (!id || !pn) continue;
    const given = children(pn, "forename").map(textOf).join(" ");
    const family = children(pn, "surname").map(textOf).join(" ");
    const name = given || family ? `${given} ${family}`.trim() : textOf(pn);
    const member = descendants(p, "affiliation").find((a) => a.getAttribute("role") === "member");
    const party = parties.get((attr(member, "ref") ?? "").replace(/^#/, ""));
    out.set(id, { name, ...(party ? { party } : {}) });
  }
  return out;
}

/** "Anf. 12 ANNA EXEMPELSSON (S):" → Anna Exempelsson, S. */
function speakerOfNote(note: string): Speaker | undefined {
  const m = /^(?:Anf\.\s*\d+\s+)?(.+?)\s*(?:\(\s*(\p{L}{1,4})\s*\))?\s*:?$/u.exec(note.trim());
  const raw = m?.[1]?.trim();
  if (!raw) return undefined;
  const name = raw === raw.toUpperCase() ? raw.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase()) : raw;
  const party = m?.[2] ? (partyFromCode(m[2]) ?? m[2].toUpperCase()) : undefined;
  return { name, ...(party ? { party } : {}) };
}

/** "#AnnaExempelsson" → "Anna Exempelsson". */
const nameOfId = (who: string): string =>
  who
    .replace(/^#/, "")
    .replace(/\.\d+$/, "")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");

export function fromParlamint(name: string, root: Element): StructuredDoc[] {
  const header = first(root, "teiHeader");
  const when = attr(first(first(header, "setting"), "date"), "when") ?? attr(first(header, "date"), "when");
  const date = when && /^\d{4}-\d{2}-\d{2}/.test(when) ? when.slice(0, 10) : undefined;
  const titles = header ? descendants(first(header, "titleStmt") ?? header, "title") : [];
  const sitting = textOf(titles.find((t) => t.getAttribute("type") === "sub") ?? titles[0]) || (xmlId(root) ?? name);
  const speakers = speakersById(root);
  const out: StructuredDoc[] = [];
  let note: Speaker | undefined;
  let section: string | undefined;
  const body = first(root, "body") ?? root;
  const walk = (el: Element) => {
    for (const c of children(el)) {
      if (c.localName === "head") section = textOf(c) || section;
      else if (c.localName === "note" && c.getAttribute("type") === "speaker") note = speakerOfNote(textOf(c));
      else if (c.localName === "u") {
        const who = (attr(c, "who") ?? "").replace(/^#/, "");
        const speaker = speakers.get(who) ?? note ?? (who ? { name: nameOfId(who) } : undefined);
        note = undefined;
        const segs = descendants(c, "seg");
        const text = (segs.length ? segs.map(textOf) : [textOf(c)]).filter(Boolean).join("\n\n");
        if (!text) continue;
        const id = xmlId(c);
        const title = `${section ?? sitting}${speaker ? ` – ${speaker.name}` : ""}`;
        out.push({
          name: `${name}#${id ?? out.length + 1}`,
          format: "tei-parlamint",
          fields: {
            kind: "anförande",
            level: "riksdag",
            municipality: null,
            county: null,
            parties: speaker?.party ? [speaker.party] : [],
            authors: speaker ? [{ ...speaker, role: riksdagenTexts.speaker }] : [],
            ...(date ? { date } : {}),
            title: clip(title, 500),
            ...(id ? { externalId: clip(id, 200) } : {}),
            category: clip(sitting, 300),
            publisher: riksdagenTexts.parlamintPublisher,
          },
          text,
        });
      } else walk(c);
    }
  };
  walk(body);
  return out;
}
