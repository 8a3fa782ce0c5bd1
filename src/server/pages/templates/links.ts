/** The template pages' addresses (all under /personal: staff only, form posts CSRF-guarded). */
import { paths } from "../frame/links.js";

export const templatePaths = {
  /** GET: the templates in the library, "Ny mall" and "Ladda upp". */
  list: paths.templates,
  /** GET ?id=…&typ=…: the editor with the starter of a kind. */
  create: `${paths.templates}/ny`,
  /** POST (multipart): an uploaded file, opened in the editor. */
  upload: `${paths.templates}/ladda-upp`,
  /** POST: the editor's form (atgard=kontrollera | forhandsgranska | spara). */
  editor: `${paths.templates}/redigera`,
  /** POST: the editor's live preview, for the script. */
  previewFragment: paths.templatePreviewFragment,
} as const;

/** The editor for a template of the library. */
export const editHref = (id: string) => `${templatePaths.editor}/${encodeURIComponent(id)}`;

/** The list, saying which template was just saved. */
export const savedHref = (id: string) => `${templatePaths.list}?${new URLSearchParams({ sparad: id })}`;
