/**
 * A file written whole or not at all: through a temporary name beside it and a rename, so a reader sees the old file
 * or the new one, never half of one (the build's caches and artifacts, a database's mark of validation). Not durable
 * against a power cut: the database itself is written by durable-write.ts.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { threadId } from "node:worker_threads";

/** The temporary name: this process's (and worker thread's) own, in the shape stale-temp-files.ts sweeps. */
const tempOf = (file: string): string => `${file}.${process.pid}${threadId ? `-${threadId}` : ""}.tmp`;

/** Replaces `file` with `data`; on a failure the temporary file is removed (where it can be) and the error thrown. */
export function replaceFileSync(file: string, data: string | Uint8Array): void {
  const temp = tempOf(file);
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (e) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // A folder that refused the file may refuse its removal too.
    }
    throw e;
  }
}
