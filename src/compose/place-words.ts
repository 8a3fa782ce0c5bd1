/**
 * How a draft names its municipality's bodies and place: Region Gotland has
 * regionfullmäktige and regionstyrelsen; islands take "på" (på Lidingö); the dateline uses
 * the seat (Visby, Bålsta). The particulars are reference data (src/data); this file only
 * turns them into words.
 */
import type { Place } from "../domain/municipality.js";

import { inPlace as placeWithPreposition } from "../lang/in-place.js";

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

const municipal: BodyWords = {
  council: "kommunfullmäktige",
  board: "kommunstyrelsen",
  body: "kommunen",
  bodyGenitive: "kommunens",
};
const regional: BodyWords = {
  council: "regionfullmäktige",
  board: "regionstyrelsen",
  body: "regionen",
  bodyGenitive: "regionens",
};

export function bodyWords(place: Place): BodyWords {
  return place.isRegion ? regional : municipal;
}

/** "på Lidingö", "i Umeå". */
export function inPlace(place: Place): string {
  return placeWithPreposition(place);
}

/** The place the dateline names: the municipality's seat ("Visby" for Gotland). */
export function datelinePlace(place: Place): string {
  return place.seat;
}

/** How many other municipalities the county has (none for Gotlands län). */
export function otherMunicipalitiesInCounty(place: Place): number {
  return place.county.municipalityCount - 1;
}
