/**
 * The Handlebars helpers templates use: Swedish forms (dates, numbers, lists, genitive,
 * jag/vi, official names) and facts with provenance (cite, source, fact, hasFact).
 * Every string a helper returns is Markdown-safe: values are escaped here.
 */
import type { HelperOptions } from "handlebars";
import { formatDate, timePhrase, yearPhrase } from "../lang/dates.js";
import { formatNumber, formatPercent } from "../lang/numbers.js";
import { formatList } from "../lang/lists.js";
import { genitive } from "../lang/genitive.js";
import { factDefinition } from "../facts/catalog.js";
import { formatFactValue } from "../facts/format-value.js";
import { escapeInline } from "./markdown-escape.js";
import { citationMarker } from "./citation-marker.js";
import { bodyWords, inPlace, otherMunicipalitiesInCounty } from "./place-words.js";
import { isCurrent } from "../facts/staleness.js";
import { partyName } from "../domain/signer.js";
import { citeHistory } from "./cite-history.js";
import { missingFactText } from "./missing-fact.js";
import { composeTexts } from "../messages.sv.js";
import type { ComposeState } from "./compose-state.js";

type Options = HelperOptions & {
  data: { motionera: ComposeState; root: { date: string; input: Record<string, unknown> } };
};

/** Handlebars passes its options object last; strip it from the positional arguments. */
function split(args: unknown[]): { params: unknown[]; options: Options } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as Options };
}

function state(options: Options): ComposeState {
  return options.data.motionera;
}

function asNumber(v: unknown, helper: string): number {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v.replace(/\\/g, "").replace(",", ".")) : NaN;
  if (!Number.isFinite(n)) throw new Error(`${helper}: expected a number, got ${JSON.stringify(v)}`);
  return n;
}

/** of="0180": the subject a fact helper asks about instead of the draft's municipality. */
function ofParam(options: Options): string | undefined {
  const of = options.hash.of;
  return typeof of === "string" ? of : undefined;
}

function keyParam(params: unknown[], helper: string): string {
  const key = params[0];
  if (typeof key !== "string") throw new Error(`${helper}: the first argument must be a fact key in quotes`);
  return key;
}

