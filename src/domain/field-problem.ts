/**
 * Every problem a core check finds, each with the path of the field it belongs to, the way
 * zod reports issues. Checks collect them all, so a surface can show every problem at once:
 * the CLI names each option, the API lists each in the problem's `errors`, a form marks
 * each field. One problem is thrown as itself; several as one `request_invalid` error.
 */
import { MotioneraError, type ErrorDetails } from "./errors.js";

/** Where in the request: ["municipality"], ["inputs", "committee"], ["authors", 0, "name"]. */
export type FieldPath = readonly (string | number)[];

export interface FieldProblem {
  path: FieldPath;
  details: ErrorDetails;
}

/** Zod issues as problems (`input_invalid` naming the dotted path), the first per field, under `prefix` if given. */
export function issueProblems(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix: FieldPath = [],
): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const i of issues) {
    const path = [...prefix, ...i.path.map((p) => (typeof p === "number" ? p : String(p)))];
    if (out.some((p) => pathText(p.path) === pathText(path))) continue;
    out.push({ path, details: { code: "input_invalid", field: path.join("."), problem: i.message } });
  }
  return out;
}

/**
 * Runs a lookup that throws MotioneraError (an unknown municipality, template, fact key …)
 * and records its problem at `path`; returns the result, or undefined when it failed.
 */
export function attempt<T>(problems: FieldProblem[], path: FieldPath, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof MotioneraError)) throw e;
    problems.push(
      ...(e.details.code === "request_invalid"
        ? problemsOf(e.details, path)
        : [{ path: e.path ? [...path, ...e.path] : path, details: e.details }]),
    );
    return undefined;
  }
}

/** The problems an error stands for: its own list for `request_invalid`, else itself at `path`. */
export function problemsOf(details: ErrorDetails, path: FieldPath = []): FieldProblem[] {
  return details.code === "request_invalid"
    ? details.problems.map((p) => ({ path: [...path, ...p.path], details: p.details }))
    : [{ path, details }];
}

/** The problems an error stands for, each at its path as far as the error knows it. */
export function errorProblems(e: MotioneraError): FieldProblem[] {
  return problemsOf(e.details, e.details.code === "request_invalid" ? [] : (e.path ?? []));
}

/** Is a problem already recorded at this path (or inside it)? */
export function hasProblemAt(problems: readonly FieldProblem[], path: FieldPath): boolean {
  return problems.some((p) => path.every((part, i) => p.path[i] === part));
}

/** Nothing when there are no problems; one is thrown as itself, several as `request_invalid`. */
export function throwProblems(problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  if (problems.length === 1) throw new MotioneraError(problems[0]!.details, undefined, problems[0]!.path);
  throw new MotioneraError({ code: "request_invalid", problems: [...problems] });
}

/** "authors.0.name" for messages and logs. */
export const pathText = (path: FieldPath): string => path.map(String).join(".");
