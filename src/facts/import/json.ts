/**
 * JSON files of facts: an array of objects, each with a municipality field and a value field
 * (found by name as in CSV, or given by the user), or a saved Kolada response (kolada.ts).
 * Problems name the line where the entry or field stands and the entry's number, since a
 * minified file has every entry on line 1.
 *
 * Two passes over the text (json-walk.ts), neither keeping the entries: the first checks that
 * it is JSON, tells Kolada from a plain list and collects the plain list's field names; the
 * second parses and hands over one entry at a time.
 */
import type { FactDefinition } from "../catalog.js";
import { chooseColumns, type ColumnOptions } from "./columns.js";
import { fileProblem } from "./issues.js";
import { JsonSyntaxError, member, valueAt, walkJson, type JsonEntry, type JsonWalk } from "./json-walk.js";
import { KoladaReader, looksLikeKolada } from "./kolada.js";
import { withoutStacks } from "./no-stacks.js";
import type { Table, TableSink } from "./table.js";
import { importProblems } from "../../messages.sv.js";

/** More different field names than any table has: the file is refused rather than compared name by name. */
export const maxJsonFields = 1000;

export type JsonTable = Pick<Table, "format" | "columns" | "kpi">;

/** Field names in the order Object.keys gives them: array-index names ascending, then the rest as first written. */
function keysInOrder(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const indices: string[] = [];
  const rest: string[] = [];
  for (const k of names) {
    if (seen.has(k)) continue;
    seen.add(k);
    if (/^(0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4294967295) indices.push(k);
    else rest.push(k);
  }
  return [...indices.sort((a, b) => Number(a) - Number(b)), ...rest];
}

function walk(file: string, text: string, onEntry: Parameters<typeof walkJson>[1]): JsonWalk {
  try {
    return withoutStacks(() => walkJson(text, onEntry));
  } catch (e) {
    if (e instanceof JsonSyntaxError) fileProblem(file, { line: e.line, problem: importProblems.notJson(e.problem) });
    throw e;
  }
}

/** Reads a JSON text entry by entry into the sink. Problems with the file as a whole are thrown. */
export function readJson(
  file: string,
  text: string,
  def: FactDefinition,
  options: ColumnOptions,
  sink: TableSink,
): JsonTable {
  const body = text.replace(/^\uFEFF/, "");

  // Pass 1: JSON at all? Kolada or a plain list? Which fields does the plain list have?
  const fields: string[] = [];
  const known = new Set<string>();
  let tooManyFields = false;
  // The first object entry of each `values` list: what tells Kolada's shape.
  const probes = new Map<number, JsonEntry>();
  const shape = walk(file, body, (entry, list) => {
    if (list.where === "values") {
      if (!probes.has(list.container) && entry.kind === "object") probes.set(list.container, entry);
      return;
    }
    if (entry.kind !== "object" || tooManyFields) return;
    if (entry.crowded) {
      tooManyFields = true;
      return;
    }
    const names = [...entry.members!.keys()];
    if (names.every((k) => known.has(k))) return;
    for (const k of keysInOrder(names)) {
      if (known.has(k)) continue;
      known.add(k);
      fields.push(k);
    }
    tooManyFields = fields.length > maxJsonFields;
  });

  const values = shape.values;
  const probe = values?.kind === "array" ? probes.get(values.start) : undefined;
  if (shape.root === "object" && values && probe && looksLikeKolada(probe)) {
    const kolada = new KoladaReader(def, sink, body);
    sink.start("kolada");
    walk(file, body, (entry, list) => {
      if (list.where === "values" && list.container === values.start) kolada.entry(entry);
    });
    const kpi = kolada.finish();
    return { format: "kolada", ...(kpi ? { kpi } : {}), columns: { subject: "municipality", value: "value" } };
  }
  if (shape.root !== "array") {
    fileProblem(file, { line: 1, problem: importProblems.notAList });
  }
  if (tooManyFields) fileProblem(file, { line: 1, problem: importProblems.tooManyFields(maxJsonFields) });
  const chosen = chooseColumns(fields, def, options, "field");
  if (!chosen.ok) fileProblem(file, chosen.issue);
  const subjectField = fields[chosen.columns.subject]!;
  const valueField = fields[chosen.columns.value]!;
  sink.start("json");

  // Pass 2: one entry at a time.
  const { issues } = sink;
  walk(file, body, (node, list) => {
    if (list.where !== "root") return;
    const entry = node.index + 1;
    const line = node.line;
    if (node.kind !== "object") return void issues.add({ line, entry, problem: importProblems.entryNotObject });
    const at = (field: string) => ({
      line: member(node, field)?.line ?? line,
      entry,
      column: field,
      columnKind: "field" as const,
    });
    // Only the two fields are parsed: whatever else an entry carries is never built.
    const subjectSpan = member(node, subjectField)?.value;
    const valueSpan = member(node, valueField)?.value;
    if (!subjectSpan) return void issues.add({ ...at(subjectField), problem: importProblems.fieldMissing });
    if (subjectSpan.kind !== "string" && subjectSpan.kind !== "number")
      return void issues.add({ ...at(subjectField), problem: importProblems.subjectNotNameOrCode });
    if (!valueSpan) return void issues.add({ ...at(valueField), problem: importProblems.fieldMissing });
    if (valueSpan.kind === "object" || valueSpan.kind === "array")
      return void issues.add({ ...at(valueField), problem: importProblems.valueNotScalar });
    const subject = valueAt(body, subjectSpan) as string | number;
    const value = valueAt(body, valueSpan);
    sink.row({
      line: at(subjectField).line,
      entry,
      columnKind: "field",
      subject: { text: String(subject), column: subjectField },
      value: { raw: value as string | number | boolean | null, column: valueField, line: at(valueField).line },
    });
  });
  return { format: "json", columns: { subject: subjectField, value: valueField } };
}
