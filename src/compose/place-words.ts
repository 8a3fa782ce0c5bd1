/**
 * How a draft names its municipality's bodies and place: Region Gotland has
 * regionfullmäktige and regionstyrelsen; islands take "på" (på Lidingö); the dateline uses
 * the seat (Visby, Bålsta). The particulars are reference data (src/data); this file only
 * turns them into words.
 */
import type { Place } from "../domain/municipality.js";

/** The fields of the reference data this module reads (present on every Place). */
type PlaceData = Place & { seat?: string; preposition?: "i" | "på"; isRegion?: boolean; county: Place["county"] & { municipalityCount?: number } };

const data = (place: Place): PlaceData => place as PlaceData;

export interface BodyWords {
  /** "kommunfullmäktige" / "regionfullmäktige" */
  council: string;
  /** "kommunstyrelsen" / "regionstyrelsen" */
  board: string;
  /** "kommunen" / "regionen" */
  body: string;
  /** "kommunens" / "regionens" */
  bodyGenitive: string;
}

const municipal: BodyWords = { council: "kommunfullmäktige", board: "kommunstyrelsen", body: "kommunen", bodyGenitive: "kommunens" };
const regional: BodyWords = { council: "regionfullmäktige", board: "regionstyrelsen", body: "regionen", bodyGenitive: "regionens" };

export function bodyWords(place: Place): BodyWords {
  return data(place).isRegion ? regional : municipal;
}

/** "på Lidingö", "i Umeå". */
export function inPlace(place: Place): string {
  return `${data(place).preposition ?? "i"} ${place.name}`;
}

/** The place the dateline names: the municipality's seat ("Visby" for Gotland). */
export function datelinePlace(place: Place): string {
  return data(place).seat ?? place.name;
}

/** How many other municipalities the county has (none for Gotlands län). */
export function otherMunicipalitiesInCounty(place: Place): number {
  const count = data(place).county.municipalityCount;
  return count === undefined ? 1 : count - 1;
}
