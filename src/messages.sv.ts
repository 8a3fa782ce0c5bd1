/**
 * What a Swedish user reads when something is wrong: every error and warning the core
 * raises, worded in one place so it can be reviewed. The CLI and the web service both use it.
 */
import type { DraftWarning, ErrorDetails } from "./domain/errors.js";
import type { Actor } from "./domain/actor.js";
import type { AuditEntry } from "./domain/audit.js";
import type { LimitedField } from "./domain/text-limits.js";
import { formatDate, formatDateTime } from "./lang/dates.js";
import { formatList } from "./lang/lists.js";
import { lowerFirst } from "./lang/lower-first.js";
import { formatNumber } from "./lang/numbers.js";

/** The audit log in words (`facts history`, `tokens list`, the municipality page, the API's docs). */
export const auditTexts = {
  /** Who wrote: a token's name, the command line with the OS user, or the service's admin token. */
  actor: (a: Actor): string =>
    a.kind === "token"
      ? `token ”${a.name}”`
      : a.kind === "cli"
        ? `kommandoraden${a.user ? ` (${a.user})` : ""}`
        : "MOTIONERA_TOKEN (admin)",
  /** What the write did: "importerade 290 uppgifter". */
  action: (e: Pick<AuditEntry, "action" | "count" | "ids">): string => {
    const n = e.count;
    const things = (one: string, many: string) => `${n === 1 ? "1" : formatNumber(n)} ${n === 1 ? one : many}`;
    switch (e.action) {
      case "fact.add":
        return "lade till en uppgift";
      case "facts.import":
        return `importerade ${things("uppgift", "uppgifter")}`;
      case "facts.fetch":
        return `hämtade statistik (${things("uppgift eller nyckel", "uppgifter och nycklar")})`;
      case "factKeys.change":
        return `ändrade faktakatalogen (${things("nyckel", "nycklar")})`;
      case "documents.put":
        return `lade till eller ersatte ${things("dokument", "dokument")}`;
      case "token.create":
        return `skapade token ”${e.ids[0] ?? ""}”`;
      case "token.revoke":
        return `återkallade token ”${e.ids[0] ?? ""}”`;
      case "draft.save":
        return "sparade ett nytt utkast";
      case "draft.version":
        return "sparade en ny version av ett utkast";
      case "filing.add":
        return `lade till ärendet ”${e.ids[0] ?? ""}”`;
      case "filing.step":
        return `förde in ett steg i ärendet ”${e.ids[0] ?? ""}”`;
      case "meetings.add":
        return `lade till ${things("sammanträde", "sammanträden")}`;
    }
  },
  /** A fact older than the log (the shipped data, a copy of an older file). */
  beforeLog: "före ändringsloggen",
} as const;

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
  externalId: "källans id eller beteckning",
  decision: "beslutet, kategorin eller utskottet",
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
  editedText: "den redigerade texten",
  diaryNumber: "diarienumret",
  body: "nämndens eller organets namn",
  answer: "svaret",
};

/** "källans titel får vara högst 500 tecken, men är 612". */
export function explainTooLong(field: string, max: number, length: number | undefined): string {
  return (
    `${field} får vara högst ${formatNumber(max)} ` +
    `tecken${length !== undefined ? `, men är ${formatNumber(length)}` : ""}`
  );
}

/**
 * The `problem` a core check puts in an error's details (and the messages of the core's own
 * zod checks): what is wrong with one value, worded for the user. `explainError` sets it in
 * its sentence ("Uppgiften kan inte sparas: …").
 */
