/**
 * A synthetic Swedish corpus for the search benchmark: N CorpusDocument records, the same N
 * and seed give the same records. Titles, summaries, claims, proposals and questions come
 * from templates and word lists about prostitution, trafficking, KAST, handlingsplaner and
 * the like, in random municipalities, by random parties, dated 2000–2026; about a quarter
 * carry a full text of a few paragraphs. Compounds and inflections give the vocabulary a
 * long tail, as real text has.
 */
import type { CorpusArgument, CorpusDocument } from "../src/domain/corpus-document.js";
import { corpusKinds } from "../src/domain/corpus-document.js";
import { argumentTypeIds, topicIds, type ArgumentTypeId, type TopicId } from "../src/domain/vocabulary.js";
import { allMunicipalities } from "../src/data/places.js";
import { genitive } from "../src/lang/genitive.js";
import { slug } from "../src/lang/slug.js";

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** Zipf-like: early items far more often than late ones. */
export const pickSkewed = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() ** 2.2 * xs.length)]!;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const some = <T>(r: Rng, xs: readonly T[], lo: number, hi: number): T[] => {
  const n = int(r, lo, hi);
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]!);
  return out;
};
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const parties = ["S", "M", "SD", "C", "V", "KD", "L", "MP"] as const;
const partyLong: Record<string, string> = {
  S: "Socialdemokraterna",
  M: "Moderaterna",
  SD: "Sverigedemokraterna",
  C: "Centerpartiet",
  V: "Vänsterpartiet",
  KD: "Kristdemokraterna",
  L: "Liberalerna",
  MP: "Miljöpartiet",
};
const localParties = ["Lokala partiet", "Kommunens väl", "Sjukvårdspartiet", "Medborgarpartiet", "Framtidspartiet"];

