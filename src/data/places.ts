/**
 * Lookup of municipalities and counties by code, name, genitive, official name or the name a
 * municipality uses for itself, in any case and with or without diacritics. The keyed maps
 * are built once, when the module loads.
 *
 * A place joins the municipality with its county (and the county's number of municipalities),
 * its seat (seats.ts), the preposition its name takes (prepositions.ts) and whether its body
 * is a region (regions.ts).
 */
import type { County, Place, PlaceCounty } from "../domain/municipality.js";
import { MotioneraError } from "../domain/errors.js";
import { genitive } from "../lang/genitive.js";
import { nearest } from "../lang/nearest.js";
import { fold, foldCase } from "../lang/normalize.js";
import { counties, municipalities } from "./municipalities.js";
import { paMunicipalityCodes } from "./prepositions.js";
import { regionMunicipalityCodes } from "./regions.js";
import { seats } from "./seats.js";

const countiesByCode = new Map<string, PlaceCounty>(
  counties.map((c) => {
    const municipalityCount = municipalities.filter((m) => m.countyCode === c.code).length;
    return [c.code, Object.freeze({ ...c, municipalityCount })];
  }),
);

const places: readonly Place[] = Object.freeze(
  municipalities.map((m) => {
    const county = countiesByCode.get(m.countyCode);
    if (!county) throw new Error(`municipality ${m.code} names unknown county ${m.countyCode}`);
    const seat = seats[m.code];
    if (!seat) throw new Error(`municipality ${m.code} has no seat in seats.ts`);
    return Object.freeze({
      ...m,
      seat,
      preposition: paMunicipalityCodes.has(m.code) ? "på" : "i",
      isRegion: regionMunicipalityCodes.has(m.code),
      county,
    } satisfies Place);
  }),
);

const placesByCode = new Map<string, Place>(places.map((p) => [p.code, p]));

/**
 * A lookup map: each key (made by `norm`) goes to the items that have it in the first tier
 * that has it at all; more than one item means the key is ambiguous.
 */
function keyMap<T>(
  items: readonly T[],
  tiers: ReadonlyArray<(item: T) => string[]>,
  norm: (s: string) => string,
): Map<string, readonly T[]> {
  const map = new Map<string, readonly T[]>();
  for (const tier of tiers) {
    const added = new Map<string, T[]>();
    for (const item of items) {
      for (const k of tier(item).map(norm)) {
        if (k === "" || map.has(k)) continue;
        const xs = added.get(k) ?? [];
        if (!xs.includes(item)) xs.push(item);
        added.set(k, xs);
      }
    }
    for (const [k, v] of added) map.set(k, v);
  }
  return map;
}

/**
 * Looks a query up with diacritics kept first, then folded: "Habo" and "Håbo" are two
 * municipalities, and "habo" means Habo. Returns the hit, or the ambiguous candidates.
 */
function lookup<T>(
  exact: Map<string, readonly T[]>,
  folded: Map<string, readonly T[]>,
  query: string,
): { hit?: T; candidates: readonly T[] } {
  for (const hits of [exact.get(foldCase(query)), folded.get(fold(query))]) {
    if (hits?.length === 1) return { hit: hits[0]!, candidates: hits };
    if (hits && hits.length > 1) return { candidates: hits };
  }
  return { candidates: [] };
}

const placeTiers: ReadonlyArray<(p: Place) => string[]> = [
  (p) => [p.name],
  (p) => [p.officialName, p.selfName, p.officialName.replace(/ kommun$/, "")], // "Falu"
  (p) => {
    const g = genitive(p.name);
    return [g, `${p.name} kommun`, `${g} kommun`, `${p.name} stad`, `${g} stad`];
  },
];
/**
 * The key maps are built on the first query that needs them: folding every name and form of
 * every place is most of the cost of loading this module, and a command that names its
 * municipality exactly ("Lidingö") finds it by name alone.
 */
function lazily<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
const placesByName = new Map<string, Place>(places.map((p) => [p.name, p]));
const placesByExactKey = lazily(() => keyMap(places, placeTiers, foldCase));
const placesByKey = lazily(() => keyMap(places, placeTiers, fold));