export const problems = {
  /** Steps of a filed document (store/filing-writes.ts). */
  filingFiledTwice: "ärendet är redan inlämnat; rätta inlämningen i stället (motionera arenden refile)",
  filingDecidedTwice: (seq: number) => `ärendet är redan beslutat; rätta beslutet i stället (--corrects ${seq})`,
  filingInterpellationDecided: "en interpellation besvaras, den beslutas inte; ange svaret i stället",
  filingMotionAnswered: "en motion besvaras genom ett beslut (besvarad); ange beslutet i stället",
  filingStepBeforeFiled: (filed: string) => `datumet ligger före inlämningen (${filed})`,
  filingFiledAfterStep: (step: string) => `datumet ligger efter ett senare steg i ärendet (${step})`,
  filingCorrectsUnknown: (seq: number, known: readonly number[]) =>
    `det finns inget steg ${seq} att rätta (stegen är ${known.join(", ")})`,
  filingCorrectsOtherKind: (seq: number) => `steg ${seq} är av ett annat slag; en rättelse ersätter samma slags steg`,
  /** Changes to the fact-key catalog (facts/fact-key-changes.ts). */
  derivedFromNotMunicipal: (key: string) => `"${key}" är ingen nyckel för kommuner`,
  derivedFromUnknown: (key: string) => `okänd faktanyckel "${key}"`,
  keyRenamed: "en nyckel kan inte byta namn",
  /** compose: arguments chosen for a template without a place for them. */
  argumentsNotTaken: (templateId: string) => `mallen ${templateId} tar inte emot argument från korpusen`,
  /** facts: a value typed for a key. */
  notYesOrNo: (text: string, key: string) => `"${text}" ska vara ja eller nej för ${key}`,
  notANumber: (text: string, key: string) => `"${text}" är inget tal (${key})`,
  badDateValue: (text: string, problem: string | undefined) => `"${text}": ${problem}`,
  emptyText: "texten är tom",
  invalidText: "ogiltig text",
  invalidDate: "ogiltigt datum",
  derivedKey: (key: string, from: string) =>
    `${key} beräknas ur registret (ur ${from}) och kan inte anges; lägg till eller importera ${from} i stället`,
  wrongScope: (key: string, scopes: readonly string[], subjectName: string) =>
    `${key} gäller ${scopes.join("/")}, inte ${subjectName}`,
  sinceAfterAsOf: (since: string, asOf: string) =>
    `perioden kan inte börja (${since}) efter datumet den avser (${asOf})`,
  /** corpus: filters and an import's overrides. */
  unknownKind: (kind: string, kinds: readonly string[]) => `okänd typ "${kind}"; välj bland ${kinds.join(", ")}`,
  unknownTopic: (topic: string, suggestions: readonly string[]) =>
    `okänt ämne ` +
    `"${topic}".${suggestions.length ? ` Menade du ${suggestions.map((x) => `"${x}"`).join(" eller ")}?` : ""}`,
  unreadableAuthors: (text: string) => `kan inte läsa "${text}"; skriv "Namn (Parti), roll; Namn (Parti)"`,
  mustNotBeEmpty: "får inte vara tomt",
  chooseAmong: (choices: readonly string[]) => `välj bland ${choices.join(", ")}`,
  unknownTopicChoose: (topic: string, topics: readonly string[]) =>
    `okänt ämne "${topic}"; välj bland ${topics.join(", ")}`,
  /** campaign: a --where condition. */
  conditionEmpty: "villkoret är tomt",
  conditionUnknownWord: (word: string) => `okänt ord "${word}"; skriv "saknas" eller "finns" efter nyckeln`,
  conditionShape: "skriv nyckel, jämförelse och värde (=, !=, <, >, <=, >=) eller nyckel följd av saknas",
  conditionUnknownFact: (subject: string, suggestions: readonly string[]) =>
    `det finns ingen uppgift som heter "${subject}"` +
    `${suggestions.length ? `; menade du ${suggestions.map((x) => `"${x}"`).join(" eller ")}?` : ""}`,
  conditionValueMissing: (operator: string) => `värdet efter ${operator} saknas`,
  conditionUnreadable: "oläsligt",
  conditionNotOrdered: (key: string, type: "boolean" | "text") =>
    `${key} är ${type === "boolean" ? "ja eller nej" : "en text"} och kan bara jämföras med = eller !=`,
  /** campaign: the output folder. */
  outputIsFile: "det finns redan en fil med det namnet (eller i sökvägen); ange en mapp",
  outputNotWritable: "mappen går inte att skriva i (behörighet saknas); välj en annan mapp med --out",
  /** store: a database file that fails its schema. */
  unknownStoreError: "okänt fel",
  moreStoreErrors: (more: number) => ` (och ${more} fel till)`,
  /** store: the list of document segments in a database file (version 6) is not one. */
  segmentListInvalid: "documentSegments: listan över dokumentsegment är ogiltig",
  /** store: a document segment the database file names cannot be read. */
  segmentUnreadable: (name: string, detail: string) => `dokumentsegmentet ${name} går inte att läsa (${detail})`,
} as const;

type Scope = "kommun" | "lan" | "land";
type ValueType = "boolean" | "number" | "text" | "date";
const scopeWords: Record<Scope, string> = { kommun: "kommuner", lan: "län", land: "hela landet" };
const scopeName: Record<Scope, string> = { kommun: "en kommun", lan: "ett län", land: "hela landet" };
const typeWords: Record<ValueType, string> = {
  boolean: "ja eller nej",
  number: "ett tal",
  text: "en text",
  date: "ett datum (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)",
};
/** "kolumn" or "fält", in the forms a sentence needs. */
const columnWords = (kind: "column" | "field") =>
  kind === "column"
    ? { a: "kolumn", none: "ingen kolumn", one: "en kolumn", it: "den", which: "kolumn" }
    : { a: "fält", none: "inget fält", one: "ett fält", it: "det", which: "av fälten" };

