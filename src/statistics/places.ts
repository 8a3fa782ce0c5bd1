/**
 * Which places a fetch asks for: named municipalities (`--kommun`), counties with their
 * municipalities (`--lan`), or all 290 municipalities, the 21 counties and the country
 * (`--all`), each by SCB code; the services' own ids follow from these.
 */
import { counties } from "../data/municipalities.js";
import { allMunicipalities, findCounty, findMunicipality, municipalitiesInCounty } from "../data/places.js";

export interface PlaceSelection {
  /** SCB municipality codes ("0180"), sorted, each once. */
  municipalities: string[];
  /** County codes ("01"). */
  counties: string[];
  /** The whole country too. */
  country: boolean;
}

export interface PlaceQuery {
  kommun?: readonly string[];
  lan?: readonly string[];
  all?: boolean;
}

/** Names or codes, repeated or comma-separated ("Lidingö,0180" and --kommun twice alike). */
const split = (xs: readonly string[] | undefined) =>
  (xs ?? [])
    .flatMap((x) => x.split(","))
    .map((x) => x.trim())
    .filter(Boolean);

/** Throws unknown_municipality / unknown_county (with suggestions) for a name that is no place. */
export function selectPlaces(q: PlaceQuery): PlaceSelection {
  if (q.all) {
    return {
      municipalities: allMunicipalities().map((m) => m.code),
      counties: counties.map((c) => c.code),
      country: true,
    };
  }
  const municipalities = new Set(split(q.kommun).map((k) => findMunicipality(k).code));
  const countyCodes = new Set<string>();
  for (const l of split(q.lan)) {
    const county = findCounty(l);
    countyCodes.add(county.code);
    for (const m of municipalitiesInCounty(county.code)) municipalities.add(m.code);
  }
  return { municipalities: [...municipalities].sort(), counties: [...countyCodes].sort(), country: false };
}

export const isEmptySelection = (s: PlaceSelection) =>
  s.municipalities.length === 0 && s.counties.length === 0 && !s.country;

/** Kolada's ids: municipalities as SCB codes, regions "00" + county code, the country "0000". */
export const koladaPlaceIds = (s: PlaceSelection): string[] => [
  ...s.municipalities,
  ...s.counties.map((c) => `00${c}`),
  ...(s.country ? ["0000"] : []),
];

/** SCB's Region codes: municipalities "0180", counties "01", the country "00". */
export const scbRegionCodes = (s: PlaceSelection): string[] => [
  ...s.municipalities,
  ...s.counties,
  ...(s.country ? ["00"] : []),
];

/** Splits a list into lists of at most `size` (services refuse longer id lists). */
export function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