const countyList: readonly PlaceCounty[] = [...countiesByCode.values()];
const countyTiers: ReadonlyArray<(c: County) => string[]> = [
  (c) => [c.name, c.shortName],
  (c) => [genitive(c.shortName), `${c.shortName} län`, `${genitive(c.shortName)} län`],
];
const countiesByExactKey = lazily(() => keyMap(countyList, countyTiers, foldCase));
const countiesByKey = lazily(() => keyMap(countyList, countyTiers, fold));

const placeNames: readonly string[] = places.map((p) => p.name);
const countiesByShortName = new Map<string, PlaceCounty>(countyList.map((c) => [c.shortName, c]));
const countiesByLetter = new Map<string, PlaceCounty>(countyList.map((c) => [c.letter, c]));

/** Removes a leading "region" and a trailing "kommun"/"stad"/"län" so a typo is compared by its name. */
function bareName(folded: string): string {
  return folded
    .replace(/^region /, "")
    .replace(/ (kommun|stad|lan)$/, "")
    .trim();
}

/** The municipality with this SCB code ("0186"), if any. */
export function municipalityByCode(code: string): Place | undefined {
  return placesByCode.get(code.trim());
}

/** The county with this code ("01"; "1" also works), if any, with its number of municipalities. */
export function countyByCode(code: string): PlaceCounty | undefined {
  const c = code.trim();
  return countiesByCode.get(/^\d$/.test(c) ? `0${c}` : c);
}

/** All 290 municipalities, sorted by code. */
export function allMunicipalities(): readonly Place[] {
  return places;
}

/** The municipalities of one county ("01"), sorted by code. */
export function municipalitiesInCounty(countyCode: string): Place[] {
  const county = countyByCode(countyCode);
  return county ? places.filter((p) => p.countyCode === county.code) : [];
}

/**
 * The municipality a query names, as findMunicipality reads it, or undefined: no error and no
 * suggestions, which cost far more than the lookup (an import checks millions of cells).
 */
export function municipalityNamed(query: string): Place | undefined {
  const q = query.trim();
  if (/^\d{4}$/.test(q)) {
    const p = placesByCode.get(q);
    if (p) return p;
  }
  return placesByName.get(q) ?? lookup(placesByExactKey(), placesByKey(), q).hit;
}

/** The county a query names, as findCounty reads it, or undefined. */
export function countyNamed(query: string): PlaceCounty | undefined {
  const q = query.trim();
  if (/^\d{1,2}$/.test(q)) {
    const c = countyByCode(q);
    if (c) return c;
  }
  return countiesByLetter.get(q.toUpperCase()) ?? lookup(countiesByExactKey(), countiesByKey(), q).hit;
}

/**
 * Finds a municipality by SCB code ("0186"), name ("Lidingö", "lidingo", "UPPLANDS-VASBY"),
 * genitive ("Lidingös"), official name ("Falu kommun") or self name ("Lidingö stad",
 * "Region Gotland"). Throws MotioneraError unknown_municipality with the three nearest names.
 */
export function findMunicipality(query: string): Place {
  const found = municipalityNamed(query);
  if (found) return found;
  const q = query.trim();
  const { candidates } = lookup(placesByExactKey(), placesByKey(), q);
  const near = nearest(bareName(fold(q)), placeNames, 3);
  const suggestions = [...new Set([...candidates.map((p) => p.name), ...near])].slice(0, 3);
  throw new MotioneraError({ code: "unknown_municipality", query, suggestions });
}

/**
 * Finds a county by code ("01", "1"), letter ("AB", "ab") or name ("Stockholms län",
 * "stockholms lan", "Stockholm", "Stockholms"). Throws MotioneraError unknown_county with
 * the three nearest county names.
 */
export function findCounty(query: string): PlaceCounty {
  const found = countyNamed(query);
  if (found) return found;
  const q = query.trim();
  const { candidates } = lookup(countiesByExactKey(), countiesByKey(), q);
  const names = nearest(bareName(fold(q)), [...countiesByShortName.keys()], 3).map(
    (s) => countiesByShortName.get(s)!.name,
  );
  const suggestions = [...new Set([...candidates.map((c) => c.name), ...names])].slice(0, 3);
  throw new MotioneraError({ code: "unknown_county", query, suggestions });
}