/** What is wrong with a facts import: the file, a row or a cell (`FactImportIssue.problem`, a skipped row's reason). */
export const importProblems = {
  tooMuchMemory: (limitMb: number) =>
    `filen kräver mer minne än en import får använda (${limitMb} MB); dela upp den i mindre filer`,
  tooLarge: (mb: string, limitMb: number) => `filen är ${mb} MB, mer än gränsen ${limitMb} MB`,
  zipArchive:
    "filen är ett Excel- eller zip-arkiv, inte text; spara kalkylbladet som CSV (CSV UTF-8 eller " +
    "semikolonavgränsad) och importera den filen",
  binary: "filen innehåller binära data, inte text; spara tabellen som CSV eller JSON",
  undecodable: "texten är varken UTF-8 eller Windows-1252; spara filen som CSV UTF-8",
  unknownKpi: "okänt nyckeltal",
  sourceTitleMissing: (kolada: boolean) =>
    `källans titel saknas${kolada ? "" : " (krävs för CSV- och JSON-filer; bara Kolada-filer har en egen källa)"}`,
  publisherMissing: (kolada: boolean) =>
    `källans utgivare saknas${kolada ? "" : " (krävs för CSV- och JSON-filer; bara Kolada-filer har en egen källa)"}`,
  asOfFormat: "datum skrivs ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD",
  asOfMissing: "datum som värdena avser saknas (krävs för CSV- och JSON-filer; en Kolada-fil har ett år per värde)",
  noRows: "filen har inga rader med värden under rubrikraden",
  noValues: "filen har inget värde att importera (alla rader saknar värde)",
  tooManyValues: (limit: number) =>
    `filen har fler än ${formatNumber(limit)} värden att importera, och det är fler än en import tar; dela ` +
    `upp den i flera filer (till exempel en per år)`,
  rowAsOfMissing: "datum som värdet avser saknas (ange --as-of)",
  noValue: "inget värde",
  sameValueAs: (line: number) => `samma värde som på rad ${line}`,
  conflictingValue: (subject: string, before: string, line: number, now: string) =>
    `${subject} har redan värdet ${before} på rad ${line}, här ${now}; behåll en av raderna`,
  /** The subject cell. */
  subjectMissing: "kommun saknas",
  codeAndNameDisagree: (code: string, byCode: string, byName: string) => `koden ${code} är ${byCode}, inte ${byName}`,
  subjectOutOfScope: (text: string, scope: Scope, key: string, scopes: readonly Scope[]) =>
    `"${text}" är ${scopeName[scope]}, men ${key} gäller bara ${scopes.map((x) => scopeWords[x]).join(" och ")}`,
  neitherMunicipalityNorCounty: (text: string) => `"${text}" är varken en kommun eller ett län`,
  unknownCounty: (text: string) => `okänt län "${text}"`,
  unknownMunicipality: (text: string) => `okänd kommun "${text}"`,
  nationOnly: (key: string, text: string) => `${key} gäller bara hela landet (SE), inte "${text}"`,
  /** The value cell. */
  notFinite: (raw: number) => `${raw} är inget ändligt tal`,
  numberForType: (raw: number, key: string, type: ValueType) =>
    `${raw} är ett tal, men ${key} ska vara ${typeWords[type]}`,
  booleanForType: (raw: boolean, key: string, type: ValueType) =>
    `${raw} är ett sanningsvärde, men ${key} ska vara ${typeWords[type]}`,
  /** CSV. */
  tooFewColumns: (count: number, separator: string) =>
    `raden har ${count === 1 ? "bara en kolumn" : `bara ${count} kolumner`}, så kolumnen saknas (är ` +
    `avgränsaren "${separator}" rätt?)`,
  badQuotes:
    'citattecknen i raden stämmer inte: ett fält som börjar med " ska sluta med " (skriv "" för ett citattecken inuti)',
  notCsv: (detail: string) => `filen kan inte läsas som CSV (${detail})`,
  emptyCsv: "filen är tom; första raden ska namnge kolumnerna (till exempel Kommun;Värde)",
  /** Finding the subject and value columns (or JSON fields). */
  noSuchColumn: (kind: "column" | "field", name: string, present: string) =>
    `det finns inget ${columnWords(kind).a} "${name}" (det finns ${present})`,
  headerLooksLikeData: (cell: string) =>
    `första raden ska vara en rubrikrad som namnger kolumnerna (till exempel Kommun;Värde), men "${cell}" ser ` +
    `ut som en kommun`,
  noSubjectColumn: (kind: "column" | "field", present: string) => {
    const w = columnWords(kind);
    return (
      `hittar ${w.none} med kommuner bland ${present}; döp ${w.it} till Kommun eller Kommunkod, eller ` +
      `ange ${w.it} med --municipality-column`
    );
  },
  noValueColumn: (kind: "column" | "field", present: string) =>
    `hittar ${columnWords(kind).none} med värden (bara ${present}); lägg till ${columnWords(kind).one} Värde`,
  whichValueColumn: (kind: "column" | "field", candidates: string) => {
    const w = columnWords(kind);
    return (
      `vet inte vilken ${w.which} som har värdena: ${candidates}; döp ${w.it} till Värde eller ange ${w.it} med ` +
      `--value-column`
    );
  },
  sameColumn: (kind: "column" | "field", header: string) =>
    `kommunerna och värdena kan inte stå i samma ${columnWords(kind).a} ("${header}")`,
  /** JSON. */
  notJson: (detail: string) => `filen är inte giltig JSON (${detail})`,
  notAList:
    'filen ska vara en lista av objekt, till exempel [{"kommun": "Lidingö", "värde": 12}], eller ett svar ' +
    'från Kolada ({"values": [...]})',
  tooManyFields: (limit: number) =>
    `posterna har fler än ${limit} olika fält; en tabell att importera har ett fält med kommuner och ett med värden`,
  entryNotObject: "posten är inte ett objekt med kommun och värde",
  fieldMissing: "fältet saknas",
  subjectNotNameOrCode: "ska vara ett namn eller en kod",
  valueNotScalar: "ska vara ett enkelt värde (tal, text, true/false), inte en lista eller ett objekt",
  /** Kolada. */
  koladaEntryNotObject: "posten är inte ett objekt",
  koladaOrgUnit: "Kolada-värden per organisationsenhet (ou) kan inte importeras, bara per kommun",
  koladaNotAYear: (period: string) => `"${period}" är inget år`,
  koladaNationOutOfScope: (key: string) => `riket (0000): ${key} gäller inte hela landet`,
  koladaUnknownRegion: (code: string) => `okänd regionkod "${code}"`,
  koladaCountyOutOfScope: (county: string, code: string, key: string) => `${county} (${code}): ${key} gäller inte län`,
  koladaNotAMunicipalityCode: (code: string) => `"${code}" är ingen kommunkod (fyra siffror)`,
  koladaTooManyValues: "listan har fler värden än Kolada ger (ett per kön: T, K och M)",
  koladaNoValues: "inga värden",
  koladaNoTotal: (genders: string) => `flera värden (${genders}) men ingen totalsiffra (gender "T")`,
  koladaValueMissing: (period: string, status: string | undefined) =>
    `värde saknas för ${period}${status ? ` (status ${status})` : ""}`,
  koladaSeveralKpis: (named: string, key: string) =>
    `filen har värden för flera nyckeltal (${named}); importera ett nyckeltal per fil, eftersom alla värden ` +
    `lagras under samma nyckel (${key})`,
} as const;

