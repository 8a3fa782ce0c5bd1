import type { Preposition } from "../domain/municipality.js";

/**
 * A municipality's name after its preposition, saying where: "på Lidingö", "på Gotland",
 * "i Umeå", "i Upplands Väsby". The preposition belongs to the municipality's name
 * (prepositions.ts), not to its seat: "på Gotland", but Visby is "i Visby".
 */
export function inPlace(place: { readonly name: string; readonly preposition: Preposition }): string {
  return `${place.preposition} ${place.name}`;
}
