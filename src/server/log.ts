/**
 * What the service writes to its log (stderr): one line per error. A known error (a
 * MotioneraError: a broken template, an unreadable or locked database) is its code and the
 * Swedish explanation on one line, with the file and the restore command the CLI gives, and
 * no stack; anything else is a bug, logged with its stack, which is what finds it.
 */
import type { Context } from "hono";
import { isMotioneraError, type ErrorDetails } from "../domain/errors.js";
import { explainError } from "../messages.sv.js";

const prefix = "motionera serve:";

/** "database_invalid: Databasfilen … kan inte läsas: … Återställ den med: cp …" on one line. */
export function knownErrorLine(d: ErrorDetails): string {
  return `${d.code}: ${explainError(d).replace(/\s*\n\s*/g, " ")}`;
}

/** An error while answering a request. */
export function logError(c: Context, err: unknown): void {
  const where = `${c.req.method} ${c.req.path}`;
  if (isMotioneraError(err)) console.error(`${prefix} ${where}: ${knownErrorLine(err.details)}`);
  else console.error(`${prefix} ${where}: internal:`, err);
}

/** A known problem found outside a request (at start). */
export function logKnown(d: ErrorDetails): void {
  console.error(`${prefix} ${knownErrorLine(d)}`);
}