/** What is wrong with a template file (its front matter or its Handlebars), for `template_invalid`. */
export const templateProblems = {
  partial: "delmallar ({{> …}}) används inte; skriv texten i mallen själv",
  partialBlock: "delmallar ({{#> …}}) används inte; skriv texten i mallen själv",
  decorator: "dekoratörer ({{* …}}) används inte i mallar",
  decoratorBlock: "dekoratörer och inline-delmallar ({{#* …}}) används inte i mallar",
  unknownHelper: (name: string, suggestions: readonly string[]) =>
    `okänd hjälpfunktion "${name}"; menade du ${quoted(suggestions)}? (alla hjälpfunktioner: docs/templates.md)`,
  lookupRefused: (key: string) => `lookup: "${key}" kan inte slås upp i en mall`,
  factKeyFirst: (helper: string) => `${helper}: första argumentet ska vara en faktanyckel inom citattecken`,
  factKeyQuoted: (helper: string) => `${helper}: faktanycklar skrivs inom citattecken`,
  unknownFactKey: (key: string, where: "facts" | "requiredUnless" | "body", suggestions: readonly string[]) =>
    `${where === "body" ? "" : `${where === "facts" ? "facts" : "requiredUnless.facts"}: `}okänd faktanyckel "${key}"` +
    `${suggestions.length ? `; menade du ${quoted(suggestions)}?` : ""} (se motionera facts keys)`,
  factNotDeclared: (key: string) => `faktanyckeln "${key}" används men står inte under facts: i front matter`,
  committeeNeedsFact: `committee: lägg till faktanyckeln "social_services_committee" under facts: i front matter`,
  nameRefused: (name: string, original: string) => `"${name}" kan inte användas i en mall (${original})`,
  unknownDataVariable: (name: string, allowed: readonly string[]) =>
    `@${name} finns inte för mallar; de kan använda ${allowed.map((v) => `@${v}`).join(", ")}`,
  inputNotDeclared: (name: string) => `input.${name} används men står inte under inputs: i front matter`,
  unreadableTemplate: (detail: string) => `mallen kunde inte läsas (${detail})`,
  unreadableFile: (detail: string) => `filen kunde inte läsas (${detail})`,
  tooLarge: (kb: number, limitKb: number) => `mallen är ${kb} kB; en mall får vara högst ${limitKb} kB`,
  /** `motionera templates check`: lints beyond what loading a template refuses. */
  citeOutsideClaim: (helper: string, key: string) =>
    `${helper} "${key}" står utanför {{#claim}}: en mening med en uppgift om kommunen ska stå i ` +
    `{{#claim "${key}"}}…{{else}}…{{/claim}} så att den bara visas när uppgiften finns`,
  figureInText: (figure: string) =>
    `siffran "${figure}" står i mallens text; siffror ska komma från {{cite}} (med källa) ` +
    "eller från användarens fält",
  unknownTopic: (topic: string, topics: readonly string[]) =>
    `topics: okänt ämne "${topic}"; ämnena är ${topics.join(", ")}`,
  nestedTooDeep: (what: "block" | "subexpression", limit: number) =>
    `${what === "block" ? "block ({{#…}})" : "deluttryck ((…))"} nästlade i mer än ${limit} nivåer; dela upp texten`,
  unclosedBlock: (name: string) => `{{#${name}}} avslutas aldrig med {{/${name}}}`,
  duplicateId: (id: string, otherFile: string) => `id "${id}" används redan av ${otherFile}`,
  idTaken: (id: string, otherFile: string) =>
    `id "${id}" används redan av ${otherFile}; ge mallen ett eget id (det blir filens namn)`,
  notADocumentKind: (folder: string, kinds: readonly string[]) =>
    `mappen ${folder}/ är ingen dokumenttyp (${kinds.join(", ")})`,
  kindDisagrees: (kind: string, folder: string) => `kind: ${kind} men filen ligger i ${folder}/`,
  idDisagrees: (id: string, fileId: string) => `id: ${id} men filen heter ${fileId}.hbs`,
  /** Front matter. */
  noFrontMatter: 'mallen måste börja med front matter: en rad "---", YAML, och en rad "---"',
  frontMatterUnclosed: 'front matter saknar avslutande rad "---"',
  frontMatterTooDeep: "front matter är nästlad för djupt",
  yamlAlias: (alias: string) => `YAML: alias (*${alias}) används inte i mallar; skriv ut värdet där det ska stå`,
  frontMatterUnreadable: (detail: string) => `YAML: front matter kunde inte läsas (${detail})`,
} as const;

/** Text compose writes into a draft where a fact is missing, and its problems with the user's text. */
export const composeTexts = {
  /** The place to fill in where a list input holds only list marks ("1.", "-"): nothing to number. */
  noQuestions: "frågorna, en per rad",
  noProposals: "att-satserna, en per rad",
  missingFactWeb: (label: string, href: string) =>
    `${label} – saknas i faktaregistret; lägg till den i formuläret Lägg till uppgift: ${href}`,
  missingKoladaFact: (label: string, kpi: string, where: string) =>
    `${label} – saknas i faktaregistret; hämta med: motionera facts fetch kolada --kpi ${kpi} ${where}`,
  /** The unknown references of one field, each with the keys nearest to it. */
  unknownFactReferences: (references: readonly { reference: string; suggestions: readonly string[] }[]) =>
    `${references
      .map(({ reference, suggestions }) =>
        reference === ""
          ? "{fakta:} anger ingen faktanyckel"
          : `{fakta:${reference}}: okänd faktanyckel "${reference}"${maybe(suggestions)}`,
      )
      .join("; ")}; se alla nycklar med: motionera facts keys`,
} as const;

/**
 * The visible tokens an edited text shows where a part comes from the form ("⟦underskrifter⟧"),
 * as compose/form-slots.ts reads and writes them (lower case, without the brackets).
 */
export const slotTokens = {
  placeAndDate: "ort och datum",
  date: "datum",
  signatures: "underskrifter",
  signaturesWithPlace: "underskrifter med ort",
  signerParties: "undertecknarnas partier",
  signer: (n: number) => `undertecknare ${n}`,
  signerPattern: /^undertecknare (\d{1,2})$/,
  quoted: (n: number) => `undertecknare ${n}, citerad`,
  quotedPattern: /^undertecknare (\d{1,2}), citerad$/,
} as const;

