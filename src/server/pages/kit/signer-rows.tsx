/**
 * Signer rows, one fieldset a signer (name, party from a list or a local one, role), as the
 * draft and campaign forms ask for them: reading them from a form, turning them into signers,
 * and the controls. Without the script "Fler rader" and "Ta bort" reload the form (GET to
 * `action`); site.js adds and removes rows in place.
 */
import { parliamentaryParties, type Signer } from "../../../domain/signer.js";
import { sv } from "../../messages.sv.js";
import { lastValue as last, type FormSource } from "./form-source.js";
import {
  control as kitControl,
  describedBy,
  Err as KitErr,
  fieldClass,
  Help as KitHelp,
  Label as KitLabel,
} from "./form.js";
import type { FieldErrors, FormIds } from "./form.js";

const t = sv.draft;

export interface SignerRow {
  name: string;
  /** The select's value: a parliamentary party's letters, "annat" or "". */
  party: string;
  /** A local party's name, when the select says "annat" (or is left empty). */
  partyOther: string;
  role: string;
}

export const otherParty = "annat";
const defaultRows = 3;
export const maxRows = 50;

/**
 * The rows sent. `add` (the "Fler rader" button) adds an empty row, `remove=<n>` ("Ta bort")
 * removes row n; with no rows at all there are `initial` empty ones.
 */
export function readSignerRows(src: FormSource, initial = defaultRows): SignerRow[] {
  const rowIndexes = src
    .names()
    .map((n) => /^(?:name|party|partyOther|role)\.(\d{1,2})$/.exec(n)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number);
  const count = rowIndexes.length ? Math.min(maxRows, Math.max(...rowIndexes) + 1) : initial;
  let signers: SignerRow[] = Array.from({ length: count }, (_, i) => ({
    name: last(src, `name.${i}`),
    party: last(src, `party.${i}`),
    partyOther: last(src, `partyOther.${i}`),
    role: last(src, `role.${i}`),
  }));
  const remove = Number(last(src, "remove"));
  if (last(src, "remove") !== "" && Number.isInteger(remove) && remove >= 0 && remove < signers.length)
    signers.splice(remove, 1);
  if (last(src, "add") !== "" && signers.length < maxRows)
    signers.push({ name: "", party: "", partyOther: "", role: "" });
  if (signers.length === 0) signers = [{ name: "", party: "", partyOther: "", role: "" }];
  return signers;
}

/** The rows as query parameters (a link that keeps what was typed). */
export function signerParams(rows: readonly SignerRow[], p: URLSearchParams): void {
  rows.forEach((r, i) => {
    p.set(`name.${i}`, r.name);
    p.set(`party.${i}`, r.party);
    p.set(`partyOther.${i}`, r.partyOther);
    p.set(`role.${i}`, r.role);
  });
}

/** A row with nothing typed in it is left out (and a party chosen alone is not a signer). */
export const isEmptyRow = (r: SignerRow) =>
  !r.name.trim() && !r.role.trim() && !r.partyOther.trim() && (!r.party || r.party === otherParty);

export function partyOf(r: SignerRow): string {
  if ((parliamentaryParties as readonly string[]).includes(r.party)) return r.party;
  return r.partyOther.trim();
}

/** The rows filled in, as signers (a row without a name is sent as one, so the core names it). */
export function signersOf(rows: readonly SignerRow[]): Signer[] {
  return rows
    .filter((r) => !isEmptyRow(r))
    .map((r) => {
      const party = partyOf(r);
      return { name: r.name, ...(party ? { party } : {}), ...(r.role.trim() ? { role: r.role } : {}) };
    });
}

/** The form row of the n-th signer that was sent (empty rows are skipped when sending). */
export function rowOfSigner(rows: readonly SignerRow[], n: number): number {
  let seen = -1;
  for (let i = 0; i < rows.length; i++) {
    if (!isEmptyRow(rows[i]!)) seen++;
    if (seen === n) return i;
  }
  return 0;
}

/** "Undertecknare 2, namn": a row field's name in the error summary; undefined for other keys. */
export function signerFieldLabel(key: string): string | undefined {
  const row = /^(name|party|partyOther|role)\.(\d+)$/.exec(key);
  if (!row) return undefined;
  const part = {
    name: t.signers.name,
    party: t.signers.party,
    partyOther: t.signers.partyOther,
    role: t.signers.role,
  }[row[1] as "name"];
  return `${t.signers.rowPattern.replace("{n}", String(Number(row[2]) + 1))}, ${part.toLowerCase()}`;
}

