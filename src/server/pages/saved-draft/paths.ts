/** The saved drafts' addresses (beside POST /utkast, the draft form's preview and downloads). */
import { savedDraftIdPattern } from "../../../domain/saved-draft.js";

const base = "/utkast";

export const savedDraftPaths = {
  /** POST: the form saved as a new draft (signed in with a write token). */
  save: `${base}/spara`,
  /** The signed-in user's drafts on the server. */
  list: `${base}/sparade`,
  /** Every address of one draft: /utkast/<id>, /utkast/<id>/version, /utkast/<id>/duplicera. */
  draft: (id: string) => `${base}/${id}`,
  version: (id: string) => `${base}/${id}/version`,
  duplicate: (id: string) => `${base}/${id}/duplicera`,
  /** Hono's patterns for the routes. */
  draftRoute: `${base}/:id{[A-Za-z0-9_-]{22}}`,
  versionRoute: `${base}/:id{[A-Za-z0-9_-]{22}}/version`,
  duplicateRoute: `${base}/:id{[A-Za-z0-9_-]{22}}/duplicera`,
  /** Anything else under /utkast/: a link cut short or mistyped. */
  otherRoute: `${base}/*`,
} as const;

/** The query parameters of /utkast/<id>: which version, which facts ("sparat" or "nu"), and a note just saved. */
export const savedDraftParams = { version: "version", facts: "fakta", saved: "sparat" } as const;

/** The form field that carries the instant whose facts a preview uses (a saved draft "as when saved"). */
export const knownAtField = "faktaVid";

/** Whether a path is one of a saved draft's pages (signing in for it needs the write role). */
export const isSavedDraftPath = (path: string): boolean =>
  path === savedDraftPaths.list ||
  path.startsWith(`${savedDraftPaths.list}?`) ||
  new RegExp(`^${base}/[A-Za-z0-9_-]{22}(?:[/?]|$)`).test(path);

export const isSavedDraftId = (id: string): boolean => savedDraftIdPattern.test(id);