/** What is wrong with an edited text (compose/edited-body.ts); each names the line. */
export const editedBodyTexts = {
  /** The field, as a message names it. */
  label: "den redigerade texten",
  /** Where on the text a problem is: "rad 12 (”Enligt uppgifter från …”)". */
  lineAt: (line: number, start: string) => (start ? `rad ${line} (”${start}”)` : `rad ${line}`),
  empty: "texten är tom; välj Återställ texten för att börja om från mallens text",
  brokenNote: (at: string, text: string) =>
    `${at}: notmarkeringen "${text}" är trasig; skriv den som [^nummer] eller välj Återställ texten`,
  unknownNote: (at: string, n: string) =>
    `${at}: noten [^${n}] finns inte i utkastet; en not kan bara flyttas eller tas bort, inte hittas på`,
  goneNote: (at: string, n: string) =>
    `${at}: källan bakom noten [^${n}] finns inte längre i utkastet; ta bort noten eller välj Återställ texten`,
  brokenToken: (at: string, text: string) =>
    `${at}: "${text}" är trasig; en uppgift från formuläret skrivs ⟦…⟧ precis som den stod`,
  unknownToken: (at: string, text: string) =>
    `${at}: ⟦${text}⟧ är ingen uppgift från formuläret; välj Återställ texten för att se vilka som finns`,
  brokenPlaceholder: (at: string) =>
    `${at}: [FYLL I: …] saknar sitt slut "]"; fyll i texten eller skriv klart markeringen`,
  otherDraft: (template: string, municipality: string) =>
    `texten redigerades för mallen ${template} och ${municipality}; välj Återställ texten, ` +
    "eller byt tillbaka mall och kommun",
} as const;

const quoted = (xs: readonly string[]) =>
  formatList(
    xs.map((x) => `"${x}"`),
    "eller",
  );
const quotedAnd = (xs: readonly string[]) =>
  formatList(
    xs.map((x) => `"${x}"`),
    "och",
  );
/** "; menade du "a" eller "b"?" inside a lower-case problem text. */
function maybe(xs: readonly string[]): string {
  return xs.length ? `; menade du ${quoted(xs)}?` : "";
}
const didYouMean = (xs: readonly string[]) => (xs.length ? ` Menade du ${quoted(xs)}?` : "");

/**
 * How a message tells the user to add a fact the registry lacks (or a newer one): the command
 * line names its command (the default); the web links its form, filled in (`href`). The core
 * reports the fact (subject and key); each edge chooses this wording.
 */
export type FactWording =
  | { kind: "cli" }
  | { kind: "web"; href: (fact: { subject?: string | undefined; key?: string | undefined }) => string };

export const cliWording: FactWording = { kind: "cli" };

/** " med motionera facts add" or " i formuläret: <address>", after "lägg till den". */
const addFactWay = (w: FactWording, fact: { subject?: string | undefined; key?: string | undefined }) =>
  w.kind === "cli" ? " med motionera facts add" : ` i formuläret Lägg till uppgift: ${w.href(fact)}`;

/** An error in Swedish, in the command line's words (see explainErrorWorded for the web's). */
export function explainError(d: ErrorDetails): string {
  return explainErrorWorded(d, cliWording);
}

