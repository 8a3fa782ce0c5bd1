/**
 * A cell or JSON value read as the catalog's type for the key, without throwing: the
 * importer collects every problem of a file before it reports them. Text from a CSV is read
 * the way Swedish spreadsheets write it: "12,5", "1 234" (also with a no-break space),
 * "ja"/"nej", "2023-02-21"; JSON may also give numbers and booleans as such.
 */
import type { FactValue } from "../../domain/fact.js";
import { isMotioneraError } from "../../domain/errors.js";
import { parseFactValue } from "../record-fact.js";
import type { FactDefinition } from "../catalog.js";
import { importProblems } from "../../messages.sv.js";

export type ValueResult = { ok: true; value: FactValue } | { ok: false; problem: string } | { ok: "empty" };

/** What statistics tables write for "no figure": an empty cell, "..", "–" (SCB, Kolada exports). */
const missingMarkers = /^(|\.\.|\.|-|–|—|x)$/i;

export function importValue(def: FactDefinition, raw: string | number | boolean | null): ValueResult {
  if (raw === null) return { ok: "empty" };
  if (typeof raw === "number") {
    if (def.type === "number")
      return Number.isFinite(raw)
        ? { ok: true, value: { type: "number", value: raw } }
        : { ok: false, problem: importProblems.notFinite(raw) };
    if (def.type === "boolean" && (raw === 0 || raw === 1))
      return { ok: true, value: { type: "boolean", value: raw === 1 } };
    if (def.type === "text") return { ok: true, value: { type: "text", value: String(raw) } };
    return { ok: false, problem: importProblems.numberForType(raw, def.key, def.type) };
  }
  if (typeof raw === "boolean") {
    if (def.type === "boolean") return { ok: true, value: { type: "boolean", value: raw } };
    return { ok: false, problem: importProblems.booleanForType(raw, def.key, def.type) };
  }
  const text = raw.replace(/\u00a0|\u202f/g, " ").trim();
  if (missingMarkers.test(text) && def.type !== "text") return { ok: "empty" };
  if (text === "") return { ok: "empty" };
  try {
    return { ok: true, value: parseFactValue(def, text) };
  } catch (e) {
    if (isMotioneraError(e) && e.details.code === "fact_invalid") return { ok: false, problem: e.details.problem };
    throw e;
  }
}
