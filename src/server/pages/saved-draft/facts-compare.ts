/**
 * A saved draft's facts then and now: the draft composed with only the facts recorded when it was saved, and
 * with the facts as they are, and which cited facts differ (compose/cited-changes.ts), worded for the page.
 */
import type { Fact } from "../../../domain/fact.js";
import { factDefinition } from "../../../facts/catalog.js";
import { formatFactValue } from "../../../facts/format-value.js";
import { formatDate, formatDateTime } from "../../../lang/dates.js";
import type { Workspace } from "../../../workspace.js";
import { sv } from "../../messages.sv.js";
import { checkForm } from "../draft/check.js";
import { citedChangesOf } from "../../saved-draft-facts.js";
import type { FormState } from "../draft/state.js";

export interface FactChangeLine {
  /** "Folkmängd, Lidingö" */
  what: string;
  /** The value then and now, each with its period and when it was recorded; "citerades inte" when absent. */
  saved: string;
  now: string;
}

const valueLine = (f: Fact | undefined, absent: string): string =>
  f
    ? sv.savedDrafts.facts.value(
        formatFactValue(f.value, factDefinition(f.key)),
        f.asOf ? formatDate(f.asOf) : undefined,
        formatDateTime(f.recordedAt),
      )
    : absent;

/** The cited facts that differ at `knownAt` and now, worded; undefined when the form cannot be composed yet. */
export async function factChanges(
  ws: Workspace,
  state: FormState,
  knownAt: string,
): Promise<FactChangeLine[] | undefined> {
  const checked = await checkForm(state, ws, { placeholderSigner: sv.preview.placeholderSigner });
  if (!checked.request) return undefined;
  const changes = await citedChangesOf(ws, checked.request, knownAt);
  return changes?.map((c) => ({
    what: `${c.label}, ${c.subjectName}`,
    saved: valueLine(c.before, sv.savedDrafts.facts.notCitedThen),
    now: valueLine(c.after, sv.savedDrafts.facts.notCitedNow),
  }));
}