/** An error in Swedish, telling how to add a missing fact in the wording the edge chose. */
export function explainErrorWorded(d: ErrorDetails, wording: FactWording): string {
  switch (d.code) {
    case "unknown_municipality":
      return (
        `Okänd kommun: "${d.query}".${didYouMean(d.suggestions)} Ange kommunens namn eller SCB:s kommunkod ` +
        `(till exempel "Lidingö" eller "0186").`
      );
    case "unknown_county":
      return (
        `Okänt län: "${d.query}".${didYouMean(d.suggestions)} Ange länets namn, kod eller länsbokstav (till ` +
        `exempel "Stockholms län", "01" eller "AB").`
      );
    case "unknown_template":
      return `Okänd mall: "${d.query}".${didYouMean(d.suggestions)} Se alla mallar med: motionera templates`;
    case "template_invalid": {
      const at = d.line ? `:${d.line}${d.column ? `:${d.column}` : ""}` : "";
      return `Fel i mallen ${d.file}${at}: ${d.problem}`;
    }
    case "fact_missing":
      return (
        `Uppgiften "${d.label}" (${d.key}) saknas för ${d.subjectName}, och mallen kräver den. ` +
        (wording.kind === "web"
          ? `Lägg till den med källa i formuläret Lägg till uppgift: ` +
            wording.href({ subject: d.subjectName, key: d.key })
          : `Lägg till den med källa, till exempel:\n  motionera facts add ${d.subject} ${d.key} <värde> --as-of ` +
            `ÅÅÅÅ-MM-DD --source-title "…" --publisher "…" --source-date ÅÅÅÅ-MM-DD [--url …]`)
      );
    case "fact_stale":
      return d.asOf
        ? `Uppgiften "${d.label}" för ${d.subjectName} är från ${formatDate(d.asOf)}, äldre än mallen godtar ` +
            `(${formatDate(d.oldest)} eller senare). Kontrollera om det finns en nyare uppgift och lägg till ` +
            `den${addFactWay(wording, { subject: d.subjectName, key: d.key })}.`
        : `Uppgiften "${d.label}" för ${d.subjectName} saknar datum, så det går inte att avgöra om den är ` +
            `aktuell (mallen godtar uppgifter från ${formatDate(d.oldest)} eller senare). Kontrollera den och ` +
            `lägg gärna till en daterad uppgift${addFactWay(wording, { subject: d.subjectName, key: d.key })}.`;
    case "unknown_fact_key":
      return `Okänd faktanyckel: "${d.key}".${didYouMean(d.suggestions)} Se alla nycklar med: motionera facts keys`;
    case "fact_key_invalid":
      return `Ogiltig faktanyckel${d.field ? ` i ${d.field}` : ""}: ${d.problem}.${didYouMean(d.suggestions ?? [])}`;
    case "fact_key_exists":
      return `Faktanyckeln "${d.key}" finns redan. Ändra den med: motionera facts keys edit ${d.key} …`;
    case "token_exists":
      return d.revoked
        ? `Det finns redan en token som heter "${d.name}" (återkallad). Namn används bara en gång, så att ` +
            `ändringsloggen alltid pekar ut rätt token: välj ett annat namn med --name.`
        : `Det finns redan en token som heter "${d.name}". Välj ett annat namn med --name, eller återkalla ` +
            `den gamla först: motionera tokens revoke --name ${d.name}`;
    case "filing_unknown":
      return `Det finns inget ärende med id "${d.id}".${didYouMean(d.suggestions)} Se alla med: motionera arenden`;
    case "token_unknown":
      return (
        `Det finns ingen token som heter "${d.name}".${didYouMean(d.suggestions)} ` +
        "Se alla med: motionera tokens list"
      );
    case "fact_key_in_use": {
      const uses = [
        ...(d.facts ? [`${d.facts === 1 ? "1 uppgift" : `${formatNumber(d.facts)} uppgifter`} i faktaregistret`] : []),
        ...(d.templates.length
          ? [`${d.templates.length === 1 ? "mallen" : "mallarna"} ${quotedAnd(d.templates)}`]
          : []),
        ...(d.derivedKeys.length
          ? [
              `${d.derivedKeys.length === 1 ? "den härledda nyckeln" : "de härledda nycklarna"} ` +
                quotedAnd(d.derivedKeys),
            ]
          : []),
      ];
      return `Faktanyckeln "${d.key}" används och kan inte tas bort: ${formatList(uses, "och")}.`;
    }
    case "fact_key_type_conflict": {
      const shown = d.values.map((v) => `${v.subject} ${v.asOf ? formatDate(v.asOf) : "odaterad"}: ${v.value}`);
      const more = d.total > d.values.length ? ` och ${d.total - d.values.length} till` : "";
      const fit = d.total === 1 ? "ett registrerat värde passar" : `${d.total} registrerade värden passar`;
      return `Faktanyckeln "${d.key}" kan inte få ` + `typen ${d.type}: ${fit} inte ` + `(${shown.join("; ")}${more}).`;
    }
    case "fact_invalid":
      return `Ogiltig uppgift${d.field ? ` i ${d.field}` : ""}: ${d.problem}`;
    case "input_invalid": {
      if (d.missing)
        return (
          `Fyll i ${d.label ? `${lowerFirst(d.label)} (${d.field})` : d.field}: mallen kräver det. Ange det med ` +
          `--set ${d.field}=… (på webben: fältet i formuläret).`
        );
      return `Ogiltigt värde för ${d.label ? `${lowerFirst(d.label)} (${d.field})` : d.field}: ${d.problem}`;
    }
    case "input_needed": {
      const or = d.alternatives.length ? ` (eller ${formatList(d.alternatives, "eller")})` : "";
      const registry = d.facts.length
        ? `, och faktaregistret har ingen uppgift om ${formatList(
            d.facts.map((f) => `"${f.label}"`),
            "eller",
          )} för ${d.subjectName}`
        : "";
      return (
        `Fyll i ${d.field}${or}: texten bygger på den uppgiften${registry}. ` +
        (wording.kind === "web"
          ? "Fyll i fältet i formuläret"
          : `Ange den med --set ${d.field}=… (på webben: fältet i formuläret)`) +
        `, eller lägg till uppgiften i faktaregistret` +
        `${addFactWay(wording, { subject: d.subjectName, key: d.facts[0]?.key })}.`
      );
    }
    case "unknown_input":
      return (
        `Mallen har inget fält ` +
        `"${d.field}".${d.known.length ? ` Fälten är: ${d.known.join(", ")}.` : " Mallen har inga egna fält."}`
      );
    case "unknown_argument":
      return (
        `Argumentet "${d.ref}" finns inte i korpusen. Välj argument med motionera corpus show <id> (numren ` +
        `räknas från 1).`
      );
    case "author_invalid":
      return (
        `Kan inte läsa undertecknaren "${d.value}": ${d.problem}. Skriv till exempel --author "Anna Andersson ` +
        `(L), ledamot i kommunfullmäktige".`
      );
    case "database_invalid":
      return [
        `Databasfilen ${d.file} kan inte läsas: ${d.problem}. Filen har inte ändrats och skrivs inte över.`,
        d.backup
          ? `Senaste fungerande säkerhetskopia: ${d.backup.file} ` +
            `(sparad ${formatDateTime(d.backup.modified)}, ${d.backup.facts} uppgifter, ${d.backup.documents} ` +
            `dokument). Återställ den med: cp "${d.backup.file}" "${d.file}"`
          : "Det finns ingen fungerande säkerhetskopia bredvid filen. Rätta filen eller välj en annan med --db.",
      ].join("\n");
    case "database_locked":
      return d.pid
        ? `Databasen ${d.file} används redan för skrivning av en annan process: ${d.command} ` +
            `(process ${d.pid}${d.host ? ` på ${d.host}` : ""}, sedan ${formatDateTime(d.since)}). Ingenting ` +
            `skrevs. Vänta tills den är klar eller stoppa den, och försök igen.`
        : `Databasen ${d.file} kunde inte låsas för skrivning. Ingenting skrevs. Försök igen.`;
    case "database_behind":
      return (
        `Databasen ${d.database} har ett äldre schema än programmet: ` +
        `${d.pending.length === 1 ? "en migrering" : `${d.pending.length} migreringar`} saknas ` +
        `(${d.pending.join(", ")}). Ingenting lästes eller skrevs. Uppdatera den med: motionera db migrate`
      );
    case "database_unreachable":
      return (
        `Databasen ${d.database} kan inte användas: ${d.problem}. Kontrollera adressen i ` +
        `MOTIONERA_DATABASE_URL (eller --database-url) och att PostgreSQL körs.`
      );
    case "output_failed":
      return `Kunde inte skriva filerna i ${d.path}: ${d.problem}. Inga filer skrevs.`;
    case "campaign_condition_invalid":
      return (
        `Villkoret "${d.condition}" går inte att använda: ${d.problem}${/[?.]$/.test(d.problem) ? "" : "."} ` +
        `Skriv uppgiftens namn eller nyckel, en jämförelse och ett värde, till exempel "Har en ` +
        `KAST-mottagning = nej", "population>50000" eller "action_plan_sells_sex saknas".`
      );
    case "campaign_empty":
      return (
        `Ingen kommun uppfyller urvalet (${d.selection}). Inga filer skrevs. Ändra län, kommuner eller villkor; ` +
        `se uppgifterna med motionera facts <kommun>.`
      );
    case "draft_has_placeholders":
      return (
        `Utkastet har ${d.placeholders.length === 1 ? "ett ställe" : `${d.placeholders.length} ställen`} ` +
        `att fylla i (${formatList(
          d.placeholders.map((p) => `"${p}"`),
          "och",
        )}), och --strict godtar inga. ` +
        "Ange uppgifterna med --set, lägg till dem i faktaregistret eller gör utkastet utan --strict."
      );
    case "request_invalid":
      return [
        `${d.problems.length} fel:`,
        ...d.problems.map((p) => `  ${explainErrorWorded(p.details, wording)}`),
      ].join("\n");
    case "fact_import_invalid": {
      const more = d.total - d.issues.length;
      const head =
        `Filen ${d.file} kan inte importeras; ingenting ` + `sparades. ${d.total === 1 ? "1 fel" : `${d.total} fel`}:`;
      return [
        head,
        ...d.issues.map((i) => `  ${explainImportIssue(i)}`),
        ...(more > 0 ? [`  … och ${more} fel till.`] : []),
      ].join("\n");
    }
  }
}

