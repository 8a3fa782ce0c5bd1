/**
 * Kolada (RKA's municipal statistics, kolada.se) API responses:
 *
 *   { "values": [ { "kpi": "N01951", "municipality": "0180", "period": 2023,
 *                   "values": [ { "gender": "T", "value": 984748, "status": "" } ] } ] }
 *
 * Each entry is one municipality (SCB code; "0000" is the country, "00" + county code a
 * region) and one period (a year), which becomes the fact's as-of, so several periods
 * become history. The total ("T") is taken, or the only value; null values are skipped and
 * reported. Entries come one at a time (json.ts), and only the fields read here are parsed;
 * nothing but the KPI ids is kept.
 */
import { countyByCode } from "../../data/places.js";
import type { FactDefinition } from "../catalog.js";
import { member, valueAt, type JsonEntry, type JsonSpan } from "./json-walk.js";
import type { TableSink } from "./table.js";
import { importProblems } from "../../messages.sv.js";

export const koladaPublisher = "RKA (Kolada)";
export const koladaTitle = (kpi: string) => `Kolada: ${kpi}`;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Whether the first object entry of the root's `values` has Kolada's shape: kpi, municipality (or ou), period and a
 * list of values.
 */
export function looksLikeKolada(first: JsonEntry): boolean {
  const has = (k: string) => member(first, k) !== undefined;
  return (
    has("kpi") && has("period") && (has("municipality") || has("ou")) && member(first, "values")?.value.kind === "array"
  );
}

/** Longest code or period parsed to show in a message (anything longer is no code or year anyway). */
const shortValue = 1024;
/** Longest list of values parsed: Kolada gives one per gender (T, K, M). */
const valuesList = 64 * 1024;

const periodPattern = /^\d{4}$/;
/** KPI ids named when a file mixes them; more are only counted. */
const namedKpis = 10;

/** Reads Kolada entries one by one into the sink. */
export class KoladaReader {
  readonly #kpis = new Set<string>();
  #moreKpis = false;

  constructor(
    readonly def: FactDefinition,
    readonly sink: TableSink,
    /** The file's text, which the entries' spans point into. */
    readonly text: string,
  ) {}

  /** A field's value as text, as String() gives it; a long one cut short (it is shown, never matched). */
  #asText(span: JsonSpan | undefined): string {
    if (!span) return "";
    if (span.end - span.start > shortValue) return `${this.text.slice(span.start, span.start + 100)}…`;
    return String(valueAt(this.text, span) ?? "");
  }

  entry(node: JsonEntry): void {
    const { def, sink } = this;
    const entry = node.index + 1;
    const lineOf = (field?: string) => (field ? member(node, field)?.line : undefined) ?? node.line;
    const issue = (field: string | undefined, problem: string) =>
      sink.issues.add({
        line: lineOf(field),
        entry,
        ...(field ? { column: field, columnKind: "field" as const } : {}),
        problem,
      });
    const skip = (field: string, subject: string, reason: string) =>
      sink.skip({ line: lineOf(field), entry, subject, reason });
    if (node.kind !== "object") {
      issue(undefined, importProblems.koladaEntryNotObject);
      return;
    }
    const kpi = member(node, "kpi")?.value;
    if (kpi?.kind === "string") {
      const id = this.#asText(kpi);
      if (this.#kpis.size < namedKpis) this.#kpis.add(id);
      else if (!this.#kpis.has(id)) this.#moreKpis = true;
    }
    if (!member(node, "municipality")) {
      issue("ou", importProblems.koladaOrgUnit);
      return;
    }

    const code = this.#asText(member(node, "municipality")?.value).trim();
    const period = this.#asText(member(node, "period")?.value).trim();
    if (!periodPattern.test(period)) issue("period", importProblems.koladaNotAYear(period));
    let subject: string;
    if (code === "0000") {
      if (!def.scopes.includes("land")) {
        skip("municipality", code, importProblems.koladaNationOutOfScope(def.key));
        return;
      }
      subject = "SE";
    } else if (/^00\d{2}$/.test(code)) {
      const county = countyByCode(code.slice(2));
      if (!county) {
        issue("municipality", importProblems.koladaUnknownRegion(code));
        return;
      }
      if (!def.scopes.includes("lan")) {
        skip("municipality", code, importProblems.koladaCountyOutOfScope(county.name, code, def.key));
        return;
      }
      subject = county.code;
    } else if (/^\d{4}$/.test(code)) subject = code;
    else {
      issue("municipality", importProblems.koladaNotAMunicipalityCode(code));
      return;
    }

    const list = member(node, "values")?.value;
    if (list?.kind === "array" && list.end - list.start > valuesList) {
      issue("values", importProblems.koladaTooManyValues);
      return;
    }
    const values = list?.kind === "array" ? (valueAt(this.text, list) as Json[]).filter(isObject) : [];
    const total = values.find((v) => v.gender === "T") ?? (values.length === 1 ? values[0] : undefined);
    if (!total) {
      const genders = values.map((v) => String(v.gender)).join(", ");
      issue("values", values.length === 0 ? importProblems.koladaNoValues : importProblems.koladaNoTotal(genders));
      return;
    }
    const value = total.value;
    if (value === null || value === undefined || value === "") {
      const status = typeof total.status === "string" && total.status ? total.status : undefined;
      skip("values", code, importProblems.koladaValueMissing(period, status));
      return;
    }
    sink.row({
      line: lineOf("values"),
      entry,
      columnKind: "field",
      subject: { text: subject, column: "municipality", line: lineOf("municipality") },
      value: { raw: value as string | number | boolean, column: "value", line: lineOf("values") },
      asOf: period,
    });
  }

  /** After the last entry: the KPI id, if the file has one; a file mixing KPIs is a problem. */
  finish(): string | undefined {
    const kpis = [...this.#kpis];
    if (kpis.length > 1) {
      const named = `${kpis.join(", ")}${this.#moreKpis ? " …" : ""}`;
      this.sink.issues.add({ line: 1, problem: importProblems.koladaSeveralKpis(named, this.def.key) });
    }
    return kpis.length === 1 ? kpis[0] : undefined;
  }
}
