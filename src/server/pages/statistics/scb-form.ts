/**
 * The SCB fetch form: the table, one value for each of its further dimensions (dim_<id>),
 * where and which years, the key; checked against the table's metadata and turned into what
 * the SCB fetch core takes.
 */
import { scbKeyName } from "../../../facts/fetch/key-definition.js";
import type { PlaceSelection } from "../../../statistics/places.js";
import { tableIdPattern } from "../../../statistics/scb/client.js";
import type { JsonStatDataset, JsonStatDimension } from "../../../statistics/scb/json-stat.js";
import { jsonStatDimensions } from "../../../statistics/scb/json-stat.js";
import { sv } from "../../messages.sv.js";
import type { FieldErrors } from "../kit/form.js";
import {
  type Body,
  checkPlacesAndYears,
  emptyPlacesAndYears,
  one,
  placeAndYearFields,
  type PlaceYearFields,
  readAction,
  readPlacesAndYears,
  typedKey,
} from "./form.js";

const t = sv.staff.statistics;
const ts = t.scb;

export interface ScbForm extends PlaceYearFields {
  sok: string;
  tabell: string;
  /** Dimension id → the code chosen. */
  dims: Record<string, string>;
  nyckel: string;
  atgard: "forhandsgranska" | "hamta";
}

export interface ScbAsk {
  table: string;
  valueCodes: Record<string, string[]>;
  regionDimension: string;
  timeDimension: string;
  places: PlaceSelection;
  where: string;
  years: number[];
  key: string | undefined;
  dryRun: boolean;
  /** "TAB9001 (TST01)". */
  asked: string;
}

export function emptyScbForm(thisYear: number, sok = "", tabell = ""): ScbForm {
  return {
    sok,
    tabell,
    dims: {},
    ...emptyPlacesAndYears(thisYear),
    nyckel: "",
    atgard: "forhandsgranska",
  };
}

export function readScbForm(body: Body, thisYear: number): ScbForm {
  const dims: Record<string, string> = {};
  for (const [name, v] of Object.entries(body)) {
    const id = /^dim_(.+)$/.exec(name)?.[1];
    const code = one(v);
    if (id && code) dims[id] = code;
  }
  return {
    ...emptyScbForm(thisYear, one(body.sok), one(body.tabell)),
    dims,
    ...readPlacesAndYears(body),
    nyckel: one(body.nyckel),
    atgard: readAction(body),
  };
}

export function scbFormFields(f: ScbForm): Record<string, string | string[]> {
  return {
    sok: f.sok,
    tabell: f.tabell,
    ...Object.fromEntries(Object.entries(f.dims).map(([id, code]) => [`dim_${id}`, code])),
    ...placeAndYearFields(f),
    nyckel: f.nyckel,
  };
}

/** The table's dimensions: where the places are, where the periods are, and the rest. */
export function tableDimensions(meta: JsonStatDataset): {
  region: string | undefined;
  time: string | undefined;
  others: JsonStatDimension[];
} {
  const dims = jsonStatDimensions(meta);
  const time = meta.role?.time?.[0] ?? dims.find((d) => /^tid$/i.test(d.id))?.id;
  const region = dims.find((d) => /^region$/i.test(d.id))?.id;
  return { region, time, others: dims.filter((d) => d.id !== region && d.id !== time) };
}

export function checkScbForm(
  f: ScbForm,
  meta: JsonStatDataset,
  thisYear: number,
): { ask: ScbAsk } | { errors: FieldErrors } {
  const errors: FieldErrors = new Map();
  const { region, time, others } = tableDimensions(meta);
  const valueCodes: Record<string, string[]> = {};
  for (const d of others) {
    const code = f.dims[d.id];
    if (code && d.codes.includes(code)) valueCodes[d.id] = [code];
    else if (d.codes.length > 1) errors.set(`dim-${d.id}`, { text: ts.errors.noDim(d.label), label: d.label });
  }
  const where = checkPlacesAndYears(f, errors, thisYear);
  const contents = valueCodes.ContentsCode?.[0];
  let key = typedKey(f, errors);
  if (key !== undefined && key === scbKeyName(f.tabell, contents)) key = undefined;
  if (errors.size > 0 || !where) return { errors };
  return {
    ask: {
      table: f.tabell,
      valueCodes,
      regionDimension: region ?? "Region",
      timeDimension: time ?? "Tid",
      ...where,
      key,
      dryRun: f.atgard !== "hamta",
      asked: contents ? `${f.tabell} (${contents})` : f.tabell,
    },
  };
}

export const isTableId = (id: string) => tableIdPattern.test(id);
