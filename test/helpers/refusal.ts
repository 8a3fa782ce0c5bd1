/** What the core refused with: the details of the MotioneraError a write threw (anything else is rethrown). */
import { isMotioneraError } from "../../src/domain/errors.js";

export type Refusal = { code: string; field?: string; problem?: string } & Record<string, unknown>;

/** The refusal of an async write; fails the test when it was accepted. */
export async function refusalOf(p: Promise<unknown>): Promise<Refusal> {
  try {
    await p;
  } catch (e) {
    if (isMotioneraError(e)) return e.details as Refusal;
    throw e;
  }
  throw new Error("expected a refusal");
}
