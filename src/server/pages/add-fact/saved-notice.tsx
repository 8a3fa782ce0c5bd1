/**
 * The confirmation on the page the user comes back to after "Lägg till uppgift": which fact was
 * saved for which municipality (the page reads the key from its address, see paths.ts).
 */
import type { Place } from "../../../domain/municipality.js";
import type { FactCatalog } from "../../../facts/fact-catalog.js";
import { sv } from "../../messages.sv.js";
import { savedFactOf } from "./paths.js";

/** The notice's words for the key an address names, if the catalog knows it. */
export function savedFactFor(
  given: string | undefined,
  catalog: FactCatalog,
  place: Pick<Place, "name"> | undefined,
): { label: string; place: string } | undefined {
  const key = savedFactOf(given);
  const def = key ? catalog.get(key) : undefined;
  return def && place ? { label: def.label, place: place.name } : undefined;
}

export function SavedFactNotice(props: { label: string; place: string; inDraft?: boolean }) {
  return (
    <div class="notice notice-ok" role="status" tabindex={-1} data-notice>
      <p>
        {sv.addFact.saved(props.label, props.place)}
        {props.inDraft ? ` ${sv.addFact.savedInDraft}` : ""}
      </p>
    </div>
  );
}