const firstNames = [
  "Anna",
  "Erik",
  "Maria",
  "Lars",
  "Karin",
  "Johan",
  "Sara",
  "Anders",
  "Eva",
  "Per",
  "Lena",
  "Mikael",
  "Emma",
  "Jonas",
  "Åsa",
  "Björn",
  "Ingrid",
  "Mats",
  "Elin",
  "Peter",
  "Sofia",
  "Nils",
  "Hanna",
  "Olof",
  "Linnea",
  "Gustav",
  "Maja",
  "Fredrik",
  "Ida",
  "Jörgen",
  "Amira",
  "Ali",
  "Fatima",
  "Yusuf",
  "Leila",
  "Ahmed",
  "Zeynep",
  "Dragan",
  "Mirja",
  "Aino",
];
const lastNames = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jonsson",
  "Jansson",
  "Hansson",
  "Bengtsson",
  "Jönsson",
  "Lindberg",
  "Jakobsson",
  "Magnusson",
  "Lindström",
  "Olofsson",
  "Lindqvist",
  "Lindgren",
  "Berg",
  "Axelsson",
  "Bergström",
  "Lundberg",
  "Lind",
  "Lundgren",
  "Mattsson",
  "Öberg",
  "Åberg",
  "Ström",
  "Holm",
  "Sandberg",
  "Ek",
  "Nyström",
  "Hassan",
  "Mohammed",
  "Kovačević",
];
const roles = [
  "ledamot i kommunfullmäktige",
  "ersättare i kommunfullmäktige",
  "gruppledare",
  "kommunalråd",
  "oppositionsråd",
  "ledamot i socialnämnden",
  "ordförande i socialnämnden",
  "vice ordförande i kommunstyrelsen",
  "regionråd",
  "riksdagsledamot",
];
const newspapers = [
  "Dagens Nyheter",
  "Svenska Dagbladet",
  "Aftonbladet",
  "Expressen",
  "Göteborgs-Posten",
  "Sydsvenskan",
  "Upsala Nya Tidning",
  "Norrköpings Tidningar",
  "Folkbladet",
  "Västerbottens-Kuriren",
  "Nerikes Allehanda",
  "Barometern",
  "Smålandsposten",
  "Helsingborgs Dagblad",
  "Östgöta Correspondenten",
  "Dalarnas Tidningar",
  "Sundsvalls Tidning",
  "Norrbottens-Kuriren",
  "Vestmanlands Läns Tidning",
  "Mitt i",
  "Nya Wermlands-Tidningen",
  "Länstidningen Östersund",
  "Borås Tidning",
  "Hallandsposten",
];
const boards = [
  "socialnämnden",
  "kommunstyrelsen",
  "välfärdsnämnden",
  "arbetsmarknadsnämnden",
  "omsorgsnämnden",
  "individ- och familjeomsorgsnämnden",
  "utbildningsnämnden",
  "trygghetsberedningen",
];
const actors = [
  "polisen",
  "Länsstyrelsen",
  "Mikamottagningen",
  "KAST",
  "regionen",
  "kvinnojouren",
  "tjejjouren",
  "Jämställdhetsmyndigheten",
  "Nationellt centrum mot människohandel",
  "socialtjänsten",
  "skolan",
  "ungdomsmottagningen",
  "Ecpat",
  "Talita",
  "Noomi",
  "Frälsningsarmén",
];
const problems = [
  "prostitution",
  "människohandel för sexuella ändamål",
  "sexuell exploatering av barn",
  "köp av sexuell tjänst",
  "koppleri",
  "sex mot ersättning bland unga",
  "eskortannonser på nätet",
  "organiserad brottslighet",
  "hedersrelaterat våld",
  "tvångsarbete",
];
const measures = [
  "ta fram en handlingsplan mot prostitution och människohandel",
  "ansluta kommunen till KAST",
  "teckna avtal med Mikamottagningen",
  "utbilda socialtjänstens personal om sexuell exploatering",
  "kartlägga förekomsten av prostitution i kommunen",
  "inrätta en samordnare mot människohandel",
  "ge ideella organisationer långsiktig finansiering",
  "bedriva uppsökande arbete på nätet",
  "avsätta medel för stödinsatser till personer som säljer sex",
  "ge ett medborgarlöfte tillsammans med polisen",
  "erbjuda behandling till sexköpare som vill sluta",
  "stärka samverkan med polisen och regionen",
  "se över skyddade boenden",
  "följa upp handlingsplanen varje år",
  "informera skolor om riskerna med sex mot ersättning",
];
const adjectives = [
  "långsiktig",
  "tydlig",
  "gemensam",
  "lokal",
  "regional",
  "nationell",
  "akut",
  "förebyggande",
  "uppsökande",
  "kvalificerad",
  "samordnad",
  "bristande",
  "otillräcklig",
  "ökad",
  "särskild",
  "kunnig",
  "utsatt",
  "sårbar",
  "kommunal",
  "ideell",
];
const nounsA = [
  "social",
  "barn",
  "kvinno",
  "stöd",
  "polis",
  "kommun",
  "läns",
  "skydds",
  "behandlings",
  "utbildnings",
  "trygghets",
  "ungdoms",
  "familje",
  "hälso",
  "kris",
  "jour",
  "brotts",
  "region",
  "samverkans",
  "kunskaps",
];
const nounsB = [
  "insatsen",
  "arbetet",
  "planen",
  "nämnden",
  "förvaltningen",
  "verksamheten",
  "boendet",
  "mottagningen",
  "samverkan",
  "stödet",
  "gruppen",
  "enheten",
  "tjänsten",
  "satsningen",
  "utredningen",
  "rapporten",
  "strategin",
  "resurserna",
  "åtgärderna",
  "kartläggningen",
];
const verbs = [
  "kräver",
  "behöver",
  "saknar",
  "utreder",
  "stärker",
  "prioriterar",
  "följer upp",
  "finansierar",
  "samordnar",
  "bygger ut",
  "förbättrar",
  "granskar",
];

const compound = (r: Rng) => `${pickSkewed(r, nounsA)}${pickSkewed(r, nounsB)}`;

interface Ctx {
  kommun: string;
  kommunens: string;
  lan: string;
  party: string;
  partyName: string;
  year: number;
}

