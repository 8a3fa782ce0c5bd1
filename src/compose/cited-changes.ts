/**
 * What changed among the facts a draft cites between two compositions of it: a saved draft with the facts as
 * they were when it was saved, and with the facts as they are now. A fact is matched by its subject and key;
 * it changed when the value cited is another recorded fact (a new value, or a correction), and it may be cited
 * only then or only now.
 */
import type { Fact } from "../domain/fact.js";
import { factDefinition } from "../facts/catalog.js";
import type { Composed } from "./compose.js";

export interface CitedFactChange {
  key: string;
  /** The key's label in the catalog (the key itself when it has none). */
  label: string;
  subject: string;
  subjectName: string;
  /** The fact cited then; undefined when it was not cited then. */
  before?: Fact;
  /** The fact cited now; undefined when it is not cited now. */
  after?: Fact;
}

/** The cited facts that differ between `then` and `now`, in the order the text cites them (now's, then then's). */
export function citedFactChanges(then: Composed["cited"], now: Composed["cited"]): CitedFactChange[] {
  const id = (f: Fact) => `${f.subject}\u0000${f.key}`;
  const before = new Map(then.map((c) => [id(c.fact), c] as const));
  const after = new Map(now.map((c) => [id(c.fact), c] as const));
  const out: CitedFactChange[] = [];
  for (const k of new Set([...after.keys(), ...before.keys()])) {
    const b = before.get(k);
    const a = after.get(k);
    if (b && a && b.fact.id === a.fact.id) continue;
    const any = (a ?? b)!;
    out.push({
      key: any.fact.key,
      label: factDefinition(any.fact.key)?.label ?? any.fact.key,
      subject: any.fact.subject,
      subjectName: any.subjectName,
      ...(b ? { before: b.fact } : {}),
      ...(a ? { after: a.fact } : {}),
    });
  }
  return out;
}