/**
 * A broken template as the web service names it: its id, line and problem, never its file
 * path (the service's operator sees that with motionera templates).
 */
export function explainBrokenTemplate(d: Extract<ErrorDetails, { code: "template_invalid" }>): string {
  const id = d.file.replace(/^.*[\\/]/, "").replace(/\.hbs$/, "");
  return (
    `Mallen "${id}" har ett fel${d.line ? ` på rad ${d.line}` : ""} och kan inte ` +
    `användas: ${d.problem.replace(/[.\s]+$/, "")}.`
  );
}

/** "rad 7, kolumn "Kommun": okänd kommun "Lidngö". Menade du "Lidingö"?" */
export function explainImportIssue(i: import("./domain/errors.js").FactImportIssue): string {
  const where = [
    i.line !== undefined ? `rad ${i.line}` : "",
    i.entry !== undefined ? `post ${i.entry}` : "",
    i.column !== undefined ? `${i.columnKind === "field" ? "fältet" : "kolumn"} "${i.column}"` : "",
  ].filter(Boolean);
  return `${where.length ? `${where.join(", ")}: ` : ""}${i.problem}.${didYouMean(i.suggestions ?? [])}`;
}

/** Why a campaign skipped a municipality: facts the campaign requires (--require) are missing. */
export function explainCampaignMissing(
  place: string,
  facts: readonly { key: string; label: string }[],
  wording: FactWording = cliWording,
): string {
  const list = formatList(
    facts.map((f) => `"${f.label}" (${f.key})`),
    "och",
  );
  const them = facts.length === 1 ? "den" : "dem";
  const how =
    wording.kind === "web"
      ? `i formuläret Lägg till uppgift: ${formatList(
          facts.map((f) => wording.href({ subject: place, key: f.key })),
          "och",
        )}`
      : "med motionera facts add eller motionera facts import";
  return (
    `${facts.length === 1 ? "Uppgiften" : "Uppgifterna"} ${list} saknas för ${place}, och kampanjen ` +
    `kräver ${them}; inget utkast skrevs. Lägg till ${them} ${how}.`
  );
}

export function explainWarning(w: DraftWarning): string {
  return explainWarningWorded(w, cliWording);
}

export function explainWarningWorded(w: DraftWarning, wording: FactWording): string {
  switch (w.code) {
    case "fact_stale":
      return explainErrorWorded(w, wording);
    case "fact_optional_missing":
      return `Uppgiften "${w.label}" (${w.key}) saknas för ${w.subjectName}; texten skrivs utan den.`;
    case "committee_default":
      return (
        `Texten säger "${w.committee}", men faktaregistret vet inte vad nämnden som ansvarar för socialtjänsten ` +
        `heter ${w.inPlace}. Kontrollera namnet (ange det med --set committee=…).`
      );
    case "source_incomplete": {
      const missing = formatList(
        w.missing.map((m) => ({ title: "titel", date: "datum", url: "webbadress" })[m]),
        "och",
      );
      return w.record
        ? `Källan ${w.source} saknar ${missing}, eftersom ärendets steg inte har någon. Leta upp handlingen ` +
            "(till exempel beslutet eller protokollet) och komplettera källhänvisningen i dokumentet innan det " +
            "lämnas in."
        : `Källan ${w.source} saknar ${missing}. Leta upp den och komplettera den i faktaregistret innan utkastet ` +
            "lämnas in.";
    }
    case "source_other_party":
      return (
        `Källan ${w.source} är utgiven av ${formatList(w.parties, "och")}, ett annat parti än undertecknarnas. ` +
        `Hänvisa hellre till den myndighet, lag eller tidning som uppgiften kommer från, om du hittar den.`
      );
    case "several_interpellants":
      return (
        `Interpellationen har ${w.count} undertecknare. I de flesta kommuners arbetsordning ställs en ` +
        `interpellation av en enskild ledamot; kontrollera er arbetsordning.`
      );
  }
}

