/**
 * The fetch form's fields, read from a posted body, checked, and turned into what the Kolada
 * fetch core takes (KPIs, places, years, gender, key); each problem under its field.
 */
import { counties } from "../../../data/municipalities.js";
import { allMunicipalities, countyByCode, municipalitiesInCounty } from "../../../data/places.js";
import { koladaKeyName } from "../../../facts/fetch/key-definition.js";
import type { KoladaGender } from "../../../facts/fetch/kolada-facts.js";
import { kpiIdPattern } from "../../../statistics/kolada/client.js";
import type { PlaceSelection } from "../../../statistics/places.js";
import { sv } from "../../messages.sv.js";
import type { FieldErrors } from "../kit/form.js";

const t = sv.staff.statistics;

/** The most years one fetch asks for (Kolada's id lists end at 25). */
export const maxYears = 25;

/** The form as typed, to show again. */
export interface FetchForm {
  sok: string;
  kpi: string[];
  kpiIds: string;
  var: "lan" | "land" | "";
  lan: string[];
  regioner: boolean;
  fran: string;
  till: string;
  kon: KoladaGender;
  nyckel: string;
  atgard: "forhandsgranska" | "hamta";
}

/** A checked fetch, for the core. */
export interface FetchAsk {
  kpis: string[];
  places: PlaceSelection;
  /** "Stockholms län", "hela landet (290 kommuner)". */
  where: string;
  years: number[];
  gender: KoladaGender;
  key: string | undefined;
  dryRun: boolean;
}

/** The form's defaults: the last three years before this one, the total, a dry run. */
export function emptyForm(thisYear: number, sok = ""): FetchForm {
  return {
    sok,
    kpi: [],
    kpiIds: "",
    ...emptyPlacesAndYears(thisYear),
    kon: "T",
    nyckel: "",
    atgard: "forhandsgranska",
  };
}

/** The defaults of where and when: nowhere yet, the last three years before this one. */
export function emptyPlacesAndYears(thisYear: number): PlaceYearFields {
  return { var: "", lan: [], regioner: false, fran: String(thisYear - 3), till: String(thisYear - 1) };
}

export type Body = Record<string, string | File | (string | File)[]>;

