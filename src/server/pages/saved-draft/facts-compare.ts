/**
 * A saved draft's facts then and now: the draft composed with only the facts recorded when it was saved, and
 * with the facts as they are, and which cited facts differ (compose/cited-changes.ts), worded for the page.
 */
import { citedFactChanges } from "../../../compose/cited-changes.js";
import type { Fact } from "../../../domain/fact.js";
import { factDefinition } from "../../../facts/catalog.js";
import { formatFactValue } from "../../../facts/format-value.js";
import { isMotioneraError } from "../../../domain/errors.js";
import { formatDate, formatDateTime } from "../../../lang/dates.js";
import type { Workspace } from "../../../workspace.js";
import { sv } from "../../messages.sv.js";
import { checkForm } from "../draft/check.js";
import type { FormState } from "../draft/state.js";

export interface FactChangeLine {
  /** "Folkmängd, Lidingö" */
  what: string;
  /** The value then and now, each with its period and when it was recorded; "citerades inte" when absent. */
  saved: string;
  now: string;
}

const valueLine = (f: Fact | undefined): string =>
  f
    ? sv.savedDrafts.facts.value(
        formatFactValue(f.value, factDefinition(f.key)),
        f.asOf ? formatDate(f.asOf) : undefined,
        formatDateTime(f.recordedAt),
      )
    : sv.savedDrafts.facts.notCited;

/** The facts the draft cites composed at `knownAt` and now; undefined when the form cannot be composed yet. */
export async function factChanges(
  ws: Workspace,
  state: FormState,
  knownAt: string,
): Promise<FactChangeLine[] | undefined> {
  const at = async (options: { knownAt?: string }) => {
    const checked = await checkForm(state, ws, { placeholderSigner: sv.preview.placeholderSigner, ...options });
    if (!checked.request) return undefined;
    try {
      return (await ws.compose(checked.request, options)).cited;
    } catch (e) {
      if (isMotioneraError(e)) return undefined;
      throw e;
    }
  };
  const [then, now] = [await at({ knownAt }), await at({})];
  if (!then || !now) return undefined;
  return citedFactChanges(then, now).map((c) => ({
    what: `${c.label}, ${c.subjectName}`,
    saved: valueLine(c.before),
    now: valueLine(c.after),
  }));
}
