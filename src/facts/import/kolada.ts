/**
 * Kolada (RKA's municipal statistics, kolada.se) API responses:
 *
 *   { "values": [ { "kpi": "N01951", "municipality": "0180", "period": 2023,
 *                   "values": [ { "gender": "T", "value": 984748, "status": "" } ] } ] }
 *
 * Each entry is one municipality (SCB code; "0000" is the country, "00" + county code a
 * region) and one period (a year), which becomes the fact's as-of, so several periods
 * become history. The total ("T") is taken, or the only value; null values are skipped and
 * reported. Entries come one at a time (json.ts); nothing but the KPI ids is kept.
 */
import { countyByCode } from "../../data/places.js";
import type { FactDefinition } from "../catalog.js";
import { member, type JsonEntry } from "./json-walk.js";
import type { TableSink } from "./table.js";

export const koladaPublisher = "RKA (Kolada)";
export const koladaTitle = (kpi: string) => `Kolada: ${kpi}`;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The first object entry of a `values` list, parsed: what tells Kolada's shape. */
export interface KoladaProbe {
  entry: JsonEntry;
  value: Json;
}

/** Whether the first object entry of the root's `values` has Kolada's shape: kpi, municipality (or ou), period and values. */
export function looksLikeKolada(first: Json): boolean {
  return isObject(first) && "kpi" in first && "period" in first && ("municipality" in first || "ou" in first) && Array.isArray(first["values"]);
}

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
  ) {}

  entry(node: JsonEntry, raw: Json): void {
    const { def, sink } = this;
    const entry = node.index + 1;
    const lineOf = (field?: string) => (field ? member(node, field)?.line : undefined) ?? node.line;
    const issue = (field: string | undefined, problem: string) =>
      sink.issues.add({ line: lineOf(field), entry, ...(field ? { column: field, columnKind: "field" as const } : {}), problem });
    const skip = (field: string, subject: string, reason: string) => sink.skip({ line: lineOf(field), entry, subject, reason });
    if (!isObject(raw)) return issue(undefined, "posten är inte ett objekt");
    if (typeof raw["kpi"] === "string") {
      if (this.#kpis.size < namedKpis) this.#kpis.add(raw["kpi"]);
      else if (!this.#kpis.has(raw["kpi"])) this.#moreKpis = true;
    }
    if (!("municipality" in raw)) return issue("ou", "Kolada-värden per organisationsenhet (ou) kan inte importeras, bara per kommun");

    const code = String(raw["municipality"] ?? "").trim();
    const period = String(raw["period"] ?? "").trim();
    if (!periodPattern.test(period)) issue("period", `"${period}" är inget år`);
    let subject: string;
    if (code === "0000") {
      if (!def.scopes.includes("land")) return skip("municipality", code, `riket (0000): ${def.key} gäller inte hela landet`);
      subject = "SE";
    } else if (/^00\d{2}$/.test(code)) {
      const county = countyByCode(code.slice(2));
      if (!county) return issue("municipality", `okänd regionkod "${code}"`);
      if (!def.scopes.includes("lan")) return skip("municipality", code, `${county.name} (${code}): ${def.key} gäller inte län`);
      subject = county.code;
    } else if (/^\d{4}$/.test(code)) subject = code;
    else return issue("municipality", `"${code}" är ingen kommunkod (fyra siffror)`);

    const values = Array.isArray(raw["values"]) ? raw["values"].filter(isObject) : [];
    const total = values.find((v) => v["gender"] === "T") ?? (values.length === 1 ? values[0] : undefined);
    if (!total) {
      const genders = values.map((v) => String(v["gender"])).join(", ");
      return issue("values", values.length === 0 ? "inga värden" : `flera värden (${genders}) men ingen totalsiffra (gender "T")`);
    }
    const value = total["value"];
    if (value === null || value === undefined || value === "") {
      const status = typeof total["status"] === "string" && total["status"] ? ` (status ${total["status"]})` : "";
      return skip("values", code, `värde saknas för ${period}${status}`);
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
      this.sink.issues.add({ line: 1, problem: `filen har värden för flera nyckeltal (${named}); importera ett nyckeltal per fil, eftersom alla värden lagras under samma nyckel (${this.def.key})` });
    }
    return kpis.length === 1 ? kpis[0] : undefined;
  }
}