export const helpers = {
  /** {{date}} → the document date; {{date "2023-02-21"}} → "21 februari 2023". */
  date(...args: unknown[]): string {
    const { params, options } = split(args);
    // The document's own date comes from the form: a slot, so an edited text follows it.
    if (params[0] === undefined) return state(options).slot({ kind: "date" });
    return formatDate(String(params[0]).replace(/\\/g, ""));
  },
  /** {{number 12345}} → "12 345"; {{number 7.5}} → "7,5". */
  number(...args: unknown[]): string {
    return formatNumber(asNumber(split(args).params[0], "number"));
  },
  /** {{percent 7.5}} → "7,5 procent". */
  percent(...args: unknown[]): string {
    return formatPercent(asNumber(split(args).params[0], "percent"));
  },
  /** {{list items}} → "A, B och C"; {{list items "eller"}}. Items are already escaped values. */
  list(...args: unknown[]): string {
    const { params } = split(args);
    const items = Array.isArray(params[0]) ? (params[0] as unknown[]).map(String) : [];
    return formatList(items, typeof params[1] === "string" ? params[1] : "och");
  },
  /** {{partyName party}} → "Liberalerna" for "L"; a local party's name as written (already escaped). */
  partyName(...args: unknown[]): string {
    return partyName(String(split(args).params[0] ?? ""));
  },
  /** {{genitive municipality.name}} → "Lidingös"; "Kramfors" stays "Kramfors". */
  genitive(...args: unknown[]): string {
    return genitive(String(split(args).params[0] ?? ""));
  },
  /** {{pronoun}} → "jag" or "vi" by the number of signers; {{pronoun "min" "vår"}} for other forms. */
  pronoun(...args: unknown[]): string {
    const { params, options } = split(args);
    const one = typeof params[0] === "string" ? params[0] : "jag";
    const many = typeof params[1] === "string" ? params[1] : "vi";
    const word = state(options).signers.length > 1 ? many : one;
    return options.hash.capital ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  },
  /** {{officialName}} → the name the municipality uses ("Lidingö stad"); legal=true → "Lidingö kommun". */
  officialName(...args: unknown[]): string {
    const { options } = split(args);
    const place = state(options).place;
    return escapeInline(options.hash.legal ? place.officialName : place.selfName);
  },
  /**
   * {{cite "key"}} → the value as running text puts it, with its source as a note: a count
   * with what it counts ("sju kommuner", "24 misstänkta sexköpare": the catalog's words, so
   * suspected stays suspected), a full date with "den". The note mark goes after the
   * sentence (see note-placement.ts). {{cite "key" history=true}} → every value with its date.
   * A fact the registry lacks becomes a visible placeholder the draft lists.
   */
  cite(...args: unknown[]): string {
    const { params, options } = split(args);
    const key = keyParam(params, "cite");
    const st = state(options);
    const def = factDefinition(key);
    const found = st.lookup(key, ofParam(options));
    if (typeof params[1] === "string" && params[1].length > 0 && def?.unit && !options.hash.history) {
      throw new Error(
        `cite "${key}": the catalog says how the value reads ("${def.unit.many}"); drop the words "${params[1]}"`,
      );
    }
    const words = typeof params[1] === "string" && params[1].length > 0 ? ` ${escapeInline(params[1])}` : "";
    if (!found) return st.placeholder(missingFactText(key, ofParam(options) ?? st.place.name, st.wording)) + words;
    if (options.hash.history) {
      const all = st.lookupHistory(key)!;
      return citeHistory(st, all.facts, all.subjectName, words);
    }
    const v = found.fact.value;
    // time=true: a date value as the time of a sentence ("I februari 2022", "år 2021", "den 15 juni 2016").
    const text =
      options.hash.time && v.type === "date"
        ? timePhrase(v.value, undefined, Boolean(options.hash.capital))
        : formatFactValue(v, def, "text");
    return escapeInline(text) + words + st.cite(found.fact, found.subjectName);
  },
  /**
   * {{asOf "key"}} → "enligt uppgifter från februari 2023", "enligt uppgifter från 2018",
   * "enligt uppgifter för åren 2017–2019", "enligt en odaterad uppgift": how old the registry's
   * knowledge is, for a sentence in the past tense. capital=true at a sentence's start.
   */
  asOf(...args: unknown[]): string {
    const { params, options } = split(args);
    const found = state(options).lookup(keyParam(params, "asOf"), ofParam(options));
    if (!found) return "";
    const { asOf, since, source } = found.fact;
    const at = asOf ?? source.date;
    let phrase: string;
    if (at === null) phrase = "enligt en odaterad uppgift";
    else if (asOf !== null && since && since.slice(0, 4) !== asOf.slice(0, 4))
      phrase = `enligt uppgifter för åren ${yearPhrase(asOf, since)}`;
    else phrase = `enligt uppgifter från ${formatDate(at.slice(0, 7))}`;
    return capitalIf(phrase, options);
  },
  /** {{year "key"}} → the year the fact describes ("2023", "2017–2019"), or the source's year. */
  year(...args: unknown[]): string {
    const { params, options } = split(args);
    const found = state(options).lookup(keyParam(params, "year"), ofParam(options));
    const at = found?.fact.asOf ?? found?.fact.source.date;
    return found && at ? yearPhrase(at, found.fact.asOf !== null ? found.fact.since : undefined) : "";
  },
  /** {{subject "key"}} → who the cited value is about: "Umeå", "Jämtlands län", "Sverige". */
  subject(...args: unknown[]): string {
    const { params, options } = split(args);
    const found = state(options).lookup(keyParam(params, "subject"), ofParam(options));
    return found ? escapeInline(found.subjectName) : "";
  },
  /** {{source "key"}} → only the note: for a sentence that states the fact in words. */
  source(...args: unknown[]): string {
    const { params, options } = split(args);
    const st = state(options);
    const found = st.lookup(keyParam(params, "source"), ofParam(options));
    return found ? st.cite(found.fact, found.subjectName) : "";
  },
  /** {{fact "key"}} → the raw value (true/false, a number, a text) for conditions: {{#if (fact "key")}}. */
  fact(...args: unknown[]): unknown {
    const { params, options } = split(args);
    const found = state(options).lookup(keyParam(params, "fact"), ofParam(options));
    if (!found) return undefined;
    return found.fact.value.type === "text" ? escapeInline(found.fact.value.value) : found.fact.value.value;
  },
  /**
   * {{#claim "key" …}}sentence{{else}}honest sentence or placeholder{{/claim}}: a sentence about
   * the municipality, shown only when every named fact is in the registry (and every input
   * named in input="a,b" has a value). The sentence must cite each fact it names ({{cite}}
   * or {{source}}); a claim that does not is a template error, caught on every draft.
   */
  claim(this: unknown, ...args: unknown[]): string {
    const { params, options } = split(args);
    const st = state(options);
    const keys = params.map((p) => {
      if (typeof p !== "string") throw new Error("claim: name the facts that back the claim as keys in quotes");
      return p;
    });
    const inputs =
      typeof options.hash.input === "string"
        ? options.hash.input
            .split(",")
            .map((x) => x.trim())
            .filter(Boolean)
        : [];
    if (keys.length === 0 && inputs.length === 0)
      throw new Error('claim: name at least one fact key or input="…" that backs the claim');
    const found = keys.map((k) => st.lookup(k, ofParam(options)));
    const values = options.data.root.input;
    const backed =
      found.every(Boolean) &&
      inputs.every((name) => {
        const v = values[name];
        return v !== null && v !== undefined && v !== "" && v !== false;
      });
    if (!backed) return options.inverse(this);
    const out = options.fn(this);
    found.forEach((f, i) => {
      const n = st.citationNumber(f!.fact.id);
      if (n === undefined || !out.includes(citationMarker(n))) {
        throw new Error(
          `claim "${keys[i]}": the sentence does not cite the fact that backs it; put {{cite "${keys[i]}"}} ` +
            `or {{source "${keys[i]}"}} inside the claim`,
        );
      }
    });
    st.claims.push({ facts: keys, inputs });
    return out;
  },
  /**
   * {{#current "key"}}present tense{{else}}past tense, with {{when "key"}}{{/current}}: whether
   * the fact describes the draft's own time (its as-of within a year of the draft's date).
   * Older and undated facts read in the past, with their year.
   */
  current(this: unknown, ...args: unknown[]): string {
    const { params, options } = split(args);
    const st = state(options);
    const found = st.lookup(keyParam(params, "current"), ofParam(options));
    return found && (factDefinition(found.fact.key)?.inForce || isCurrent(found.fact, st.date))
      ? options.fn(this)
      : options.inverse(this);
  },
  /**
   * {{when "key"}} → when the fact held, as a sentence says it: "år 2018", "åren 2017–2019",
   * "i februari 2022", "den 21 februari 2023"; the source's date when the value has none;
   * "enligt en odaterad uppgift" when neither is known. capital=true at a sentence's start.
   */
  when(...args: unknown[]): string {
    const { params, options } = split(args);
    const found = state(options).lookup(keyParam(params, "when"), ofParam(options));
    const capital = Boolean(options.hash.capital);
    if (!found) return "";
    const { asOf, since, source } = found.fact;
    const at = asOf ?? source.date;
    if (at === null) return capital ? "Enligt en odaterad uppgift" : "enligt en odaterad uppgift";
    return timePhrase(at, asOf !== null ? since : undefined, capital);
  },
  /** {{#hasFact "key"}}…{{else}}…{{/hasFact}}: whether the registry holds the fact for this municipality. */
  hasFact(this: unknown, ...args: unknown[]): string {
    const { params, options } = split(args);
    const found = state(options).lookup(keyParam(params, "hasFact"), ofParam(options));
    return found ? options.fn(this) : options.inverse(this);
  },
  /** {{placeAndDate}} → "Visby den 24 november 2026": the seat and the date, kept with the signatures. */
  placeAndDate(...args: unknown[]): string {
    return state(split(args).options).slot({ kind: "placeAndDate" });
  },
  /** {{inPlace}} → "på Lidingö", "i Umeå": the municipality after a preposition. */
  inPlace(...args: unknown[]): string {
    const { options } = split(args);
    return capitalIf(escapeInline(inPlace(state(options).place)), options);
  },
  /** {{fullmaktige}} → "kommunfullmäktige" ("regionfullmäktige" for Region Gotland); capital=true. */
  fullmaktige(...args: unknown[]): string {
    const { options } = split(args);
    return capitalIf(bodyWords(state(options).place).council, options);
  },
  /** {{styrelsen}} → "kommunstyrelsen" / "regionstyrelsen"; capital=true. */
  styrelsen(...args: unknown[]): string {
    const { options } = split(args);
    return capitalIf(bodyWords(state(options).place).board, options);
  },
  /** {{kommunen}} → "kommunen" / "regionen"; genitive=true → "kommunens"; capital=true. */
  kommunen(...args: unknown[]): string {
    const { options } = split(args);
    const words = bodyWords(state(options).place);
    return capitalIf(options.hash.genitive ? words.bodyGenitive : words.body, options);
  },
  /** {{#if (otherMunicipalities)}}: whether the county has municipalities besides this one. */
  otherMunicipalities(...args: unknown[]): boolean {
    return otherMunicipalitiesInCounty(state(split(args).options).place) > 0;
  },
  /**
   * {{committee}} → the committee responsible for social services, in definite form: the
   * template's `committee` input if the user gave one, else the registry's fact
   * (social_services_committee), else "socialnämnden" — then listed as "kontrollera".
   */
  committee(...args: unknown[]): string {
    const { options } = split(args);
    const st = state(options);
    const given = options.data.root.input.committee;
    if (typeof given === "string" && given !== "") return given;
    const found = st.lookup("social_services_committee");
    if (found && found.fact.value.type === "text") return escapeInline(found.fact.value.value);
    st.check({
      code: "committee_default",
      committee: defaultCommittee,
      subjectName: st.place.name,
      inPlace: inPlace(st.place),
    });
    return defaultCommittee;
  },
  /**
   * {{signerParties}} → the signers' parties by name, each once: "Socialdemokraterna och
   * Vänsterpartiet"; the signers' names when none gave a party.
   */
  signerParties(...args: unknown[]): string {
    return state(split(args).options).slot({ kind: "signerParties" });
  },
  /**
   * {{signatures}} → one paragraph per signer: "Namn (Parti)" and the role on the next line;
   * every one but the last is kept with the next, so the signatures stand together.
   * withPlace=true (op-eds, press releases): a role that does not name the municipality gets
   * it ("ledamot i kommunfullmäktige på Lidingö"), since a newspaper's reader cannot tell.
   */
  signatures(...args: unknown[]): string {
    const { options } = split(args);
    return state(options).slot({ kind: "signatures", withPlace: Boolean(options.hash.withPlace) });
  },
  /**
   * {{quoteBy 1}} → who says a quote in a press release: the signer with that number (from 1;
   * the last signer if there are fewer). The first time a signer speaks: "Namn (Parti), roll
   * på Lidingö"; after that only the name.
   */
  quoteBy(...args: unknown[]): string {
    const { params, options } = split(args);
    const st = state(options);
    return st.slot({ kind: "quoteBy", index: signerIndex(params[0], st.signers.length) });
  },
  /** {{signer 1}} → "Namn (Parti), roll på Lidingö": a signer presented to a newspaper's reader. */
  signer(...args: unknown[]): string {
    const { params, options } = split(args);
    const st = state(options);
    return st.slot({ kind: "signer", index: signerIndex(params[0], st.signers.length) });
  },
  /** {{placeholder "beslutets datum"}} → a visible "[FYLL I: beslutets datum]" the draft lists. */
  placeholder(...args: unknown[]): string {
    const { params, options } = split(args);
    const what = params[0];
    if (typeof what !== "string" || what.trim() === "")
      throw new Error("placeholder: say in quotes what the signer must fill in");
    // The text is shown as it is, never parsed as Markdown: a value passed in keeps no escapes.
    return state(options).placeholder(what.replace(/\\(.)/g, "$1"));
  },
  /**
   * {{missingFact "key"}} → where the registry lacks the fact, the placeholder `{{cite}}` would
   * write (the fact's label and, for a Kolada key, the command that fetches it); nothing when
   * the fact is there. For the {{else}} of a claim: {{#claim "k"}}…{{else}}{{missingFact "k"}}{{/claim}}.
   */
  missingFact(...args: unknown[]): string {
    const { params, options } = split(args);
    const key = keyParam(params, "missingFact");
    const st = state(options);
    const of = ofParam(options);
    return st.lookup(key, of) ? "" : st.placeholder(missingFactText(key, of ?? st.place.name, st.wording));
  },
  /**
   * {{attSatser input.proposals}} → the user's lines (one att-sats a line) as the list of a
   * motion's proposals, "- att …" each; an "att" or a list mark the user typed is not doubled.
   */
  attSatser(...args: unknown[]): string {
    const { params, options } = split(args);
    const lines = userLines(params[0]);
    // Only list marks typed ("1.", "-"): the list stays, with the place to fill in, rather than vanish.
    if (lines.length === 0 && hasText(params[0]))
      return `- att ${state(options).placeholder(composeTexts.noProposals)}`;
    return lines.map((line) => `- att ${line.replace(/^att\s+/i, "")}`).join("\n");
  },
  /**
   * {{questions input.questions}} → the user's lines (one question a line) as an
   * interpellation's numbered questions, each ending with "?".
   */
  questions(...args: unknown[]): string {
    const { params, options } = split(args);
    const lines = userLines(params[0], "numbers");
    if (lines.length === 0 && hasText(params[0])) return `1. ${state(options).placeholder(composeTexts.noQuestions)}?`;
    return lines.map((line, i) => `${i + 1}. ${line.replace(/(\\[.!:;,]|\s)+$/, "").replace(/\?*$/, "")}?`).join("\n");
  },
  /**
   * {{corpusArguments lead="Frågan har också lyfts på andra håll."}} → the arguments from the
   * corpus that the user chose, one paragraph each, every one with a note saying where it was
   * made; `lead`, the template's own sentence, opens the first of them, so they do not stand
   * bare after the user's text. Nothing (and no lead) when none were chosen.
   */
  corpusArguments(...args: unknown[]): string {
    const { options } = split(args);
    const st = state(options);
    const lead = typeof options.hash.lead === "string" ? options.hash.lead.trim() : "";
    return st.selectedArguments
      .map(
        (a, i) =>
          `${i === 0 && lead ? `${escapeInline(lead)} ` : ""}${escapeInline(a.argument.claim)}${st.citeArgument(a)}`,
      )
      .join("\n\n");
  },
  /**
   * {{records}} → every record the caller supplied (a filed document and the steps of its
   * history), each sentence with its note, as one paragraph; nothing when none were given.
   */
  records(...args: unknown[]): string {
    const st = state(split(args).options);
    return st.records.map((r) => `${escapeInline(r.sentence)}${st.citeRecord(r.id)}`).join(" ");
  },
  /** {{record "filed"}} → the note marker of one supplied record (an unknown id stops the draft). */
  record(...args: unknown[]): string {
    const { params, options } = split(args);
    return state(options).citeRecord(String(params[0] ?? ""));
  },
  /** {{#if (eq input.kind "x")}} */
  eq(...args: unknown[]): boolean {
    const { params } = split(args);
    return params[0] === params[1];
  },
  /** {{#if (before (fact "x_expires") date)}}: whether date a is earlier than date b (ISO, partial allowed). */
  before(...args: unknown[]): boolean {
    const { params } = split(args);
    const [a, b] = params.map((p) => (typeof p === "string" ? p.replace(/\\/g, "") : ""));
    return Boolean(a && b) && a!.padEnd(10, "-00") < b!.padEnd(10, "-00");
  },
  /** {{#if (and (fact "a") (fact "b"))}}: true when every argument is. */
  and(...args: unknown[]): boolean {
    return split(args).params.every(Boolean);
  },
  /** {{#if (or (fact "a") input.b)}}: the first argument that is true (as JavaScript's ||), else the last. */
  or(...args: unknown[]): unknown {
    const params = split(args).params;
    return params.find(Boolean) ?? params[params.length - 1];
  },
  /** {{#if (not (fact "key"))}} */
  not(...args: unknown[]): boolean {
    return !split(args).params[0];
  },
};

