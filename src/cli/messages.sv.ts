/**
 * Every Swedish text the command line prints of its own (help, headings, confirmations).
 * Error and warning texts shared with the web service live in src/messages.sv.ts.
 */
import { formatNumber } from "../lang/numbers.js";

/** 75 → "1 min 15 s", 8 → "8 s": a time left as the progress line shows it. */
function durationText(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export const texts = {
  program:
    "Motionera: motioner, interpellationer, debattartiklar och pressmeddelanden för svensk kommunpolitik, med " +
    "källhänvisade fakta om varje kommun.",
  optDb: "databasfil (standard: MOTIONERA_DB eller den medföljande corpus/motionera.json)",
  optDatabaseUrl:
    "en PostgreSQL-databas i stället för databasfilen, postgres://användare:lösenord@värd/databas (standard: " +
    "MOTIONERA_DATABASE_URL)",
  databaseUrlInvalid: "en adress som börjar med postgres:// eller postgresql://",
  optJson: "skriv ut JSON i stället för text",
  optTemplates: "mapp med egna mallar, <typ>/<id>.hbs (standard: MOTIONERA_TEMPLATES eller de medföljande)",
  help: "visa hjälp för kommandot",
  /** What `motionera` with no arguments prints: a short way in, not the bare usage. */
  gettingStarted: `Motionera skriver motioner, interpellationer, debattartiklar och pressmeddelanden för din kommun,
med källhänvisade fakta.

Kom i gång:
  1. Välj en mall:
       motionera templates
  2. Se vad registret vet om din kommun, med källor:
       motionera facts Lidingö
  3. Skriv ett utkast (DOCX och PDF hamnar i mappen output/):
       motionera draft --template allman-motion --kommun Lidingö --author "Anna Andersson (L)" \\
         --set title="Fler elever ska klara grundskolan" --set background="Din bakgrund här." \\
         --set proposals="ge barn- och utbildningsnämnden i uppdrag att ta fram en plan"
  4. Följ det du har lämnat in, med tidsfrister:
       motionera arenden
  5. Eller använd webbformuläret:
       motionera serve   (öppna sedan http://127.0.0.1:8787/ i webbläsaren)

Alla kommandon: motionera --help. Hjälp för ett kommando: motionera draft --help.`,
  /** Commander's own errors, reworded (cli/commander-errors.ts). */
  commander: {
    requiredOption: (flags: string, command: string) => `motionera: ${flags} måste anges. Se ${command} --help.`,
    optionArgumentMissing: (flags: string) => `motionera: ${flags} saknar sitt värde.`,
    unknownOption: (flag: string, command: string) => `motionera: okänd flagga ${flag}. Se ${command} --help.`,
    unknownCommand: (name: string, command: string) => `motionera: okänt kommando ${name}. Se ${command} --help.`,
    missingArgument: (name: string) => `motionera: ${name} saknas.`,
    tooManyArguments: (command: string, subcommands: readonly string[]) =>
      subcommands.length
        ? `motionera: okänt kommando eller för många argument till ${command} (kommandon: ` +
          `${subcommands.join(", ")}). Se ${command} --help.`
        : `motionera: för många argument till ${command}. Sätt citattecken runt text med mellanslag.`,
    invalidOptionValue: (flags: string, value: string, why: string) =>
      `motionera: ogiltigt värde "${value}" för ${flags}.${why ? ` ${why}` : ""}`,
    invalidArgumentValue: (name: string, value: string, why: string) =>
      `motionera: ogiltigt värde "${value}" för ${name}.${why ? ` ${why}` : ""}`,
    conflictingOptions: (a: string, b: string) => `motionera: ${a} kan inte användas tillsammans med ${b}.`,
    didYouMean: (suggestion: string) => `Menade du ${suggestion}?`,
    helpCommand: "visa hjälp för ett kommando",
    titles: {
      "Usage:": "Användning:",
      "Options:": "Flaggor:",
      "Commands:": "Kommandon:",
      "Arguments:": "Argument:",
      "Global Options:": "Gemensamma flaggor:",
    } as Record<string, string>,
    notes: { default: "standard", choices: "val", preset: "förval" },
    usage: { options: "flaggor", command: "kommando" },
  },
  /** Option values read the same way by every command (cli/option-values.ts). */
  unknownFormat: (bad: readonly string[], formats: readonly string[]) =>
    `okänt format ${bad.map((b) => `"${b}"`).join(", ") || "(inget)"}; välj bland ${formats.join(", ")}`,
  setNeedsNameValue: (given: string) => `--set "${given}": skriv namn=värde`,
  authorNameMissing: "namnet saknas",
  fileMissing: "filen finns inte",
  version: "visa versionen",

  arenden: {
    summary: "följ det du har lämnat in: motioner och interpellationer med diarienummer, steg och tidsfrister",
    description:
      "Ärenden: motioner och interpellationer som lämnats in, med diarienummer, varje steg (remitterad, besvarad, " +
      "beslutad), rättelser med historik, och tidsfrister: ettårsgränsen för en motion (kommunallagen 5 kap. 35 §) " +
      "och nästa sammanträde för en interpellation. Utan kommando: listan med läge och dagar kvar.",
    kommun: "bara ärenden i denna kommun (namn eller kommunkod)",
    signer: "bara ärenden som denna person har undertecknat",
    party: "bara ärenden som partiet (partigruppen) står bakom, t.ex. V",
    today: "räkna dagar kvar från detta datum, ÅÅÅÅ-MM-DD (standard: i dag)",
    none: "Inga ärenden. Lägg till ett med: motionera arenden add …",
    columns: {
      id: "Id",
      kind: "Slag",
      title: "Titel",
      dnr: "Dnr",
      status: "Läge",
      due: "Frist",
      left: "Dagar kvar",
    },
    overdue: (days: number) => `FÖRSENAD ${days} ${days === 1 ? "dag" : "dagar"}`,
    daysLeft: (days: number) => String(days),
    closed: "klart",
    noMeeting: "inget känt sammanträde",
    noMeetingHint:
      "Frist saknas för interpellationer utan ett känt sammanträde efter inlämningen. Lägg in datumen med: " +
      "motionera arenden meetings add --kommun <kommun> ÅÅÅÅ-MM-DD … (eller meetings import <fil.csv|fil.ics>)",
    overdueCount: (n: number) => `${n} ${n === 1 ? "ärende är försenat" : "ärenden är försenade"}.`,
    addSummary: "lägg till ett inlämnat ärende (inlämnat, med diarienummer)",
    kind: "motion eller interpellation",
    title: "ärendets rubrik",
    author: 'undertecknare, "Namn (Parti), roll"; upprepa för flera',
    filed: "dagen då det lämnades in, ÅÅÅÅ-MM-DD",
    dnr: "diarienummer, t.ex. KS 2026/0412",
    body: "organet det lämnades till (standard: kommunfullmäktige)",
    utkast:
      "utkastet som lämnades in, som JSON från motionera draft … --json > utkast.json, eller en kampanjs " +
      "sammanstallning.json med --kommun: rubrik, slag, kommun, undertecknare och datum hämtas därifrån (en " +
      "flagga som också anges går före)",
    missingWithoutDraft: (flag: string) => `${flag} krävs (eller ange utkastet med --utkast <fil.json>)`,
    added: (id: string) => `Ärendet är sparat som ${id}.`,
    nextSteps: (id: string) =>
      `För in nästa steg med motionera arenden refer, answer eller decide ${id} … (se motionera arenden --help).`,
    id: "ärendets id (se: motionera arenden)",
    stepDate: "dagen då det skedde, ÅÅÅÅ-MM-DD",
    corrects: "rätta steg nummer <n> i stället för att lägga till ett nytt (se: motionera arenden history <id>)",
    reason: "varför rättelsen görs",
    referSummary: "för in att ärendet remitterats till en nämnd",
    referTo: "nämnden eller organet det remitterades till",
    answerSummary: "för in att interpellationen besvarats",
    answerBy: "vem som svarade, t.ex. kommunstyrelsens ordförande Anna Berg (M)",
    answerText: "svaret som text",
    answerFile: "filen eller webbadressen där svaret finns",
    decideSummary: "för in fullmäktiges beslut om motionen, med protokollet som källa",
    decision: "beslutet: bifall, avslag, besvarad eller avskriven",
    protocolTitle: "protokollets titel, t.ex. Protokoll kommunfullmäktige 2026-10-19",
    publisher: "protokollets utgivare, t.ex. Lidingö stad",
    protocolDate: "protokollets datum, ÅÅÅÅ-MM-DD (standard: beslutsdagen)",
    url: "protokollets webbadress",
    paragraph: "paragrafen i protokollet, t.ex. § 45",
    corpus: "lägg också in den beslutade motionen i korpusen, med utfallet och protokollet som källa",
    fact:
      "ett faktum beslutet slår fast, nyckel=värde, t.ex. action_plan_sells_sex=ja; sparas för kommunen med " +
      "protokollet som källa och beslutsdagen som datum; upprepa för flera (se: motionera facts keys)",
    factsAdded: (n: number, place: string) =>
      `${n === 1 ? "1 faktum sparat" : `${n} fakta sparade`} för ${place} med protokollet som källa ` +
      `(se: motionera facts ${place}).`,
    corpusAdded: (id: string) => `Motionen finns nu i korpusen som ${id} (se: motionera corpus show ${id}).`,
    refileSummary: "rätta inlämningen: datum, diarienummer eller organ",
    recorded: (id: string, seq: number) => `Sparat som steg ${seq} i ${id}.`,
    unchanged: (id: string) => `Ingen ändring: ${id} har redan de uppgifterna.`,
    historySummary: "visa ärendets historik: varje steg och rättelse, med vem och när",
    historyRecorded: (at: string, by: string) => `(${at}, ${by})`,
    historyCorrection: (seq: number, reason: string | undefined) =>
      `Rättelse av steg ${seq}${reason ? ` (${reason})` : ""}`,
    deadline: {
      "year-mark": (due: string) => `Ettårsgräns: ${due}`,
      "next-meeting": (due: string) => `Svar väntas vid sammanträdet ${due}`,
    },
    lastMeetingBefore: (date: string) => `sista kända sammanträdet före gränsen: ${date}`,
    meetingsSummary: "sammanträdesdatum: lista, lägg till eller importera (CSV eller iCalendar)",
    meetingsKommun: "kommunen (namn eller kommunkod)",
    meetingsBody: "organet (standard: kommunfullmäktige)",
    meetingsDates: "datum, ÅÅÅÅ-MM-DD",
    meetingsAddSummary: "lägg till sammanträdesdatum",
    meetingsImportSummary: "läs sammanträdesdatum ur en CSV-fil (kolumnen datum, gärna organ) eller en .ics-fil",
    meetingsFile: "filen att läsa",
    meetingsAdded: (n: number, given: number) =>
      `${n === 1 ? "1 sammanträde" : `${n} sammanträden`} har lagts till` +
      `${given > n ? ` (${given - n} fanns redan)` : ""}.`,
    meetingsNone: "Inga sammanträdesdatum. Lägg till med: motionera arenden meetings add --kommun <kommun> ÅÅÅÅ-MM-DD",
    followUpSummary:
      "skriv en interpellation som följer upp ärendet: vad har hänt med motionen eller varför har interpellationen " +
      "inte besvarats, med ärendet och dess historik som källor",
    followUpAddressee: "den som ska svara, t.ex. kommunstyrelsens ordförande Anna Andersson (M)",
    followUpAuthor: 'undertecknare, "Namn (Parti), roll" (standard: ärendets undertecknare); upprepa för flera',
    calendarSummary: "skriv tidsfristerna och sammanträdena som en iCalendar-fil (.ics) för din kalender",
    calendarOut: "filen att skriva (standard: skriv ut)",
    calendarWho: (o: { signer?: string; party?: string; place?: string }) =>
      [o.signer, o.party, o.place ? `i ${o.place}` : undefined].filter(Boolean).join(" ") || "alla ärenden",
    calendarWrote: (file: string, n: number) => `Skrev ${file} (${n} ${n === 1 ? "händelse" : "händelser"}).`,
    examples: `
Exempel:
  motionera arenden add --kind motion --title "Fler elever ska klara grundskolan" --kommun Lidingö \\
    --author "Eva Ek (V)" --filed 2025-11-24 --dnr "KS 2025/0412"
  motionera arenden refer 2025-11-24-fler-elever-ska-klara-grundskolan --to utbildningsnämnden --date 2025-12-01
  motionera arenden meetings import sammantraden.ics --kommun Lidingö
  motionera arenden --party V --kommun Lidingö
  motionera arenden calendar --signer "Eva Ek" --out frister.ics`,
  },

  draft: {
    summary: "skapa ett utkast ur en mall för en kommun (DOCX och PDF som standard)",
    template: "mallens id (se: motionera templates)",
    kommun: "kommunens namn eller kommunkod, t.ex. Lidingö eller 0186",
    author: 'undertecknare, "Namn (Parti), roll"; upprepa för flera',
    date:
      "dokumentets datum, ÅÅÅÅ-MM-DD (standard: i dag); ett tidigare datum ger ett utkast som bara känner till " +
      "det som var känt då",
    set: "värde för ett av mallens fält, namn=värde; upprepa för flera",
    argument: "ta med ett argument ur korpusen, dokument-id#nummer (se: motionera corpus show <id>); upprepa för flera",
    format: "format att skriva, kommaseparerade: docx, pdf, md, html",
    out: "mapp att skriva till",
    strict:
      "vägra skriva utkastet om en uppgift är äldre än mallen godtar eller om det har ställen att fylla i " +
      "([FYLL I: …])",
    text:
      "skriv utkastet från en redigerad text (Markdown med noterna som [^1], [^2] …, som --write-text " +
      "skriver den); undertecknare och datum hämtas ändå ur flaggorna",
    writeText: "skriv också utkastets text att redigera till filen (läs in den igen med --text)",
    wrote: "Skrev:",
    reviewHeading: "Att göra innan du lämnar in:",
    reviewNone: "Inget att fylla i eller kontrollera i utkastet.",
    citedFacts: (n: number) => `${n} ${n === 1 ? "uppgift" : "uppgifter"} med källa`,
    warning: "Varning:",
    missingOptional: (place: string, labels: readonly string[], verbose: boolean) =>
      verbose
        ? `Obs: mallen kan också använda ${labels.length} ${labels.length === 1 ? "uppgift" : "uppgifter"} som ` +
          `saknas för ${place}:\n${labels.map((l) => `  – ${l}`).join("\n")}\nLägg till dem med motionera ` +
          `facts add om de finns.`
        : `Obs: mallen kan också använda ${labels.length} ${labels.length === 1 ? "uppgift" : "uppgifter"} som ` +
          `saknas för ${place} (visa dem med --verbose).`,
    verbose: "visa även vilka valfria uppgifter som saknas",
    examples: `
Exempel:
  motionera draft --template kast-avtal --kommun Lidingö --author "Anna Andersson (L), ledamot i kommunfullmäktige"
  motionera draft --template handlingsplan-prostitution --kommun Göteborg --author "Eva Ek (V)" \\
    --author "Per Berg (V)" --format docx,pdf,md`,
  },

  facts: {
    summary: "visa uppgifterna om en kommun, dess län och hela landet, med källor",
    kommun: "kommunens namn eller kommunkod",
    all: "visa även äldre värden (historiken)",
    none: "Inga uppgifter.",
    scopeHeading: { kommun: "Kommunen", lan: "Länet", land: "Hela landet" } as Record<string, string>,
    asOf: "per",
    undated: "odaterad",
    age: "ålder",
    source: "Källa",
    older: "äldre värde",
    addSummary: "lägg till en uppgift med källa (historiken behålls)",
    addSubject: "kommun, län (namn, kod eller bokstav) eller SE för hela landet",
    addKey: "faktanyckel (se: motionera facts keys)",
    addValue: "värdet: ja/nej, ett tal, en text eller ett datum beroende på nyckeln",
    asOfOpt: "datum som värdet avser, ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD",
    sourceTitle: "källans titel",
    publisher: "källans utgivare",
    party: "parti som gav ut källan eller vars politiker skrev den (partibeteckning, t.ex. V); upprepa för flera",
    since: "första datum som värdet avser, när det gäller en period (t.ex. en summa för 2017–2019), ÅÅÅÅ[-MM[-DD]]",
    period: (since: string, asOf: string) => `från ${since} till och med ${asOf}`,
    parties: "parti",
    sourceDate: "källans datum, ÅÅÅÅ[-MM[-DD]] (utelämna om källan är odaterad)",
    url: "källans webbadress",
    note: "förbehåll som läsaren behöver, t.ex. ungefärligt värde",
    added: "Lade till:",
    keysSummary: "lista alla faktanycklar med typ och omfattning",
    keys: {
      addSummary: "lägg till en faktanyckel",
      editSummary: "ändra fält i en faktanyckel (nyckeln själv byter inte namn)",
      removeSummary: "ta bort en faktanyckel som ingen uppgift, mall eller härledd nyckel använder",
      key: "nyckeln, snake_case (a–z, siffror, _), t.ex. snow_clearing_cost",
      label: "svensk etikett som den står i dokument och källhänvisningar",
      description: "vad värdet betyder, en rad",
      type: "typ: boolean, number, text eller date",
      scope: "omfattning: kommun, lan, land; kommaseparerade eller upprepade",
      format: "talformat: plain, count, percent, year (bara för number)",
      unitOne: 'count: vad som räknas, i singular ("kommun")',
      unitMany: 'count: vad som räknas, i plural ("kommuner")',
      unitNeuter: 'count: substantivet är ett ett-ord ("ett uppsökande pass")',
      historical: "värdet är en historisk händelse och blir aldrig inaktuellt",
      inForce: "värdet är en regel som gäller från sitt datum tills ett nytt ersätter det",
      coversMunicipalities:
        "länets värde gäller också länets kommuner (en verksamhet för hela länet); utan den står ett länsvärde " +
        "aldrig för en kommuns",
      maxAge: "standard för hur gammalt ett citerat värde får vara, t.ex. P5Y eller P18M",
      derivedFrom: "härledd: räkna länets kommuner utifrån denna kommunnyckel",
      where: 'härledd: vilka värden som räknas, t.ex. "=ja", ">50000", "finns" (standard: =ja)',
      clear:
        "ta bort ett valfritt fält (format, unit, historical, inForce, coversMunicipalities, maxAge, derived); " +
        "upprepa för flera",
      whereInvalid: (w: string) =>
        `"${w}": skriv en jämförelse (=, !=, <, >, <=, >=) och ett värde, eller finns/saknas`,
      added: "Lade till faktanyckeln",
      edited: "Ändrade faktanyckeln",
      removed: "Tog bort faktanyckeln",
    },
    sourcesSummary: "lista registrets källor, var och en en gång, med uppgifterna som hänvisar till dem",
    sourcesIncomplete: "visa bara källor som saknar titel, datum eller webbadress",
    untitled: "(titel saknas)",
    gaps: { title: "titel", date: "datum", url: "webbadress" } as Record<string, string>,
    lacks: "saknar",
    citedBy: (n: number, keys: readonly string[]) => `${n} ${n === 1 ? "uppgift" : "uppgifter"}: ${keys.join(", ")}`,
    sourcesHeading: (sources: number, facts: number) =>
      `${sources} ${sources === 1 ? "källa" : "källor"} för ${facts} ${facts === 1 ? "uppgift" : "uppgifter"}:`,
    incompleteHeading: (n: number, of: number) =>
      `${n} av ${of} ${of === 1 ? "källa" : "källor"} saknar titel, datum eller webbadress:`,
    allComplete: (of: number) =>
      of === 1 ? "Källan har titel, datum och webbadress." : `Alla ${of} källor har titel, datum och webbadress.`,
    noSources: "Registret har inga uppgifter och alltså inga källor.",
    historySummary: "visa vem som registrerade varje uppgift om en kommun och när (ur ändringsloggen)",
    historyKey: "visa bara den här faktanyckeln",
    historyRecorded: "registrerad",
    historyBy: "av",
    historyHeading: (place: string) => `Ändringar av uppgifterna om ${place}, nyast först:`,
    historyExamples: `
Exempel:
  motionera facts history Lidingö
  motionera facts history 0186 population
  motionera facts history Lidingö --json`,
    sourcesExamples: `
Exempel:
  motionera facts sources
  motionera facts sources --incomplete
  motionera facts sources --json`,
    examples: `
Exempel:
  motionera facts Lidingö
  motionera facts 0186 --json
  motionera facts add Lidingö mika_kast_agreement ja --as-of 2024-03-01 --source-title "Protokoll KS" \\
    --publisher "Lidingö stad" --source-date 2024-03-05
  motionera facts add Göteborg action_plan_sells_sex nej --as-of 2026-01-15 \\
    --source-title "Motion om en handlingsplan" --publisher "Vänsterpartiet Göteborg" --party V
  motionera facts sources --incomplete`,
  },

  factsImport: {
    summary: "importera uppgifter ur en CSV- eller JSON-fil (även Kolada), alla eller ingen, med källa",
    file: "filen: .csv (; , eller tab), .json (lista av objekt) eller ett sparat svar från Kolada",
    key: "faktanyckeln som värdena sparas under (se: motionera facts keys)",
    sourceTitle: "källans titel (krävs utom för Kolada-filer)",
    publisher: "källans utgivare (krävs utom för Kolada-filer)",
    sourceDate: "källans datum, ÅÅÅÅ[-MM[-DD]] (utelämna om källan är odaterad)",
    asOf: "datum som värdena avser, ÅÅÅÅ[-MM[-DD]] (krävs utom för Kolada-filer, där varje värde har sitt år)",
    url: "källans webbadress",
    municipalityColumn: "kolumnen (eller fältet) med kommunerna, om den inte hittas av sig själv",
    valueColumn: "kolumnen (eller fältet) med värdena, om den inte hittas av sig själv",
    dryRun: "visa vad som skulle ändras (nytt, ändrat, oförändrat) utan att spara",
    kinds: { new: "ny", changed: "ändrad", unchanged: "oförändrad" } as Record<string, string>,
    sameValueNewDate: (previous: string) => `samma som per ${previous}; sparas med det nya datumet som historik`,
    heading: (key: string, file: string, format: string) => `${key} ur ${file} (${format}):`,
    formats: { csv: "CSV", json: "JSON", kolada: "Kolada" } as Record<string, string>,
    counts: (c: { new: number; changed: number; unchanged: number; skipped: number }) =>
      `${c.new} ${c.new === 1 ? "ny" : "nya"}, ${c.changed} ${c.changed === 1 ? "ändrad" : "ändrade"}, ` +
      `${c.unchanged} ${c.unchanged === 1 ? "oförändrad" : "oförändrade"}` +
      `${c.skipped ? `, ${c.skipped} ${c.skipped === 1 ? "rad" : "rader"} utan nytt värde` : ""}.`,
    skipped: "Hoppades över:",
    moreSkipped: (n: number) => `… och ${n} ${n === 1 ? "rad" : "rader"} till.`,
    line: (line: number, entry: number | undefined) =>
      entry !== undefined ? `rad ${line}, post ${entry}` : `rad ${line}`,
    source: "Källa",
    dryRunNote: (n: number) =>
      `Provkörning: inget sparades (${n} ${n === 1 ? "uppgift" : "uppgifter"} skulle sparas). Kör utan ` +
      `--dry-run för att spara.`,
    saved: (n: number, db: string) =>
      n === 0
        ? `Inget nytt att spara; ${db} är oförändrad.`
        : `Sparade ${n} ${n === 1 ? "uppgift" : "uppgifter"} i ${db}.`,
    examples: `
Exempel:
  motionera facts import avtal.csv --key mika_kast_agreement --source-title "Kartläggning av avtal" \\
    --publisher "Länsstyrelsen" --as-of 2025-06-01 --dry-run
  motionera facts import folkmangd-kolada.json --key population
  motionera facts import tabell.csv --key population --municipality-column Region --value-column "Antal 2024" \\
    --source-title "Folkmängd" --publisher "SCB" --as-of 2024`,
  },

  factsFetch: {
    summary: "hämta uppgifter direkt från Kolada eller SCB, med källa (alla eller ingen)",
    koladaSummary: "hämta nyckeltal från Kolada (RKA) för kommuner, län och riket; ett nyckeltal blir en faktanyckel",
    scbSummary: "hämta en tabell från SCB:s statistikdatabas (PxWebApi 2.0); en siffra per region och period",
    koladaGroup: "Kolada: sök bland nyckeltalen",
    koladaSearchSummary: "sök nyckeltal i Kolada efter ord i titeln (id, titel, verksamhetsområde, publiceringsdatum)",
    scbGroup: "SCB: sök bland tabellerna",
    scbSearchSummary: "sök tabeller i SCB:s statistikdatabas (id, rubrik, perioder, uppdaterad)",
    words: "sökord",
    kpi: "nyckeltalens id, t.ex. N01951; kommaseparera eller upprepa",
    kommun: "kommun, namn eller kommunkod; kommaseparera eller upprepa",
    lan: "län (namn, kod eller bokstav): dess kommuner och länet självt; upprepa för flera",
    all: "alla 290 kommuner, alla 21 län och hela riket",
    year: "år, t.ex. 2023,2024 eller 2020-2024 (standard: alla år som finns)",
    key:
      "befintlig faktanyckel att spara under (standard: kolada_<id> eller scb_<tabell>[_<innehåll>], " +
      "som skapas med värdena om den saknas)",
    gender: "K (kvinnor) eller M (män) i stället för totalen",
    koladaUrl: "Koladas API-adress (standard: KOLADA_URL eller https://api.kolada.se/v3)",
    scbUrl: "SCB:s API-adress (standard: SCB_URL eller https://statistikdatabasen.scb.se/api/v2)",
    table: "tabellens id (se: motionera facts scb search)",
    contents: "tabellinnehåll att hämta (en kod i dimensionen ContentsCode, se tabellens metadata)",
    valueCodes: "värden för en dimension, Dimension=kod,kod; upprepa för flera dimensioner",
    codelist: "kodlista för en dimension, Dimension=id, t.ex. Region=vs_RegionKommun07",
    regionDimension: "dimensionen med regionerna (standard: Region)",
    timeDimension: "dimensionen med perioderna (standard: Tid)",
    dryRun: "visa vad som skulle ändras (nytt, ändrat, oförändrat) utan att spara",
    noPlaces: "ange vilka platser som ska hämtas: --kommun, --lan eller --all",
    badKpi: (id: string) => `"${id}" är inget nyckeltals-id (en bokstav och fem siffror, t.ex. N01951)`,
    badTable: (id: string) => `"${id}" är inget tabell-id (bokstäver och siffror)`,
    badYear: (y: string) => `"${y}" är inget år eller årsintervall (t.ex. 2023 eller 2020-2024)`,
    badGender: "--gender: ange K (kvinnor) eller M (män)",
    badPair: (flag: string, v: string) => `${flag} "${v}": skriv Dimension=värde`,
    heading: (key: string, label: string) => `${key} (${label}):`,
    source: (title: string, publisher: string, date: string) => `Källa: ${title}, ${publisher}, hämtad ${date}`,
    requests: (asked: number, sent: number) =>
      `${asked} ${asked === 1 ? "fråga" : "frågor"} om värden; ${sent} ${sent === 1 ? "anrop" : "anrop"} i ` +
      `allt (sidor, metadata och nya försök medräknade).`,
    skippedLine: (subject: string, reason: string) => `  ${subject}: ${reason}`,
    searchNone: "Inga träffar.",
    published: (date: string) => `publicerad ${date}`,
    searchHits: (n: number) => `${n} ${n === 1 ? "träff" : "träffar"}:`,
    services: { kolada: "Kolada", scb: "SCB" } as Record<string, string>,
    failure: {
      offline: (service: string, host: string) =>
        `Kunde inte nå ${service} (${host}). Kontrollera nätverksanslutningen och försök igen. Inget sparades.`,
      timeout: (service: string, attempts: number) =>
        `${service} svarade inte i tid (${attempts} försök). Försök igen senare. Inget sparades.`,
      rate_limited: (service: string, attempts: number) =>
        `${service} tar inte emot fler frågor just nu (429 Too Many Requests efter ${attempts} försök). ` +
        "Vänta en stund och försök igen. Inget sparades.",
      server: (service: string, status: number | undefined, attempts: number) =>
        `${service} svarade med ett serverfel (HTTP ${status ?? "5xx"}) ${attempts} gånger. Försök igen ` +
        `senare. Inget sparades.`,
      kpiNotFound: (id: string) =>
        `Kolada har inget nyckeltal "${id}". Sök efter nyckeltal med: motionera facts kolada search <ord>. ` +
        `Inget sparades.`,
      tableNotFound: (id: string) =>
        `SCB har ingen tabell "${id}". Sök efter tabeller med: motionera facts scb search <ord>. Inget sparades.`,
      notFound: (service: string, url: string) =>
        `${service} hittar inte det som efterfrågades (${url}). Inget sparades.`,
      refused: (service: string, status: number | undefined, text: string | undefined, url: string) =>
        `${service} avvisade frågan (HTTP ${status ?? "4xx"}${text ? `: ${text}` : ""}). Fråga: ${url}. Inget ` +
        `sparades.`,
      malformed: (service: string, text: string | undefined, url: string) =>
        `${service} svarade med något annat än väntat${text ? ` (${text})` : ""}. Fråga: ${url}. Inget sparades.`,
    },
    keyCreated: (key: string, label: string, details: string, done: boolean) =>
      `${done ? "Ny faktanyckel" : "Ny faktanyckel skulle skapas"}: ${key} "${label}" (${details})`,
    keyDetails: (type: string, format: string | undefined, unit: string | undefined, scopes: string) =>
      [type, format && `format ${format}`, unit && `enhet ${unit}`, `gäller ${scopes}`].filter(Boolean).join(", "),
    typeWords: { number: "tal", boolean: "ja/nej", text: "text", date: "datum" } as Record<string, string>,
    formatWords: { plain: "tal", count: "antal", percent: "procent", year: "årtal" } as Record<string, string>,
    scopeWords: { kommun: "kommuner", lan: "län", land: "riket" } as Record<string, string>,
    notByGender: (kpi: string, gender: string) =>
      `Nyckeltalet ${kpi} är inte uppdelat på kön, så det finns inga värden ` +
      `för ${gender === "K" ? "kvinnor" : "män"}. ` +
      "Hämta totalen utan --gender. Inget sparades.",
    ambiguous: (table: string, dims: string) =>
      `Urvalet ger flera värden per region och period i ${table}: ${dims}. ` +
      "Välj ett värde för varje sådan dimension med --value-codes Dimension=kod (eller --contents). Inget sparades.",
    examples: `
Exempel:
  motionera facts fetch kolada --kpi N15419 --all --year 2022-2024 --dry-run
  motionera facts fetch kolada --kpi N15419 --lan AB --year 2024
  motionera facts fetch kolada --kpi N01951 --all --year 2022-2024 --key population
  motionera facts fetch kolada --kpi N01951 --kommun Lidingö,Nacka --gender K --key population --json
  motionera facts fetch scb --table <tabell-id> --contents <innehållskod> --all --year 2024
  motionera facts kolada search invånare
  motionera facts scb search folkmängd`,
  },

  campaign: {
    summary: "skapa samma utkast för många kommuner: ett län, en lista eller de som uppfyller villkor om fakta",
    template: "mallens id (se: motionera templates)",
    lan: 'län vars kommuner tas med: namn, kod eller länsbokstav (t.ex. AB eller "Stockholms län"); upprepa för flera',
    kommun: "kommun att ta med, namn eller kommunkod; upprepa (eller kommaseparera) för flera",
    where:
      'villkor om en uppgift (nyckel eller namn), t.ex. "mika_kast_agreement=nej", "population>50000", ' +
      '"Har en KAST-mottagning = nej" eller "action_plan_sells_sex saknas"; upprepa, alla måste gälla; ' +
      "!= tar också med kommuner där uppgiften saknas",
    require:
      "uppgift som varje utkast måste kunna citera; kommuner utan den hoppas över och redovisas; upprepa för flera",
    author: 'undertecknare, "Namn (Parti), roll"; upprepa för flera',
    date: "dokumentens datum, ÅÅÅÅ-MM-DD (standard: i dag)",
    set: "värde för ett av mallens fält, namn=värde; upprepa för flera",
    format: "format att skriva, kommaseparerade: docx, pdf, md, html",
    out: "mapp att skriva utkasten och sammanställningen till",
    zip: "skriv utkasten i en zip-fil (med sammanställningen) i stället för lösa filer",
    workers: "antal trådar (standard: antalet kärnor; 1 = allt i en tråd)",
    strict:
      "hoppa över kommuner vars uppgifter är äldre än mallen godtar eller vars utkast har ställen att fylla i " +
      "([FYLL I: …])",
    workersInvalid: (v: string) => `--workers "${v}": ange ett heltal från 1 till 64`,
    bar: "{bar} {value}/{total} kommuner | {kommun}",
    line: (done: number, total: number, text: string) =>
      `[${String(done).padStart(String(total).length)}/${total}] ${text}`,
    wrote: (place: string, files: number, cited: number, fill: number, check: number) =>
      `${place}: skrev ${files} ${files === 1 ? "fil" : "filer"} ` +
      `(${cited} ${cited === 1 ? "uppgift" : "uppgifter"} med källa)` +
      (fill || check
        ? `; ${[
            fill ? `${fill} ${fill === 1 ? "ställe" : "ställen"} att fylla i` : "",
            check ? `${check} ${check === 1 ? "sak" : "saker"} att kontrollera` : "",
          ]
            .filter(Boolean)
            .join(", ")}`
        : ""),
    toDo: (n: number) =>
      `${n} utkast har ställen att fylla i eller saker att kontrollera ` +
      `innan ${n === 1 ? "det lämnas" : "de lämnas"} in (kolumnerna placeholders och checks i sammanställningen).`,
    skipped: (place: string, reason: string) => `${place}: hoppades över – ${reason}`,
    failed: (place: string, reason: string) => `${place}: misslyckades – ${reason}`,
    selected: (n: number, threads: number) =>
      `${n} ${n === 1 ? "kommun" : "kommuner"} i urvalet; ${threads === 1 ? "en tråd" : `${threads} trådar`}.`,
    done: (
      c: { selected: number; written: number; skipped: number; failed: number; documents: number },
      seconds: string,
    ) =>
      `Klart på ${seconds} s: utkast för ${c.written} ` +
      `av ${c.selected} ${c.selected === 1 ? "kommun" : "kommuner"} ` +
      `(${c.documents} ${c.documents === 1 ? "fil" : "filer"})` +
      `${c.skipped ? `, ${c.skipped} hoppades över` : ""}${c.failed ? `, ${c.failed} misslyckades` : ""}.`,
    skippedHeading: "Hoppades över (se sammanställningen):",
    summaryFiles: "Sammanställning:",
    zipFile: "Zip-fil:",
    folder: "Utkasten ligger i:",
    examples: `
Exempel:
  motionera campaign --template kast-avtal --lan AB --where "mika_kast_agreement!=ja" --author "Anna Andersson (L)" \\
    --out kampanj
  motionera campaign --template handlingsplan-prostitution --where "action_plan_sells_sex=nej" --author "Eva Ek (V)" \\
    --format docx --out planer --zip
  motionera campaign --template kast-avtal --kommun Lidingö --kommun Nacka --require mika_kast_agreement \\
    --author "Kim Lund (S)" --out ut --json

Slutstatus: 0 när alla kommuner i urvalet fick sina utkast, 3 när någon hoppades över eller misslyckades
(sammanställningen säger varför), 1 vid fel i indata (inget skrivs), 2 vid fel i kommandoraden.`,
  },

  templates: {
    summary: "lista mallarna",
    showSummary: "beskriv en mall: fält, uppgifter den citerar och ämnen",
    id: "mallens id",
    inputs: "Fält",
    facts: "Uppgifter",
    topics: "Ämnen",
    required: "krävs",
    optional: "valfri",
    maxAge: "Äldsta godtagna uppgift",
    default: "standard",
    file: "Fil",
    usage: "Användning",
    none: "(inga)",
    checkSummary:
      "granska mallar: YAML, fält, Handlebars, faktanycklar, påståenden utan faktaskydd och siffror i texten",
    checkPath: "en mallmapp eller en .hbs-fil (standard: mallmappen)",
    checkOk: (files: number) => `${files === 1 ? "1 mall" : `${files} mallar`} granskade: inga fel.`,
    checkFailed: (problems: number, files: number) =>
      `${problems === 1 ? "1 fel" : `${problems} fel`} i ${files === 1 ? "1 mall" : `${files} mallar`}.`,
    newSummary: "skriv en ny mall med kommentarer att utgå från",
    newKind: "dokumenttyp: motion, interpellation, debattartikel eller pressmeddelande",
    newDir: "mallmappen att skriva i (standard: mallmappen)",
    newBadId: (id: string) => `ogiltigt mall-id "${id}": skriv det med a–z, siffror och bindestreck`,
    newBadKind: (kind: string) =>
      `okänd dokumenttyp "${kind}": välj motion, interpellation, debattartikel eller pressmeddelande`,
    newExists: (file: string) => `${file} finns redan; välj ett annat id eller ta bort filen`,
    newWritten: (file: string) => `Skrev ${file}. Granska den med: motionera templates check ${file}`,
  },

  corpus: {
    summary: "korpusen: debattartiklar, motioner, interpellationer och pressmeddelanden med argument och förslag",
    importSummary: "importera filer (.txt, .md, .docx, .pdf) med automatisk taggning",
    files: "filer att importera",
    dryRun: "visa vad som skulle importeras utan att spara",
    set:
      "ange ett fält för alla filerna, namn=värde (kind, level, kommun, lan, parties, authors, addressee, " +
      "outlet, date, title, summary, topics); upprepa för flera",
    searchSummary: "sök i korpusen med svensk ordstamning, fraser och filter",
    query: 'sökord; "citattecken" för fraser',
    kind: "dokumenttyp (upprepa eller kommaseparera)",
    party: "parti, t.ex. S eller V",
    kommun: "kommun (namn eller kod)",
    lan: "län (namn, kod eller bokstav)",
    topic: "ämne",
    from: "från och med år",
    to: "till och med år",
    limit: "högst så många träffar",
    motor:
      "sökmotor: index (det inbyggda indexet i minnet, standard) eller postgres (PostgreSQL:s egen " +
      "fulltextsökning; kräver --database-url eller MOTIONERA_DATABASE_URL)",
    motorInvalid: "--motor ska vara index eller postgres",
    motorNeedsPostgres:
      "--motor postgres söker i en PostgreSQL-databas: ange den med --database-url postgres://… eller " +
      "MOTIONERA_DATABASE_URL",
    showSummary: "visa ett dokument med argument, förslag, fakta och källa",
    id: "dokumentets id",
    exportSummary: "exportera de dokument som matchar, en rad per dokument",
    exportFormat: "csv, json eller jsonl",
    exportOut: "fil att skriva till (standard: skriv ut)",
    fullText: "ta med fulltext (json, jsonl)",
    actions: { added: "ny", updated: "uppdaterad", unchanged: "oförändrad" } as Record<string, string>,
    failed: "misslyckades",
    dryRunNote: "Provkörning: inget sparades.",
    importSummaryLine: (ok: number, failed: number, added: number, updated: number) =>
      `${ok} ${ok === 1 ? "fil importerad" : "filer importerade"} (${added} nya, ${updated} ` +
      `uppdaterade), ${failed} ${failed === 1 ? "misslyckades" : "misslyckades"}.`,
    failures: "Misslyckades:",
    batch: "dokument per skrivning (varje skrivning är hel eller ingen; standard 1000)",
    progress: (done: number, total: number, perSecond: number | undefined, secondsLeft: number | undefined) =>
      `Importerar: ${formatNumber(done)} av ${formatNumber(total)} ${total === 1 ? "fil" : "filer"}` +
      (perSecond === undefined
        ? ""
        : `, ${formatNumber(Math.round(perSecond))} per sekund, ca ${durationText(secondsLeft ?? 0)} kvar`),
    skippedLine: (n: number) => `${formatNumber(n)} dokument fanns redan med samma innehåll och hoppades över.`,
    moreNotShown: (n: number) => `${formatNumber(n)} dokument till importerades utan att visas här; --json visar alla.`,
    interrupted:
      "Importen avbröts. Det som hann sparas är sparat i hela omgångar; kör samma kommando igen för att fortsätta " +
      "(det som redan finns hoppas över).",
    fields: {
      kind: "typ",
      level: "nivå",
      municipality: "kommun",
      county: "län",
      parties: "partier",
      authors: "undertecknare",
      addressee: "ställd till",
      date: "datum",
      title: "rubrik",
      topics: "ämnen",
      proposals: "att-satser",
      questions: "frågor",
      arguments: "argument",
      summary: "sammanfattning",
      outlet: "publicerad i",
      facts: "fakta",
      source: "källa",
      id: "id",
      imported: "importerad",
      designation: "beteckning",
      category: "kategori",
      committee: "utskott",
      committeeDecision: "utskottet",
      chamberDecision: "kammaren",
    } as Record<string, string>,
    sure: (c: number) => (c >= 0.8 ? "säker" : c >= 0.5 ? "trolig" : c > 0 ? "osäker" : "hittades inte"),
    hits: (total: number, shown: number, q: string) =>
      `${total} ${total === 1 ? "träff" : "träffar"}${q ? ` för ${q}` : ""}${total > shown ? ` (visar ${shown})` : ""}`,
    facetHeading: "Fördelning:",
    facetNames: {
      kind: "typ",
      party: "parti",
      municipality: "kommun",
      county: "län",
      year: "år",
      topic: "ämne",
    } as Record<string, string>,
    stance: { for: "för", against: "mot" } as Record<string, string>,
    useArgument: (id: string) => `Ta med ett argument i ett utkast: motionera draft … --argument ${id}#1`,
    none: "–",
    factNotInRegistry: "(finns inte i registret)",
    notFound: (id: string, suggestions: string[]) =>
      `Inget dokument med id ` +
      `"${id}".${suggestions.length ? ` Menade du ${suggestions.map((x) => `"${x}"`).join(", ")}?` : ""}`,
    examples: `
Exempel:
  motionera corpus search sexköpare
  motionera corpus search '"köp av sexuell tjänst"' --lan AB --from 2020
  motionera corpus search KAST --party L --json
  motionera corpus show 2023-02-21-lidingo-debattartikel-l
  motionera corpus import motion.docx interpellation.txt --dry-run
  motionera corpus export --topic handlingsplan --format csv --out handlingsplaner.csv`,
  },

  serve: {
    summary: "starta webbtjänsten: formulär för utkast, sökning i korpusen och ett JSON-API",
    port: "port (standard: PORT eller 8787)",
    host: "adress att lyssna på (standard: HOST eller 127.0.0.1)",
    draftsPerMinute: "högsta antal utkast per klient och minut; 0 = ingen gräns (standard: 120)",
    trustProxy: "tjänsten står bakom en omvänd proxy: klienten läses ur X-Forwarded-For",
    maxCampaigns: "högsta antal kampanjer som görs samtidigt; nästa får vänta (standard: 1)",
    campaignLimit: "högsta antal kommuner i en kampanj utan token; större kampanjer kräver token (standard: 50)",
    allowedHosts:
      "värdnamn som tjänsten svarar på, kommaseparerade (skydd mot DNS rebinding); andra får 421 (standard: " +
      "MOTIONERA_ALLOWED_HOSTS, annars alla)",
    hostsAll:
      "Svarar på alla värdnamn. Skydda mot DNS rebinding genom att ange tjänstens namn med --allowed-hosts " +
      "(till exempel localhost,127.0.0.1).",
    hostsAllowed: (hosts: readonly string[]) => `Svarar bara på ${hosts.join(", ")}.`,
    listening: (url: string) => `Motionera körs på ${url} (API-dokumentation: ${url}api/docs)`,
    writable:
      "Skrivningar (import, nya uppgifter) kräver Authorization: Bearer <token>: MOTIONERA_TOKEN eller en " +
      "namngiven token med rätt roll (motionera tokens list).",
    readOnly:
      "Ingen MOTIONERA_TOKEN satt och ingen namngiven token: tjänsten tar inte emot skrivningar (utkast och " +
      "sökning fungerar). Skapa en med: motionera tokens create --name <namn> --role write",
    stop: "Avsluta med Ctrl-C.",
    stopping: "Stänger …",
    inUse: (port: number) => `porten ${port} används redan; välj en annan med --port`,
    denied: (port: number) => `saknar behörighet att lyssna på port ${port}; välj en port över 1023`,
    examples: `
Exempel:
  motionera serve
  MOTIONERA_TOKEN=hemligt motionera serve --port 8080 --host 0.0.0.0
  motionera serve --trust-proxy --drafts-per-minute 30
  motionera serve --host 0.0.0.0 --allowed-hosts motionera.example.se,localhost --max-campaigns 2`,
  },

  tokens: {
    summary: "namngivna API-tokens för webbtjänsten: skapa, lista, återkalla",
    description:
      "Namngivna API-tokens för webbtjänsten, var och en med en roll: read (läsa det skyddade, stora " +
      "kampanjer), write (skriva uppgifter och dokument) eller admin (dessutom faktanycklar, tokens, " +
      "statistikhämtning och mallar). Databasen sparar bara en kontrollsumma (SHA-256) av hemligheten. " +
      "Varje skrivning loggas med tokenens namn.",
    createSummary: "skapa en token och visa dess hemlighet (en enda gång)",
    listSummary: "lista alla tokens: namn, roll, skapad, senaste skrivning, återkallad",
    revokeSummary: "återkalla en token (den slutar gälla direkt; namnet kan inte återanvändas)",
    name: "tokenens namn (bokstäver, siffror, punkt, bindestreck, understreck), t.ex. redaktionen",
    role: "rollen: read, write eller admin",
    created: (name: string, role: string) => `Token "${name}" är skapad med rollen ${role}.`,
    keepSecret:
      "Spara hemligheten nu på ett säkert ställe (till exempel en lösenordshanterare). Den visas bara den här " +
      "gången och kan inte tas fram igen; databasen har bara dess kontrollsumma.",
    useSecret: "Skicka den som: Authorization: Bearer <hemligheten>",
    revokeHint: (name: string) => `Återkalla den med: motionera tokens revoke --name ${name}`,
    revoked: (name: string) => `Token "${name}" är återkallad och gäller inte längre.`,
    alreadyRevoked: (name: string, when: string) => `Token "${name}" återkallades redan ${when}.`,
    none: "Inga tokens. Skapa en med: motionera tokens create --name <namn> --role write",
    columns: { name: "Namn", role: "Roll", created: "Skapad", by: "Av", last: "Senast skrivit", revoked: "Återkallad" },
    never: "–",
    active: "gäller",
    examples: `
Exempel:
  motionera tokens create --name redaktionen --role write
  motionera tokens list
  motionera tokens list --json
  motionera tokens revoke --name redaktionen`,
  },

  db: {
    summary: "PostgreSQL-databasens schema: migrera och visa läget",
    description:
      "PostgreSQL-databasens schema. Databasen anges med --database-url eller MOTIONERA_DATABASE_URL. Kommandon " +
      "och webbtjänsten vägrar använda en databas vars schema är äldre än programmet; motionera db migrate " +
      "uppdaterar den.",
    statusSummary: "visa vilka migreringar databasen har kört och vilka som saknas",
    migrateSummary: "kör de migreringar som saknas, alla i en transaktion (alla eller ingen)",
    noUrl: "ange databasen med --database-url postgres://… eller MOTIONERA_DATABASE_URL",
    database: "Databas",
    applied: "Körda migreringar",
    latest: "senaste",
    current: "Schemat är aktuellt.",
    behind: (pending: readonly string[]) =>
      `${pending.length === 1 ? "En migrering saknas" : `${pending.length} migreringar saknas`}: ` +
      `${pending.join(", ")}. Uppdatera med: motionera db migrate`,
    unknown: (names: readonly string[]) =>
      `Databasen har migreringar som programmet inte känner till (en nyare version har kört dem): ` +
      `${names.join(", ")}.`,
    ran: (names: readonly string[]) =>
      `Körde ${names.length === 1 ? "1 migrering" : `${names.length} migreringar`}: ${names.join(", ")}.`,
    nothingToRun: "Inga migreringar att köra.",
    copySummary:
      "kopiera allt (uppgifter med historik, faktanycklar, korpusen, tokens, ändringsloggen) mellan databasfilen " +
      "och PostgreSQL",
    copyFrom: "databasen att kopiera från: en fil (corpus/motionera.json) eller postgres://…",
    copyTo: "databasen att kopiera till, tom: en ny fil eller postgres://…",
    copySame: "--from och --to är samma databas",
    copySourceMissing: (file: string) => `Databasfilen ${file} finns inte. Kontrollera sökvägen i --from.`,
    copyTargetNotEmpty: (
      where: string,
      facts: number,
      documents: number,
      tokens: number,
      drafts = 0,
      filings = 0,
      meetings = 0,
    ) =>
      `${where} har redan ${facts} uppgifter och ${documents} dokument${tokens ? ` (och ${tokens} tokens)` : ""}` +
      `${drafts ? ` och ${drafts} sparade utkast` : ""}` +
      `${filings ? ` och ${filings} ${filings === 1 ? "ärende" : "ärenden"}` : ""}` +
      `${meetings ? ` och ${meetings} ${meetings === 1 ? "sammanträde" : "sammanträden"}` : ""}. ` +
      `Kopiera till en tom databas (en ny fil ` +
      "eller en ny PostgreSQL-databas) så att inget blandas ihop eller skrivs över.",
    copyLine: (
      side: string,
      s: {
        facts: number;
        factKeys: number;
        documents: number;
        tokens: number;
        audit: number;
        savedDrafts: number;
        filings: number;
        meetings: number;
        checksum: string;
      },
    ) =>
      `${side}: ${s.facts} uppgifter, ${s.factKeys} faktanycklar, ${s.documents} dokument, ${s.tokens} tokens, ` +
      `${s.audit} ändringar i loggen, ${s.savedDrafts} sparade utkast, ` +
      `${s.filings} ${s.filings === 1 ? "ärende" : "ärenden"}, ` +
      `${s.meetings} ${s.meetings === 1 ? "sammanträde" : "sammanträden"}, kontrollsumma ${s.checksum.slice(0, 16)}`,
    copyFromLabel: "Från",
    copyToLabel: "Till",
    copyOk: "Kopian är fullständig: antal och kontrollsumma stämmer.",
    copyMismatch: "Kopian stämmer inte med källan (antal eller kontrollsumma skiljer sig). Använd inte kopian.",
  },

  /** The head of a list of problems, one per line below it. */
  problems: (n: number) => `${n} fel:`,
  internalError: "Ett oväntat fel inträffade. Inga filer skrevs. Rapportera gärna felet med kommandot du körde:",
} as const;
