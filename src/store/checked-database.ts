/**
 * A database file's bytes that this build has read and found valid, remembered beside the file
 * (`motionera.json.checked`): the build's id and the SHA-256 of the text. A command that reads the
 * same bytes again with the same build takes them as they are, without validating them with zod once
 * more (one `motionera draft` → DOCX took 2 ms less; README, "Speed"). Every other read
 * validates: other bytes (the file changed, by hand or by a write), another build (its schemas may
 * differ), no build at all (the TypeScript sources under vitest, dist/src), no mark or an unreadable
 * one. A mark is written only when zod gave back exactly what the file holds (no value trimmed, no
 * key dropped, nothing migrated), so taking the bytes as they are gives the data validation would.
 *
 * The mark is a cache: it is written to a temporary name and renamed, never fails a command (a
 * folder it cannot write to keeps no mark), and a mark that does not fit is ignored.
 */
import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { z } from "../domain/zod.js";
import { readJsonFile } from "../files/read-json-file.js";
import { replaceFileSync } from "../files/replace-file.js";

export const checkMarkFile = (databaseFile: string): string => `${databaseFile}.checked`;

const markSchema = z.object({ build: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** What identifies a database text: its SHA-256. */
export const textDigest = (text: string): string => createHash("sha256").update(text).digest("hex");

/** Whether `build` has found the text with this digest valid before, in this file. */
export function checkedBefore(databaseFile: string, digest: string, build: string): boolean {
  const mark = readJsonFile(checkMarkFile(databaseFile), markSchema);
  return mark?.build === build && mark.sha256 === digest;
}

/**
 * Remembers that `build` found the text with this digest valid, when validation gave back exactly the
 * data read (`validated` deep-equals `read`); otherwise, or when the folder cannot be written, nothing.
 */
export function rememberChecked(
  databaseFile: string,
  digest: string,
  build: string,
  read: unknown,
  validated: unknown,
): void {
  if (!isDeepStrictEqual(read, validated)) return;
  try {
    replaceFileSync(checkMarkFile(databaseFile), `${JSON.stringify({ build, sha256: digest })}\n`);
  } catch {
    // A folder that cannot be written to keeps no mark: the next read validates again.
  }
}
