/**
 * The start-up sweep: temp files that processes working on a database leave beside it when
 * they are killed (SIGKILL, a power cut) between creating a temp file and renaming it. Each
 * such name carries the pid of the process that made it; the sweep removes those whose
 * process no longer runs on this machine and never touches a live process's file. Only names
 * derived from the database's own name are considered, so other files in the folder are safe:
 *
 * - `motionera.json.<pid>.tmp` — the database being written (`writeFileDurably`)
 * - `motionera.json.bak.<pid>.tmp`, `motionera.json.v1.bak.<pid>.tmp` — backups (`keepBackup`)
 * - `motionera.json.lock.<pid>.tmp`, `motionera.json.lock.<pid>.stale` — the write lock
 * - `motionera.json.checked.<pid>.tmp` — the mark of a validated file (`rememberChecked`)
 * - `motionera.index.json.<pid>.<random>.tmp` — the search index beside the database
 *   (`src/corpus/search/open-index.ts`, which names the index `<name without .json>.index.json`)
 * - `.motionera.json.tmp` — lowdb's (steno's) temp file from before the durable writer; it
 *   carries no pid, so it is removed only by the process that holds the write lock.
 */
import { readdir, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { holdsDatabaseLock, lockHolder } from "./database-lock.js";
import { processAlive } from "./process-alive.js";

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The pid a temp name of this database carries, or undefined when the name is not one of its temp files. */
export function tempFilePid(databaseFile: string, name: string): number | undefined {
  const base = basename(databaseFile);
  const index = basename(databaseFile.replace(/(\.json)?$/i, ".index.json"));
  const shapes = [
    new RegExp(`^${escapeRegExp(base)}(?:\\.bak|\\.v\\d+\\.bak|\\.lock|\\.checked)?\\.(\\d+)\\.tmp$`),
    new RegExp(`^${escapeRegExp(base)}\\.lock\\.(\\d+)\\.stale$`),
    new RegExp(`^${escapeRegExp(index)}\\.(\\d+)\\.[0-9a-z]+\\.tmp$`),
  ];
  for (const shape of shapes) {
    const m = shape.exec(name);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * Removes the stale temp files beside a database (see above); returns the paths removed.
 * Never fails: a folder that cannot be read or a file that cannot be removed is left as it is
 * (a read-only user's command still runs). Skipped when the write lock is held from another
 * machine, whose pids mean nothing here.
 */
export async function sweepStaleTempFiles(databaseFile: string): Promise<string[]> {
  const file = resolve(databaseFile);
  const dir = dirname(file);
  const holder = lockHolder(file);
  if (holder && holder.host !== hostname()) return [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const legacy = `.${basename(file)}.tmp`;
  const stale = names.filter((name) => {
    if (name === legacy) return holdsDatabaseLock(file);
    const pid = tempFilePid(file, name);
    return pid !== undefined && !processAlive(pid);
  });
  const removed: string[] = [];
  for (const name of stale) {
    try {
      await rm(join(dir, name));
      removed.push(join(dir, name));
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}
