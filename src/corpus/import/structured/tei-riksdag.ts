/**
 * The Swedish Parliament Corpus's TEI (Swerik) for interpellations and written questions (`ipq-…xml`) and motions
 * (`mot-…xml`), to structured documents. From the header: the title, the authors ("Efternamn, Förnamn (s)"), the
 * Riksdagen dok_id (`idno[@type='rdwebb']`), the URL, the persons and their parties, the date sent
 * (`correspAction[@type='sent']`), the committee (`orgName[@type='comitteeAbbreviation']`). From the body: the heading
 * paragraph (kind, designation, signers, addressee; read as the tagger reads a plain text's heading), the text's
 * paragraphs, an interpellation's closing questions, a motion's att-satser (`motProposal/list/item`).
 */
import type { Element } from "@xmldom/xmldom";
import type { CorpusDocument } from "../../../domain/corpus-document.js";
import { riksdagenTexts } from "../../../messages.sv.js";
import { partyFromCode } from "../../tagging/parties.js";
import { readRiksdagHeading } from "../../tagging/riksdag-heading.js";
import { attr, children, descendants, divs, first, textOf, xmlId } from "./tei-xml.js";
import type { StructuredDoc, StructuredFields } from "./types.js";

/** Whether a TEI document is one of Swerik's interpellations, questions or motions. */
export const isRiksdagTei = (root: Element): boolean =>
  divs(root, "ipqHeader").length > 0 || divs(root, "motProposal").length > 0 || divs(root, "motContent").length > 0;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** "Exempelsson, Anna (s)" → Anna Exempelsson, S. */
function authorOf(text: string): { name: string; party?: string } | undefined {
  const m = /^(.*?)\s*(?:\(\s*(\p{L}{1,4})\s*\))?$/u.exec(text.trim());
  const raw = m?.[1]?.trim();
  if (!raw) return undefined;
  const [last, given] = raw.split(/\s*,\s*/, 2);
  const name = given ? `${given} ${last}` : raw;
  const party = m?.[2] ? (partyFromCode(m[2]) ?? m[2].toUpperCase()) : undefined;
  return { name, ...(party ? { party } : {}) };
}

/** The persons of the header with their parties. */
function personsOf(root: Element): { name: string; party?: string }[] {
  return descendants(root, "person").flatMap((p) => {
    const name = textOf(first(p, "persName"));
    if (!name) return [];
    const state = descendants(p, "state").find((s) => s.getAttribute("type") === "partyAffiliation");
    const code = textOf(first(state, "desc")) || attr(state, "ref")?.replace(/^#?(party\.)?/, "");
    const party = code ? (partyFromCode(code) ?? code.toUpperCase()) : undefined;
    return [{ name, ...(party ? { party } : {}) }];
  });
}

const isoDay = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

const paragraphs = (el: Element | undefined): string[] => (el ? descendants(el, "p").map(textOf).filter(Boolean) : []);

export function fromRiksdagTei(name: string, root: Element): StructuredDoc {
  const header = first(root, "teiHeader");
  const titleStmt = first(header, "titleStmt");
  const headerAuthors = titleStmt
    ? children(titleStmt, "author")
        .map((a) => authorOf(textOf(a)))
        .filter((a) => a !== undefined)
    : [];
  const persons = personsOf(root);
  const idnos = header ? descendants(header, "idno") : [];
  const externalId = textOf(idnos.find((i) => i.getAttribute("type") === "rdwebb")) || xmlId(root);
  const url = idnos.map(textOf).find((t) => /^https?:\/\//.test(t));
  const sent = descendants(root, "correspAction").find((c) => c.getAttribute("type") === "sent");
  const committee = textOf(
    descendants(root, "orgName").find((o) => /abbreviation/i.test(o.getAttribute("type") ?? "")),
  );

  const isMotion = divs(root, "motProposal").length > 0 || divs(root, "motContent").length > 0;
  const headingLines = isMotion ? [] : paragraphs(divs(root, "ipqHeader")[0]);
  const heading = readRiksdagHeading(headingLines.length ? headingLines : [textOf(first(titleStmt, "title"))]);

  let body: string[];
  let proposals: string[] = [];
  let questions: string[] = [];
  if (isMotion) {
    const proposal = divs(root, "motProposal")[0];
    proposals = proposal ? descendants(proposal, "item").map(textOf).filter(Boolean) : [];
    body = [
      ...paragraphs(proposal).filter((p) => !proposals.includes(p)),
      ...proposals,
      ...paragraphs(divs(root, "motContent")[0]),
      ...paragraphs(divs(root, "motSignatures")[0]),
    ];
  } else {
    const context = divs(root, "ipContext")[0] ?? divs(root, "ipqBody")[0];
    const ps = paragraphs(context);
    let at = ps.length;
    while (at > 0 && ps[at - 1]!.endsWith("?")) at--;
    questions = ps.slice(at);
    body = [...headingLines, ...ps];
  }

  const authors: CorpusDocument["authors"] = headerAuthors.length ? headerAuthors : (heading?.authors ?? []);
  const authorNames = new Set(authors.map((a) => a.name));
  const other = persons.find((p) => !authorNames.has(p.name));
  const addressee =
    heading?.addressee ?? (!isMotion && other ? `${other.name}${other.party ? ` (${other.party})` : ""}` : undefined);
  const date = isoDay(attr(first(sent, "date"), "when")) ?? heading?.date;
  const title = heading?.title ?? textOf(first(titleStmt, "title"));
  const fields: StructuredFields = {
    kind: isMotion ? "motion" : (heading?.kind ?? "interpellation"),
    level: "riksdag",
    municipality: null,
    county: null,
    parties: [...new Set(authors.map((a) => a.party).filter((p): p is string => !!p))],
    authors,
    ...(addressee ? { addressee: clip(addressee, 300) } : {}),
    ...(date ? { date } : {}),
    ...(title ? { title: clip(title, 500) } : {}),
    ...(proposals.length ? { proposals: proposals.map((p) => clip(p, 2000)) } : {}),
    ...(questions.length ? { questions: questions.map((q) => clip(q, 2000)) } : {}),
    ...(externalId ? { externalId: clip(externalId, 200) } : {}),
    ...(heading ? { designation: heading.designation } : {}),
    ...(committee ? { committee: clip(committee, 300) } : {}),
    ...(url ? { url } : {}),
    publisher: riksdagenTexts.publisher,
  };
  const text = body.join("\n\n");
  return { name, format: "tei-riksdag", fields, ...(text ? { text } : {}) };
}