/** "[FYLL I: …]" and "kontrollera" items as one list of lines, for every surface that shows a draft. */
export function reviewLines(review: import("./domain/errors.js").DraftReview): {
  placeholders: string[];
  checks: string[];
} {
  return {
    placeholders: review.placeholders.map((p) => `Fyll i: ${p}`),
    checks: review.checks.map((c) => `Kontrollera: ${explainWarning(c)}`),
  };
}

/** Riksdagen's open data as a Swedish reader sees it in an imported record. */
export const riksdagenTexts = {
  publisher: "Sveriges riksdag",
  /** The roles of `dokintressent`, as an author's role. */
  roles: {
    undertecknare: "undertecknare",
    fragestallare: "frågeställare",
    besvaradav: "besvarad av",
    stalldtill: "ställd till",
  },
  /** Said of every imported `dokumentlista` page. */
  metadataOnly: (file: string, count: number) =>
    `${file}: en dokumentlista från riksdagen innehåller bara metadata (${count} dokument` +
    `, utan text); för dokumentens fulltext, hämta deras dokumentstatus-filer (JSON) och importera dem`,
  /** Said of each record from a `dokumentlista` (in --json and the API's results). */
  metadataOnlyRecord:
    "från en dokumentlista: bara metadata, utan text; dokumentets fulltext finns i dess dokumentstatus-fil (JSON)",
  /** The publisher of a ParlaMint corpus. */
  parlamintPublisher: "ParlaMint",
  speaker: "talare",
};

/** Words in a corpus export's CSV cells. */
export const exportTexts = {
  /** One att-sats's decisions: "1: utskottet Avslag, kammaren Avslag (2014/15:CU7)". */
  decision: (number: string, committee?: string, chamber?: string, handledIn?: string) => {
    const said = [committee ? `utskottet ${committee}` : "", chamber ? `kammaren ${chamber}` : ""].filter(Boolean);
    return `${number}: ${said.join(", ") || "–"}${handledIn ? ` (${handledIn})` : ""}`;
  },
};

/** Why a file could not be imported. */
export function explainReadProblem(p: import("./domain/read-problem.js").ReadProblem): string {
  switch (p.reason) {
    case "unknown_extension":
      return (
        `okänd filtyp ${p.extension}; motionera läser .txt, .md, .docx och .pdf, riksdagens JSON-filer ` +
        `(dokumentstatus, dokumentlista), TEI-XML och .zip-filer med sådana`
      );
    case "too_large":
      return (
        `filen är ${(p.bytes / 1024 / 1024).toFixed(1)} MB, mer än gränsen ` +
        `${Math.round((p.limitBytes ?? 20 * 1024 * 1024) / 1024 / 1024)} MB; dela upp den eller ` +
        `importera texten`
      );
    case "text_too_long":
      return (
        `texten är ${formatNumber(p.chars)} tecken, mer än gränsen ${formatNumber(p.limit)} (ungefär 1 500 ` +
        `sidor); dela upp den i flera filer och importera dem var för sig`
      );
    case "empty":
      return "filen är tom eller innehåller ingen text";
    case "binary":
      return "filen innehåller binära data, inte text; spara den som .txt, .md, .docx eller .pdf";
    case "undecodable":
      return "texten är varken UTF-8 eller Latin-1; spara den som UTF-8 och försök igen";
    case "unreadable":
      return p.detail;
    case "bad_zip":
      return {
        not_zip: "inte en giltig zip-fil",
        zip64: "zip-filen är packad som ZIP64, vilket motionera inte läser; packa upp den och importera mappen",
        encrypted: "zip-filen är krypterad; packa upp den och importera mappen",
        bad_entry: "en del av zip-filen är trasig; ladda ned den på nytt",
        too_large: "zip-filen packas upp till mer än motionera läser på en gång; packa upp den och importera mappen",
        header_lies: "zip-filen packas upp till mer än den uppger (en zip-bomb); importeras inte",
      }[p.detail];
    case "not_json":
      return `filen är inte giltig JSON (${p.detail})`;
    case "not_xml":
      return `filen är inte giltig XML (${p.detail})`;
    case "unknown_structure":
      return p.format === "json"
        ? "JSON-filen är varken en dokumentstatus- eller en dokumentlista-fil från riksdagens öppna data"
        : "XML-filen är varken TEI från riksdagskorpusen (interpellation eller motion) eller ParlaMint";
    case "structure_invalid":
      return `filen har inte den form motionera väntar sig: ${p.field}: ${p.problem}`;
    case "not_docx":
      return {
        not_zip:
          "inte en giltig DOCX-fil (filen är ingen zip-fil); spara den på nytt som .docx i Word eller LibreOffice",
        no_document:
          "inte en giltig DOCX-fil (word/document.xml saknas); spara den på nytt som .docx i Word eller LibreOffice",
        zip64: "DOCX-filen är packad som ZIP64, vilket motionera inte läser; spara den på nytt som .docx",
        encrypted: "DOCX-filen är krypterad; spara en kopia utan lösenord och importera den",
        bad_entry: "inte en giltig DOCX-fil (en del av zip-filen är trasig); spara den på nytt som .docx",
      }[p.detail];
    case "unpacks_too_large":
      return (
        `DOCX-filen packas upp till mer än ${Math.round(p.limitBytes / 1024 / 1024)} ` +
        `MB${p.declaredBytes ? ` (${Math.round(p.declaredBytes / 1024 / 1024)} MB enligt filen)` : ""}, ` +
        `vilket är mer än en text behöver; importeras inte`
      );
    case "header_lies":
      return (
        `DOCX-filen är manipulerad: ${p.part} packas upp till mer än de ${p.declaredBytes} byte filen uppger ` +
        `(en zip-bomb); importeras inte`
      );
    case "nested_too_deep":
      return (
        `DOCX-filens XML (${p.part}) är nästlad mer än ${p.limit} nivåer djupt, vilket ingen vanlig text är; ` +
        `importeras inte`
      );
  }
}