const fill = (r: Rng, t: string, x: Ctx) =>
  t.replace(/\{(\w+)\}/g, (_, k: string) => {
    switch (k) {
      case "kommun":
        return x.kommun;
      case "kommunens":
        return x.kommunens;
      case "lan":
        return x.lan;
      case "parti":
        return x.partyName;
      case "nämnd":
        return pick(r, boards);
      case "aktör":
        return pick(r, actors);
      case "problem":
        return pickSkewed(r, problems);
      case "åtgärd":
        return pickSkewed(r, measures);
      case "år":
        return String(Math.max(2000, x.year - int(r, 0, 6)));
      case "antal":
        return String(int(r, 2, 40));
      case "belopp":
        return `${int(r, 1, 90) * 10} 000`;
      case "adj":
        return pick(r, adjectives);
      case "sammansatt":
        return compound(r);
      case "verb":
        return pick(r, verbs);
      default:
        return k;
    }
  });

const titleTemplates = [
  "{parti} kräver handlingsplan mot prostitution i {kommun}",
  "Dags för {kommun} att ansluta sig till KAST",
  "{kommun} måste ta ansvar för personer som säljer sex",
  "Sexköparna ska lagföras – inte bara bötfällas",
  "Vad gör {kommun} mot människohandel?",
  "Stöd till utsatta får inte stanna vid kommungränsen",
  "Motion om avtal med Mikamottagningen",
  "Interpellation om arbetet mot {problem}",
  "{kommunens} arbete mot prostitution behöver samordnas",
  "Ge socialtjänsten kompetens att möta sexuell exploatering",
  "Medborgarlöfte mot människohandel i {kommun}",
  "Ny {sammansatt} i {kommun}",
  "{parti}: {kommun} ska {åtgärd}",
  "Handlingsplaner räcker inte utan resurser",
  "Fråga om stödet till personer som utnyttjas i prostitution",
  "{adj} satsning mot {problem} i {lan}",
];
const summaryTemplates = [
  "{parti} i {kommun} vill att {nämnd} får i uppdrag att {åtgärd}.",
  "Skribenterna menar att {kommun} inte kan stå utanför när {antal} kommuner i {lan} redan har anslutit sig.",
  "Enligt en kartläggning från {år} förekommer {problem} även i {kommun}.",
  "{aktör} har pekat på att {problem} ofta förmedlas via annonser på nätet.",
  "Motionären föreslår att kommunen ska {åtgärd} och följa upp arbetet årligen.",
  "Interpellationen frågar vad {nämnd} har gjort sedan fullmäktiges beslut {år}.",
  "Kostnaden uppskattas till {belopp} kronor per år, vilket är lite jämfört med vad det kostar att inte agera.",
  "Personer som säljer sex behöver stöd, skydd och en väg ut ur prostitutionen.",
  "Sexköparna ska lagföras och erbjudas behandling för att sluta köpa sex.",
  "Enligt {aktör} saknar många kommuner rutiner för att upptäcka människohandel.",
  "Partiet vill att {sammansatt} i {kommun} får {adj} finansiering.",
  "{kommunens} {sammansatt} {verb} en {adj} plan för arbetet mot {problem}.",
  "Köp av sexuell tjänst är olagligt sedan 1999, men lagen måste också följas upp lokalt.",
  "Barn och unga som säljer sex mot ersättning upptäcks sent, och skolan behöver kunskap om tecknen.",
];
const claimTemplates: Record<ArgumentTypeId, string[]> = {
  "demand-reduction": [
    "Utan efterfrågan finns ingen handel, därför måste insatserna nå sexköparna.",
    "Behandling för sexköpare minskar efterfrågan på sikt.",
  ],
  "victim-support": [
    "Den som utnyttjas i prostitution behöver kvalificerad hjälp för att bygga ett annat liv.",
    "Stöd till personer som säljer sex måste finnas utan väntetid.",
  ],
  "cross-border-support": [
    "Sexhandeln bryr sig inte om kommungränser, och det bör inte stödet heller göra.",
    "Invånare i {kommun} ska kunna få hjälp av mottagningar i hela {lan}.",
  ],
  "specialist-competence": [
    "Arbetet kräver en specialistkunskap som en enskild kommun har svårt att bära själv.",
    "{nämnd} saknar den kompetens som behövs för att möta sexuell exploatering.",
  ],
  cost: [
    "Avtalet kostar lite jämfört med vad det ger i form av stöd.",
    "Kostnaden på {belopp} kronor är liten mot vad det kostar att inte agera.",
  ],
  funding: [
    "Ideella organisationer behöver långsiktig finansiering i stället för projektmedel.",
    "{kommun} bör avsätta egna medel för {sammansatt}.",
  ],
  "organised-crime": [
    "Prostitution hänger ihop med människohandel och organiserad brottslighet.",
    "Kriminella nätverk tjänar stora pengar på sexuell exploatering.",
  ],
  "law-enforcement": [
    "Köp av sexuell tjänst är ett brott som måste lagföras.",
    "Polisen behöver resurser för att utreda koppleri och människohandel.",
  ],
  coordination: [
    "Socialtjänst, polis och ideella organisationer måste samverka.",
    "{aktör} och {nämnd} behöver en gemensam plan.",
  ],
  "local-evidence": [
    "Under {år} påträffades både köpare och säljare av sex i {kommun}.",
    "Annonser på nätet visar att sex säljs i {kommun}.",
  ],
  "gender-equality": [
    "Sexköp är en form av mäns våld mot kvinnor.",
    "Ingen ska behöva sälja sin kropp för att överleva.",
  ],
  prevention: [
    "Skolan måste kunna upptäcka unga som säljer sex mot ersättning.",
    "Förebyggande arbete bland unga minskar risken att fler dras in i prostitution.",
  ],
  accountability: [
    "Fullmäktiges beslut från {år} har ännu inte genomförts.",
    "Handlingsplanen måste följas upp varje år.",
  ],
};
const claimTopics: Partial<Record<ArgumentTypeId, TopicId[]>> = {
  "demand-reduction": ["sexkop", "kast"],
  "victim-support": ["stod", "prostitution"],
  "cross-border-support": ["samverkan", "mikamottagningen"],
  "specialist-competence": ["kompetens"],
  cost: ["finansiering"],
  funding: ["finansiering"],
  "organised-crime": ["organiserad-brottslighet", "manniskohandel"],
  "law-enforcement": ["polis", "sexkop"],
  coordination: ["samverkan"],
  "local-evidence": ["prostitution"],
  prevention: ["barn-och-unga"],
  accountability: ["handlingsplan"],
};
const questionTemplates = [
  "Vad har {nämnd} gjort för att {åtgärd}?",
  "Hur många personer har fått stöd av {aktör} sedan {år}?",
  "Kommer {kommun} att {åtgärd}?",
  "När kommer handlingsplanen mot {problem} att följas upp?",
  "Hur samverkar {nämnd} med {aktör}?",
];
const fillerTemplates = [
  "{kommunens} {sammansatt} {verb} {adj} {sammansatt}.",
  "Under {år} {verb} {nämnd} arbetet mot {problem} tillsammans med {aktör}.",
  "Det finns {antal} anmälningar om {problem} i {lan} enligt {aktör}.",
  "Vi vill att {nämnd} ska {åtgärd}.",
  "{aktör} {verb} {sammansatt} och {sammansatt} i hela {lan}.",
  "En {adj} {sammansatt} gör det lättare att upptäcka {problem}.",
];

