/**
 * The draft form's state as the browser sends it (a GET query or a POST body): reading it,
 * keeping it in an address, and turning it into a DraftRequest for the core to check
 * (./check.ts maps the core's problems back to the fields).
 */
import type { DraftRequest } from "../../../domain/draft-request.js";
import { readSignerRows, rowOfSigner, signerParams, signersOf, type SignerRow } from "../kit/signer-rows.js";
import { lastValue, type FormSource } from "../kit/form-source.js";
import { paths } from "../frame/links.js";

export interface FormState {
  template: string;
  kommun: string;
  signers: SignerRow[];
  date: string;
  /** Raw values of the template's own inputs, by input name. */
  inputs: Record<string, string>;
  arguments: string[];
  /**
   * The body as the user edited it ("Redigera texten", see compose/edited-body.ts); empty while
   * the template's own text is used. Saved drafts keep it as it is.
   */
  editedMarkdown: string;
  /** What the text was edited from: the template, the municipality and the citation of each note number. */
  editedFrom: EditedFrom;
}

export interface EditedFrom {
  template: string;
  kommun: string;
  notes: string[];
}

export { isEmptyRow, maxRows, otherParty, partyOf, type SignerRow } from "../kit/signer-rows.js";

const last = lastValue;

export interface ReadOptions {
  defaultTemplate: string;
  today: string;
}

/**
 * Reads the form. `add` (the "Fler rader" button) adds an empty signer row, `remove=<n>`
 * ("Ta bort") removes row n; with no rows at all the form starts with three.
 */
export function readForm(src: FormSource, opts: ReadOptions): FormState {
  const signers = readSignerRows(src);

  const inputs: Record<string, string> = {};
  for (const n of src.names()) {
    const m = /^input\.([a-z][a-zA-Z0-9]*)$/.exec(n);
    if (m) inputs[m[1]!] = last(src, n);
  }
  const date = last(src, "date").trim();
  const editedFrom: EditedFrom = {
    template: last(src, "editedFrom.template").trim(),
    kommun: last(src, "editedFrom.kommun").trim(),
    notes: last(src, "editedFrom.notes").split(/\s+/).filter(Boolean),
  };
  // "Återställ texten" and "Byt och släng ändringarna" drop the edits; "Behåll ändringarna" goes
  // back to the template and municipality they were made for.
  const dropEdits = last(src, "resetText") !== "" || last(src, "discardEdits") !== "";
  const keepEdits = last(src, "keepEdits") !== "" && editedFrom.template !== "";
  const editedMarkdown = dropEdits ? "" : last(src, "editedMarkdown");
  return {
    template: keepEdits ? editedFrom.template : last(src, "template").trim() || opts.defaultTemplate,
    kommun: keepEdits ? editedFrom.kommun : last(src, "kommun").trim(),
    signers,
    date: date || opts.today,
    inputs,
    arguments: [
      ...new Set(
        src
          .all("arguments")
          .map((a) => a.trim())
          .filter(Boolean),
      ),
    ],
    editedMarkdown,
    editedFrom: editedMarkdown === "" ? { template: "", kommun: "", notes: [] } : editedFrom,
  };
}

/** Whether the form holds an edited text. */
export const isEdited = (state: FormState): boolean => state.editedMarkdown.trim() !== "";

/** The form as a query string for GET / (the "Menade du …" links keep everything typed). */
export function stateHref(state: FormState, change: Partial<Pick<FormState, "kommun" | "template">> = {}): string {
  const s = { ...state, ...change };
  const p = new URLSearchParams();
  p.set("template", s.template);
  if (s.kommun) p.set("kommun", s.kommun);
  signerParams(s.signers, p);
  p.set("date", s.date);
  for (const [k, v] of Object.entries(s.inputs)) p.set(`input.${k}`, v);
  for (const a of s.arguments) p.append("arguments", a);
  if (isEdited(s)) {
    p.set("editedMarkdown", s.editedMarkdown);
    p.set("editedFrom.template", s.editedFrom.template);
    p.set("editedFrom.kommun", s.editedFrom.kommun);
    p.set("editedFrom.notes", s.editedFrom.notes.join(" "));
  }
  return `${paths.draft}?${p.toString()}`;
}

/** The form row of the n-th signer that was sent (empty rows are skipped when sending). */
export const signerRowOf = (state: FormState, n: number): number => rowOfSigner(state.signers, n);

/**
 * The form as the request the core checks, unchecked: the rows that were filled in as
 * signers (a row without a name is sent as one, so the core names it), the raw values of the
 * template's inputs.
 * `placeholderSigner` signs the preview when no row is filled in yet.
 */
export function requestOf(state: FormState, inputNames: readonly string[], placeholderSigner?: string): DraftRequest {
  const authors = signersOf(state.signers);
  if (authors.length === 0 && placeholderSigner) authors.push({ name: placeholderSigner });
  const inputs: Record<string, string | null> = {};
  // Only the template's own inputs: fields left from another template are not sent.
  for (const name of inputNames) inputs[name] = (state.inputs[name] ?? "") === "" ? null : state.inputs[name]!;
  return {
    template: state.template,
    municipality: state.kommun,
    authors,
    date: state.date,
    inputs,
    arguments: state.arguments,
    ...(isEdited(state)
      ? {
          editedMarkdown: state.editedMarkdown,
          editedFrom: {
            template: state.editedFrom.template || state.template,
            municipality: state.editedFrom.kommun || state.kommun,
            notes: state.editedFrom.notes,
          },
        }
      : {}),
  };
}
