/**
 * A saved draft's cited facts then and now, for the page and the API alike: the request composed with only the
 * facts recorded by `knownAt` (when it was saved) and with the facts as they are, and which cited facts differ.
 */
import { citedFactChanges, type CitedFactChange } from "../compose/cited-changes.js";
import type { DraftRequest } from "../domain/draft-request.js";
import { isMotioneraError } from "../domain/errors.js";
import type { SavedDraftState } from "../domain/saved-draft.js";
import type { Workspace } from "../workspace.js";
import { sv } from "./messages.sv.js";
import { requestOf } from "./pages/draft/state.js";

/** The changes; undefined when the request cannot be composed (then or now). */
export async function citedChangesOf(
  ws: Workspace,
  request: DraftRequest,
  knownAt: string,
): Promise<CitedFactChange[] | undefined> {
  const cited = async (options: { knownAt?: string }) => {
    try {
      return (await ws.compose(request, options)).cited;
    } catch (e) {
      if (isMotioneraError(e)) return undefined;
      throw e;
    }
  };
  const then = await cited({ knownAt });
  const now = await cited({});
  return then && now ? citedFactChanges(then, now) : undefined;
}

/**
 * A saved state as the request the core composes: with the preview's stand-in signer when none is filled in
 * (comparing facts), or without (a document, which then needs one).
 */
export async function requestOfSaved(
  ws: Workspace,
  state: SavedDraftState,
  options: { placeholder: boolean } = { placeholder: true },
): Promise<DraftRequest> {
  let names: string[] = [];
  try {
    names = (await ws.templates()).get(state.template).frontMatter.inputs.map((i) => i.name);
  } catch (e) {
    if (!isMotioneraError(e)) throw e;
  }
  return requestOf(state, names, options.placeholder ? sv.preview.placeholderSigner : undefined);
}