const strings = (v: Body[string] | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");
export const one = (v: Body[string] | undefined) => strings(v)[0]?.trim() ?? "";

export function readForm(body: Body, thisYear: number): FetchForm {
  const gender = one(body.kon).toUpperCase();
  return {
    ...emptyForm(thisYear, one(body.sok)),
    kpi: strings(body.kpi).map((k) => k.trim().toUpperCase()),
    kpiIds: one(body.kpiIds),
    ...readPlacesAndYears(body),
    kon: gender === "K" || gender === "M" ? gender : "T",
    nyckel: one(body.nyckel),
    atgard: readAction(body),
  };
}

/** Fetch for real, or (anything else) preview. */
export const readAction = (body: Body): FetchForm["atgard"] =>
  one(body.atgard) === "hamta" ? "hamta" : "forhandsgranska";

/** The form as posted fields again (to start the same fetch for real). */
export function formFields(f: FetchForm): Record<string, string | string[]> {
  return {
    sok: f.sok,
    kpi: f.kpi,
    kpiIds: f.kpiIds,
    ...placeAndYearFields(f),
    kon: f.kon,
    nyckel: f.nyckel,
  };
}

/** Where and when as posted fields. */
export function placeAndYearFields(f: PlaceYearFields): Record<string, string | string[]> {
  return { var: f.var, lan: f.lan, ...(f.regioner ? { regioner: "ja" } : {}), fran: f.fran, till: f.till };
}

/** The key typed, if any; a name that is no key's is a problem at the key field. */
export function typedKey(f: { nyckel: string }, errors: FieldErrors): string | undefined {
  const key = f.nyckel.trim() || undefined;
  if (key !== undefined && !/^[a-z][a-z0-9_]*$/.test(key)) errors.set("key", { text: t.errors.badKey });
  return key;
}

/** The KPIs the form names (ticked and typed), each once, upper case. */
export function formKpis(f: FetchForm): string[] {
  const typed = f.kpiIds
    .split(/[\s,;]+/)
    .map((k) => k.trim().toUpperCase())
    .filter(Boolean);
  return [...new Set([...f.kpi, ...typed])];
}

export function checkForm(f: FetchForm, thisYear: number): { ask: FetchAsk } | { errors: FieldErrors } {
  const errors: FieldErrors = new Map();
  const kpis = formKpis(f);
  const bad = kpis.find((k) => !kpiIdPattern.test(k));
  if (kpis.length === 0) errors.set("kpis", { text: t.errors.noKpi });
  else if (bad) errors.set("kpis", { text: t.errors.badKpi(bad) });

  const where = checkPlacesAndYears(f, errors, thisYear);

  let key = typedKey(f, errors);
  if (!errors.has("key") && key !== undefined && kpis.length > 1) errors.set("key", { text: t.errors.keyOnlyOne });
  // The key the core proposes is the core's to choose (and, in time, to register).
  if (key !== undefined && kpis.length === 1 && key === koladaKeyName(kpis[0]!)) key = undefined;

  if (errors.size > 0 || !where) return { errors };
  return {
    ask: {
      kpis,
      ...where,
      gender: f.kon,
      key,
      dryRun: f.atgard !== "hamta",
    },
  };
}

/** The fields of where and when, as both fetch forms have them. */
export type PlaceYearFields = Pick<FetchForm, "var" | "lan" | "regioner" | "fran" | "till">;

/** Where and which years, checked (problems added to `errors`). */
export function checkPlacesAndYears(
  f: PlaceYearFields,
  errors: FieldErrors,
  thisYear: number,
): { places: PlaceSelection; where: string; years: number[] } | undefined {
  const own: FieldErrors = new Map();
  const chosen = counties.filter((c) => f.lan.includes(c.code));
  if (f.var === "") own.set("where", { text: t.errors.noWhere });
  else if (f.var === "lan" && chosen.length === 0) own.set("counties", { text: t.errors.noCounty });

  const year = (s: string) => (/^\d{4}$/.test(s) && Number(s) >= 1950 && Number(s) <= thisYear + 1 ? Number(s) : 0);
  const from = year(f.fran);
  const to = year(f.till);
  if (!from) own.set("from", { text: t.errors.badYear });
  if (!to) own.set("to", { text: t.errors.badYear });
  if (from && to && from > to) own.set("to", { text: t.errors.yearOrder });
  else if (from && to && to - from + 1 > maxYears) own.set("to", { text: t.errors.tooManyYears(maxYears) });

  for (const [k, v] of own) errors.set(k, v);
  if (own.size > 0) return undefined;
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return { ...placesOf(f, chosen), years };
}

/** The place and year fields of a posted body. */
export function readPlacesAndYears(body: Body): PlaceYearFields {
  const where = one(body.var);
  return {
    var: where === "lan" || where === "land" ? where : "",
    lan: strings(body.lan),
    regioner: one(body.regioner) === "ja",
    fran: one(body.fran),
    till: one(body.till),
  };
}

function placesOf(f: PlaceYearFields, chosen: readonly { code: string; name: string }[]) {
  const w = t.whereText;
  if (f.var === "land") {
    const places: PlaceSelection = {
      municipalities: allMunicipalities().map((m) => m.code),
      counties: f.regioner ? counties.map((c) => c.code) : [],
      country: f.regioner,
    };
    return { places, where: f.regioner ? w.withAll : w.country };
  }
  const municipalities = chosen.flatMap((c) => municipalitiesInCounty(c.code).map((m) => m.code)).sort();
  const names = chosen.map((c) => countyByCode(c.code)?.name ?? c.name);
  const places: PlaceSelection = {
    municipalities,
    counties: f.regioner ? chosen.map((c) => c.code) : [],
    country: false,
  };
  const where = w.counties(names);
  return { places, where: f.regioner ? w.withRegions(where) : where };
}
