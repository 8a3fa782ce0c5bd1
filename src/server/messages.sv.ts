/**
 * Every Swedish word the web pages show, in one place so it can be reviewed. The pages and
 * the small script (through data attributes and <template> elements the pages render) take
 * their text from here; none of them spells a Swedish word of its own.
 */
import type { Actor } from "../domain/actor.js";
import type { DraftWarning } from "../domain/errors.js";
import { partyNames } from "../domain/signer.js";
import { formatDate } from "../lang/dates.js";
import { formatList } from "../lang/lists.js";
import { lowerFirst, upperFirst } from "../lang/lower-first.js";
import { formatCountInText, formatNumber } from "../lang/numbers.js";
import { explainWarning } from "../messages.sv.js";

const quotedOr = (xs: readonly string[]) =>
  formatList(
    xs.map((x) => `"${x}"`),
    "eller",
  );

const fmt = formatNumber;

export const sv = {
  siteName: "Motionera",
  tagline: "Underlag för lokalpolitiken – med källa till varje uppgift",

  layout: {
    skipLink: "Hoppa till innehållet",
    navLabel: "Huvudmeny",
    nav: { draft: "Skriv utkast", campaign: "Kampanj", corpus: "Sök i korpusen", places: "Kommuner", api: "API" },
    footer:
      "Motionera skriver utkast till motioner, interpellationer, debattartiklar och pressmeddelanden. Varje " +
      "uppgift om en kommun har en källa; kontrollera alltid utkastet innan du lämnar in det.",
    footerLinks: { api: "API-dokumentation", places: "Alla kommuner", corpus: "Korpusen" },
  },

  kinds: {
    plural: {
      motion: "Motioner",
      interpellation: "Interpellationer",
      debattartikel: "Debattartiklar",
      pressmeddelande: "Pressmeddelanden",
    } as Record<string, string>,
    singular: {
      motion: "motion",
      interpellation: "interpellation",
      debattartikel: "debattartikel",
      pressmeddelande: "pressmeddelande",
      fråga: "fråga",
      svar: "svar på fråga",
      anförande: "anförande",
      nyhet: "nyhet",
      annat: "annat",
    } as Record<string, string>,
  },

  levels: { kommun: "kommun", region: "region", riksdag: "riksdag" } as Record<string, string>,

  parties: partyNames as Record<string, string>,

  scopes: { kommun: "kommunen", lan: "länet", land: "hela landet" } as Record<string, string>,

  draft: {
    title: "Skriv ett utkast",
    titleWithErrors: "Fel: Skriv ett utkast",
    /** On a narrow screen, where the preview follows the whole form. */
    jumpToPreview: "Till förhandsvisningen",
    intro:
      "Välj mall och kommun, fyll i vilka som skriver under och mallens egna uppgifter. Utkastet citerar " +
      "uppgifter om kommunen med källa. Du kan förhandsgranska och ladda ner det som Word, PDF eller Markdown.",
    formLabel: "Utkast",
    template: {
      legend: "Dokument",
      label: "Mall",
      help: "Mallen bestämmer dokumenttyp, text och vilka uppgifter som citeras.",
      choose: "Välj mall",
      chooseHelp: "Visa fälten för den valda mallen. Det du redan har skrivit finns kvar.",
    },
    kommun: {
      label: "Kommun",
      help: "Skriv kommunens namn, till exempel Lidingö, eller SCB:s kommunkod.",
    },
    signers: {
      legend: "Undertecknare",
      help: "Den eller de som skriver under. Rader utan namn tas inte med.",
      /** "{n}" is the row's number; the script renumbers rows with the same pattern. */
      rowPattern: "Undertecknare {n}",
      removePattern: "Ta bort undertecknare {n}",
      name: "Namn",
      party: "Parti",
      partyChoose: "Välj parti",
      partyOtherOption: "Annat parti",
      partyOther: "Annat parti (lokalt parti)",
      partyOtherHelp: "Fyll i om partiet inte finns i listan.",
      role: "Roll",
      roleHelp: "Till exempel ”ledamot i kommunfullmäktige” eller ”gruppledare”.",
      remove: "Ta bort",
      more: "Fler rader",
      add: "Lägg till undertecknare",
    },
    date: { label: "Datum", help: "Dokumentets datum." },
    inputs: {
      legend: (title: string) => `Uppgifter för mallen ”${title}”`,
      none: "Mallen har inga egna fält.",
      required: "(måste fyllas i)",
      yes: "Ja",
      no: "Nej",
      unset: "Inte angivet",
      choose: "Välj",
      defaultNote: (v: string) => `Förvalt: ${v}`,
    },
    arguments: {
      legend: "Argument från korpusen",
      help: "Kryssa i argument som ska tas med i utkastet. Varje argument får en not om var det framfördes.",
      none: "Det finns inga argument i korpusen om mallens ämnen.",
      count: (n: number, chosen: number) => `${n} argument${chosen ? `, ${chosen} valda` : ""}`,
      stance: { for: "för", against: "emot" } as Record<string, string>,
      type: "Typ",
      madeIn: "Framfört i",
      record: "Visa dokumentet",
    },
    actions: {
      preview: "Förhandsgranska",
      downloadLegend: "Ladda ner",
      docx: "Ladda ner DOCX",
      pdf: "Ladda ner PDF",
      md: "Ladda ner Markdown",
      docxHint: "Word",
    },
    errorSummary: (n: number) => (n === 1 ? "Formuläret har ett fel" : `Formuläret har ${n} fel`),
    errorPrefix: "Fel:",
  },

  /** "Redigera texten" on the draft form (pages/draft/edit-text.tsx). */
  editText: {
    legend: "Texten",
    start: "Redigera texten",
    startHelp: "Ändra meningar direkt i utkastet. Förhandsvisningen och alla nedladdningar använder din text.",
    label: "Utkastets text",
    help:
      "Noterna står som [^1], [^2] …: flytta eller ta bort dem, men skriv dem inte om. Det som står inom ⟦ ⟧ " +
      "hämtas ur formuläret (undertecknare, ort och datum) och följer med när du ändrar där. [FYLL I: …] " +
      "markerar det du ska fylla i.",
    notesSummary: (n: number) => (n === 1 ? "Noten du kan använda" : `De ${n} noterna du kan använda`),
    reset: "Återställ texten",
    resetHelp: "Släpper dina ändringar och visar mallens text igen.",
    editedNote: "Förhandsvisningen visar din redigerade text.",
    error: (problem: string) => `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`,
    conflict: {
      heading: "Dina ändringar i texten försvinner",
      templateAndKommun: "Du har bytt mall och kommun.",
      template: "Du har bytt mall.",
      kommun: "Du har bytt kommun.",
      /** What the edited text belongs to, by what was changed: both, the template or the municipality. */
      intro: (changed: "both" | "template" | "kommun") =>
        `Texten du har redigerat hör till ${
          changed === "both"
            ? "den förra mallen och kommunen"
            : changed === "template"
              ? "den förra mallen"
              : "den förra kommunen"
        }. Om du byter försvinner:`,
      changed: (excerpt: string) => `Dina ändringar i stycket ”${excerpt}” försvinner.`,
      removed: (excerpt: string) => `Stycket ”${excerpt}”, som du tog bort, kommer tillbaka.`,
      discard: "Byt och släng ändringarna",
      keep: (template: string, kommun: string) => `Behåll ändringarna (${template}, ${kommun})`,
    },
  },

  campaign: {
    title: "Kampanj: samma utkast för många kommuner",
    titleWithErrors: "Fel: Kampanj",
    intro:
      "Välj en mall och vilka kommuner som ska få ett utkast: ett län, en lista, villkor om uppgifterna i " +
      "faktaregistret, eller alla 290. Du får en zip-fil med ett utkast per kommun och en sammanställning " +
      "(CSV och JSON) över vad som skrevs, vilka uppgifter som citerades och vilka som saknades.",
    formLabel: "Kampanj",
    template: { label: "Mall", help: "Mallen bestämmer dokumenttyp, text och vilka uppgifter som citeras." },
    lan: {
      label: "Län",
      help:
        "Alla kommuner i de län du kryssar i tas med. Kryssa inget län för att i stället utgå från listan " +
        "nedan eller hela landet.",
    },
    kommuner: {
      label: "Kommuner",
      help:
        "Namn eller kommunkoder, en per rad eller med komma emellan. Läggs till länens kommuner. Inget län och " +
        "ingen kommun: alla 290 kommuner.",
    },
    picker: {
      legend: "Villkor om uppgifterna",
      help:
        "Välj en uppgift ur faktaregistret, en jämförelse och ett värde; alla villkor måste gälla. Värdena i " +
        "listan är de som finns i registret. Välj ”saknas” för kommuner där registret inte har uppgiften. " +
        "Tryck på ”Visa urvalet” för en rad till.",
      rowLabel: (n: number) => `Villkor ${n}`,
      fact: "Uppgift",
      factNone: "Inget villkor",
      op: "Jämförelse",
      ops: {
        "=": "är",
        "!=": "är inte (eller saknas)",
        ">": "är större än",
        "<": "är mindre än",
        ">=": "är minst",
        "<=": "är högst",
      } as Record<string, string>,
      value: "Värde",
      valueChoose: "Välj värde",
      valueHelpNumber: "Ett tal eller datum, till exempel 50 000.",
      valueHelpTyped: "Välj en uppgift, så visas dess värden. Eller skriv värdet, till exempel nej eller 50 000.",
      missing: "saknas (ingen uppgift i registret)",
      valueCount: (value: string, n: number) => `${value} (${n} ${n === 1 ? "kommun" : "kommuner"})`,
    },
    where: {
      label: "Villkor som text (valfritt)",
      help:
        "Ett villkor per rad, med uppgiftens namn eller nyckel: till exempel ”Har en KAST-mottagning = nej”, " +
        "”population>50000” eller ”action_plan_sells_sex saknas”. Obs: ”!=” (är inte) tar också med " +
        "kommuner där uppgiften saknas.",
      summary: "Skriv villkor som text",
    },
    signers: {
      label: "Undertecknare",
      help: "Den eller de som skriver under varje utkast. Rader utan namn tas inte med.",
    },
    date: { label: "Datum", help: "Utkastens datum." },
    inputs: {
      label: "Mallens fält",
      choose: "Byt mall",
      chooseHelp: "Fälten nedan hör till den valda mallen; byt mall med knappen så visas den mallens fält.",
    },
    formats: {
      legend: "Format",
      help: "Varje kommun får en fil per format.",
      docx: "Word (DOCX)",
      pdf: "PDF",
      md: "Markdown",
      html: "HTML",
    } as Record<string, string>,
    selectionLegend: "Vilka kommuner",
    legends: { document: "Dokument", signers: "Avsändare och datum" },
    preview: "Visa urvalet",
    download: "Ladda ner zip-fil",
    downloadHelp:
      "Det kan ta några sekunder per tiotal kommuner. Kommuner som saknar en uppgift som krävs hoppas över " +
      "och står i sammanställningen.",
    selectionHeading: (n: number) => (n === 1 ? "1 kommun i urvalet" : `${n} kommuner i urvalet`),
    selectionNone:
      "Välj län, kommuner eller villkor och tryck på ”Visa urvalet” för att se vilka kommuner som får ett utkast.",
    limitsHelp: (places: number, documents: number) =>
      `Här får en kampanj omfatta högst ${places} ` +
      `kommuner${
        documents > 0
          ? ` och ${documents} filer (kommuner × format); varje fil räknas som ett utkast i gränsen per minut`
          : ""
      }.`,
    overLimit: (places: number) =>
      `Fler än ${places} kommuner: för stort för formuläret. Dela upp urvalet (till exempel län för län) ` +
      `eller använd API:t med tjänstens token.`,
    errors: {
      templateUnknown: (q: string, suggestions: readonly string[]) =>
        `Det finns ingen mall som heter ”${q}”.${suggestions.length ? ` Menade du ${quotedOr(suggestions)}?` : ""}`,
      lanUnknown: (q: string, suggestions: readonly string[]) =>
        `Det finns inget län som heter ”${q}”.${suggestions.length ? ` Menade du ${quotedOr(suggestions)}?` : ""}`,
      kommunUnknown: (q: string, suggestions: readonly string[]) =>
        `Det finns ingen kommun som heter ”${q}”.${suggestions.length ? ` Menade du ${quotedOr(suggestions)}?` : ""}`,
      signerNone: "Skriv namnet på minst en undertecknare.",
      signerInvalid: (line: string) => `Kan inte läsa ”${line}”. Skriv Namn (Parti), roll.`,
      dateInvalid: "Skriv datumet som ÅÅÅÅ-MM-DD.",
      formatsNone: "Välj minst ett format.",
      inputLine: (line: string) => `Skriv ”${line}” som namn=värde.`,
      empty: "Ingen kommun uppfyller urvalet. Ändra län, kommuner eller villkor.",
      tooLarge: (places: number, documents: number, maxPlaces: number, maxDocuments: number) =>
        `Kampanjen omfattar ${places} ${places === 1 ? "kommun" : "kommuner"} och ${documents} filer. Här får ` +
        `en kampanj omfatta högst ${maxPlaces} ` +
        `kommuner${maxDocuments > 0 ? ` och ${maxDocuments} filer (kommuner × format)` : ""}. Välj färre ` +
        `kommuner eller format, eller gör kampanjen med API:t och tjänstens token.`,
      budget: (documents: number, perMinute: number, retryAfter: number) =>
        `Kampanjen blir ${documents} filer, fler än du har kvar av ${perMinute} utkast i minuten. ` +
        `Vänta ${retryAfter} sekunder och försök igen, eller välj färre kommuner eller format. Det du har ` +
        `fyllt i finns kvar.`,
      busy: (running: number) =>
        `Tjänsten gör redan ${running === 1 ? "en kampanj" : `${running} kampanjer`} och gör inte fler ` +
        `samtidigt. Försök igen om en stund; det du har fyllt i finns kvar.`,
      general: "Kampanjen kunde inte skapas.",
      missingNeedsIs: "”saknas” går bara att välja med ”är” eller ”är inte”.",
      valueNeeded: "Välj ett värde för villkoret, eller välj ”Inget villkor” under Uppgift.",
      conditionInvalid: (condition: string, problem: string) =>
        `Villkoret ”${condition}” går inte att använda: ${problem}${/[?.]$/.test(problem) ? "" : "."}`,
      conditionUnknownKey: (key: string, suggestions: readonly string[]) =>
        `Det finns ingen uppgift ”${key}”.${suggestions.length ? ` Menade du ${quotedOr(suggestions)}?` : ""}`,
    },
    /** "Visa urvalet": who is selected, on what, who is left out and why. */
    table: {
      caption: (selected: number, of: number) => `${selected} av ${of} kommuner kommer med`,
      place: "Kommun",
      status: "Med?",
      why: "Varför",
      selected: "Med",
      leftOut: "Inte med",
      noConditions: "Inga villkor: alla kommuner i län och lista kommer med.",
      value: (label: string, value: string, asOf: string | undefined, whose: string | undefined) =>
        `${label}: ${value}${asOf ? ` (${asOf})` : " (utan datum)"}${whose ? `, uppgift för ${whose}` : ""}`,
      missing: (label: string) => `${label}: saknas i registret`,
      missingIncluded: (label: string) =>
        `${label}: saknas i registret – kom med eftersom ”är inte” också gäller när uppgiften saknas`,
      notMatched: "stämmer inte",
      addFact: "Lägg till uppgiften",
      stale: (label: string, asOf: string, oldest: string) =>
        `Gammal uppgift: ${label} är från ${asOf}; mallen godtar uppgifter från ${oldest} eller senare.`,
      staleHeading: (n: number) => (n === 1 ? "1 kommun har en gammal uppgift" : `${n} kommuner har gamla uppgifter`),
      staleHelp: "Utkasten skrivs ändå, men uppgiften står med sitt år. Lägg gärna till en nyare uppgift först.",
      undated: "utan datum",
    },
    sample: {
      button: "Förhandsgranska ett exempel",
      label: "Exempel för kommunen",
      help: "Tomt: den första kommunen i urvalet.",
      heading: (place: string) => `Exempel: utkastet för ${place}`,
      notSelected: (place: string) => `${place} är inte med i urvalet; exemplet visar den ändå.`,
      cannot: "Exemplet kan inte visas:",
    },
    progress: {
      label: "Zip-filen byggs",
      /** The script fills in {done} and {total}. */
      count: "{done} av {total} kommuner klara",
      starting: "Kampanjen startar …",
      done: "Klart. Zip-filen laddas ner.",
      failed: "Det gick inte att bygga zip-filen. Försök igen.",
    },
  },

  /** Templates the service cannot use: the pages offer the others and say which and why. */
  templateFaults: {
    heading: (n: number) => (n === 1 ? "En mall har ett fel och visas inte:" : `${n} mallar har fel och visas inte:`),
    help: "Den som driver tjänsten ser felen med motionera templates.",
    noneUsable: {
      title: "Ingen mall kan användas",
      text:
        "Ingen av tjänstens mallar kan användas just nu. Den som driver tjänsten ser felen med motionera " +
        "templates.",
    },
  },

  fieldErrors: {
    kommunEmpty: "Skriv vilken kommun utkastet gäller.",
    kommunUnknown: (q: string) => `Det finns ingen kommun som heter ”${q}”.`,
    didYouMean: "Menade du",
    or: "eller",
    templateUnknown: (q: string, suggestions: readonly string[]) =>
      `Det finns ingen mall som heter ”${q}”.${suggestions.length ? ` Menade du ${quotedOr(suggestions)}?` : ""}`,
    signerNameMissing: "Skriv namnet på den som skriver under, eller töm raden.",
    signerNone: "Skriv namnet på minst en undertecknare.",
    signerInvalid: (problem: string) => `Kontrollera undertecknaren: ${problem}.`,
    dateInvalid: (problem: string) => `Datumet är ogiltigt: ${problem}.`,
    required: "Fyll i fältet.",
    invalid: (problem: string) => `Ogiltigt värde: ${problem}.`,
    unknownInput: (field: string) => `Mallen har inget fält ”${field}”.`,
    argumentUnknown: (ref: string) => `Argumentet ${ref} finns inte längre i korpusen. Välj bland argumenten nedan.`,
    argumentsNotAccepted: "Mallen tar inte emot argument från korpusen.",
    argumentsTooMany: "Välj högst 20 argument.",
    factMissing: (label: string, place: string) =>
      `Uppgiften ”${label}” saknas för ${place}, och mallen kräver den. Lägg till uppgiften med källa i ` +
      `faktaregistret, eller välj en annan mall.`,
    /** The web's words for input_needed (the shared text names the command line's --set and facts add). */
    inputNeeded: (facts: readonly string[], place: string) =>
      `Fyll i fältet: texten bygger på den uppgiften${
        facts.length ? `, och faktaregistret har ingen uppgift om ${quotedOr(facts)} för ${place}` : ""
      }. Fyll i det här, eller lägg till uppgiften med källa i faktaregistret.`,
    factStale: (label: string, place: string, asOf: string, oldest: string) =>
      `Uppgiften ”${label}” för ${place} är från ${asOf}, äldre än mallen godtar (${oldest} eller senare).`,
    templateBroken: "Välj en annan mall. Den som driver tjänsten ser felet med motionera templates.",
    general: "Utkastet kunde inte skrivas.",
  },

  facts: {
    heading: "Uppgifter som citeras",
    intro:
      "Mallen citerar de här uppgifterna om kommunen, med källa. Länets uppgift står bara för kommunens där den " +
      "gäller hela länet (en verksamhet för hela länet); en siffra för länet eller landet blir aldrig kommunens.",
    chooseKommun: "Skriv en kommun för att se vilka uppgifter som finns.",
    unknownKommun: (q: string) => `Det finns ingen kommun som heter ”${q}”.`,
    didYouMean: "Menade du",
    or: "eller",
    /** "För <Lidingö> finns 8 av 18 uppgifter; …": the place is a link between the two parts. */
    summaryBefore: "För",
    summaryAfter: (found: number, total: number, stale: number, missingRequired: number) =>
      ` finns ${found} av ${total} ` +
      `uppgifter${stale ? `; ${stale} ${stale === 1 ? "är för gammal" : "är för gamla"}` : ""}` +
      `${missingRequired ? `; ${missingRequired} som mallen kräver saknas` : ""}.`,
    none: "Mallen citerar inga uppgifter.",
    missing: "saknas",
    missingHeading: (n: number) => `Saknas i faktaregistret (${n}):`,
    stale: "för gammal",
    required: "krävs",
    optional: "valfri",
    about: "Gäller",
    asOf: "Uppgift per",
    undated: "odaterad",
    age: (age: string) => `${age} gammal`,
    source: "Källa",
    maxAge: (oldest: string) => `Mallen godtar uppgifter från ${oldest} eller senare.`,
    note: "Anmärkning",
  },

  preview: {
    heading: "Förhandsvisning",
    regionLabel: "Förhandsvisning av utkastet",
    loading: "Uppdaterar förhandsvisningen …",
    chooseKommun: "Skriv en kommun så visas utkastet här.",
    placeholderSigner: "[Ditt namn]",
    placeholderNote: "Ingen undertecknare ännu: förhandsvisningen skriver [Ditt namn].",
    fixErrors: "Rätta felen i formuläret, så visas utkastet här.",
    cannot: "Förhandsvisningen kan inte visas förrän de här felen är rättade:",
    failed: "Förhandsvisningen kunde inte hämtas. Använd knappen Förhandsgranska.",
    /** On a narrow screen, where the preview follows the form. */
    backToForm: "Tillbaka till formuläret",
    length: (chars: string, words: string) => `${chars} tecken, ${words} ord.`,
  },

  /** What the signer must do before filing: the places to fill in and the "kontrollera" items. */
  review: {
    heading: "Att göra innan du lämnar in",
    summary: (fill: number, check: number) =>
      `${[
        fill ? `${fill} ${fill === 1 ? "ställe" : "ställen"} att fylla i` : "",
        check ? `${check} ${check === 1 ? "sak" : "saker"} att kontrollera` : "",
      ]
        .filter(Boolean)
        .join(" och ")}.`,
    marked: "Ställena att fylla i är markerade [FYLL I: …] i utkastet och i filerna du laddar ner.",
    fill: "Fyll i",
    check: "Kontrollera",
    none: "Inget att fylla i eller kontrollera i utkastet.",
    /** A "kontrollera" item in the words of the web form (the shared text names command-line steps for some). */
    checkText: (w: DraftWarning): string => {
      switch (w.code) {
        case "fact_stale":
          return w.asOf
            ? `Uppgiften ”${w.label}” för ${w.subjectName} är från ${formatDate(w.asOf)}, äldre än mallen ` +
                `godtar (${formatDate(w.oldest)} eller senare). Se om det finns en nyare uppgift.`
            : `Uppgiften ”${w.label}” för ${w.subjectName} saknar datum, så det går inte att avgöra om den är ` +
                `aktuell (mallen godtar uppgifter från ${formatDate(w.oldest)} eller senare).`;
        case "committee_default":
          return (
            `Texten säger ”${w.committee}”, men faktaregistret vet inte vad nämnden som ansvarar för ` +
            `socialtjänsten heter ${w.inPlace}. Kontrollera namnet och ändra det i formuläret om det behövs.`
          );
        default:
          return explainWarning(w);
      }
    },
  },

  corpus: {
    title: "Sök i korpusen",
    intro:
      "Debattartiklar, motioner, interpellationer och pressmeddelanden med argument, förslag och uppgifter. " +
      "Sök på ord eller ”fraser” och filtrera.",
    searchLabel: "Sökord",
    searchButton: "Sök",
    searchHelp: "Till exempel sexköpare, KAST eller ”köp av sexuell tjänst”.",
    results: "Träffar",
    total: (total: number, from: number, to: number) =>
      total === 0
        ? "Inga träffar."
        : total <= to - from + 1 && from === 1
          ? `${total} ${total === 1 ? "träff" : "träffar"}.`
          : `Träff ${from}–${to} av ${total}.`,
    relaxed: "Inget dokument innehöll alla orden; här är de som innehåller några av dem.",
    filters: "Filtrera",
    activeFilters: "Valda filter",
    removeFilter: (label: string) => `Ta bort filtret ${label}`,
    clearFilters: "Ta bort alla filter",
    facetNames: {
      kind: "Typ",
      party: "Parti",
      municipality: "Kommun",
      county: "Län",
      year: "År",
      topic: "Ämne",
    } as Record<string, string>,
    /** A facet value's count: the number is shown, the word is read by screen readers. */
    facetCountWord: "dokument",
    selected: "valt",
    pagination: "Sidor",
    previous: "Föregående",
    next: "Nästa",
    page: (n: number, of: number) => `Sida ${n} av ${of}`,
    invalidFilter: "Ett filter kunde inte användas:",
    invalidValues: (values: readonly string[]) =>
      `${values.map((v) => `”${v}”`).join(", ")} går inte att använda: år skrivs med fyra siffror och ` +
      "ordningen är relevance, newest eller oldest.",
    open: "Öppna",
    /** Values ticked within one filter: any of them. */
    facetHelp: "Flera val i samma filter ger dokument med något av dem.",
    /** Shown when the page's script submits the filters as they are ticked (so the change is announced). */
    autoSubmitNote: "Träffarna uppdateras när du kryssar i en ruta.",
    applyFilters: "Visa träffar",
    moreValues: (n: number) => `${n} till`,
    years: "År",
    yearFrom: "Från",
    yearTo: "Till",
    yearHelp: "Ett år eller ett spann, till exempel 2010–2014.",
    yearChip: (from: number | undefined, to: number | undefined) =>
      from !== undefined && to !== undefined
        ? from === to
          ? `år ${from}`
          : `år ${from}–${to}`
        : from !== undefined
          ? `från år ${from}`
          : `till år ${to}`,
    sort: "Ordning",
    sorts: { relevance: "Relevans", newest: "Nyast först", oldest: "Äldst först" } as Record<string, string>,
    sortHelp: "Utan sökord: nyast först.",
    exportHeading: "Exportera",
    exportText: (n: number) => `Exportera ${n === 1 ? "träffen" : `alla ${n} träffar`}, med samma sökning och filter:`,
    exportFormats: { csv: "CSV", json: "JSON", jsonl: "JSON Lines" } as Record<string, string>,
    exportLabel: (format: string) => `Exportera alla träffar som ${format}`,
  },

  record: {
    kind: "Typ",
    level: "Nivå",
    municipality: "Kommun",
    county: "Län",
    date: "Datum",
    undated: "odaterad",
    outlet: "Publicerad i",
    parties: "Partier",
    authors: "Författare",
    addressee: "Ställd till",
    designation: "Beteckning",
    category: "Kategori",
    committee: "Utskott",
    /** "Motion 2014/15:1148". */
    designationLine: (kind: string, designation: string) =>
      `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${designation}`,
    decisionsCaption: "Att-satserna och besluten om dem",
    decisionColumns: {
      number: "Nr",
      proposal: "Att-sats",
      committee: "Utskottets förslag",
      chamber: "Kammarens beslut",
    },
    noDecision: "–",
    handledIn: (report: string) => `behandlad i ${report}`,
    original: "Originalet",
    originalLink: (publisher: string) => `Dokumentet hos ${publisher}`,
    fullText: "Fulltext",
    provenance: "Varifrån uppgifterna kommer",
    origins: {
      structure: "Ur källans egen struktur",
      tagger: "Lästa ur texten av den automatiska taggningen",
      override: "Angivna vid importen",
    } as Record<string, string>,
    /** The record's fields as a reader knows them; a field without a name here shows as it is stored. */
    fieldNames: {
      kind: "typ",
      level: "nivå",
      municipality: "kommun",
      county: "län",
      parties: "partier",
      authors: "undertecknare",
      addressee: "ställd till",
      outlet: "publicerad i",
      date: "datum",
      title: "rubrik",
      summary: "sammanfattning",
      topics: "ämnen",
      arguments: "argument",
      proposals: "att-satser",
      questions: "frågor",
      externalId: "källans id",
      designation: "beteckning",
      category: "kategori",
      committee: "utskott",
      decisions: "beslut",
    } as Record<string, string>,
    /** Who signed a motion, interpellation or question; who wrote the rest. */
    signersOf: (kind: string) =>
      ["motion", "interpellation", "fråga"].includes(kind) ? "Undertecknare" : "Författare",
    topics: "Ämnen",
    summary: "Sammanfattning",
    arguments: "Argument",
    stance: { for: "För", against: "Emot" } as Record<string, string>,
    argumentType: "typ",
    useArgument: "Använd i ett utkast",
    proposals: "Förslag (att-satser)",
    questions: "Frågor",
    facts: "Uppgifter i dokumentet",
    factMissing: (id: string) => `Uppgiften ${id} finns inte i faktaregistret.`,
    source: "Källa",
    reference: "Förvaras",
    citation: "Så citeras dokumentet",
    id: "Id",
    back: "Tillbaka till sökningen",
    notFound: (id: string) => `Det finns inget dokument med id ”${id}” i korpusen.`,
  },

  /** The bar above the API documentation (Swagger UI), leading back to the site. */
  apiDocs: {
    label: "Motionera",
    home: "← Till Motionera",
    corpus: "Sök i korpusen",
    places: "Kommuner",
  },

  place: {
    indexTitle: "Kommuner",
    indexIntro:
      "Sveriges 290 kommuner, länsvis. Välj en kommun för att se uppgifterna om den och vilka mallar som passar.",
    titleOf: (name: string) => name,
    code: "Kommunkod",
    /** The name in law ("Lidingö kommun"), shown where the municipality calls itself otherwise. */
    officialName: "Juridiskt namn",
    selfName: "Kallar sig",
    county: "Län",
    factsOf: (name: string) => `Uppgifter om ${name}`,
    countyFacts: (name: string) => `Uppgifter om ${name}`,
    nationalFacts: "Uppgifter om hela landet",
    nation: "Sverige",
    noFacts: "Faktaregistret har inga uppgifter här ännu.",
    value: "Värde",
    history: "Tidigare värden",
    templates: "Mallar som passar kommunen",
    templatesIntro: "Mallar där alla uppgifter som mallen kräver finns för kommunen.",
    noTemplates: "Ingen mall har alla uppgifter den kräver för kommunen.",
    useTemplate: (title: string, place: string) => `Skriv ${lowerFirst(title)} för ${place}`,
    corpusLink: (name: string, n: number) => `${upperFirst(formatCountInText(n, true))} dokument i korpusen om ${name}`,
    noCorpus: (name: string) => `Korpusen har inga dokument om ${name} ännu.`,
    unknownTitle: "Kommunen finns inte",
    unknown: (q: string) => `Det finns ingen kommun som heter ”${q}”.`,
    municipalitiesCount: (n: number) => `${n} kommuner`,
    filterLabel: "Filtrera på namn eller kommunkod",
    filterWithFacts: "Bara kommuner med uppgifter i faktaregistret",
    filterSubmit: "Filtrera",
    /** shown = -1: the pattern the script fills in ("{n} av 290 kommuner visas."). */
    filterCount: (shown: number, total: number) =>
      shown === total ? `Alla ${total} kommuner visas.` : `${shown < 0 ? "{n}" : shown} av ${total} kommuner visas.`,
    /** Beside a municipality's name in the list: how many keys the registry holds facts for. */
    factCount: (n: number) => (n === 1 ? "(1 uppgift)" : `(${n} uppgifter)`),
    changes: "Senaste ändringar",
    changesIntro: "De senaste skrivningarna som rörde kommunens uppgifter eller dokument, nyast först.",
    noChanges: "Inga ändringar är loggade för kommunen (uppgifterna som följde med programmet har ingen logg).",
    /** Who, on the public page: a token's name; the command line without the user's name. */
    changedBy: (a: Actor) =>
      a.kind === "token" ? `token ”${a.name}”` : a.kind === "cli" ? "kommandoraden" : "tjänstens admin-token",
    changedFacts: "Uppgifter",
    moreChanged: (n: number) => `och ${n} till`,
  },

  /** "Lägg till uppgift": a fact with its source, from the facts panel, a municipality or a campaign. */
  addFact: {
    title: "Lägg till uppgift",
    titleWithErrors: "Rätta uppgiften – Lägg till uppgift",
    intro:
      "En uppgift i faktaregistret gäller en kommun och har ett värde, ett datum som värdet avser och en källa. " +
      "Den citeras sedan i utkasten med källan i notern. Äldre värden för samma uppgift blir historik.",
    chooseIntro: "Välj kommun och vilken uppgift du vill lägga till.",
    choose: "Fortsätt",
    change: "Välj en annan uppgift",
    legends: { fact: "Uppgiften", source: "Källa" },
    fields: {
      kommun: { label: "Kommun", help: "Kommunens namn eller kommunkod." },
      nyckel: { label: "Uppgift", help: "Uppgifterna i faktakatalogen som kan gälla en kommun." },
      varde: { label: "Värde" },
      per: {
        label: "Uppgift per",
        help: "Året eller datumet som värdet beskriver: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD (till exempel 2025).",
      },
      titel: { label: "Källans titel", help: "Titeln som den står i källan. Lämna tomt om källan saknar titel." },
      utgivare: { label: "Utgivare", help: "Vem som gav ut källan, till exempel Lidingö stad eller SCB." },
      kalldatum: {
        label: "Källans datum",
        help: "När källan publicerades: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD. Lämna tomt om källan saknar datum.",
      },
      webbadress: { label: "Webbadress", help: "Adressen till källan, som börjar med https:// eller http://." },
      anmarkning: {
        label: "Anmärkning",
        help: "Det en läsare behöver veta om värdet, till exempel ”tidsbegränsat försöksavtal”. Valfri.",
      },
    } as Record<string, { label: string; help?: string }>,
    valueHelp: {
      boolean: "Svara ja eller nej.",
      number: (unit: string | undefined) => `Ett tal, till exempel 12 345 eller 7,5${unit ? ` (i ${unit})` : ""}.`,
      text: "Texten som den ska stå i utkastet.",
      date: "Datumet som uppgiften anger.",
    },
    yes: "ja",
    no: "nej",
    describes: (description: string) => `Om uppgiften: ${description}`,
    current: (value: string, asOf: string) => `Registret har i dag: ${value} (${asOf}).`,
    currentNone: "Registret har ingen uppgift om det här för kommunen.",
    save: "Spara uppgiften",
    cancel: "Tillbaka utan att spara",
    errors: {
      required: "Fyll i fältet.",
      chooseYesNo: "Välj ja eller nej.",
      kommunUnknown: (q: string) => `Det finns ingen kommun som heter ”${q}”.`,
      keyUnknown: (key: string) => `Faktakatalogen har ingen uppgift ”${key}”.`,
      notForKommun: (label: string) => `”${label}” kan inte anges för en kommun.`,
      derived: (label: string) => `”${label}” räknas fram ur andra uppgifter och kan inte anges för hand.`,
      invalid: (problem: string) => `Kontrollera värdet: ${problem}.`,
      future: "Datumet ligger i framtiden. Ange det datum eller år som värdet beskriver.",
      sourceFuture: "Datumet ligger i framtiden. Ange när källan publicerades.",
      url: "Ange en fullständig webbadress som börjar med https:// eller http://.",
      tooLong: (max: number) => `Texten får vara högst ${max} tecken.`,
    },
    /** Without a write sign-in: how to get one (the form is kept in the sign-in's return address). */
    signInNeeded: {
      heading: "Logga in för att spara",
      text:
        "Att lägga till en uppgift kräver att du är inloggad med en token med rollen write eller admin. " +
        "Det du har fyllt i finns kvar när du kommer tillbaka.",
      link: "Logga in och kom tillbaka hit",
    },
    expired: "Du är inte inloggad (eller inloggningen har gått ut), så uppgiften sparades inte.",
    /** On the page the user comes back to. */
    saved: (label: string, place: string) => `Uppgiften ”${label}” för ${place} är sparad.`,
    savedInDraft: "Utkastet nedan bygger nu på den.",
    /** Links to the form. */
    addMissing: "Lägg till",
    /** After a problem that a missing fact causes. */
    errorAction: (label: string) => `Lägg till ”${label}”`,
    addMissingHidden: (label: string) => ` uppgiften ”${label}”`,
    addAny: "Lägg till en uppgift",
    addNothing: (place: string) => `Lägg till den första uppgiften om ${place}`,
    staffTool: {
      title: "Lägg till uppgift",
      text: "En uppgift med källa för en kommun, direkt i faktaregistret.",
    },
  },

  staff: {
    home: {
      title: "För partikansliet",
      intro:
        "Verktyg som ändrar tjänstens data: faktanycklar, hämtning av offentlig statistik och mallar. " +
        "Allt du gör här syns för alla som använder tjänsten.",
      noTools: "Inga verktyg är påslagna i den här tjänsten.",
    },
    signIn: {
      title: "Logga in som personal",
      intro:
        "Skriv tjänstens skrivnyckel (den som står i MOTIONERA_TOKEN där tjänsten körs) eller en token med " +
        "rollen admin (motionera tokens create --role admin). Inloggningen gäller i den här webbläsaren i tolv timmar.",
      readOnly:
        "Tjänsten är bara för läsning: den startades utan skrivnyckel. Den som driver tjänsten startar den med " +
        "MOTIONERA_TOKEN satt för att personal ska kunna logga in.",
      introWrite:
        "Att lägga till en uppgift i faktaregistret kräver en token med rollen write eller admin (motionera " +
        "tokens create --role write) eller tjänstens skrivnyckel (MOTIONERA_TOKEN). Inloggningen gäller i den " +
        "här webbläsaren i tolv timmar, och det du sparar loggas under tokens namn.",
      token: "Skrivnyckel",
      tokenHelp: "Nyckeln sparas inte i webbläsaren, bara ett inloggningsbevis.",
      submit: "Logga in",
      empty: "Skriv skrivnyckeln.",
      wrong: "Skrivnyckeln stämmer inte. Kontrollera den och försök igen.",
      roleTooLow:
        "Den här token har inte rollen admin, som personalens sidor kräver. Logga in med en token med rollen " +
        "admin (motionera tokens create --role admin) eller med MOTIONERA_TOKEN.",
      roleTooLowWrite:
        "Den här token har bara rollen read och får inte ändra faktaregistret. Logga in med en token med rollen " +
        "write eller admin, eller med MOTIONERA_TOKEN.",
      tooMany: {
        title: "För många inloggningsförsök",
        text: "Du har försökt logga in för många gånger den senaste minuten. Vänta en minut och försök igen.",
      },
    },
    signOut: "Logga ut",
    expired: {
      title: "Du är inte inloggad",
      text:
        "Sidan kräver att du är inloggad som personal, och inloggningen saknas eller har gått ut. Logga in " +
        "och skicka igen.",
    },
    footerLink: "För partikansliet",
    statistics: {
      tool: {
        title: "Hämta statistik från Kolada",
        text: "Sök nyckeltal i Kolada och hämta dem med källa för ett eller flera län eller hela landet.",
      },
      title: "Hämta statistik från Kolada",
      intro:
        "Sök ett nyckeltal i Kolada (RKA:s databas), välj var och vilka år, och förhandsgranska eller hämta. " +
        "Varje värde sparas med källa: nyckeltalets titel i Kolada, RKA, frågans adress och dagens datum. " +
        "Allt eller inget: går något fel sparas ingenting.",
      oneAtATime:
        "Tjänsten kör en hämtning i taget. Startar någon en hämtning medan en annan pågår får den vänta tills " +
        "den första är klar.",
      search: {
        legend: "Sök nyckeltal",
        label: "Ord i nyckeltalets titel",
        help: "Till exempel ”invånare” eller ”behörighet gymnasiet”.",
        submit: "Sök",
        hits: (n: number) => (n === 1 ? "1 nyckeltal hittades." : `${n} nyckeltal hittades.`),
        capped: (shown: number, total: number) =>
          `Visar de ${shown} första av ${total}. Lägg till fler ord för att hitta rätt nyckeltal.`,
        none: (words: string) => `Inga nyckeltal i Kolada har ”${words}” i titeln. Pröva färre ord eller andra ord.`,
        caption: "Nyckeltal i Kolada",
        columns: { pick: "Välj", id: "Id", title: "Titel", area: "Verksamhetsområde", published: "Publicerat" },
        description: "Beskrivning",
        pick: (id: string, title: string) => `Välj ${id} ${title}`,
      },
      legends: { kpis: "Nyckeltal", where: "Var", years: "År", gender: "Kön", key: "Faktanyckel", run: "Kör" },
      kpiIds: {
        label: "Nyckeltal att hämta (id)",
        help:
          "Bocka för nyckeltal i sökresultatet, eller skriv deras id här, åtskilda med komma (till exempel " +
          "N01951).",
      },
      where: {
        lan: "Ett eller flera län (länets kommuner)",
        land: "Hela landet (alla 290 kommuner)",
        counties: "Län",
        countiesHelp: "Välj ett eller flera län när du hämtar för län.",
        regionLevel: "Ta också med länens egna värden (och rikets, när du hämtar för hela landet)",
      },
      years: {
        from: "Från år",
        to: "Till och med år",
        help: "Åren värdena gäller. Kolada har oftast inte förra årets värden förrän en bit in på året.",
      },
      gender: {
        values: { T: "Totalt", K: "Kvinnor", M: "Män" } as Record<string, string>,
        help: "Kvinnor eller män går bara för nyckeltal som är uppdelade på kön.",
      },
      key: {
        label: "Faktanyckel",
        help:
          "Lämna tomt för att spara under den nyckel hämtningen föreslår, kolada_ och nyckeltalets id (till " +
          "exempel kolada_n01951). Skriv en befintlig nyckel för att spara under den (ett nyckeltal i taget).",
      },
      dryRun: "Förhandsgranska",
      fetch: "Hämta och spara",
      runHelp: "Förhandsgranska visar vad som skulle sparas utan att spara något.",
      errors: {
        noKpi: "Välj minst ett nyckeltal i sökresultatet, eller skriv dess id.",
        badKpi: (id: string) =>
          `”${id}” är inget nyckeltals-id. Ett id är en bokstav och fem siffror, till exempel N01951.`,
        noWhere: "Välj var: ett eller flera län, eller hela landet.",
        noCounty: "Välj minst ett län.",
        badYear: "Skriv ett år med fyra siffror, till exempel 2024.",
        yearOrder: "Från-året kan inte vara senare än till-året.",
        tooManyYears: (n: number) => `Välj högst ${n} år åt gången.`,
        keyOnlyOne: "En egen faktanyckel kan bara anges när ett nyckeltal hämtas. Töm fältet eller välj ett nyckeltal.",
        badKey: "En faktanyckel har bara små bokstäver a–z, siffror och understreck och börjar med en bokstav.",
        unknownKey: (key: string) =>
          `Det finns ingen faktanyckel ”${key}”. Lämna fältet tomt för att spara under kolada_ och ` +
          "nyckeltalets id, eller skriv en nyckel som finns.",
      },
      fieldNames: {
        kpis: "Nyckeltal",
        where: "Var",
        counties: "Län",
        from: "Från år",
        to: "Till och med år",
        gender: "Kön",
        key: "Faktanyckel",
      } as Record<string, string>,
      busy: {
        title: "En hämtning pågår redan",
        text: (what: string, time: string) =>
          `Tjänsten hämtar redan ${what} (startad ${time}). Den kör en hämtning i taget: vänta tills den är ` +
          "klar och skicka sedan igen.",
        follow: "Följ den pågående hämtningen",
      },
      runningNotice: (what: string) => `Just nu pågår en hämtning: ${what}.`,
      follow: "Följ den",
      searchFailed: "Sökningen i Kolada misslyckades.",
      whereText: {
        counties: (names: string[]) =>
          names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} och ${names.at(-1)}`,
        country: "hela landet (290 kommuner)",
        withRegions: (where: string) => `${where}, med länens egna värden`,
        withAll: "hela landet (290 kommuner), länen och riket",
      },
      asked: (what: string, where: string, years: string, gender: string | undefined) =>
        `${what} för ${where}, ${years}${gender ? `, ${gender.toLowerCase()}` : ""}`,
      services: { kolada: "Kolada", scb: "SCB" } as Record<string, string>,
      job: {
        title: "Hämtning pågår",
        dryTitle: "Förhandsgranskning pågår",
        doneTitle: "Hämtningen är klar",
        dryDoneTitle: "Förhandsgranskningen är klar",
        failedTitle: "Hämtningen misslyckades",
        asked: "Frågan",
        steps: {
          meta: (service: string) => `Läser beskrivningen i ${service}`,
          data: (service: string) => `Hämtar värden från ${service}`,
          import: (_service: string) => "Kontrollerar värdena och sparar",
        },
        progress: (step: string, done: number, expected: number) => `${step}: ${done} av ${expected} frågor besvarade.`,
        progressLabel: "Hämtningens förlopp",
        selfUpdating: "Sidan uppdateras av sig själv medan hämtningen pågår.",
        reload: "Uppdatera",
        gone: {
          title: "Hämtningen finns inte",
          text:
            "Den här hämtningen finns inte längre: tjänsten har startats om sedan dess, eller den är för gammal. " +
            "Starta en ny hämtning.",
        },
        saved: (n: number) => (n === 1 ? "1 värde sparades." : `${n} värden sparades.`),
        dryNote: (n: number) =>
          `Förhandsgranskning: inget sparades. ${n === 1 ? "1 värde" : `${n} värden`} skulle sparas.`,
        nothing: "Inga nya värden: allt fanns redan.",
        fetchForReal: "Hämta och spara samma sak",
        again: "Ny hämtning",
        change: "Ändra och försök igen",
      },
      report: {
        counts: (c: { new: number; changed: number; unchanged: number; skipped: number }) =>
          `${c.new} nya, ${c.changed} ändrade, ${c.unchanged} oförändrade, ${c.skipped} överhoppade`,
        source: (title: string, publisher: string, date: string) => `Källa: ${title}, ${publisher}, hämtad ${date}.`,
        keyCreated: (key: string) =>
          `Ny faktanyckel: ${key} skapades med nyckeltalets titel och beskrivning. Ändra den under Faktanycklar.`,
        keyWouldBeCreated: (key: string) =>
          `Ny faktanyckel: ${key} skapas med nyckeltalets titel och beskrivning när du hämtar och sparar.`,
        urls: (service: string, n: number) => (n === 1 ? `Frågan till ${service}` : `Frågorna till ${service} (${n})`),
        requests: (urls: number, requests: number) =>
          `${urls === 1 ? "1 datafråga" : `${urls} datafrågor`}, ${requests} anrop i allt ` +
          "(med beskrivningar, sidor och nya försök).",
        values: (n: number) => (n === 1 ? "Visa värdet" : `Visa värdena (${n})`),
        more: (n: number) => `… och ${n} till.`,
        skipped: (n: number) => `Överhoppade (${n})`,
        placeLink: (name: string) => `Se värdena på sidan om ${name}`,
        columns: { place: "Plats", asOf: "Avser", value: "Värde", change: "Ändring" },
        kinds: { new: "ny", changed: "ändrad", unchanged: "oförändrad" } as Record<string, string>,
        caption: (key: string) => `Värden för ${key}`,
        noSource: (service: string) => `${service} hade inga värden för urvalet.`,
        country: "Sverige",
      },
      otherService: { scb: "Hämta från SCB i stället", kolada: "Hämta från Kolada i stället" },
      scb: {
        tool: {
          title: "Hämta statistik från SCB",
          text: "Sök tabeller i SCB:s statistikdatabas och hämta en siffra per kommun och år, med källa.",
        },
        title: "Hämta statistik från SCB",
        intro:
          "Sök en tabell i SCB:s statistikdatabas och välj den. Välj sedan ett värde för varje indelning " +
          "tabellen har (till exempel tabellinnehåll eller kön), var och vilka år, och förhandsgranska eller " +
          "hämta. Varje värde sparas med källa: tabellens namn och id, SCB, frågans adress och dagens datum. " +
          "Allt eller inget: går något fel sparas ingenting.",
        search: {
          label: "Ord i tabellens namn",
          help: "Till exempel ”folkmängd” eller ”förvärvsarbetande”.",
          hits: (n: number) => (n === 1 ? "1 tabell hittades." : `${n} tabeller hittades.`),
          none: (words: string) => `Inga tabeller hos SCB matchar ”${words}”. Pröva färre ord eller andra ord.`,
          caption: "Tabeller i SCB:s statistikdatabas",
          columns: { pick: "Välj", id: "Id", label: "Tabell", period: "Period", updated: "Uppdaterad" },
          pick: (id: string, label: string) => `Välj ${id} ${label}`,
          choose: "Visa tabellen",
        },
        table: {
          legend: "Tabell",
          heading: (label: string, id: string) => `${label} (${id})`,
          dims: "Indelningar",
          dimsHelp: "Välj ett värde för varje indelning som har flera, så att det blir en siffra per plats och år.",
          chooseOne: "Välj …",
          fixed: (label: string, value: string) => `${label}: ${value} (tabellen har bara det värdet)`,
          region: (id: string) => `Platserna väljs i ${id} och åren i`,
          metadataFailed: "Tabellens beskrivning kunde inte hämtas från SCB.",
        },
        searchFailed: "Sökningen hos SCB misslyckades.",
        years: { help: "Åren värdena gäller (för tabeller med år som period)." },
        key: {
          help:
            "Lämna tomt för att spara under den nyckel hämtningen föreslår, scb_ och tabellens id (och " +
            "tabellinnehållets kod). Skriv en befintlig nyckel för att spara under den.",
        },
        errors: {
          noTable: "Välj en tabell i sökresultatet.",
          badTable: (id: string) => `”${id}” är inget tabell-id.`,
          noDim: (label: string) => `Välj ett värde för ${label}.`,
          unknownKey: (key: string) =>
            `Det finns ingen faktanyckel ”${key}”. Lämna fältet tomt för att spara under scb_ och tabellens ` +
            "id, eller skriv en nyckel som finns.",
        },
      },
      failure: {
        offline: (service: string, host: string) =>
          `Kunde inte nå ${service} (${host}). Kontrollera att datorn där tjänsten körs har nätverk, och försök ` +
          "igen. Inget sparades.",
        timeout: (service: string, attempts: number) =>
          `${service} svarade inte i tid (${attempts} försök). Försök igen senare. Inget sparades.`,
        rate_limited: (service: string, attempts: number) =>
          `${service} tar inte emot fler frågor just nu (429 Too Many Requests efter ${attempts} försök). Vänta ` +
          "några minuter och försök igen, gärna med färre län eller år. Inget sparades.",
        server: (service: string, status: number | undefined, attempts: number) =>
          `${service} svarade med ett serverfel (HTTP ${status ?? "5xx"}) ${attempts} gånger. Försök igen senare. ` +
          "Inget sparades.",
        kpiNotFound: (id: string) =>
          `Kolada har inget nyckeltal ”${id}”. Kontrollera id:t, eller sök efter nyckeltalet och välj det i ` +
          "sökresultatet. Inget sparades.",
        tableNotFound: (id: string) =>
          `SCB har ingen tabell ”${id}”. Kontrollera id:t, eller sök efter tabellen och välj den i ` +
          "sökresultatet. Inget sparades.",
        ambiguous: (table: string, dims: string) =>
          `Urvalet ger flera värden per region och period i ${table}: ${dims}. Välj ett värde för varje sådan ` +
          "indelning. Inget sparades.",
        notFound: (service: string, url: string) =>
          `${service} hittar inte det som efterfrågades (${url}). Inget sparades.`,
        refused: (service: string, status: number | undefined, text: string | undefined, url: string) =>
          `${service} avvisade frågan (HTTP ${status ?? "4xx"}${text ? `: ${text}` : ""}). Fråga: ${url}. ` +
          "Pröva färre nyckeltal, län eller år. Inget sparades.",
        malformed: (service: string, text: string | undefined, url: string) =>
          `${service} svarade med något annat än väntat${text ? ` (${text})` : ""}. Fråga: ${url}. Försök igen ` +
          `senare; består felet kan ${service}s gränssnitt ha ändrats – säg till den som driver tjänsten. ` +
          "Inget sparades.",
        notByGender: (kpi: string) =>
          `Nyckeltalet ${kpi} är inte uppdelat på kön, så det finns inga värden för bara kvinnor eller män. ` +
          "Välj Totalt. Inget sparades.",
        nothingSaved: "Inget sparades.",
        unexpected:
          "Något oväntat gick fel under hämtningen. Försök igen; består felet, säg till den som driver " +
          "tjänsten (felet står i tjänstens logg).",
      },
    },

    /** /personal/mallar: the template library, the editor with its check and preview. */
    templates: {
      tool: {
        title: "Mallar",
        text: "Se tjänstens mallar, skriv en ny, ladda upp eller redigera en, kontrollera den och spara den.",
      },
      list: {
        title: "Mallar",
        intro:
          "Mallarna i tjänstens mallmapp. En mall du sparar här skrivs till mallmappen och finns i " +
          "formuläret för utkast direkt.",
        caption: "Mallarna i mallmappen",
        id: "Id",
        kind: "Typ",
        titleColumn: "Titel",
        file: "Fil",
        status: "Status",
        usable: "Går att använda",
        broken: "Trasig",
        edit: "Redigera",
        editLabel: (id: string) => `Redigera ${id}`,
        none: "Mallmappen har inga mallar ännu.",
        saved: (id: string, title: string) => `Mallen ”${title}” (${id}) är sparad och finns i formuläret för utkast.`,
        savedWarnings: (n: number) =>
          `Kontrollen har ${n === 1 ? "en varning" : `${n} varningar`} om den; mallen går att använda, men ett ` +
          "utkast kan påstå något som ingen uppgift stöder:",
      },
      create: {
        heading: "Ny mall",
        intro: "En ny mall börjar från en kommenterad mall av den typ du väljer; den går igenom kontrollen som den är.",
        id: "Id",
        idHelp: "Små bokstäver a–z, siffror och bindestreck, till exempel fler-klarar-skolan. Id blir filens namn.",
        kind: "Typ",
        submit: "Ny mall",
        badId: "Id skrivs med små bokstäver a–z, siffror och bindestreck, till exempel fler-klarar-skolan.",
        taken: (id: string) => `Det finns redan en mall med id ${id}. Välj ett annat id eller redigera den mallen.`,
        badKind: "Välj en typ av dokument.",
      },
      upload: {
        heading: "Ladda upp",
        intro:
          "Ladda upp en mallfil (.hbs eller .md, högst 128 kB). Den öppnas i redigeraren; ingenting sparas förrän " +
          "du trycker på Spara.",
        file: "Mallfil",
        submit: "Ladda upp",
        noFile: "Välj en fil att ladda upp.",
        notText: "Filen är inte text i UTF-8. Spara den som UTF-8 och ladda upp den igen.",
        tooLarge: (kb: number) => `Filen är ${kb} kB; en mall får vara högst 128 kB.`,
      },
      editor: {
        titleNew: "Ny mall",
        titleEdit: (id: string) => `Redigera ${id}`,
        back: "Alla mallar",
        intro:
          "Mallens hela text: front matter (YAML mellan raderna ---) och texten med Handlebars. Hur man skriver " +
          "en mall står i docs/writing-templates.md. Kontrollera visar felen med rad och kolumn; förhandsvisningen " +
          "visar utkastet för en kommun med mallen som den står här, även osparad.",
        text: "Mallens text",
        textHelp: "Ett fel i listan nedan leder till sin rad.",
        position: (line: number, column: number) => `Rad ${line}, kolumn ${column}`,
        positionPattern: "Rad {line}, kolumn {column}",
        kommun: "Kommun för förhandsvisningen",
        kommunHelp: "Namn eller kommunkod, till exempel Lidingö.",
        date: "Datum för förhandsvisningen",
        dateHelp: "Dagens datum om du inte väljer något.",
        check: "Kontrollera",
        preview: "Förhandsgranska",
        save: "Spara",
        saveHelp:
          "Sparas i mallmappen som typ/id.hbs. Ett nytt id blir en ny mall; ett id som en annan mall har " +
          "sparas inte.",
      },
      check: {
        heading: "Kontroll",
        notRun: "Tryck på Kontrollera för att se mallens fel och varningar.",
        ok: "Inga fel och inga varningar: mallen kan sparas.",
        summary: (errors: number, warnings: number) =>
          [
            errors === 0 ? "Inga fel" : errors === 1 ? "1 fel" : `${errors} fel`,
            warnings === 0 ? "inga varningar" : warnings === 1 ? "1 varning" : `${warnings} varningar`,
          ].join(" och ") + (errors > 0 ? ": mallen kan inte sparas förrän felen är rättade." : "."),
        error: "Fel",
        warning: "Varning",
        at: (line: number, column?: number) => `Rad ${line}${column ? `, kolumn ${column}` : ""}`,
        willSave: (file: string) => `Sparas som ${file}.`,
        willMove: (from: string, to: string) => `Sparas som ${to}; den gamla filen ${from} tas bort.`,
      },
      preview: {
        cannot: "Förhandsvisningen kan inte visas förrän mallens fel är rättade:",
        draftProblems: "Utkastet kan inte göras för den här kommunen:",
        filled: (labels: readonly string[]) =>
          `Förhandsvisningen fyller i ${labels.map((l) => `”${l}”`).join(", ")} med en markering; i ett utkast ` +
          "skriver användaren dem.",
        fill: (label: string) => `[FYLL I: ${label}]`,
      },
      saveRefused: {
        errors: "Mallen sparades inte: den har fel. Rätta dem och spara igen.",
        unwritable: (code: string) =>
          `Mallen sparades inte: tjänsten får inte skriva i mallmappen (${code}). Den som driver tjänsten ger ` +
          "tjänsten skrivrätt till mappen (templates/ eller den mapp MOTIONERA_TEMPLATES anger), eller startar " +
          "om den med MOTIONERA_TEMPLATES satt till en mapp den får skriva i. Kopiera under tiden texten, så går " +
          "den inte förlorad.",
      },
      notFound: {
        title: "Mallen finns inte",
        text: "Det finns ingen mall med det id:t i mallmappen. Gå till listan över mallar.",
      },
    },
  },

  /** The fact-key catalog for staff (pages/fact-keys/). */
  factKeys: {
    tool: {
      title: "Faktanycklar",
      text:
        "Nycklarna som uppgifterna i faktaregistret sparas under: namn, typ, format och vad de gäller. Lägg " +
        "till, ändra och ta bort nycklar.",
    },
    title: "Faktanycklar",
    intro:
      "Varje uppgift i faktaregistret sparas under en nyckel. Nyckeln säger vad värdet betyder, vilken typ det " +
      "har, vad det gäller och hur det skrivs i ett utkast. Mallarna och texten {fakta:nyckel} hänvisar till " +
      "nycklarna med deras id.",
    add: "Lägg till nyckel",
    back: "Till alla faktanycklar",
    staffHome: "För partikansliet",
    filter: {
      label: "Filtrera nycklarna",
      help: "Visar nycklar vars id, namn eller beskrivning innehåller texten.",
      submit: "Filtrera",
      clear: "Visa alla",
    },
    count: (shown: number, total: number, q: string) =>
      q ? `${shown} av ${total} nycklar innehåller ”${q}”.` : `${total} ${total === 1 ? "nyckel" : "nycklar"}.`,
    none: "Ingen nyckel innehåller texten.",
    table: {
      caption: "Faktanycklarna",
      key: "Nyckel",
      type: "Typ",
      format: "Format och enhet",
      scopes: "Gäller",
      kind: "Slag",
      maxAge: "Högsta ålder",
      derived: "Härledd ur",
      facts: "Uppgifter",
      actions: "Åtgärder",
    },
    kinds: { historical: "Historisk", inForce: "Regel i kraft", current: "Aktuell" },
    noMaxAge: "ingen",
    noFormat: "inget",
    notDerived: "nej",
    edit: "Ändra",
    remove: "Ta bort",
    /** The hidden end of a link or button's name: which key it acts on. */
    which: (label: string, key: string) => ` ${label} (${key})`,
    years: (n: number) => (n === 1 ? "1 år" : `${n} år`),
    months: (n: number) => (n === 1 ? "1 månad" : `${n} månader`),
    and: "och",
    derivedCondition: (from: string, condition: string) => `${from}: kommuner där värdet ${condition}`,
    notices: {
      added: (key: string) => `Faktanyckeln ${key} är tillagd.`,
      edited: (key: string) => `Faktanyckeln ${key} är ändrad.`,
      removed: (key: string) => `Faktanyckeln ${key} är borttagen.`,
    } as Record<string, (key: string) => string>,
    form: {
      addTitle: "Lägg till en faktanyckel",
      editTitle: (key: string) => `Ändra faktanyckeln ${key}`,
      titleWithErrors: (title: string) => `Fel: ${title}`,
      addIntro: "Fyll i nyckelns id, namn och beskrivning, och välj typ och vad nyckeln gäller.",
      editIntro:
        "Ändra fälten och spara. Id:t kan inte ändras. En typ som redan registrerade värden inte har godtas inte.",
      addSubmit: "Lägg till nyckeln",
      editSubmit: "Spara ändringarna",
      cancel: "Avbryt",
      choose: "Välj",
      none: "Inget",
      municipalKeys: "Nycklar för kommuner",
    },
    /** Each field of a key's definition (the schema's path): its label and help. */
    fields: {
      key: {
        label: "Id",
        help: "Gemener, siffror och understreck, med en bokstav först, till exempel snow_clearing_cost.",
      },
      label: { label: "Namn", help: "Som det står i utkasten, till exempel ”Kostnad för snöröjning”." },
      description: { label: "Beskrivning", help: "En mening om vad värdet betyder." },
      type: { label: "Typ" },
      scopes: { label: "Gäller", help: "Vad uppgifter under nyckeln får gälla. Välj minst ett." },
      format: { label: "Talformat", help: "Bara för typen Tal." },
      unit: { label: "Vad som räknas", help: "Bara för talformatet Antal: ordet som talet skrivs med." },
      "unit.one": { label: "Ental", help: "Till exempel ”kommun” eller ”pass”." },
      "unit.many": { label: "Flertal", help: "Till exempel ”kommuner” eller ”pass”." },
      "unit.neuter": { label: "Ett-ord (”ett pass”, inte ”en pass”)" },
      historical: { label: "Historisk: värdet gäller en händelse och blir aldrig inaktuellt" },
      inForce: { label: "Regel i kraft: värdet gäller från sitt datum tills det ersätts" },
      coversMunicipalities: {
        label: "Länets värde gäller också länets kommuner (en verksamhet för hela länet)",
      },
      maxAge: {
        label: "Högsta ålder",
        help: "Hur gammal en uppgift får vara när mallen inte säger något: P5Y är fem år, P18M arton månader.",
      },
      derived: {
        label: "Härledd nyckel",
        help:
          "Lämna tomt för en vanlig nyckel. En härledd nyckel räknar för ett län eller hela landet hur många " +
          "kommuner som har ett visst värde för en annan nyckel. Den är ett tal och gäller län eller land.",
      },
      "derived.from": { label: "Räknar kommunernas värden för nyckeln", help: "Id:t på en nyckel för kommuner." },
      "derived.where": { label: "Villkor", help: "Lämnas villkoret tomt räknas kommuner där värdet är ja." },
      "derived.where.op": { label: "Jämförelse" },
      "derived.where.value": { label: "Värde", help: "Till exempel ja, 50 000 eller 2024-01-01." },
    } as Record<string, { label: string; help?: string }>,
    /** The closed vocabularies' words, by field. */
    options: {
      type: { boolean: "Ja eller nej", number: "Tal", text: "Text", date: "Datum" },
      scopes: { kommun: "Kommun", lan: "Län", land: "Hela landet" },
      format: {
        plain: "Tal, som 1 234,5",
        count: "Antal, som 12 kommuner",
        percent: "Procent, som 7,5 procent",
        year: "Årtal, som 2024",
      },
      "derived.where.op": {
        "=": "är lika med (=)",
        "!=": "är inte (!=)",
        "<": "är mindre än (<)",
        ">": "är större än (>)",
        "<=": "är högst (<=)",
        ">=": "är minst (>=)",
        missing: "saknas",
        exists: "finns",
      },
    } as Record<string, Record<string, string>>,
    errors: {
      required: "Fyll i fältet.",
      chooseScope: "Välj minst ett.",
      invalid: (problem: string) => `${upperFirst(problem)}.`,
      exists: (key: string) => `Det finns redan en nyckel med id ”${key}”. Välj ett annat id, eller ändra den nyckeln.`,
      typeConflict: (type: string, total: number, values: string, more: number) =>
        `Typen kan inte bli ${type}: ${total === 1 ? "ett registrerat värde är" : `${total} registrerade värden är`} ` +
        `av en annan typ (${values}${more ? ` och ${more} till` : ""}).`,
      unknownKey: (key: string) => `Det finns ingen faktanyckel med id ”${key}”.`,
      general: "Nyckeln kunde inte sparas.",
    },
    removal: {
      title: (key: string) => `Ta bort faktanyckeln ${key}`,
      titleWithErrors: (key: string) => `Fel: Ta bort faktanyckeln ${key}`,
      text: (label: string) =>
        `Nyckeln ”${label}” tas bort ur katalogen. Det går bara om inga uppgifter i faktaregistret, mallar ` +
        `eller härledda nycklar använder den.`,
      facts: (n: number) =>
        n === 0
          ? "Faktaregistret har inga uppgifter under nyckeln."
          : `Faktaregistret har ${n} uppgifter under nyckeln.`,
      submit: (key: string) => `Ta bort faktanyckeln ${key}`,
      refused: (key: string) => `Faktanyckeln ${key} används och kan inte tas bort. Den används av:`,
      usesFacts: (n: number) => (n === 1 ? "1 uppgift i faktaregistret" : `${n} uppgifter i faktaregistret`),
      usesTemplates: (n: number, ids: string) => `${n === 1 ? "mallen" : "mallarna"} ${ids}`,
      usesDerived: "den härledda nyckeln",
      help:
        "Ta först bort eller flytta uppgifterna, ändra mallarna och de härledda nycklarna, och försök sedan " + "igen.",
    },
  },

  /** Saved drafts (issue 16): "Spara utkast" on the draft form, /utkast/<id>, the browser's own list. */
  savedDrafts: {
    save: "Spara utkast",
    saveNewVersion: "Spara ny version",
    duplicate: "Duplicera",
    legend: "Spara",
    helpBrowser:
      "Utkastet sparas i den här webbläsaren, bara för dig. Logga in med en nyckel för att spara det på servern " +
      "och dela det med en kollega.",
    helpStore: (name: string) =>
      `Du är inloggad som ${name}. Utkastet sparas på servern och får en länk som du kan dela med en kollega.`,
    signIn: "Logga in för att spara på servern",
    mine: "Mina sparade utkast på servern",
    noScript:
      "Utan JavaScript kan utkastet inte sparas i webbläsaren. Logga in med en nyckel för att spara det på servern.",
    browser: {
      heading: "Mina sparade utkast",
      intro: "Sparade i den här webbläsaren. De finns kvar tills du tar bort dem eller rensar webbläsarens data.",
      empty: "Du har inga sparade utkast i den här webbläsaren.",
      open: "Öppna",
      remove: "Ta bort",
      /** "Motion om skolmat, Lidingö", the saving time after it. */
      savedAt: "sparat",
      saved: "Utkastet är sparat i webbläsaren.",
      removed: "Utkastet är borttaget.",
      full: "Webbläsaren har inte plats för fler sparade utkast. Ta bort ett gammalt och försök igen.",
      unnamed: "Utkast utan kommun",
    },
    page: {
      title: "Sparat utkast",
      /** "Skapat av anna den 3 december 2026 kl. 09.30." */
      created: (who: string, when: string) => `Skapat av ${who} den ${when}.`,
      lastSaved: (n: number, who: string, when: string) => `Version ${n} sparades av ${who} den ${when}.`,
      duplicatedFrom: "Duplicerat från",
      anotherDraft: "ett annat utkast",
      olderVersion: (n: number, of: number) =>
        `Du visar version ${n} av ${of}. Spara ny version om du vill fortsätta från den.`,
      showLatest: "Visa den senaste versionen",
      justSaved: (n: number) => (n === 1 ? "Utkastet är sparat." : `Version ${n} är sparad.`),
      duplicated: "Det här är en kopia. Ändringar sparas i kopian, inte i originalet.",
      share: "Länk att dela",
      shareHelp:
        "En kollega som har länken och en nyckel kan öppna utkastet, duplicera det och ändra i kopian. " +
        "Den som inte har länken kan inte hitta utkastet.",
      copy: "Kopiera länken",
      copied: "Länken är kopierad.",
      history: (n: number) => `Historik (${n === 1 ? "1 version" : `${n} versioner`})`,
      version: "Version",
      savedAtCol: "Sparad",
      savedByCol: "Av",
      open: "Öppna",
      showing: "visas",
    },
    facts: {
      legend: "Faktauppgifter",
      asSaved: (when: string) => `som när utkastet sparades (${when})`,
      asNow: "som de är nu",
      show: "Visa",
      usingSaved: (when: string) =>
        `Förhandsvisningen använder uppgifterna som de var registrerade när utkastet sparades, ${when}.`,
      usingNow: "Förhandsvisningen använder uppgifterna som de är nu.",
      changesHeading: "Uppgifter som har ändrats sedan utkastet sparades",
      noChanges: "Ingen av uppgifterna som utkastet citerar har ändrats sedan det sparades.",
      cannotCompare: "Uppgifterna kan inte jämföras förrän utkastet går att skriva (se felen i formuläret).",
      whenSaved: "När det sparades",
      now: "Nu",
      notCitedThen: "citerades inte",
      notCitedNow: "citeras inte",
      /** "48 000 (avser 2024; registrerad 3 december 2026)" */
      value: (value: string, period: string | undefined, recorded: string) =>
        `${value} (${period ? `avser ${period}; ` : ""}registrerad ${recorded})`,
    },
    list: {
      title: "Mina sparade utkast",
      intro: (name: string) => `Utkast som ${name} har sparat eller sparat en version av, det senaste först.`,
      empty: "Du har inte sparat några utkast på servern än.",
      versions: (n: number) => (n === 1 ? "1 version" : `${n} versioner`),
      lastSaved: (when: string) => `senast sparat ${when}`,
    },
    notFound: {
      title: "Utkastet finns inte",
      text:
        "Det finns inget sparat utkast med den här länken. Kontrollera att hela länken kom med när den kopierades, " +
        "eller fråga den som delade den.",
    },
    readOnly: "Din nyckel får bara läsa. Logga in med en nyckel som får skriva för att spara eller duplicera.",
  },

  /** The concordance (keyword in context) at /korpus/konkordans, and its charts. */
  concordance: {
    title: "Konkordans",
    intro:
      "Varje förekomst av ett ord eller en fras i korpusen, med orden före och efter. Sortera efter ordet före " +
      "eller efter för att se hur ordet används, och se hur ofta det förekommer per år och parti.",
    queryLabel: "Ord eller fras",
    queryHelp: "Till exempel sexköpare eller köp av sexuell tjänst (orden i följd).",
    inflections: "Alla böjningsformer",
    inflectionsHelp: "Till exempel sexköpare, sexköparen och sexköparna; annars bara formen du skrev.",
    sortLabel: "Sortera",
    sorts: { date: "Nyaste dokument först", left: "Efter ordet före", right: "Efter ordet efter" } as Record<
      string,
      string
    >,
    contextLabel: "Ord på var sida",
    show: "Visa",
    filtersHeading: "Filter",
    removeFilter: (label: string) => `Ta bort filtret ${label}`,
    fromYear: (year: string) => `från ${year}`,
    toYear: (year: string) => `till ${year}`,
    addFilters: "Lägg till filter",
    addFiltersHelp: "Filtren gäller tillsammans; flera värden av samma slag: något av dem.",
    anyValue: "Alla",
    filterNames: {
      kind: "Typ",
      party: "Parti",
      kommun: "Kommun",
      lan: "Län",
      topic: "Ämne",
      from: "Från år",
      to: "Till år",
    } as Record<string, string>,
    fromSearch: "Samma sökning i konkordansen",
    toSearch: "Sök dokument med samma ord",
    invalidFilter: "Ett filter kunde inte användas:",
    emptyQuery: "Skriv ett ord eller en fras.",
    results: "Förekomster",
    total: (total: number, documents: number, from: number, to: number) =>
      total === 0
        ? "Inga förekomster."
        : `${total === 1 ? "En förekomst" : `${fmt(total)} förekomster`} i ${
            documents === 1 ? "ett dokument" : `${fmt(documents)} dokument`
          }${total > to - from + 1 ? `; rad ${fmt(from)}–${fmt(to)} visas` : ""}.`,
    truncated: (kept: number) =>
      `Fler än ${fmt(kept)} förekomster: sortering, sidor och export gäller de ${fmt(kept)} första. ` +
      "Antalen och diagrammen gäller alla. Filtrera för att se resten.",
    tableCaption: (query: string) => `Förekomster av ”${query}” med orden före och efter`,
    columns: { left: "Före", keyword: "Träff", right: "Efter", record: "Dokument" },
    sortBy: (column: string) => `Sortera efter ${column}`,
    sortedBy: "sorterat",
    fields: {
      fullText: "",
      title: "i titeln",
      summary: "i sammanfattningen",
      proposal: "i en att-sats",
      question: "i en fråga",
      argument: "i ett argument",
    } as Record<string, string>,
    undated: "odaterad",
    noParty: "Utan parti",
    export: "Ladda ner raderna",
    exportCsv: "CSV (kalkylark)",
    exportJsonl: "JSON Lines",
    exportHelp: "Alla rader i vald sortering, med dokumentets id, titel, datum och parti.",
    pagination: "Sidor med förekomster",
    previous: "Föregående",
    next: "Nästa",
    page: (n: number, of: number) => `Sida ${fmt(n)} av ${fmt(of)}`,
    charts: "Fördelning",
    chartNote: "Diagrammen räknar förekomster i alla träffade dokument, inte bara den här sidan.",
    yearChart: {
      heading: "Per år",
      title: (query: string) => `Förekomster av ”${query}” per år`,
      desc: (years: readonly { year: number; occurrences: number }[], undated: number) =>
        `${years.map((y) => `${y.year}: ${fmt(y.occurrences)}`).join(", ")}${
          undated ? `; odaterade dokument: ${fmt(undated)}` : ""
        }.`,
    },
    partyChart: {
      heading: "Per parti",
      others: (n: number) => `Övriga (${fmt(n)} partier)`,
      title: (query: string) => `Förekomster av ”${query}” per parti`,
      desc: (parties: readonly { label: string; occurrences: number }[]) =>
        `${parties.map((p) => `${p.label}: ${fmt(p.occurrences)}`).join(", ")}. Ett dokument med flera partier ` +
        "räknas för vart och ett.",
    },
    whoArgued: "Vem argumenterade vad",
  },

  /** "Who argued what" at /korpus/argument: a topic's arguments by stance and party. */
  whoArgued: {
    title: "Vem argumenterade vad",
    intro:
      "Argumenten i korpusens dokument om ett ämne, för och emot, parti för parti, med källa till vart och ett. " +
      "Argumenten är återgivna med våra ord; dokumentet visar originalet.",
    topicLabel: "Ämne",
    choose: "Välj ämne",
    show: "Visa",
    summary: (documents: number, label: string) =>
      documents === 0
        ? `Inga dokument om ${label} har argument.`
        : `${documents === 1 ? "Ett dokument" : `${fmt(documents)} dokument`} om ${label} har argument.`,
    stances: { for: "För", against: "Emot" } as Record<string, string>,
    stanceHeading: (stance: string, count: number) => `${stance} (${fmt(count)} argument)`,
    noParty: "Utan parti",
    partyHeading: (name: string, letters: string) => (letters && name !== letters ? `${name} (${letters})` : name),
    type: "typ",
    inRecord: "i",
    shared: "Ett dokument med flera partier står under vart och ett av dem.",
    concordanceLink: "Se ämnets ord i konkordansen",
    unknownTopic: (name: string) => `Ämnet ”${name}” finns inte. Välj ett ämne i listan.`,
    shown: (n: number, total: number) => `Visar de ${fmt(n)} nyaste av ${fmt(total)}.`,
    showAll: (party: string) => `Alla argument från ${party}`,
    onlyParty: (party: string) => `Bara ${party}.`,
    allParties: "Visa alla partier",
  },

  /** The draft form's fact picker: {fakta:key} into the user's own text. */
  factPicker: {
    heading: "Hänvisa till en uppgift i din text",
    intro:
      "Skriv {fakta:nyckel} i en textruta, så skriver utkastet uppgiftens värde med källa som not. Välj en " +
      "uppgift nedan: Infoga skriver hänvisningen där markören stod i den textruta du senast var i.",
    introNoJs:
      "Skriv {fakta:nyckel} i en textruta, så skriver utkastet uppgiftens värde med källa som not. Kopiera " +
      "hänvisningen för en uppgift nedan till din text.",
    search: "Sök uppgift",
    searchHelp: "Sök på namn eller id.",
    count: "{n} av {total} uppgifter visas.",
    listLabel: "Uppgifter att hänvisa till",
    reference: "Hänvisning",
    insert: "Infoga",
    /** The button's whole name: "Infoga Folkmängd ({fakta:population})". */
    insertName: (label: string, ref: string) => `Infoga ${label} (${ref})`,
    inserted: "{ref} infogad i fältet {field}.",
    noField: "Klicka först i en textruta där hänvisningen ska stå.",
    value: (value: string, year: string | undefined, subject: string | undefined) =>
      `${value}${year ? ` (${year}` : ""}${subject ? `${year ? ", " : " ("}gäller ${subject})` : year ? ")" : ""}`,
    missing: (place: string) => `saknas för ${place}`,
    chooseKommun: "Välj en kommun för att se värdena.",
  },

  errors: {
    back: "Till startsidan",
    search: "Sök i korpusen",
    reload: "Gå tillbaka och försök igen.",
    code: (status: number) => `Felkod ${status}`,
    pages: {
      400: { title: "Felaktig begäran", text: "Begäran kunde inte förstås." },
      403: {
        title: "Åtkomst nekad",
        text:
          "Begäran godtogs inte. Om du skickade ett formulär från en annan webbplats eller ett gammalt fönster: " +
          "ladda om sidan och skicka igen.",
      },
      404: {
        title: "Sidan finns inte",
        text: "Vi hittar ingen sida på den adressen. Kontrollera adressen eller börja om från startsidan.",
      },
      405: { title: "Metoden stöds inte", text: "Sidan kan inte användas på det sättet." },
      413: {
        title: "För mycket på en gång",
        text: "Det du skickade är större än tjänsten tar emot. Korta texten och försök igen.",
      },
      429: {
        title: "För många utkast på kort tid",
        text: "Du har gjort fler utkast den senaste minuten än tjänsten tillåter. Vänta en minut och försök igen.",
      },
      500: {
        title: "Något gick fel",
        text: "Ett oväntat fel inträffade. Försök igen; om felet består, kontakta den som driver tjänsten.",
      },
      401: {
        title: "Inloggning krävs",
        text: "Sidan kräver att du är inloggad som personal.",
      },
      421: { title: "Okänd värd", text: "Tjänsten svarar inte på den adressen. Använd tjänstens egen adress." },
      503: {
        title: "Tjänsten är inte tillgänglig just nu",
        text: "Begäran tog för lång tid eller tjänsten är upptagen. Vänta en stund och försök igen.",
      },
    } as Record<number, { title: string; text: string }>,
    /** The database file cannot be read (corrupt, truncated): what the page says instead of the 503 above. */
    database: {
      title: "Databasen kan inte läsas",
      text:
        "Tjänstens databas kan inte läsas, så sidan kan inte visas. Den som driver tjänsten återställer den " +
        "senaste fungerande säkerhetskopian: tjänstens logg visar vilken, och kommandot (cp …) som återställer den.",
    },
    databaseLocked: {
      title: "Databasen är upptagen",
      text: "En annan process skriver i tjänstens databas. Vänta en stund och försök igen.",
    },
    template: {
      title: "Fel i mallen",
      help: "Välj en annan mall. Den som driver tjänsten ser felet med motionera templates.",
    },
  },
  /** Filed documents (ärenden) on the web: the list, one ärende with its history, the staff forms (pages/arenden/). */
  filings: {
    title: "Ärenden",
    intro:
      "Motioner och interpellationer som har lämnats in: läge, tidsfrist och dagar kvar. En motion bör kunna " +
      "beslutas inom ett år (kommunallagen 5 kap. 35 §) och en interpellation bör besvaras vid nästa " +
      "sammanträde (5 kap. 59 §).",
    filter: {
      legend: "Visa ärenden för",
      kommun: "Kommun",
      undertecknare: "Undertecknare",
      parti: "Parti",
      submit: "Visa",
      clear: "Visa alla",
    },
    selection: (parts: readonly string[]) => (parts.length ? `Urval: ${parts.join(", ")}` : "Alla ärenden"),
    none: "Inga ärenden i urvalet.",
    columns: {
      title: "Ärende",
      kind: "Slag",
      dnr: "Dnr",
      status: "Läge",
      due: "Tidsfrist",
      left: "Dagar kvar",
    },
    overdue: "FÖRSENAD",
    overdueDays: (n: number) => `${n} ${n === 1 ? "dag" : "dagar"} sedan`,
    daysLeft: (n: number) => `${n} ${n === 1 ? "dag" : "dagar"}`,
    closed: "avslutat",
    noMeeting: "inget känt sammanträde",
    overdueCount: (n: number) => `${n} ${n === 1 ? "ärende är försenat" : "ärenden är försenade"}.`,
    calendar: "Prenumerera på tidsfristerna som kalender (.ics)",
    calendarHelp: "Lägg in adressen i din kalender så kommer tidsfristerna och sammanträdena med där.",
    calendarWho: (o: { signer?: string; party?: string; place?: string }) =>
      [o.signer, o.party, o.place && `i ${o.place}`].filter(Boolean).join(" ") || "alla ärenden",
    back: "Alla ärenden",
    history: "Historik",
    recorded: (when: string, who: string) => `Registrerat ${when} av ${who}.`,
    correctedIn: (seqs: readonly number[]) => `Rättat i steg ${seqs.join(" och ")}.`,
    correction: (seq: number, reason: string | undefined) => `Rättelse av steg ${seq}${reason ? ` (${reason})` : ""}`,
    facts: { kind: "Slag", municipality: "Kommun", signers: "Undertecknare", status: "Läge", due: "Tidsfrist" },
    signInNeeded: "Logga in med en token med rollen write eller admin för att registrera ärenden och steg.",
    signIn: "Logga in och kom tillbaka hit",
    fileForm: {
      heading: "Markera som inlämnad",
      intro: "Registrera en motion eller interpellation som har lämnats in till kommunen.",
      submit: "Markera som inlämnad",
      fields: {
        slag: { label: "Slag" },
        titel: { label: "Rubrik" },
        kommun: { label: "Kommun" },
        undertecknare: {
          label: "Undertecknare",
          help: "En per rad: namnet och partiet inom parentes, till exempel ”Eva Ek (V)”.",
        },
        datum: { label: "Inlämnad den", help: "ÅÅÅÅ-MM-DD" },
        dnr: { label: "Diarienummer (dnr)" },
        organ: { label: "Inlämnad till" },
      },
    },
    stepForm: {
      heading: "Lägg till ett steg",
      submit: "Spara steget",
      fields: {
        steg: { label: "Steg" },
        datum: { label: "Datum", help: "ÅÅÅÅ-MM-DD" },
        namnd: { label: "Remitterad till (nämnd)" },
        av: { label: "Besvarad av" },
        svar: { label: "Svaret (text)" },
        beslut: { label: "Beslut" },
        protokoll: { label: "Protokollets rubrik" },
        utgivare: { label: "Protokollet utfärdat av" },
        paragraf: { label: "Paragraf", help: "Till exempel ”§ 45”." },
        rattar: {
          label: "Rättar",
          help:
            "Välj ett tidigare steg för att rätta det. Rättelsen gäller samma slags steg som det du väljer; " +
            "fält du lämnar tomma behåller sina värden.",
        },
        skal: { label: "Skäl till rättelsen", help: "Frivilligt, till exempel ”fel diarienummer”." },
        dnr: { label: "Diarienummer (dnr)" },
        organ: { label: "Inlämnad till" },
        korpus: { label: "Lägg till beslutet i korpusen" },
      },
      kinds: { filed: "Inlämnad", referred: "Remitterad", answered: "Besvarad", decided: "Beslutad" },
      kindHelp: "Fyll i fälten för det steg du väljer; de andra lämnas tomma.",
      noCorrection: "Inget (ett nytt steg)",
      correctionLegend: "Rätta ett tidigare steg",
      filedLegend: "Inlämnad (bara när du rättar inlämningen)",
      corpusHelp: "Bara för motioner: motionen blir ett dokument i korpusen med beslutet, och protokollet som källa.",
      factsLegend: "Uppgifter som beslutet fastställer",
      factsHelp:
        "Till exempel att en handlingsplan antogs. Uppgiften sparas för kommunen per beslutsdagen, " +
        "med protokollet som källa.",
      /** A fact row's fields: "Uppgift 1" (the key) and "Värde för uppgift 1". */
      factLabel: (n: number, k: "nyckel" | "varde") => (k === "nyckel" ? `Uppgift ${n}` : `Värde för uppgift ${n}`),
      noFact: "–",
      /** A step in the "Rättar" list, numbered as the history numbers it: "1. Inlämnad 15 december 2025". */
      stepLabel: (seq: number, kind: string, date: string) => `${seq}. ${kind} ${date}`,
    },
    errors: {
      required: "Fyll i fältet.",
      signer: (line: string) => `Raden ”${line}” saknar ett namn.`,
      notStep: "Välj ett av stegen i listan.",
      corpusMotion: "Bara en beslutad motion kan läggas till i korpusen.",
      factNeedsDecision: "En uppgift kan bara sparas med ett beslut: välj steget Beslutad.",
      factValue: "Skriv värdet för uppgiften.",
      factKey: "Välj uppgiften som värdet gäller.",
      noFile: "Välj en CSV- eller iCalendar-fil.",
      date: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-16.",
      notText: "Filen är inte text i UTF-8.",
    },
    correctionOf: (label: string) => `rättar ${label}`,
    meetings: {
      title: "Sammanträden",
      heading: (place: string) => `Sammanträden i ${place}`,
      intro:
        "Fullmäktiges sammanträden avgör när en interpellation bör vara besvarad och vilket som är det sista " +
        "sammanträdet före en motions ettårsgräns.",
      link: (place: string) => `Sammanträden i ${place}`,
      linkAll: "Sammanträden",
      choose: "Välj en kommun för att se och lägga till dess sammanträden.",
      chooseSubmit: "Visa sammanträden",
      none: "Inga sammanträden är kända ännu.",
      columns: { date: "Datum", body: "Organ" },
      addHeading: "Lägg till ett sammanträde",
      addSubmit: "Lägg till sammanträdet",
      importHeading: "Läs in sammanträden från en fil",
      importIntro:
        "En CSV-fil med kolumnen ”datum” (ÅÅÅÅ-MM-DD) och gärna ”organ”, eller en kalenderfil (.ics). " +
        "Samma filer som motionera arenden meetings import läser.",
      importSubmit: "Läs in filen",
      fields: {
        kommun: { label: "Kommun" },
        datum: { label: "Datum", help: "ÅÅÅÅ-MM-DD" },
        organ: { label: "Organ", help: "Lämna som det står för kommunfullmäktige." },
        fil: { label: "Fil (.csv eller .ics)" },
        filOrgan: {
          label: "Organ",
          help: "Gäller de sammanträden som filen inte anger organ för, och alla i en kalenderfil.",
        },
      },
      added: (n: number, given: number) =>
        `${n === 1 ? "1 sammanträde" : `${n} sammanträden`} har lagts till` +
        `${given > n ? ` (${given - n} fanns redan)` : ""}.`,
      badFile: (name: string, problem: string) => `${name}: ${problem}`,
    },
    followUp: {
      heading: "Skriv en uppföljande interpellation",
      intro:
        "Motionera skriver ett utkast som frågar vad som har hänt, med ärendet (datum och diarienummer) och dess " +
        "historik som källor.",
      till: { label: "Till", help: "Den som ska svara, till exempel kommunstyrelsens ordförande Anna Andersson (M)." },
      submit: "Skriv utkastet",
      nothing: (why: string) => `Ingen uppföljning: ${why}.`,
      pageTitle: (title: string) => `Uppföljning av ${title}`,
      download: "Ladda ner",
      docx: "Word (.docx)",
      pdf: "PDF",
      back: "Tillbaka till ärendet",
      warnings: "Att tänka på",
    },
    decisionSaved: (facts: number, corpus: boolean) =>
      [
        "Beslutet är sparat.",
        facts ? `${facts === 1 ? "1 uppgift" : `${facts} uppgifter`} sparades för kommunen.` : "",
        corpus ? "Motionen finns nu i korpusen." : "",
      ]
        .filter(Boolean)
        .join(" "),
    saved: "Ärendet är registrerat.",
    stepSaved: "Steget är sparat.",
    staffTool: {
      title: "Ärenden",
      text: "Inlämnade motioner och interpellationer: markera som inlämnad, för in remiss, svar och beslut.",
    },
    placeLink: (name: string) => `Ärenden i ${name}: läge och tidsfrister`,
    fileDraft: "Har du lämnat in utkastet? Markera det som inlämnat",
  },
} as const;

export type Messages = typeof sv;