/** One signer row; `i` is its index (the script renumbers rows it adds or removes). */
function SignerRowFields({
  ids,
  i,
  row,
  errors,
  action,
}: {
  ids: FormIds;
  i: number;
  row: SignerRow;
  errors: FieldErrors;
  action: string;
}) {
  const control = (key: string, errs: FieldErrors, help: boolean) => kitControl(ids, key, errs, help);
  const Label = (p: { k: string; label: string }) => <KitLabel ids={ids} {...p} />;
  const Help = (p: { k: string; text?: string | undefined }) => <KitHelp ids={ids} {...p} />;
  const Err = (p: { k: string; errors: FieldErrors }) => <KitErr ids={ids} {...p} />;
  const s = t.signers;
  const n = (f: string) => `${f}.${i}`;
  const listed = (parliamentaryParties as readonly string[]).includes(row.party);
  const selectValue = listed ? row.party : row.party === otherParty || row.partyOther ? otherParty : "";
  const rowHasError = ["name", "party", "partyOther", "role"].some((f) => errors.has(n(f)));
  return (
    <fieldset class={`signer-row${rowHasError ? " has-error" : ""}`} data-signer-row>
      <legend>{s.rowPattern.replace("{n}", String(i + 1))}</legend>
      <div class="signer-grid">
        <div class={fieldClass(n("name"), errors, "signer-name")}>
          <Label k={n("name")} label={s.name} />
          <Err k={n("name")} errors={errors} />
          <input
            type="text"
            name={n("name")}
            value={row.name}
            autocomplete="name"
            {...control(n("name"), errors, false)}
          />
        </div>
        <div class={fieldClass(n("party"), errors, "signer-party")}>
          <Label k={n("party")} label={s.party} />
          <Err k={n("party")} errors={errors} />
          <select name={n("party")} data-party-select {...control(n("party"), errors, false)}>
            <option value="" selected={selectValue === ""}>
              {s.partyChoose}
            </option>
            {parliamentaryParties.map((p) => (
              <option value={p} selected={selectValue === p}>
                {`${sv.parties[p] ?? p} (${p})`}
              </option>
            ))}
            <option value={otherParty} selected={selectValue === otherParty}>
              {s.partyOtherOption}
            </option>
          </select>
        </div>
        <div class={fieldClass(n("partyOther"), errors, "signer-party-other")} data-party-other>
          <Label k={n("partyOther")} label={s.partyOther} />
          <Help k={n("partyOther")} text={s.partyOtherHelp} />
          <Err k={n("partyOther")} errors={errors} />
          <input
            type="text"
            name={n("partyOther")}
            value={row.partyOther}
            {...control(n("partyOther"), errors, true)}
          />
        </div>
        <div class={fieldClass(n("role"), errors, "signer-role")}>
          <Label k={n("role")} label={s.role} />
          <Help k={n("role")} text={s.roleHelp} />
          <Err k={n("role")} errors={errors} />
          <input type="text" name={n("role")} value={row.role} {...control(n("role"), errors, true)} />
        </div>
      </div>
      <button
        type="submit"
        name="remove"
        value={String(i)}
        class="button link-button remove-row"
        formmethod="get"
        formaction={action}
        formnovalidate
        data-action="remove-row"
        aria-label={s.removePattern.replace("{n}", String(i + 1))}
      >
        {s.remove}
      </button>
    </fieldset>
  );
}

export function SignersFieldset({
  ids,
  rows,
  errors,
  action,
  legend = t.signers.legend,
}: {
  ids: FormIds;
  rows: readonly SignerRow[];
  errors: FieldErrors;
  /** Where "Fler rader" and "Ta bort" send the form without the script (GET). */
  action: string;
  legend?: string;
}) {
  const Err = (p: { k: string; errors: FieldErrors }) => <KitErr ids={ids} {...p} />;
  const s = t.signers;
  const k = "signers";
  const empty: SignerRow = { name: "", party: "", partyOther: "", role: "" };
  return (
    <fieldset
      class={`group${errors.has(k) ? " has-error" : ""}`}
      id={ids.field(k)}
      aria-describedby={describedBy(ids.help(k), errors.has(k) && ids.error(k))}
    >
      <legend>{legend}</legend>
      <p class="help" id={ids.help("signers")}>
        {s.help}
      </p>
      <Err k={k} errors={errors} />
      <div class="signer-rows" data-signer-rows data-row-pattern={s.rowPattern} data-remove-pattern={s.removePattern}>
        {rows.map((row, i) => (
          <SignerRowFields ids={ids} i={i} row={row} errors={errors} action={action} />
        ))}
      </div>
      <template id="signer-row-template">
        <SignerRowFields ids={ids} i={0} row={empty} errors={new Map()} action={action} />
      </template>
      <button
        type="submit"
        name="add"
        value="1"
        class="button secondary"
        formmethod="get"
        formaction={action}
        formnovalidate
        data-action="add-row"
        data-js-label={s.add}
      >
        {s.more}
      </button>
    </fieldset>
  );
}
