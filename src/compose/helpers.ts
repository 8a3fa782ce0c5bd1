/**
 * The Handlebars helpers templates use: Swedish forms (dates, numbers, lists, genitive,
 * jag/vi, official names) and facts with provenance (cite, source, fact, hasFact).
 * Every string a helper returns is Markdown-safe: values are escaped here.
 */
import type { HelperOptions } from "handlebars";
import { formatDate } from "../lang/dates.js";
import { formatNumber, formatPercent } from "../lang/numbers.js";
import { formatList } from "../lang/lists.js";
import { genitive } from "../lang/genitive.js";
import { factDefinition } from "../facts/catalog.js";
import { formatFactValue } from "../facts/format-value.js";
import { escapeInline } from "./markdown-escape.js";
import { keepWithNextMarker } from "./citation-marker.js";
import { partyName } from "../domain/signer.js";
import { citeHistory } from "./cite-history.js";
import type { ComposeState } from "./compose-state.js";

type Options = HelperOptions & { data: { motionera: ComposeState; root: { date: string } } };

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

function keyParam(params: unknown[], helper: string): string {
  const key = params[0];
  if (typeof key !== "string") throw new Error(`${helper}: the first argument must be a fact key in quotes`);
  return key;
}

export const helpers = {
  /** {{date}} → the document date; {{date "2023-02-21"}} → "21 februari 2023". */
  date(...args: unknown[]): string {
    const { params, options } = split(args);
    const d = (params[0] as string | undefined) ?? options.data.root.date;
    return formatDate(String(d).replace(/\\/g, ""));
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
    return options.hash["capital"] ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  },
  /** {{officialName}} → the name the municipality uses ("Lidingö stad"); legal=true → "Lidingö kommun". */
  officialName(...args: unknown[]): string {
    const { options } = split(args);
    const place = state(options).place;
    return escapeInline(options.hash["legal"] ? place.officialName : place.selfName);
  },
  /**
   * {{cite "key"}} → the value as the document shows it, with its source as a note.
   * {{cite "key" "kommuner"}} → "16 kommuner" with the note after the word, so a note
   * number never stands right after a figure ("16⁴" reads as a power).
   * {{cite "key" history=true}} → every value with its date, "2021: 12, 2023: 19", one note per source.
   */
  cite(...args: unknown[]): string {
    const { params, options } = split(args);
    const key = keyParam(params, "cite");
    const st = state(options);
    const found = st.lookup(key);
    const words = typeof params[1] === "string" && params[1].length > 0 ? ` ${escapeInline(params[1])}` : "";
    if (!found) return escapeInline(`[uppgift saknas: ${factDefinition(key)?.label ?? key}]`) + words;
    if (options.hash["history"]) {
      const all = st.lookupHistory(key)!;
      return citeHistory(st, all.facts, all.subjectName, words);
    }
    return escapeInline(formatFactValue(found.fact.value, factDefinition(key))) + words + st.cite(found.fact, found.subjectName);
  },
  /** {{source "key"}} → only the note: for a sentence that states the fact in words. */
  source(...args: unknown[]): string {
    const { params, options } = split(args);
    const st = state(options);
    const found = st.lookup(keyParam(params, "source"));
    return found ? st.cite(found.fact, found.subjectName) : "";
  },
  /** {{fact "key"}} → the raw value (true/false, a number, a text) for conditions: {{#if (fact "key")}}. */
  fact(...args: unknown[]): unknown {
    const { params, options } = split(args);
    const found = state(options).lookup(keyParam(params, "fact"));
    if (!found) return undefined;
    return found.fact.value.type === "text" ? escapeInline(found.fact.value.value) : found.fact.value.value;
  },
  /** {{#hasFact "key"}}…{{else}}…{{/hasFact}}: whether the registry holds the fact for this municipality. */
  hasFact(this: unknown, ...args: unknown[]): string {
    const { params, options } = split(args);
    const found = state(options).lookup(keyParam(params, "hasFact"));
    return found ? options.fn(this) : options.inverse(this);
  },
  /** {{placeAndDate}} → "Lidingö den 24 november 2026": the line above the signatures, kept with them. */
  placeAndDate(...args: unknown[]): string {
    const { options } = split(args);
    return `${keepWithNextMarker}${escapeInline(state(options).place.name)} den ${formatDate(options.data.root.date)}`;
  },
  /**
   * {{signatures}} → one paragraph per signer: "Namn (Parti)" and the role on the next line;
   * every one but the last is kept with the next, so the signatures stand together.
   */
  signatures(...args: unknown[]): string {
    const { options } = split(args);
    const signers = state(options).signers;
    return signers
      .map((s, i) => {
        const name = escapeInline(s.party ? `${s.name} (${s.party})` : s.name);
        const keep = i < signers.length - 1 ? keepWithNextMarker : "";
        return keep + (s.role ? `${name}\\\n${escapeInline(s.role)}` : name);
      })
      .join("\n\n");
  },
  /** {{placeholder "beslutets datum"}} → a visible "[FYLL I: beslutets datum]" the draft lists. */
  placeholder(...args: unknown[]): string {
    const { params, options } = split(args);
    const what = params[0];
    if (typeof what !== "string" || what.trim() === "") throw new Error("placeholder: say in quotes what the signer must fill in");
    return state(options).placeholder(what);
  },
  /**
   * {{corpusArguments}} → the arguments from the corpus that the user chose, one paragraph
   * each, every one with a note saying where it was made. Nothing when none were chosen.
   */
  corpusArguments(...args: unknown[]): string {
    const st = state(split(args).options);
    return st.selectedArguments.map((a) => `${escapeInline(a.argument.claim)}${st.citeArgument(a)}`).join("\n\n");
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
  /** {{#if (or (fact "a") input.b)}}: true when any argument is. */
  or(...args: unknown[]): boolean {
    return split(args).params.some(Boolean);
  },
  /** {{#if (not (fact "key"))}} */
  not(...args: unknown[]): boolean {
    return !split(args).params[0];
  },
};

export type HelperName = keyof typeof helpers;
/** Helpers whose first argument is a fact key: the loader checks each key is declared. */
export const factHelpers: readonly HelperName[] = ["cite", "source", "fact", "hasFact"];
