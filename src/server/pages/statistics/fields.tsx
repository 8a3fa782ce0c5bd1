/**
 * The parts both fetch forms share (Kolada's and SCB's): a group of fields with its error,
 * where (counties or the whole country) and which years, the key, and preview or fetch.
 */
import { counties } from "../../../data/municipalities.js";
import { sv } from "../../messages.sv.js";
import { control, describedBy, ErrorText, Field, formIds, type FieldErrors } from "../kit/form.js";
import type { PlaceYearFields } from "./form.js";

const t = sv.staff.statistics;
export const ids = formIds("st");

/** A fieldset that carries a field's id, help and error (for a group of radios or boxes). */
export function Group(props: { k: string; legend: string; help?: string; errors: FieldErrors; children: unknown }) {
  const { k, errors } = props;
  const error = errors.get(k);
  return (
    <fieldset
      class={`group${error ? " has-error" : ""}`}
      id={ids.field(k)}
      tabindex={-1}
      aria-describedby={describedBy(props.help && ids.help(k), error && ids.error(k))}
    >
      <legend>{props.legend}</legend>
      {props.help && (
        <p class="help" id={ids.help(k)}>
          {props.help}
        </p>
      )}
      {error && <ErrorText id={ids.error(k)} error={error} />}
      {props.children}
    </fieldset>
  );
}

/** A year typed in (as four digits; the check says what is wrong). */
function YearField(props: { k: string; name: string; label: string; value: string; errors: FieldErrors }) {
  return (
    <Field ids={ids} k={props.k} label={props.label} errors={props.errors}>
      <input
        type="text"
        inputmode="numeric"
        name={props.name}
        value={props.value}
        class="input-short"
        autocomplete="off"
        {...control(ids, props.k, props.errors, false)}
      />
    </Field>
  );
}

export function PlaceAndYearFields(props: { form: PlaceYearFields; errors: FieldErrors; yearsHelp?: string }) {
  const { form, errors } = props;
  const w = t.where;
  return (
    <>
      <Group k="where" legend={t.legends.where} errors={errors}>
        <div class="radios">
          <label class="radio">
            <input type="radio" name="var" value="lan" checked={form.var === "lan"} />
            <span>{w.lan}</span>
          </label>
          <label class="radio">
            <input type="radio" name="var" value="land" checked={form.var === "land"} />
            <span>{w.land}</span>
          </label>
        </div>
        <Group k="counties" legend={w.counties} help={w.countiesHelp} errors={errors}>
          <div class="county-boxes">
            {counties.map((c) => (
              <label class="checkbox">
                <input type="checkbox" name="lan" value={c.code} checked={form.lan.includes(c.code)} />
                <span>{c.name}</span>
              </label>
            ))}
          </div>
        </Group>
        <label class="checkbox">
          <input type="checkbox" name="regioner" value="ja" checked={form.regioner} />
          <span>{w.regionLevel}</span>
        </label>
      </Group>

      <Group k="years" legend={t.legends.years} help={props.yearsHelp ?? t.years.help} errors={new Map()}>
        <div class="year-range">
          <YearField k="from" name="fran" label={t.years.from} value={form.fran} errors={errors} />
          <YearField k="to" name="till" label={t.years.to} value={form.till} errors={errors} />
        </div>
      </Group>
    </>
  );
}

export function KeyAndRun({ value, help, errors }: { value: string; help: string; errors: FieldErrors }) {
  return (
    <>
      <Field ids={ids} k="key" label={t.key.label} help={help} errors={errors}>
        <input
          type="text"
          name="nyckel"
          value={value}
          class="input-medium"
          autocomplete="off"
          spellcheck={false}
          {...control(ids, "key", errors, true)}
        />
      </Field>

      <p class="help" id="st-run-help">
        {t.runHelp}
      </p>
      <div class="actions">
        <button type="submit" name="atgard" value="forhandsgranska" class="button" aria-describedby="st-run-help">
          {t.dryRun}
        </button>
        <button type="submit" name="atgard" value="hamta" class="button secondary">
          {t.fetch}
        </button>
      </div>
    </>
  );
}
