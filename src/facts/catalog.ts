/**
 * The catalog of fact keys: one declaration per key, saying what the value means, its type,
 * which kinds of subject it may be recorded for and how a number reads in a document.
 *
 * The same key is reused across subjects (e.g. `convicted_sex_purchase` for Jönköping,
 * Göteborg and Malmö) and across time (history: one fact per as-of date).
 */
import type { FactValue } from "../domain/fact.js";

/** The kind of subject a fact is about: a municipality, a county or the whole country. */
export type FactScope = "kommun" | "lan" | "land";

/** How a number reads: count → "12 345", percent → "7,5 procent", year → "2021". */
export type FactFormat = "plain" | "count" | "percent" | "year";

export interface FactDefinition {
  /** snake_case English, stable: templates refer to it. */
  key: string;
  /** Swedish, as shown in documents and citations ("Avtal med Mikamottagningen och KAST"). */
  label: string;
  type: "boolean" | "number" | "text" | "date";
  /** Which subjects the key may be recorded for. */
  scopes: readonly FactScope[];
  /** Numbers only. */
  format?: FactFormat;
  /**
   * Counts only: what is counted, as a sentence names it ("16 kommuner", "ett uppsökande
   * pass", "24 misstänkta sexköpare"). `{{cite}}` writes the number with it, so a template
   * never chooses the words (suspected stays suspected).
   */
  unit?: CountUnit;
  /** English, one line: what the value means. */
  description: string;
  /**
   * The value records a past event (who took an initiative, since when something exists);
   * it never goes out of date. Date-valued facts are historical by their nature.
   */
  historical?: boolean;
  /**
   * The value is a rule in force (a law's wording) from its as-of date until a later value
   * replaces it: it does not go out of date with age, and a draft states it in the present
   * tense ("Sedan den 1 augusti 2022 är straffskalan …").
   */
  inForce?: boolean;
  /**
   * The value is computed from other facts in the registry, never typed: for a county (or the
   * country), how many of its municipalities' latest `from` values satisfy `where` (default:
   * the value is true). Facts for a derived key cannot be recorded or imported.
   */
  derived?: DerivedFrom;
}

/** The noun a count reads with: singular, plural, and whether "one" is "ett" (neuter). */
export interface CountUnit {
  one: string;
  many: string;
  neuter?: boolean;
}

/** How a derived key is computed: a count over the municipalities of the subject. */
export interface DerivedFrom {
  /** A municipality-level key whose latest values are counted. */
  from: string;
  count: true;
  /** Which values count; by default a boolean true. Not shown in `facts keys --json`. */
  where?: (value: FactValue) => boolean;
}

