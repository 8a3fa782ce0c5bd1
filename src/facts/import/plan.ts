/**
 * What an import would change, row by row, compared with the registry: a subject with no
 * value for the key yet gets a *new* fact; a value that differs from the one it replaces is
 * *changed* (old → new); the same value is *unchanged*. The value it is compared with is
 * the registry's value for the same date, if there is one, else its latest. An unchanged
 * value with a new date is still recorded (history: the figure held then too); one the
 * registry already holds for that date is not.
 */
import type { Fact, FactValue } from "../../domain/fact.js";
import type { FactDefinition, FactScope } from "../catalog.js";
import { formatFactValue } from "../format-value.js";
import type { FactRegistry } from "../registry.js";
import type { CheckedRow } from "./validate.js";

export type ChangeKind = "new" | "changed" | "unchanged";

export interface PlannedFact {
  kind: ChangeKind;
  line: number;
  entry?: number;
  subject: string;
  subjectName: string;
  scope: FactScope;
  asOf: string;
  value: FactValue;
  /** The value as a document shows it ("12 345", "ja"). */
  shown: string;
  /** The value compared with (changed and unchanged). */
  previous?: { asOf: string | null; shown: string; id: string };
  /** Whether committing the import stores this row. */
  record: boolean;
}

const sameValue = (a: FactValue, b: FactValue) => a.type === b.type && a.value === b.value;

export function planImport(rows: readonly CheckedRow[], def: FactDefinition, registry: FactRegistry): PlannedFact[] {
  return rows.map((row) => {
    const history = registry.history(row.subject.subject, def.key);
    const sameDate = [...history].reverse().find((f) => f.asOf === row.asOf);
    const previous: Fact | undefined = sameDate ?? history[history.length - 1];
    const kind: ChangeKind = !previous ? "new" : sameValue(previous.value, row.value) ? "unchanged" : "changed";
    return {
      kind,
      line: row.line,
      ...(row.entry !== undefined ? { entry: row.entry } : {}),
      subject: row.subject.subject,
      subjectName: row.subject.name,
      scope: row.subject.scope,
      asOf: row.asOf,
      value: row.value,
      shown: formatFactValue(row.value, def),
      ...(previous
        ? { previous: { asOf: previous.asOf, shown: formatFactValue(previous.value, def), id: previous.id } }
        : {}),
      record: !(kind === "unchanged" && sameDate !== undefined),
    };
  });
}
