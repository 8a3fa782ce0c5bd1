/**
 * Option values the commands share, read the same way everywhere: repeated flags, formats,
 * `--set name=value` and signers written as "Namn (Parti), roll".
 */
import { isMotioneraError } from "../domain/errors.js";
import { errorProblems, throwProblems, type FieldProblem } from "../domain/field-problem.js";
import { parseNameValues } from "../lang/name-value.js";
import { parseSigner, type Signer } from "../domain/signer.js";
import { formats, type Format } from "../render/index.js";
import { UsageError } from "./run.js";
import { texts } from "./messages.sv.js";

/** For a flag that may be given several times (commander's collector). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function parseFormats(list: string): Format[] {
  const asked = list
    .split(",")
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean)
    .map((f) => (f === "markdown" ? "md" : f));
  const bad = asked.filter((f) => !(formats as readonly string[]).includes(f));
  if (bad.length || asked.length === 0) throw new UsageError(texts.unknownFormat(bad, formats));
  return [...new Set(asked)] as Format[];
}

/** `--set name=value` options as a template's input values; a text without "name=" is a usage error. */
export function parseSets(sets: readonly string[]): Record<string, string> {
  const { values, unreadable } = parseNameValues(sets);
  if (unreadable.length) throw new UsageError(unreadable.map((s) => texts.setNeedsNameValue(s)).join("\n"));
  return values;
}

/** Signers as "Namn (Parti), roll"; each one that cannot be read is a problem at ["authors", i]. */
export function readAuthors(list: readonly string[]): { authors: Signer[]; problems: FieldProblem[] } {
  const authors: Signer[] = [];
  const problems: FieldProblem[] = [];
  list.forEach((a, i) => {
    const s = parseSigner(a);
    if (s) authors.push(s);
    else
      problems.push({
        path: ["authors", i],
        details: { code: "author_invalid", value: a, problem: texts.authorNameMissing },
      });
  });
  return { authors, problems };
}

/**
 * A core call with the problems the command found in its own options: all are reported
 * together (the core's problems at a field the command already faulted are left out).
 */
export async function withOwnProblems<T>(own: readonly FieldProblem[], run: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (e) {
    if (own.length === 0 || !isMotioneraError(e)) throw e;
    throwProblems([...own, ...errorProblems(e).filter((p) => !own.some((o) => o.path[0] === p.path[0]))]);
    throw e;
  }
  throwProblems(own);
  return result;
}