const weightedKinds: CorpusDocument["kind"][] = [
  "debattartikel",
  "debattartikel",
  "debattartikel",
  "motion",
  "motion",
  "interpellation",
  "pressmeddelande",
  "fråga",
  "nyhet",
  "annat",
];

/** One record; `i` makes the id unique. */
function record(r: Rng, i: number): CorpusDocument {
  const place = pick(r, allMunicipalities());
  const kind = pick(r, weightedKinds);
  const level: CorpusDocument["level"] = r() < 0.9 ? "kommun" : r() < 0.5 ? "region" : "riksdag";
  const year = int(r, 2000, 2026);
  const precision = r();
  const date =
    precision < 0.03
      ? null
      : precision < 0.15
        ? String(year)
        : precision < 0.25
          ? `${year}-${String(int(r, 1, 12)).padStart(2, "0")}`
          : `${year}-${String(int(r, 1, 12)).padStart(2, "0")}-${String(int(r, 1, 28)).padStart(2, "0")}`;
  const docParties = r() < 0.08 ? [pick(r, localParties)] : some(r, parties, 1, r() < 0.8 ? 1 : 4);
  const party = docParties[0]!;
  const x: Ctx = {
    kommun: place.name,
    kommunens: genitive(place.name),
    lan: place.county.name,
    party,
    partyName: partyLong[party] ?? party,
    year,
  };
  const authors = Array.from({ length: int(r, 1, r() < 0.8 ? 2 : 6) }, () => ({
    name: `${pick(r, firstNames)} ${pick(r, lastNames)}`,
    party: pick(r, docParties),
    ...(r() < 0.7 ? { role: pick(r, roles) } : {}),
  }));
  const types = some(r, argumentTypeIds, 1, 5);
  const args: CorpusArgument[] = types.map((type) => ({
    claim: fill(r, pick(r, claimTemplates[type]), x),
    stance: r() < 0.92 ? "for" : "against",
    type,
  }));
  const topics = new Set<TopicId>(some(r, topicIds, 1, 2));
  for (const t of types) for (const tp of claimTopics[t] ?? []) if (r() < 0.6) topics.add(tp);
  const summary = Array.from({ length: int(r, 2, 5) }, () => fill(r, pick(r, summaryTemplates), x)).join(" ");
  const proposals =
    kind === "motion"
      ? Array.from(
          { length: int(r, 1, 3) },
          () => `att ${pick(r, boards)} får i uppdrag att ${pickSkewed(r, measures)}`,
        )
      : [];
  const questions =
    kind === "interpellation" || kind === "fråga"
      ? Array.from({ length: int(r, 1, 4) }, () => fill(r, pick(r, questionTemplates), x))
      : [];
  const outlet =
    kind === "debattartikel" || kind === "nyhet"
      ? pick(r, newspapers)
      : kind === "pressmeddelande"
        ? `${x.partyName} ${place.name}`
        : kind === "annat"
          ? undefined
          : `${x.kommunens} kommunfullmäktige`;
  const title = fill(r, pick(r, titleTemplates), x);
  const fullText =
    r() < 0.25
      ? Array.from({ length: int(r, 3, 6) }, () =>
          Array.from({ length: int(r, 3, 6) }, () =>
            fill(r, pick(r, r() < 0.5 ? fillerTemplates : summaryTemplates), x),
          ).join(" "),
        ).join("\n\n")
      : undefined;
  const id = `${date ?? "odaterad"}-${slug(place.name)}-${slug(kind)}-${i}`;
  return {
    id,
    kind: corpusKinds.includes(kind) ? kind : "annat",
    level,
    municipality: { code: place.code, name: place.name },
    county: { code: place.county.code, name: place.county.name },
    parties: docParties,
    authors,
    ...(questions.length ? { addressee: `${cap(pick(r, boards))}s ordförande` } : {}),
    ...(outlet ? { outlet } : {}),
    date,
    title: cap(title),
    summary,
    topics: [...topics],
    arguments: args,
    proposals,
    questions,
    facts: [],
    source: { title: cap(title), publisher: outlet ?? x.partyName, date },
    ...(fullText ? { fullText } : {}),
  };
}

