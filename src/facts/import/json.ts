/**
 * JSON files of facts: an array of objects, each with a municipality field and a value field
 * (found by name as in CSV, or given by the user), or a saved Kolada response (kolada.ts).
 * Problems name the line where the entry or field stands (json-lines.ts) and the entry's
 * number, since a minified file has every entry on line 1.
 */
import type { FactImportIssue } from "../../domain/errors.js";
import type { FactDefinition } from "../catalog.js";
import { chooseColumns, type ColumnOptions } from "./columns.js";
import { fileProblem } from "./issues.js";
import { scanJson, member, type JsonNode } from "./json-lines.js";
import { isKolada, koladaRows } from "./kolada.js";
import type { Table, TableRow } from "./table.js";

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The line of a JSON.parse error, from the position or line V8 names in its message. */
function errorLine(text: string, message: string): number | undefined {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(message);
  return pos ? text.slice(0, Number(pos[1])).split("\n").length : undefined;
}

export type JsonTable = Pick<Table, "format" | "columns" | "kpi" | "rows" | "skipped"> & { issues: FactImportIssue[] };

export function readJson(file: string, text: string, def: FactDefinition, options: ColumnOptions): JsonTable {
  const body = text.replace(/^\uFEFF/, "");
  let data: Json;
  try {
    data = JSON.parse(body);
  } catch (e) {
    const line = errorLine(body, (e as Error).message);
    fileProblem(file, { ...(line ? { line } : {}), problem: `filen är inte giltig JSON (${(e as Error).message})` });
  }
  const root = scanJson(body);
  if (isKolada(data)) {
    const k = koladaRows(data, root, def);
    return { format: "kolada", ...(k.kpi ? { kpi: k.kpi } : {}), columns: { subject: "municipality", value: "value" }, rows: k.rows, skipped: k.skipped, issues: k.issues };
  }
  if (!Array.isArray(data)) {
    fileProblem(file, { line: 1, problem: 'filen ska vara en lista av objekt, till exempel [{"kommun": "Lidingö", "värde": 12}], eller ett svar från Kolada ({"values": [...]})' });
  }
  const items = root.items ?? [];
  const fields: string[] = [];
  for (const item of data) if (isObject(item)) for (const k of Object.keys(item)) if (!fields.includes(k)) fields.push(k);
  const chosen = chooseColumns(fields, def, options, "field");
  if (!chosen.ok) fileProblem(file, chosen.issue);
  const subjectField = fields[chosen.columns.subject]!;
  const valueField = fields[chosen.columns.value]!;

  const rows: TableRow[] = [];
  const issues: FactImportIssue[] = [];
  data.forEach((item, index) => {
    const node: JsonNode | undefined = items[index];
    const entry = index + 1;
    const line = node?.line ?? 1;
    if (!isObject(item)) return void issues.push({ line, entry, problem: "posten är inte ett objekt med kommun och värde" });
    const at = (field: string) => ({ line: member(node, field)?.line ?? line, entry, column: field, columnKind: "field" as const });
    const subject = item[subjectField];
    const value = item[valueField];
    if (subject === undefined) return void issues.push({ ...at(subjectField), problem: "fältet saknas" });
    if (typeof subject !== "string" && typeof subject !== "number") return void issues.push({ ...at(subjectField), problem: "ska vara ett namn eller en kod" });
    if (value === undefined) return void issues.push({ ...at(valueField), problem: "fältet saknas" });
    if (value !== null && typeof value === "object") return void issues.push({ ...at(valueField), problem: "ska vara ett enkelt värde (tal, text, true/false), inte en lista eller ett objekt" });
    rows.push({
      line: at(subjectField).line,
      entry,
      columnKind: "field",
      subject: { text: String(subject), column: subjectField },
      value: { raw: value as string | number | boolean | null, column: valueField, line: at(valueField).line },
    });
  });
  return { format: "json", columns: { subject: subjectField, value: valueField }, rows, skipped: [], issues };
}
