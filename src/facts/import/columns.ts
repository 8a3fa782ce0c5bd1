/**
 * Which column holds the municipality and which the value: by header name (Swedish or
 * English, any case, with or without å ä ö), by the names the user gives, or the only
 * other column.
 */
import type { FactImportIssue } from "../../domain/errors.js";
import { nearest } from "../../lang/nearest.js";
import { fold } from "../../lang/normalize.js";
import type { FactDefinition } from "../catalog.js";
import { importProblems } from "../../messages.sv.js";

/** "Kommun-kod " → "kommunkod": headers compare by letters and digits only. */
export const headerKey = (h: string): string => fold(h).replace(/[^a-z0-9]/g, "");

/** Header names of a subject column, best first (a code is unambiguous; a name may not be). */
export const subjectHeaders = [
  "kommunkod",
  "kommunnr",
  "kommunnummer",
  "kommunid",
  "municipalitycode",
  "municipalityid",
  "kommun",
  "kommunnamn",
  "municipality",
  "kod",
  "code",
  "namn",
  "name",
  "lanskod",
  "lan",
  "lansnamn",
  "county",
  "countycode",
  "region",
  "regionkod",
  "omrade",
  "area",
  "subject",
];

/** Header names of a value column, best first. */
export const valueHeaders = [
  "varde",
  "value",
  "antal",
  "andel",
  "procent",
  "count",
  "number",
  "tal",
  "belopp",
  "summa",
  "total",
  "totalt",
  "janej",
];

export interface ColumnChoice {
  subject: number;
  value: number;
}

export interface ColumnOptions {
  municipalityColumn?: string | undefined;
  valueColumn?: string | undefined;
}

export type ColumnResult = { ok: true; columns: ColumnChoice } | { ok: false; issue: FactImportIssue };

function byName(headers: readonly string[], name: string): number {
  const exact = headers.indexOf(name);
  return exact >= 0 ? exact : headers.findIndex((h) => headerKey(h) === headerKey(name));
}

function byAliases(headers: readonly string[], aliases: readonly string[], except: number): number {
  const keys = headers.map(headerKey);
  for (const a of aliases) {
    const i = keys.findIndex((k, j) => j !== except && k === a);
    if (i >= 0) return i;
  }
  return -1;
}

const list = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(", ");

/**
 * Chooses the two columns. `kind` names them in messages ("kolumn" for CSV, "fält" for JSON);
 * `looksLikeData` tells a missing header row from headers we do not recognise.
 */
export function chooseColumns(
  headers: readonly string[],
  def: FactDefinition,
  options: ColumnOptions,
  kind: "column" | "field",
  looksLikeData: (cell: string) => boolean = () => false,
): ColumnResult {
  const fail = (problem: string, suggestions?: string[]): ColumnResult => ({
    ok: false,
    issue: { line: 1, problem, ...(suggestions?.length ? { suggestions } : {}) },
  });

  let subject: number;
  if (options.municipalityColumn) {
    subject = byName(headers, options.municipalityColumn);
    if (subject < 0)
      return fail(
        importProblems.noSuchColumn(kind, options.municipalityColumn, list(headers)),
        nearest(options.municipalityColumn, headers, 3),
      );
  } else {
    subject = byAliases(headers, subjectHeaders, -1);
    if (subject < 0) {
      const data = headers.find(looksLikeData);
      if (data !== undefined) return fail(importProblems.headerLooksLikeData(data));
      return fail(importProblems.noSubjectColumn(kind, list(headers)));
    }
  }

  let value: number;
  if (options.valueColumn) {
    value = byName(headers, options.valueColumn);
    if (value < 0)
      return fail(
        importProblems.noSuchColumn(kind, options.valueColumn, list(headers)),
        nearest(options.valueColumn, headers, 3),
      );
  } else {
    value = byAliases(headers, [...valueHeaders, headerKey(def.key), headerKey(def.label)], subject);
    if (value < 0) {
      // The only column that is neither the subject nor another name or code column.
      const subjectKeys = new Set(subjectHeaders);
      const others = headers
        .map((_h, i) => i)
        .filter((i) => i !== subject && headers[i]!.trim() !== "" && !subjectKeys.has(headerKey(headers[i]!)));
      if (others.length === 1) value = others[0]!;
      else if (others.length === 0) return fail(importProblems.noValueColumn(kind, list(headers)));
      else return fail(importProblems.whichValueColumn(kind, list(others.map((i) => headers[i]!))));
    }
  }
  if (value === subject) return fail(importProblems.sameColumn(kind, headers[subject]!));
  return { ok: true, columns: { subject, value } };
}
