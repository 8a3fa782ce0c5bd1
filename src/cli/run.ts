/** How every command ends: a message the user can act on and an exit code, never a stack trace. */
import type { z } from "../domain/zod.js";
import { isMotioneraError } from "../domain/errors.js";
import type { FieldPath, FieldProblem } from "../domain/field-problem.js";
import { explainError } from "../messages.sv.js";
import { texts } from "./messages.sv.js";

export class UsageError extends Error {}

/** An option as the user typed it: "sourceTitle" → "--source-title". */
export const flagName = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Command-line options through their zod schema; every problem is a usage error naming its flag. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const seen = new Set<string>();
    const lines = parsed.error.issues.flatMap((i) => {
      const flag = flagName(String(i.path[0] ?? ""));
      if (seen.has(flag)) return [];
      seen.add(flag);
      return [`${flag}: ${i.message}`];
    });
    throw new UsageError(lines.join("\n"));
  }
  return parsed.data;
}

/**
 * Which option a request's field came from, by the field's first path part ("municipality"
 * → "--kommun"); a template's inputs ("inputs.committee") are "--set committee". A field
 * not listed is named by the message alone.
 */
export type OptionNames = Readonly<Record<string, string>>;

export function optionOf(path: FieldPath, names: OptionNames): string | undefined {
  const [head, next] = path;
  if (head === "inputs" && next !== undefined) return `--set ${String(next)}`;
  return head === undefined ? undefined : names[String(head)];
}

/** One line per problem, each starting with the option it concerns. */
export function problemLines(problems: readonly FieldProblem[], names: OptionNames): string[] {
  return problems.map((p) => {
    const option = optionOf(p.path, names);
    return `${option ? `${option}: ` : ""}${explainError(p.details)}`;
  });
}

/** someSkipped: a campaign wrote what it could but skipped (or failed) some municipalities. */
export const exitCodes = { ok: 0, userError: 1, usage: 2, someSkipped: 3, internal: 70 } as const;

export function reportFailure(e: unknown, names: OptionNames = {}): number {
  if (isMotioneraError(e)) {
    const d = e.details;
    const text =
      d.code === "request_invalid"
        ? [texts.problems(d.problems.length), ...problemLines(d.problems, names).map((l) => `  ${l}`)].join("\n")
        : explainError(d);
    process.stderr.write(`motionera: ${text}\n`);
    return exitCodes.userError;
  }
  if (e instanceof UsageError) {
    process.stderr.write(
      `${e.message
        .split("\n")
        .map((l) => `motionera: ${l}`)
        .join("\n")}\n`,
    );
    return exitCodes.usage;
  }
  process.stderr.write(
    `motionera: ${texts.internalError}\n  ${process.argv.slice(2).join(" ")}\n  ${(e as Error)?.stack ?? String(e)}\n`,
  );
  return exitCodes.internal;
}

/**
 * Wraps a command action so failures are reported, not thrown; `names` say which option each request field came from.
 */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<void>,
  names: OptionNames = {},
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      process.exitCode = reportFailure(e, names);
    }
  };
}
