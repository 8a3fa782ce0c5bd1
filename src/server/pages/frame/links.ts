/** The pages' addresses, built in one place. */
import { findMunicipality } from "../../../data/places.js";
import { slug } from "../../../lang/slug.js";

export const paths = {
  draft: "/",
  download: "/utkast",
  campaign: "/kampanj",
  factsFragment: "/fragment/fakta",
  previewFragment: "/fragment/forhandsvisning",
  /** The fact picker's list for a municipality (draft/fact-picker.tsx). */
  pickerFragment: "/fragment/faktavaljare",
  corpus: "/korpus",
  places: "/kommun",
  /** The staff's tools (sign-in first; pages/staff/). */
  staff: "/personal",
  /** The templates, their editor, and its preview fragment (staff only; pages/templates/). */
  templates: "/personal/mallar",
  templatePreviewFragment: "/personal/mallar/forhandsvisning",
  /** The API's documentation (served by the API routes). */
  api: "/api/docs",
} as const;

/** A query string from pairs; empty values are left out. */
export function query(pairs: ReadonlyArray<readonly [string, string | number | undefined]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of pairs) if (v !== undefined && v !== "") p.append(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** "/kommun/lidingo"; the code when the plain slug would name another municipality (Håbo, Habo). */
export function placeHref(p: { code: string; name: string }): string {
  const s = slug(p.name);
  let ok = false;
  try {
    ok = findMunicipality(s).code === p.code;
  } catch {
    ok = false;
  }
  return `${paths.places}/${ok ? s : p.code}`;
}

export function recordHref(id: string): string {
  return `${paths.corpus}/${encodeURIComponent(id)}`;
}

export function draftHref(opts: { template?: string; kommun?: string; argument?: string }): string {
  return `${paths.draft}${query([
    ["template", opts.template],
    ["kommun", opts.kommun],
    ["arguments", opts.argument],
  ])}`;
}
