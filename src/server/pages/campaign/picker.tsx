/**
 * The condition picker: rows of (a fact by its Swedish label) + (a comparison) + (a value).
 * For a yes/no or text fact the value is chosen among the values the registry holds (with how
 * many municipalities have each) or "saknas"; for a number or date it is typed. Without the
 * script the value control follows the fact after "Visa urvalet"; with it, site.js fetches
 * the control for the chosen fact (/kampanj/varde).
 */
import type { FactDefinition } from "../../../domain/fact-key.js";
import { sv } from "../../messages.sv.js";
import { control, describedBy, Err, fieldClass, Label, type FieldErrors } from "../kit/form.js";
import { campaignIds as ids } from "./check.js";
import { missingValue, pickerOps, type ConditionRow } from "./form.js";

const t = sv.campaign.picker;

/** A fact the picker offers, and (for a yes/no or text fact) the values the registry holds. */
export interface PickerFact {
  key: string;
  label: string;
  type: FactDefinition["type"];
}

export interface ValueCount {
  value: string;
  count: number;
}

/** The value control of row `i` for a fact (`values` undefined: typed). */
export function ValueControl(props: {
  i: number;
  fact: PickerFact | undefined;
  values: ValueCount[] | undefined;
  value: string;
  errors: FieldErrors;
}) {
  const k = `varde.${props.i}`;
  const attrs = control(ids, k, props.errors, !props.values);
  if (props.values) {
    const known = props.values.some((v) => v.value === props.value) || props.value === missingValue;
    return (
      <select name={k} {...attrs}>
        <option value="" selected={props.value === ""}>
          {t.valueChoose}
        </option>
        {props.values.map((v) => (
          <option value={v.value} selected={v.value === props.value}>
            {t.valueCount(v.value, v.count)}
          </option>
        ))}
        {!known && props.value && (
          <option value={props.value} selected>
            {props.value}
          </option>
        )}
        <option value={missingValue} selected={props.value === missingValue}>
          {t.missing}
        </option>
      </select>
    );
  }
  return (
    <>
      <p class="help" id={ids.help(k)}>
        {props.fact ? t.valueHelpNumber : t.valueHelpTyped}
      </p>
      <input type="text" name={k} value={props.value} class="input-short" list="villkor-saknas" {...attrs} />
    </>
  );
}

function Row(props: {
  i: number;
  row: ConditionRow;
  facts: readonly PickerFact[];
  values: ValueCount[] | undefined;
  errors: FieldErrors;
}) {
  const { i, row, errors } = props;
  const fact = props.facts.find((f) => f.key === row.fakta);
  const hasError = ["fakta", "op", "varde"].some((f) => errors.has(`${f}.${i}`));
  return (
    <fieldset class={`condition-row${hasError ? " has-error" : ""}`} data-condition-row>
      <legend>{t.rowLabel(i + 1)}</legend>
      <div class="condition-grid">
        <div class={fieldClass(`fakta.${i}`, errors, "condition-fact")}>
          <Label ids={ids} k={`fakta.${i}`} label={t.fact} />
          <Err ids={ids} k={`fakta.${i}`} errors={errors} />
          <select name={`fakta.${i}`} data-condition-fact {...control(ids, `fakta.${i}`, errors, false)}>
            <option value="" selected={!row.fakta}>
              {t.factNone}
            </option>
            {props.facts.map((f) => (
              <option value={f.key} selected={f.key === row.fakta}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div class={fieldClass(`op.${i}`, errors, "condition-op")}>
          <Label ids={ids} k={`op.${i}`} label={t.op} />
          <Err ids={ids} k={`op.${i}`} errors={errors} />
          <select name={`op.${i}`} {...control(ids, `op.${i}`, errors, false)}>
            {pickerOps.map((op) => (
              <option value={op} selected={op === row.op}>
                {t.ops[op]}
              </option>
            ))}
          </select>
        </div>
        <div class={fieldClass(`varde.${i}`, errors, "condition-value")} data-condition-value>
          <Label ids={ids} k={`varde.${i}`} label={t.value} />
          <Err ids={ids} k={`varde.${i}`} errors={errors} />
          <div data-value-slot>
            <ValueControl i={i} fact={fact} values={props.values} value={row.varde} errors={errors} />
          </div>
        </div>
      </div>
    </fieldset>
  );
}

export function ConditionPicker(props: {
  rows: readonly ConditionRow[];
  facts: readonly PickerFact[];
  /** The registry's values of each row's fact, where they are chosen from a list. */
  values: readonly (ValueCount[] | undefined)[];
  errors: FieldErrors;
  /** The fragment address for a row's value control. */
  valueUrl: string;
}) {
  return (
    <fieldset class="group condition-picker" aria-describedby={describedBy(ids.help("villkor"))}>
      <legend>{t.legend}</legend>
      <p class="help" id={ids.help("villkor")}>
        {t.help}
      </p>
      <datalist id="villkor-saknas">
        <option value={missingValue} />
      </datalist>
      <div data-condition-rows data-value-url={props.valueUrl}>
        {props.rows.map((row, i) => (
          <Row i={i} row={row} facts={props.facts} values={props.values[i]} errors={props.errors} />
        ))}
      </div>
    </fieldset>
  );
}
