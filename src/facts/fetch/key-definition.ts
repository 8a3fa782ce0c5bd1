/**
 * The fact key a fetched statistic would be stored under, made from the service's own
 * metadata (pure): a Kolada KPI becomes `kolada_n01951` with the KPI's Swedish title as label,
 * its description, type number, scopes from its municipality type, and a number format read
 * from the title where the title says it ("…, antal", "…, andel (%)"). An SCB table becomes
 * `scb_<table>[_<contents code>]` with the table's label.
 */
import type { FactDefinition, FactFormat, FactScope } from "../catalog.js";

/** The KPI metadata read here (Kolada's `/v3/kpi/<id>`). */
export interface KpiMetadata {
  id: string;
  title: string;
  description?: string | null | undefined;
  municipality_type?: string | null | undefined;
}

export const koladaKeyName = (kpiId: string): string => `kolada_${kpiId.toLowerCase()}`;

export const scbKeyName = (table: string, contents?: string): string =>
  `scb_${table}${contents ? `_${contents}` : ""}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");

/** Kolada's municipality_type: K municipalities, L regions (and the country), "alla" both. */
export function koladaScopes(type: string | null | undefined): FactScope[] {
  const t = (type ?? "").trim().toUpperCase();
  if (t === "K") return ["kommun", "land"];
  if (t === "L") return ["lan", "land"];
  return ["kommun", "lan", "land"];
}

/** The number format a statistic's title states, if it states one. */
export function formatFromTitle(title: string): FactFormat | undefined {
  const t = title.toLowerCase();
  if (/\(%\)|\bandel\b|\bprocent\b/.test(t)) return "percent";
  if (/,\s*antal\s*$|\bantal\b/.test(t)) return "count";
  return undefined;
}

export function koladaKeyDefinition(kpi: KpiMetadata, key: string = koladaKeyName(kpi.id)): FactDefinition {
  const format = formatFromTitle(kpi.title);
  const description = kpi.description?.trim() || kpi.title;
  return {
    key,
    label: kpi.title.trim(),
    type: "number",
    scopes: koladaScopes(kpi.municipality_type),
    ...(format ? { format } : {}),
    description: `${description} (Kolada ${kpi.id})`,
  };
}

export function scbKeyDefinition(
  table: string,
  label: string,
  contents?: { code: string; label: string },
): FactDefinition {
  const title = contents ? `${contents.label}` : label;
  const format = formatFromTitle(title);
  return {
    key: scbKeyName(table, contents?.code),
    label: title.trim(),
    type: "number",
    scopes: ["kommun", "lan", "land"],
    ...(format ? { format } : {}),
    description: `${label} (SCB ${table}${contents ? `, ${contents.code}` : ""})`,
  };
}
