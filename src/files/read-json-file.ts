/**
 * A JSON file of ours read back (a build's artifact, a mark beside a database): its contents as zod finds them, or
 * undefined when the file is missing or unreadable, is not JSON, or is not of the schema. The caller then does the
 * work the file would have saved; a file that does not fit is never an error.
 */
import { readFileSync } from "node:fs";
import type { z } from "../domain/zod.js";

export function readJsonFile<S extends z.ZodType>(file: string, schema: S): z.output<S> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