/** N records, deterministic for a seed. */
export function generateCorpus(n: number, seed = 20261124): CorpusDocument[] {
  const r = prng(seed);
  return Array.from({ length: n }, (_, i) => record(r, i));
}

/** The words a researcher would type, for the benchmark's queries. */
export const queryWords = {
  single: [
    "sexköpare",
    "prostitution",
    "människohandel",
    "handlingsplaner",
    "mikamottagningen",
    "kast",
    "socialtjänsten",
    "polisen",
    "kommunfullmäktige",
    "behandling",
    "koppleri",
    "exploatering",
    "finansiering",
    "samverkan",
    "ungdomsmottagningen",
    "eskortannonser",
    "medborgarlöfte",
    "kvinnojouren",
    "stödinsatser",
    "skyddade",
  ],
  phrases: [
    "köp av sexuell tjänst",
    "organiserad brottslighet",
    "sex mot ersättning",
    "personer som säljer sex",
    "mäns våld mot kvinnor",
    "långsiktig finansiering",
    "stöd till personer",
    "människohandel för sexuella ändamål",
  ],
  prefixes: [
    "prostitu",
    "handlingsp",
    "mikamott",
    "sexkö",
    "människoh",
    "socialtj",
    "samver",
    "exploa",
    "finansi",
    "behandl",
  ],
  typos: [
    "prostitusion",
    "människohandl",
    "handlingsplaan",
    "mikamotagningen",
    "sexköpre",
    "socialtjänstn",
    "koplleri",
    "finansering",
  ],
};
