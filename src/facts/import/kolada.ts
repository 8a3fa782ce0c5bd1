/**
 * Kolada (RKA's municipal statistics, kolada.se) API responses:
 *
 *   { "values": [ { "kpi": "N01951", "municipality": "0180", "period": 2023,
 *                   "values": [ { "gender": "T", "value": 984748, "status": "" } ] } ] }
 *
 * Each entry is one municipality (SCB code; "0000" is the country, "00" + county code a
 * region) and one period (a year), which becomes the fact's as-of, so several periods
 * become history. The total ("T") is taken, or the only value; null values are skipped and
 * reported.
 */
import type { FactImportIssue } from "../../domain/errors.js";
import { countyByCode } from "../../data/places.js";
import type { FactDefinition } from "../catalog.js";
import { member, type JsonNode } from "./json-lines.js";
import type { SkippedRow, TableRow } from "./table.js";

export const koladaPublisher = "RKA (Kolada)";
export const koladaTitle = (kpi: string) => `Kolada: ${kpi}`;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether parsed JSON has Kolada's shape: `values` holding entries with kpi, municipality, period and values. */
export function isKolada(data: Json): data is { values: Json[] } {
  if (!isObject(data) || !Array.isArray(data["values"])) return false;
  const first = data["values"].find(isObject);
  return first !== undefined && "kpi" in first && "period" in first && ("municipality" in first || "ou" in first) && Array.isArray(first["values"]);
}

export interface KoladaRows {
  kpi: string | undefined;
  rows: TableRow[];
  skipped: SkippedRow[];
  issues: FactImportIssue[];
}

const periodPattern = /^\d{4}$/;

export function koladaRows(data: { values: Json[] }, root: JsonNode, def: FactDefinition): KoladaRows {
  const entries = member(root, "values")?.value.items ?? [];
  const rows: TableRow[] = [];
  const skipped: SkippedRow[] = [];
  const issues: FactImportIssue[] = [];
  const kpis = new Set<string>();

  data.values.forEach((raw, index) => {
    const node = entries[index];
    const entry = index + 1;
    const lineOf = (field?: string) => (field ? member(node, field)?.line : undefined) ?? node?.line ?? 1;
    const issue = (field: string | undefined, problem: string) =>
      issues.push({ line: lineOf(field), entry, ...(field ? { column: field, columnKind: "field" as const } : {}), problem });
    if (!isObject(raw)) return issue(undefined, "posten är inte ett objekt");
    if (typeof raw["kpi"] === "string") kpis.add(raw["kpi"]);
    if (!("municipality" in raw)) return issue("ou", "Kolada-värden per organisationsenhet (ou) kan inte importeras, bara per kommun");

    const code = String(raw["municipality"] ?? "").trim();
    const period = String(raw["period"] ?? "").trim();
    if (!periodPattern.test(period)) issue("period", `"${period}" är inget år`);
    let subject: string;
    if (code === "0000") {
      if (!def.scopes.includes("land")) return skipped.push({ line: lineOf("municipality"), entry, subject: code, reason: `riket (0000): ${def.key} gäller inte hela landet` });
      subject = "SE";
    } else if (/^00\d{2}$/.test(code)) {
      const county = countyByCode(code.slice(2));
      if (!county) return issue("municipality", `okänd regionkod "${code}"`);
      if (!def.scopes.includes("lan")) return skipped.push({ line: lineOf("municipality"), entry, subject: code, reason: `${county.name} (${code}): ${def.key} gäller inte län` });
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
      return skipped.push({ line: lineOf("values"), entry, subject: code, reason: `värde saknas för ${period}${status}` });
    }
    rows.push({
      line: lineOf("values"),
      entry,
      columnKind: "field",
      subject: { text: subject, column: "municipality", line: lineOf("municipality") },
      value: { raw: value as string | number | boolean, column: "value", line: lineOf("values") },
      asOf: period,
    });
  });

  if (kpis.size > 1) {
    issues.push({ line: 1, problem: `filen har värden för flera nyckeltal (${[...kpis].join(", ")}); importera ett nyckeltal per fil, eftersom alla värden lagras under samma nyckel (${def.key})` });
  }
  return { kpi: kpis.size === 1 ? [...kpis][0] : undefined, rows, skipped, issues };
}
