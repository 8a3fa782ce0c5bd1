/**
 * What a Swedish user reads when something is wrong: every error and warning the core
 * raises, worded in one place so it can be reviewed. The CLI and the web service both use it.
 */
import { z } from "zod";
import sv from "zod/v4/locales/sv.js";
import type { DraftWarning, ErrorDetails } from "../domain/errors.js";
import type { LimitedField } from "../domain/text-limits.js";
import { formatDate } from "../lang/dates.js";
import { formatList } from "../lang/lists.js";
import { formatNumber } from "../lang/numbers.js";

// zod's own messages ("Ogiltig inmatning …") in Swedish, for every schema in the project.
z.config(sv());

/** "24 november 2026 kl. 19.20" (Swedish time). */
function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${formatDate(`${get("year")}-${get("month")}-${get("day")}`)} kl. ${get("hour")}.${get("minute")}`;
}

/** The fields with a length limit (src/domain/text-limits.ts), as a message names them. */
export const limitedFieldNames: Readonly<Record<LimitedField, string>> = {
  factText: "värdet",
  note: "förbehållet (note)",
  sourceTitle: "källans titel",
  sourcePublisher: "källans utgivare",
  url: "källans webbadress",
  documentTitle: "titeln",
  summary: "sammanfattningen",
  addressee: "mottagaren (addressee)",
  outlet: "publiceringsstället (outlet)",
  claim: "argumentet",
  proposal: "att-satsen",
  question: "frågan",
  factReference: "hänvisningen till en uppgift",
  documentPublisher: "källans utgivare",
  reference: "källans förvaringsplats (reference)",
  fileName: "filnamnet",
  signerName: "undertecknarens namn",
  signerParty: "undertecknarens parti",
  signerRole: "undertecknarens roll",
  party: "partiet",
  inputMaxLength: "värdet",
  inputName: "fältets namn",
  condition: "villkoret",
};

/** "källans titel får vara högst 500 tecken, men är 612". */
export function explainTooLong(field: string, max: number, length: number | undefined): string {
  return `${field} får vara högst ${formatNumber(max)} tecken${length !== undefined ? `, men är ${formatNumber(length)}` : ""}`;
}

const quoted = (xs: readonly string[]) => formatList(xs.map((x) => `"${x}"`), "eller");
const didYouMean = (xs: readonly string[]) => (xs.length ? ` Menade du ${quoted(xs)}?` : "");

export function explainError(d: ErrorDetails): string {
  switch (d.code) {
    case "unknown_municipality":
      return `Okänd kommun: "${d.query}".${didYouMean(d.suggestions)} Ange kommunens namn eller SCB:s kommunkod (till exempel "Lidingö" eller "0186").`;
    case "unknown_county":
      return `Okänt län: "${d.query}".${didYouMean(d.suggestions)} Ange länets namn, kod eller länsbokstav (till exempel "Stockholms län", "01" eller "AB").`;
    case "unknown_template":
      return `Okänd mall: "${d.query}".${didYouMean(d.suggestions)} Se alla mallar med: motionera templates`;
    case "template_invalid": {
      const at = d.line ? `:${d.line}${d.column ? `:${d.column}` : ""}` : "";
      return `Fel i mallen ${d.file}${at}: ${d.problem}`;
    }
    case "fact_missing":
      return (
        `Uppgiften "${d.label}" (${d.key}) saknas för ${d.subjectName}, och mallen kräver den. ` +
        `Lägg till den med källa, till exempel:\n  motionera facts add ${d.subject} ${d.key} <värde> --as-of ÅÅÅÅ-MM-DD --source-title "…" --publisher "…" --source-date ÅÅÅÅ-MM-DD [--url …]`
      );
    case "fact_stale":
      return d.asOf
        ? `Uppgiften "${d.label}" för ${d.subjectName} är från ${formatDate(d.asOf)}, äldre än mallen godtar (${formatDate(d.oldest)} eller senare). Kontrollera om det finns en nyare uppgift och lägg till den med motionera facts add.`
        : `Uppgiften "${d.label}" för ${d.subjectName} saknar datum, så det går inte att avgöra om den är aktuell (mallen godtar uppgifter från ${formatDate(d.oldest)} eller senare). Kontrollera den och lägg gärna till en daterad uppgift med motionera facts add.`;
    case "unknown_fact_key":
      return `Okänd faktanyckel: "${d.key}".${didYouMean(d.suggestions)} Se alla nycklar med: motionera facts keys`;
    case "fact_invalid":
      return `Ogiltig uppgift${d.field ? ` i ${d.field}` : ""}: ${d.problem}`;
    case "input_invalid":
      return `Ogiltigt värde för ${d.field}: ${d.problem}`;
    case "input_needed": {
      const or = d.alternatives.length ? ` (eller ${formatList(d.alternatives, "eller")})` : "";
      const registry = d.facts.length ? `, och faktaregistret har ingen uppgift om ${formatList(d.facts.map((f) => `"${f.label}"`), "eller")} för ${d.subjectName}` : "";
      return `Fyll i ${d.field}${or}: texten bygger på den uppgiften${registry}. Ange den med --set ${d.field}=… (på webben: fältet i formuläret), eller lägg till uppgiften i faktaregistret med motionera facts add.`;
    }
    case "unknown_input":
      return `Mallen har inget fält "${d.field}".${d.known.length ? ` Fälten är: ${d.known.join(", ")}.` : " Mallen har inga egna fält."}`;
    case "unknown_argument":
      return `Argumentet "${d.ref}" finns inte i korpusen. Välj argument med motionera corpus show <id> (numren räknas från 1).`;
    case "author_invalid":
      return `Kan inte läsa undertecknaren "${d.value}": ${d.problem}. Skriv till exempel --author "Anna Andersson (L), ledamot i kommunfullmäktige".`;
    case "database_invalid":
      return [
        `Databasfilen ${d.file} kan inte läsas: ${d.problem}. Filen har inte ändrats och skrivs inte över.`,
        d.backup
          ? `Senaste fungerande säkerhetskopia: ${d.backup.file} (sparad ${formatDateTime(d.backup.modified)}, ${d.backup.facts} uppgifter, ${d.backup.documents} dokument). Återställ den med: cp "${d.backup.file}" "${d.file}"`
          : "Det finns ingen fungerande säkerhetskopia bredvid filen. Rätta filen eller välj en annan med --db.",
      ].join("\n");
    case "database_locked":
      return d.pid
        ? `Databasen ${d.file} används redan för skrivning av en annan process: ${d.command} (process ${d.pid}${d.host ? ` på ${d.host}` : ""}, sedan ${formatDateTime(d.since)}). Ingenting skrevs. Vänta tills den är klar eller stoppa den, och försök igen.`
        : `Databasen ${d.file} kunde inte låsas för skrivning. Ingenting skrevs. Försök igen.`;
    case "output_failed":
      return `Kunde inte skriva filerna i ${d.path}: ${d.problem}. Inga filer skrevs.`;
    case "campaign_condition_invalid":
      return `Villkoret "${d.condition}" går inte att använda: ${d.problem}. Skriv till exempel "mika_kast_agreement=nej", "population>50000", "action_plan_sells_sex!=ja" eller "action_plan_sells_sex saknas".`;
    case "campaign_empty":
      return `Ingen kommun uppfyller urvalet (${d.selection}). Inga filer skrevs. Ändra län, kommuner eller villkor; se uppgifterna med motionera facts <kommun>.`;
    case "draft_has_placeholders":
      return `Utkastet har ${d.placeholders.length === 1 ? "ett ställe" : `${d.placeholders.length} ställen`} att fylla i (${formatList(d.placeholders.map((p) => `"${p}"`), "och")}), och --strict godtar inga. Ange uppgifterna med --set, lägg till dem i faktaregistret eller gör utkastet utan --strict.`;
    case "request_invalid":
      return [`${d.problems.length} fel:`, ...d.problems.map((p) => `  ${explainError(p.details)}`)].join("\n");
    case "fact_import_invalid": {
      const more = d.total - d.issues.length;
      const head = `Filen ${d.file} kan inte importeras; ingenting sparades. ${d.total === 1 ? "1 fel" : `${d.total} fel`}:`;
      return [head, ...d.issues.map((i) => `  ${explainImportIssue(i)}`), ...(more > 0 ? [`  … och ${more} fel till.`] : [])].join("\n");
    }
  }
}

/**
 * A broken template as the web service names it: its id, line and problem, never its file
 * path (the service's operator sees that with motionera templates).
 */
export function explainBrokenTemplate(d: Extract<ErrorDetails, { code: "template_invalid" }>): string {
  const id = d.file.replace(/^.*[\\/]/, "").replace(/\.hbs$/, "");
  return `Mallen "${id}" har ett fel${d.line ? ` på rad ${d.line}` : ""} och kan inte användas: ${d.problem.replace(/[.\s]+$/, "")}.`;
}

/** "rad 7, kolumn "Kommun": okänd kommun "Lidngö". Menade du "Lidingö"?" */
export function explainImportIssue(i: import("../domain/errors.js").FactImportIssue): string {
  const where = [
    i.line !== undefined ? `rad ${i.line}` : "",
    i.entry !== undefined ? `post ${i.entry}` : "",
    i.column !== undefined ? `${i.columnKind === "field" ? "fältet" : "kolumn"} "${i.column}"` : "",
  ].filter(Boolean);
  return `${where.length ? `${where.join(", ")}: ` : ""}${i.problem}.${didYouMean(i.suggestions ?? [])}`;
}

/** Why a campaign skipped a municipality: facts the campaign requires (--require) are missing. */
export function explainCampaignMissing(place: string, facts: readonly { key: string; label: string }[]): string {
  const list = formatList(facts.map((f) => `"${f.label}" (${f.key})`), "och");
  return `${facts.length === 1 ? "Uppgiften" : "Uppgifterna"} ${list} saknas för ${place}, och kampanjen kräver ${facts.length === 1 ? "den" : "dem"}; inget utkast skrevs. Lägg till ${facts.length === 1 ? "den" : "dem"} med motionera facts add eller motionera facts import.`;
}

export function explainWarning(w: DraftWarning): string {
  switch (w.code) {
    case "fact_stale":
      return explainError(w);
    case "fact_optional_missing":
      return `Uppgiften "${w.label}" (${w.key}) saknas för ${w.subjectName}; texten skrivs utan den.`;
    case "committee_default":
      return `Texten säger "${w.committee}", men faktaregistret vet inte vad nämnden som ansvarar för socialtjänsten heter ${w.inPlace}. Kontrollera namnet (ange det med --set committee=…).`;
    case "source_incomplete":
      return `Källan ${w.source} saknar ${formatList(w.missing.map((m) => ({ title: "titel", date: "datum", url: "webbadress" })[m]), "och")}. Leta upp den och komplettera den i faktaregistret innan utkastet lämnas in.`;
    case "source_other_party":
      return `Källan ${w.source} är utgiven av ${formatList(w.parties, "och")}, ett annat parti än undertecknarnas. Hänvisa hellre till den myndighet, lag eller tidning som uppgiften kommer från, om du hittar den.`;
    case "several_interpellants":
      return `Interpellationen har ${w.count} undertecknare. I de flesta kommuners arbetsordning ställs en interpellation av en enskild ledamot; kontrollera er arbetsordning.`;
  }
}

/** "[FYLL I: …]" and "kontrollera" items as one list of lines, for every surface that shows a draft. */
export function reviewLines(review: import("../domain/errors.js").DraftReview): { placeholders: string[]; checks: string[] } {
  return { placeholders: review.placeholders.map((p) => `Fyll i: ${p}`), checks: review.checks.map((c) => `Kontrollera: ${explainWarning(c)}`) };
}

/** Why a file could not be imported. */
export function explainReadProblem(p: import("../corpus/import/read-text.js").ReadProblem): string {
  switch (p.reason) {
    case "unknown_extension":
      return `okänd filtyp ${p.extension}; motionera läser .txt, .md, .docx och .pdf`;
    case "too_large":
      return `filen är ${(p.bytes / 1024 / 1024).toFixed(1)} MB, mer än gränsen 20 MB; dela upp den eller importera texten`;
    case "text_too_long":
      return `texten är ${formatNumber(p.chars)} tecken, mer än gränsen ${formatNumber(p.limit)} (ungefär 1 500 sidor); dela upp den i flera filer och importera dem var för sig`;
    case "empty":
      return "filen är tom eller innehåller ingen text";
    case "binary":
      return "filen innehåller binära data, inte text; spara den som .txt, .md, .docx eller .pdf";
    case "undecodable":
      return "texten är varken UTF-8 eller Latin-1; spara den som UTF-8 och försök igen";
    case "unreadable":
      return p.detail;
    case "not_docx":
      return {
        not_zip: "inte en giltig DOCX-fil (filen är ingen zip-fil); spara den på nytt som .docx i Word eller LibreOffice",
        no_document: "inte en giltig DOCX-fil (word/document.xml saknas); spara den på nytt som .docx i Word eller LibreOffice",
        zip64: "DOCX-filen är packad som ZIP64, vilket motionera inte läser; spara den på nytt som .docx",
        encrypted: "DOCX-filen är krypterad; spara en kopia utan lösenord och importera den",
        bad_entry: "inte en giltig DOCX-fil (en del av zip-filen är trasig); spara den på nytt som .docx",
      }[p.detail];
    case "unpacks_too_large":
      return `DOCX-filen packas upp till mer än ${Math.round(p.limitBytes / 1024 / 1024)} MB${p.declaredBytes ? ` (${Math.round(p.declaredBytes / 1024 / 1024)} MB enligt filen)` : ""}, vilket är mer än en text behöver; importeras inte`;
    case "header_lies":
      return `DOCX-filen är manipulerad: ${p.part} packas upp till mer än de ${p.declaredBytes} byte filen uppger (en zip-bomb); importeras inte`;
    case "nested_too_deep":
      return `DOCX-filens XML (${p.part}) är nästlad mer än ${p.limit} nivåer djupt, vilket ingen vanlig text är; importeras inte`;
  }
}
