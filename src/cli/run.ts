/** How every command ends: a message the user can act on and an exit code, never a stack trace. */
import type { z } from "../domain/zod.js";
import { isMotioneraError } from "../domain/errors.js";
import { explainError } from "../messages.sv.js";
import { texts } from "./messages.sv.js";

export class UsageError extends Error {}

/** An option as the user typed it: "sourceTitle" → "--source-title". */
export const flagName = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Command-line options through their zod schema; the first problem is a usage error naming the flag. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new UsageError(`${flagName(String(i.path[0] ?? ""))}: ${i.message}`);
  }
  return parsed.data;
}

/** someSkipped: a campaign wrote what it could but skipped (or failed) some municipalities. */
export const exitCodes = { ok: 0, userError: 1, usage: 2, someSkipped: 3, internal: 70 } as const;

export function reportFailure(e: unknown): number {
  if (isMotioneraError(e)) {
    process.stderr.write(`motionera: ${explainError(e.details)}\n`);
    return exitCodes.userError;
  }
  if (e instanceof UsageError) {
    process.stderr.write(`motionera: ${e.message}\n`);
    return exitCodes.usage;
  }
  process.stderr.write(`motionera: ${texts.internalError}\n  ${process.argv.slice(2).join(" ")}\n  ${(e as Error)?.stack ?? String(e)}\n`);
  return exitCodes.internal;
}

/** Wraps a command action so failures are reported, not thrown. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      process.exitCode = reportFailure(e);
    }
  };
}
