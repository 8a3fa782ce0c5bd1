/**
 * The corpus's controlled vocabularies, one declaration each: topics (with their Swedish
 * labels and the word stems that suggest them) and argument types. Templates, records, the
 * auto-tagger, search facets and the web all use these ids.
 */

export interface Topic {
  /** Stable id, ASCII: "manniskohandel". */
  id: string;
  /** Swedish label as users read it: "människohandel". */
  label: string;
  /**
   * Words and phrases that suggest the topic in a text, in Swedish; the auto-tagger compares
   * them after Swedish stemming, so one base form covers its inflections.
   */
  cues: readonly string[];
}

export const topics = [
  {
    id: "prostitution",
    label: "prostitution",
    cues: [
      "prostitution",
      "prostituerad",
      "säljer sex",
      "sälja sex",
      "sex mot ersättning",
      "sexhandel",
      "eskortannons",
    ],
  },
  { id: "manniskohandel", label: "människohandel", cues: ["människohandel", "trafficking", "människohandlare"] },
  {
    id: "sexkop",
    label: "sexköp",
    cues: ["sexköp", "sexköpare", "köp av sexuell tjänst", "köpa sex", "köper sex", "sexköpslagen"],
  },
  { id: "kast", label: "KAST", cues: ["KAST", "köpare av sexuella tjänster"] },
  { id: "mikamottagningen", label: "Mikamottagningen", cues: ["Mikamottagningen", "Mika"] },
  { id: "handlingsplan", label: "handlingsplan", cues: ["handlingsplan", "åtgärdsplan"] },
  { id: "medborgarlofte", label: "medborgarlöfte", cues: ["medborgarlöfte"] },
  {
    id: "samverkan",
    label: "samverkan",
    cues: ["samverkan", "samverka", "nätverk", "samordna", "samordning", "samarbete", "avtal"],
  },
  {
    id: "finansiering",
    label: "finansiering",
    cues: ["finansiering", "budget", "resurser", "medel", "kostnad", "årsarbetare"],
  },
  {
    id: "stod",
    label: "stöd",
    cues: ["stödinsatser", "stöd", "hjälp", "behandling", "mottagning", "jour", "kvinnojour", "tjejjour"],
  },
  { id: "polis", label: "polis", cues: ["polis", "polisen", "tillslag", "lagföra", "åtal"] },
  { id: "kompetens", label: "kompetens", cues: ["kompetens", "utbildning", "fortbildning", "kunskap"] },
  {
    id: "organiserad-brottslighet",
    label: "organiserad brottslighet",
    cues: ["organiserad brottslighet", "kriminella nätverk", "hallick", "koppleri"],
  },
  { id: "barn-och-unga", label: "barn och unga", cues: ["barn", "unga", "minderårig", "under 18"] },
] as const satisfies readonly Topic[];

export type TopicId = (typeof topics)[number]["id"];
export const topicIds = topics.map((t) => t.id) as [TopicId, ...TopicId[]];

export interface ArgumentType {
  id: string;
  /** Swedish label. */
  label: string;
  /** English, one line: what the type covers. */
  description: string;
}

export const argumentTypes = [
  {
    id: "demand-reduction",
    label: "minska efterfrågan",
    description: "Reach buyers: without demand there is no trade; treatment, prosecution.",
  },
  {
    id: "victim-support",
    label: "stöd till utsatta",
    description: "People who sell sex need help out: health, housing, trauma care.",
  },
  {
    id: "cross-border-support",
    label: "stöd över kommungränsen",
    description: "The trade ignores municipal borders; support must not stop at them.",
  },
  {
    id: "specialist-competence",
    label: "specialistkompetens",
    description: "The work needs expertise that one municipality cannot hold alone.",
  },
  { id: "cost", label: "kostnad", description: "What it costs, or that it is cheap compared with the alternative." },
  { id: "funding", label: "finansiering", description: "Who pays; long-term funding for services and civil society." },
  {
    id: "organised-crime",
    label: "organiserad brottslighet",
    description: "Prostitution is tied to trafficking and organised crime.",
  },
  { id: "law-enforcement", label: "rättsväsendet", description: "Police, prosecution, penalties, the law's reach." },
  {
    id: "coordination",
    label: "samverkan",
    description: "Actors must work together: social services, police, NGOs, businesses.",
  },
  {
    id: "local-evidence",
    label: "lokal förekomst",
    description: "The trade exists here: mappings, ads, cases found in the municipality.",
  },
  {
    id: "gender-equality",
    label: "jämställdhet",
    description: "Buying sex as violence against women; the right to one's body.",
  },
  { id: "prevention", label: "förebyggande", description: "Prevent entry: young people, schools, early signals." },
  {
    id: "accountability",
    label: "ansvarsutkrävande",
    description: "Decisions must be carried out; follow-up of what was promised.",
  },
] as const satisfies readonly ArgumentType[];

export type ArgumentTypeId = (typeof argumentTypes)[number]["id"];
export const argumentTypeIds = argumentTypes.map((t) => t.id) as [ArgumentTypeId, ...ArgumentTypeId[]];

export function topicLabel(id: string): string {
  return topics.find((t) => t.id === id)?.label ?? id;
}

export function argumentTypeLabel(id: string): string {
  return argumentTypes.find((t) => t.id === id)?.label ?? id;
}