export type HelperName = keyof typeof helpers;
/** Helpers whose first argument is a fact key: the loader checks each key is declared. */
export const factHelpers: readonly HelperName[] = [
  "cite",
  "source",
  "fact",
  "hasFact",
  "current",
  "when",
  "asOf",
  "year",
  "subject",
  "missingFact",
];
/** Helpers whose every argument is a fact key. */
export const multiFactHelpers: readonly HelperName[] = ["claim"];

const defaultCommittee = "socialnämnden";

/**
 * A free-text input (already escaped, perhaps citing facts) as its non-empty lines, without the
 * list mark or number the user typed first ("- ", "1. ", "2) "), or only without the number.
 */
/** Whether a value holds any text at all (a required input that holds only list marks still does). */
function hasText(value: unknown): boolean {
  return value !== null && value !== undefined && value !== false && String(value).trim() !== "";
}

function userLines(value: unknown, drop: "marks" | "numbers" = "marks"): string[] {
  const mark = drop === "marks" ? /^(\\[-*+]|\d+\\?[.)])\s*/ : /^\d+\\?[.)]\s*/;
  if (value === null || value === undefined || value === false) return [];
  return String(value)
    .split(/\\\n|\n+/)
    .map((line) => line.trim().replace(mark, "").trim())
    .filter((line) => line.length > 0);
}

/** A signer's number as a template gives it (from 1), within the signers there are: the index. */
function signerIndex(n: unknown, count: number): number {
  const wanted = typeof n === "number" ? n : Number(n ?? 1);
  return Math.min(Math.max(1, Number.isFinite(wanted) ? Math.trunc(wanted) : 1), count) - 1;
}

function capitalIf(word: string, options: Options): string {
  return options.hash.capital ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}
