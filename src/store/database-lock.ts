/**
 * One writer per database file across processes. The first write of a process takes a lock
 * file beside the database (`motionera.json.lock`, created exclusively, holding who took it)
 * and keeps it until the process ends or the store is closed; another process that tries to
 * write is refused with a message naming the holder. A lock whose process is gone (killed,
 * crashed) is taken over, so a SIGKILL never leaves the database unwritable.
 */
import { linkSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { resolve } from "node:path";
import { z } from "../domain/zod.js";
import { MotioneraError } from "../domain/errors.js";
import { processAlive } from "./process-alive.js";

const holderSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  command: z.string(),
  since: z.string(),
});
export type LockHolder = z.infer<typeof holderSchema>;

export const lockPath = (databaseFile: string): string => `${resolve(databaseFile)}.lock`;

/** Who holds the lock of a database file, if anyone (or an unreadable lock: undefined). */
export const lockHolder = (databaseFile: string): LockHolder | undefined => readHolder(lockPath(databaseFile));

function readHolder(file: string): LockHolder | undefined {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // vanished, or half-written by a writer that was killed
  }
}

/** A process's description for the lock: "motionera serve", "motionera facts import …". */
function describeProcess(): string {
  const args = process.argv
    .slice(2)
    .filter((a) => !a.startsWith("-"))
    .slice(0, 3);
  return ["motionera", ...args].join(" ");
}

const held = new Set<string>();
let exitHookInstalled = false;

function releaseAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const file of held) releaseDatabaseLock(file);
  });
}

/**
 * Creates the lock file with its content in one step (written to a temp file, then hard-linked
 * into place, which fails if the lock exists), so no one ever reads a half-written lock.
 * Returns false if the lock exists.
 */
function createWithContent(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, content, { mode: 0o644 });
    linkSync(temp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    rmSync(temp, { force: true }); // also a temp file cut short by a full disk
  }
}

/**
 * Takes the lock for a database file, or throws `database_locked`. Taking a lock this
 * process already holds is a no-op.
 */
export function acquireDatabaseLock(databaseFile: string): void {
  const file = lockPath(databaseFile);
  if (held.has(file)) return;
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: describeProcess(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createWithContent(file, `${JSON.stringify(me)}\n`)) {
      held.add(file);
      releaseAllOnExit();
      return;
    }
    const holder = readHolder(file);
    const stale = holder ? holder.host === me.host && !processAlive(holder.pid) : true;
    if (holder && !stale) {
      throw new MotioneraError({
        code: "database_locked",
        file: databaseFile,
        pid: holder.pid,
        command: holder.command,
        since: holder.since,
        host: holder.host,
      });
    }
    // Stale (or unreadable: edited by hand): move it aside under a name of our own, so two
    // processes taking over at once cannot both remove a fresh lock, then try again.
    const aside = `${file}.${process.pid}.stale`;
    try {
      renameSync(file, aside);
      unlinkSync(aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  throw new MotioneraError({ code: "database_locked", file: databaseFile, pid: 0, command: "?", since: "", host: "" });
}

/** Gives the lock back (if this process holds it). */
export function releaseDatabaseLock(databaseFile: string): void {
  const file = databaseFile.endsWith(".lock") ? databaseFile : lockPath(databaseFile);
  if (!held.delete(file)) return;
  const holder = readHolder(file);
  if (holder && holder.pid !== process.pid) return; // not ours any more
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/** Whether this process holds the lock of a database file. */
export const holdsDatabaseLock = (databaseFile: string): boolean => held.has(lockPath(databaseFile));