export const factCatalog: readonly FactDefinition[] = [
  // ── Mikamottagningen and KAST: agreements in Stockholm county ────────────────────────────
  {
    key: "mika_kast_agreement",
    label: "Avtal med Mikamottagningen och KAST i Stockholm",
    type: "boolean",
    scopes: ["kommun"],
    description:
      "true: the municipality has an agreement with Stockholms stad so its residents can be referred to " +
      "Mikamottagningen and KAST; false: it has none.",
  },
  {
    key: "mika_kast_agreement_since",
    label: "Avtal med Mikamottagningen och KAST tecknat",
    type: "date",
    scopes: ["kommun"],
    description: "When the municipality signed its agreement with Stockholms stad on Mikamottagningen and KAST.",
  },
  {
    key: "mika_kast_agreement_expires",
    label: "Avtalet med Mikamottagningen och KAST löper ut",
    type: "date",
    scopes: ["kommun"],
    description: "When the municipality's (e.g. time-limited trial) agreement on Mikamottagningen and KAST ends.",
  },
  {
    key: "mika_kast_agreements_in_county",
    label: "Kommuner i länet anslutna till Mikamottagningen och KAST",
    type: "number",
    scopes: ["lan"],
    format: "count",
    unit: { one: "kommun", many: "kommuner" },
    description:
      "How many municipalities in the county have an agreement with Stockholms stad on Mikamottagningen and KAST.",
  },
  {
    key: "mika_kast_agreements_counted",
    label: "Kommuner i länet med avtal om Mikamottagningen och KAST enligt registret",
    type: "number",
    scopes: ["lan"],
    format: "count",
    unit: { one: "kommun", many: "kommuner" },
    description:
      "Computed, never typed: how many of the county's municipalities have true as their latest " +
      "mika_kast_agreement in this registry.",
    derived: { from: "mika_kast_agreement", count: true },
  },
  {
    key: "mika_kast_offer_since",
    label: "Länets kommuner kan teckna avtal med Mikamottagningen och KAST sedan",
    type: "date",
    scopes: ["lan"],
    description:
      "Since when Stockholms stad offers every municipality in the county an agreement on Mikamottagningen and KAST.",
  },
  {
    key: "mika_kast_offer_initiative",
    historical: true,
    label: "Länserbjudandet om Mikamottagningen och KAST kom till på initiativ av",
    type: "text",
    scopes: ["lan"],
    description:
      "The party on whose initiative the county-wide offer of Mikamottagningen and KAST agreements was made.",
  },

  // ── Specialist services run by the municipality (or county) ─────────────────────────────
  {
    key: "runs_mikamottagningen",
    label: "Driver en Mikamottagning",
    type: "boolean",
    scopes: ["kommun"],
    description: "true: the municipality itself runs a Mikamottagning (support for people who sell or have sold sex).",
  },
  {
    key: "mikamottagningen_age_limit",
    label: "Åldersgräns på Mikamottagningen",
    type: "text",
    scopes: ["kommun"],
    description:
      'Who the municipality\'s Mikamottagning accepts by age, as a phrase ("från 18 år", "ingen åldersgräns").',
  },
  {
    key: "runs_kast",
    label: "Har en KAST-mottagning",
    type: "boolean",
    scopes: ["kommun", "lan"],
    description:
      "true: a KAST clinic (support for people who buy or want to stop buying sex) is run for the " +
      "municipality or county.",
  },
  {
    key: "kast_since",
    label: "KAST-mottagning sedan",
    type: "date",
    scopes: ["kommun", "lan"],
    description: "When the municipality's or county's KAST clinic opened (or was to open).",
  },
  {
    key: "kast_decided",
    label: "Beslut om att inrätta en KAST-mottagning",
    type: "boolean",
    scopes: ["kommun"],
    description: "true: a municipal body has decided to set up a KAST clinic (it may not be open yet).",
  },
  {
    key: "kast_clients",
    label: "Personer i kontakt med KAST under året",
    type: "number",
    scopes: ["kommun"],
    format: "count",
    unit: { one: "person", many: "personer" },
    description: "How many clients the municipality's KAST clinic had in the year given by as-of.",
  },
  {
    key: "kast_people_helped_total",
    label: "Personer som KAST har hjälpt sedan starten",
    type: "number",
    scopes: ["kommun"],
    format: "count",
    unit: { one: "person", many: "personer" },
    description: "How many people the municipality's KAST clinic has helped in all since it opened.",
  },
  {
    key: "kast_help_seekers_increase",
    label: "Ökning av antalet som sökt hjälp hos KAST",
    type: "number",
    scopes: ["kommun"],
    format: "percent",
    description: "By how many percent the number of people seeking help at the municipality's KAST clinic rose.",
  },
  {
    key: "kast_municipality_count",
    label: "Kommuner med KAST-mottagning",
    type: "number",
    scopes: ["land"],
    format: "count",
    unit: { one: "kommun", many: "kommuner" },
    description: "In how many Swedish municipalities a KAST clinic existed.",
  },
  {
    key: "prostitution_services_since",
    historical: true,
    label: "Verksamhet för personer i prostitution sedan",
    type: "text",
    scopes: ["kommun"],
    description: 'Since when the municipality has run services for people in prostitution, as a phrase ("1970-talet").',
  },
  {
    key: "prostitution_unit_name",
    label: "Namn på kommunens verksamhet för personer som säljer sex",
    type: "text",
    scopes: ["kommun"],
    description: "The current name of the municipality's specialist unit for people who sell sex.",
  },
  {
    key: "youth_support_unit",
    label: "Stöd för unga som säljer sex",
    type: "text",
    scopes: ["kommun"],
    description: "The municipality's unit for young people who sell sex, with its age limit, as a phrase.",
  },

  // ── Population ───────────────────────────────────────────────────────────────────────────
  {
    key: "population",
    label: "Folkmängd (invånare 31 december)",
    type: "number",
    scopes: ["kommun", "lan", "land"],
    format: "count",
    unit: { one: "invånare", many: "invånare" },
    description:
      "How many people were registered as living in the municipality, county or country on 31 December of the " +
      "as-of year (SCB; Kolada N01951).",
  },

  // ── Local situation and outreach ─────────────────────────────────────────────────────────
  {
    key: "people_selling_sex_reached",
    label: "Personer som sålt sex och som socialtjänsten nått under året",
    type: "number",
    scopes: ["kommun"],
    format: "count",
    unit: { one: "person", many: "personer" },
    description: "How many people selling sex the municipality's social services reached in the year given by as-of.",
  },
  {
    key: "minors_selling_sex_reached",
    label: "Personer under 18 år som sålt sex och som socialtjänsten nått under året",
    type: "number",
    scopes: ["kommun"],
    format: "count",
    unit: { one: "person under 18 år", many: "personer under 18 år" },
    description: "Of the people selling sex reached by social services that year, how many were under 18.",
  },
  {
    key: "outreach_shifts_with_police",
    label: "Uppsökande pass tillsammans med polisen under året",
    type: "number",
    scopes: ["kommun"],
    format: "count",
    unit: { one: "uppsökande pass", many: "uppsökande pass", neuter: true },
    description:
      "How many outreach shifts the municipality's social services did jointly with the police in the year " +
      "given by as-of.",
  },
  {
    key: "sex_trade_detected",
    label: "Sexhandel påträffad i kommunen under året",
    type: "boolean",
    scopes: ["kommun"],
    description:
      "true: sex buyers and/or people selling sex were encountered in the municipality in the year given by as-of.",
  },
  {
    key: "prostitution_ads_extensive",
    label: "Omfattande annonsering för prostitution i kommunen",
    type: "boolean",
    scopes: ["kommun"],
    description:
      "true: mappings of online ads show that advertising for prostitution in the municipality is extensive.",
  },
  {
    key: "sex_trade_shift",
    label: "Hur sexhandeln har förändrats",
    type: "text",
    scopes: ["kommun"],
    description: "How the local sex trade has moved or changed, as a short phrase.",
  },

  // ── Mapping of ads ───────────────────────────────────────────────────────────────────────
  {
    key: "escort_ad_mappings",
    label: "Kartläggningar av eskortannonser gjorda av länsstyrelsen",
    type: "number",
    scopes: ["lan"],
    format: "count",
    unit: { one: "kartläggning", many: "kartläggningar" },
    description: "How many times the county board (alone or jointly) has mapped escort ads.",
  },
  {
    key: "escort_ad_mapping_latest",
    label: "Senaste kartläggning av eskortannonser",
    type: "date",
    scopes: ["lan"],
    description: "When the county board's most recent mapping of escort ads was made.",
  },
  {
    key: "escort_ad_mapping_sites",
    label: "Webbplatser som ingick i kartläggningen av eskortannonser",
    type: "number",
    scopes: ["lan"],
    format: "count",
    unit: { one: "webbplats", many: "webbplatser" },
    description: "How many websites the county board's most recent mapping of escort ads covered.",
  },
  {
    key: "escort_ads_linked_to_municipalities",
    label: "Eskortannonserna kopplades till kommuner",
    type: "boolean",
    scopes: ["lan"],
    description: "true: the county board's mapping linked the ads to the municipalities where they were placed.",
  },
  {
    key: "men_advertising_to_buy_sex",
    label: "Män som öppet annonserat efter att köpa sex",
    type: "text",
    scopes: ["lan"],
    description: "How many men advertised openly to buy sex, as a phrase that states the area and any qualifier.",
  },
  {
    key: "buyer_to_seller_ads",
    label: "Köpannonser jämfört med annonser om att sälja sex",
    type: "text",
    scopes: ["lan"],
    description: "How ads seeking to buy sex compare in number with ads offering it, as a phrase.",
  },

  // ── Prosecutions and convictions ─────────────────────────────────────────────────────────
  {
    key: "convicted_sex_purchase",
    label: "Dömda för köp av sexuell tjänst under året",
    type: "number",
    scopes: ["kommun", "lan", "land"],
    format: "count",
    unit: { one: "person", many: "personer" },
    description: "How many people were convicted of buying sex (BrB 6 kap. 11 §) in the year given by as-of.",
  },
  {
    key: "prosecuted_sex_purchase",
    label: "Lagförda för köp av sexuell tjänst under året",
    type: "number",
    scopes: ["kommun", "lan", "land"],
    format: "count",
    unit: { one: "person", many: "personer" },
    description: "How many people were prosecuted for (lagförda för) buying sex in the year given by as-of.",
  },
  {
    key: "joint_operation_suspected_buyers",
    label: "Misstänkta sexköpare efter en gemensam insats av polis och kommun",
    type: "number",
    scopes: ["kommun"],
    format: "count",
    unit: { one: "misstänkt sexköpare", many: "misstänkta sexköpare" },
    description:
      "How many suspected sex buyers a joint operation by the police and the municipality identified (the " +
      "figure is of suspects, not prosecutions or convictions).",
  },

  // ── Action plans ─────────────────────────────────────────────────────────────────────────
  {
    key: "action_plan_sells_sex",
    label: "Handlingsplan för stöd till personer som säljer sex",
    type: "boolean",
    scopes: ["kommun"],
    description:
      "true: the municipality has an action plan for helping people who sell sex or risk ending up in " +
      "prostitution; false: it has none.",
  },
  {
    key: "action_plans_sells_sex_in_county",
    label: "Kommuner i länet med handlingsplan för stöd till personer som säljer sex",
    type: "number",
    scopes: ["lan"],
    format: "count",
    unit: { one: "kommun", many: "kommuner" },
    description: "How many municipalities in the county have an action plan for people who sell sex.",
  },
  {
    key: "action_plan_sells_sex_share",
    label: "Andel kommuner med handlingsplan för stöd till personer som säljer sex",
    type: "text",
    scopes: ["land"],
    description:
      "What share of Swedish municipalities have an action plan for people who sell sex, as a phrase " +
      '("ungefär en tredjedel").',
  },
  {
    key: "violence_action_plan",
    label: "Kommunövergripande handlingsplan mot våld",
    type: "text",
    scopes: ["kommun"],
    description: "The status of the municipality's cross-cutting action plan against violence, as a phrase.",
  },

  // ── Local political process ──────────────────────────────────────────────────────────────
  {
    key: "prostitution_motion_submitted",
    label: "Motion om arbetet mot prostitution lämnad",
    type: "date",
    scopes: ["kommun"],
    description:
      "When a motion to the council on strengthening the municipality's work against prostitution was submitted.",
  },
  {
    key: "prostitution_assignment_decided",
    label: "Fullmäktiges uppdrag till socialnämnden om arbetet mot prostitution",
    type: "date",
    scopes: ["kommun"],
    description:
      "When the council gave the social committee the task of developing methods against prostitution and trafficking.",
  },
  {
    key: "prostitution_inquiry_ref",
    label: "Utredning om socialtjänstens arbete mot prostitution",
    type: "text",
    scopes: ["kommun"],
    description: "The case number (diarienummer) of the social services' inquiry into its work against prostitution.",
  },
  {
    key: "proposed_prostitution_hub",
    label: "Föreslaget nav för arbetet mot prostitution",
    type: "text",
    scopes: ["kommun"],
    description:
      "Which unit an inquiry proposed as the hub of the work against prostitution, and with what added resources.",
  },
  {
    key: "prostitution_work_in_budget",
    label: "Arbetet mot prostitution finansieras i årets budget",
    type: "boolean",
    scopes: ["kommun"],
    description:
      "true: the council's work against prostitution is funded in the budget for the year given by as-of; " +
      "false: it is not.",
  },
  {
    key: "help_programme_sells_sex",
    label: "Socialtjänsten har hjälpprogram för personer i prostitution",
    type: "boolean",
    scopes: ["kommun"],
    description:
      "true: social services have developed a help programme for people in prostitution; false: they have not.",
  },
  {
    key: "regular_staff_training_prostitution",
    label: "Regelbunden personalutbildning om prostitution i socialtjänsten",
    type: "boolean",
    scopes: ["kommun"],
    description: "true: social services train their staff on prostitution regularly; false: they do not.",
  },
  {
    key: "social_services_committee",
    label: "Nämnd som ansvarar för socialtjänsten",
    type: "text",
    scopes: ["kommun"],
    historical: false,
    description:
      "The committee responsible for the municipality's social services, in definite form as an att-sats " +
      'names it ("socialnämnden", "individ- och familjenämnden").',
  },

  // ── Local networks ───────────────────────────────────────────────────────────────────────
  {
    key: "trafficking_network_formed",
    label: "Lokalt nätverk mot människohandel och prostitution bildat",
    type: "date",
    scopes: ["kommun"],
    description: "When the local network against human trafficking and prostitution was formed.",
  },
  {
    key: "trafficking_network_initiator",
    historical: true,
    label: "Nätverket mot människohandel och prostitution bildades på initiativ av",
    type: "text",
    scopes: ["kommun"],
    description: "Which organisation took the initiative to the local network against trafficking and prostitution.",
  },
  {
    key: "trafficking_network_coordinator",
    label: "Nätverket mot människohandel och prostitution samordnas av",
    type: "text",
    scopes: ["kommun"],
    description: "Who coordinates the local network against trafficking and prostitution now.",
  },
  {
    key: "trafficking_network_incidents",
    label: "Händelser som nätverket mot människohandel och prostitution dokumenterat under året",
    type: "number",
    scopes: ["kommun"],
    format: "count",
    unit: { one: "händelse", many: "händelser" },
    description: "How many incidents the local network documented in the year given by as-of.",
  },
  {
    key: "trafficking_network_incidents_total",
    label: "Händelser som nätverket mot människohandel och prostitution dokumenterat totalt",
    type: "number",
    scopes: ["kommun"],
    format: "count",
    unit: { one: "händelse", many: "händelser" },
    description:
      "How many incidents the local network documented in all over the period from the fact's since to its as-of.",
  },
  {
    key: "stad_for_stad_pilot",
    label: "Pilotstad i Stad för stad",
    type: "boolean",
    scopes: ["kommun"],
    description:
      'true: the municipality is a pilot city in the "Stad för stad" work against trafficking and prostitution.',
  },

  // ── National figures ─────────────────────────────────────────────────────────────────────
  {
    key: "share_men_bought_sex_ever",
    label: "Andel män som någon gång köpt sex",
    type: "number",
    scopes: ["land"],
    format: "percent",
    description: "Percentage of men aged 18–65 who have bought sex at some time.",
  },
  {
    key: "share_men_bought_sex_past_year",
    label: "Andel män som köpt sex det senaste året",
    type: "text",
    scopes: ["land"],
    description: 'Share of men aged 18–65 who bought sex in the past year, as a phrase ("knappt en procent").',
  },
  {
    key: "share_prostitution_trafficking",
    label: "Andel av prostitutionsfallen där det finns människohandel bakom",
    type: "text",
    scopes: ["land"],
    description: 'In what share of prostitution cases human trafficking lies behind, as a phrase ("hälften").',
  },

  // ── Law ──────────────────────────────────────────────────────────────────────────────────
  {
    key: "sex_purchase_penalty",
    inForce: true,
    label: "Straffskala för köp av sexuell tjänst (BrB 6 kap. 11 §)",
    type: "text",
    scopes: ["land"],
    description:
      'The penalty scale for buying sex in force from the as-of date, as a phrase ("fängelse i högst ett år").',
  },
  {
    key: "sex_purchase_typical_sanction",
    label: "Vanligaste påföljd för köp av sexuell tjänst",
    type: "text",
    scopes: ["land"],
    description: "The sanction sex buyers usually got in practice at the as-of date, as a phrase.",
  },
  {
    key: "trafficking_penalty",
    inForce: true,
    label: "Straffskala för människohandel (BrB 4 kap. 1 a §)",
    type: "text",
    scopes: ["land"],
    description: "The penalty scale for human trafficking, as a phrase.",
  },
  {
    key: "trafficking_penalty_less_serious",
    inForce: true,
    label: "Straffskala för mindre grov människohandel (BrB 4 kap. 1 a §)",
    type: "text",
    scopes: ["land"],
    description: "The penalty scale for less serious human trafficking, as a phrase.",
  },
  {
    key: "motion_decision_deadline",
    inForce: true,
    label: "Fullmäktige bör besluta om en motion (KL 5 kap. 35 §)",
    type: "text",
    scopes: ["land"],
    description: "Within what time a motion should be prepared so that the council can decide on it (Kommunallagen).",
  },
  {
    key: "interpellation_answer_deadline",
    inForce: true,
    label: "En interpellation bör besvaras (KL 5 kap. 63 §)",
    type: "text",
    scopes: ["land"],
    description:
      'By when an interpellation should be answered (Kommunallagen 5 kap. 63 §: "bör", not a binding deadline).',
  },
  {
    key: "municipalities_styled_stad",
    label: "Kommuner som kallar sig stad",
    type: "number",
    scopes: ["land"],
    format: "count",
    unit: { one: "kommun", many: "kommuner" },
    description: 'How many Swedish municipalities call themselves "stad" although their legal name is "kommun".',
  },
];

/** The keys whose values are computed from the registry (see `derived` above). */
export type DerivedFactDefinition = FactDefinition & { derived: DerivedFrom };

export function isDerived(def: FactDefinition | undefined): def is DerivedFactDefinition {
  return def?.derived !== undefined;
}

const byKey = new Map(factCatalog.map((d) => [d.key, d]));

/** The definition of a fact key, or undefined for a key the catalog does not know. */
/** Whether a fact's value can go out of date: not for events and other historical values. */
export function canAge(def: FactDefinition | undefined): boolean {
  return !(def?.historical || def?.inForce || def?.type === "date");
}

export function factDefinition(key: string): FactDefinition | undefined {
  return byKey.get(key);
}

/** The scope a subject code belongs to: "0186" → kommun, "01" → lan, "SE" → land. */
export function scopeOfSubject(subject: string): FactScope | undefined {
  if (/^\d{4}$/.test(subject)) return "kommun";
  if (/^\d{2}$/.test(subject)) return "lan";
  if (subject === "SE") return "land";
  return undefined;
}
