/**
 * Backups of the database file. Before every write the current file is kept as
 * `motionera.json.bak` (a hard link to the old file's contents, so it costs no copy: the
 * atomic write replaces the name, not the data); before a schema migration the old version
 * is kept as `motionera.json.v1.bak` and never overwritten. When the database cannot be read,
 * the newest backup that can is named in the error.
 */
import { copyFileSync, existsSync, linkSync, renameSync, rmSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export const latestBackupPath = (file: string): string => `${file}.bak`;
export const migrationBackupPath = (file: string, fromVersion: number): string => `${file}.v${fromVersion}.bak`;

/**
 * Keeps the current contents of `file` (if any) at `target`, replacing an older backup there.
 * Synchronous on purpose: a link and a rename take microseconds, while each await on a busy
 * service waits its turn behind every other request, and writes are serialized.
 */
export function keepBackup(file: string, target: string): void {
  if (!existsSync(file)) return;
  const temp = `${target}.${process.pid}.tmp`;
  rmSync(temp, { force: true });
  try {
    try {
      linkSync(file, temp);
    } catch {
      copyFileSync(file, temp); // a file system without hard links
    }
    renameSync(temp, target);
    // When the backup already is a link to the same file (the write after it failed), rename
    // does nothing and leaves the temp name (POSIX: same file, no-op): remove it.
    rmSync(temp, { force: true });
  } catch (e) {
    rmSync(temp, { force: true }); // a copy cut short by a full disk keeps no space
    throw e;
  }
}

/** Keeps the file of an older schema before it is migrated; an existing backup of that version wins. */
export function keepMigrationBackup(file: string, fromVersion: number): void {
  const target = migrationBackupPath(file, fromVersion);
  if (!existsSync(target)) keepBackup(file, target);
}

export interface GoodBackup {
  file: string;
  modified: Date;
  facts: number;
  documents: number;
}

/**
 * The newest backup of `file` that parses and passes `check` (which returns the counts to
 * show), or undefined. Looks at `<file>.bak` and `<file>.v<N>.bak`.
 */
export async function lastGoodBackup(
  file: string,
  check: (text: string) => { facts: number; documents: number } | undefined,
): Promise<GoodBackup | undefined> {
  const dir = dirname(file);
  const name = basename(file);
  let names: string[];
  try {
    names = (await readdir(dir)).filter(
      (n) => n === `${name}.bak` || (n.startsWith(`${name}.v`) && n.endsWith(".bak")),
    );
  } catch {
    return undefined;
  }
  const candidates = await Promise.all(
    names.map(async (n) => {
      const path = join(dir, n);
      return { path, modified: (await stat(path)).mtime };
    }),
  );
  candidates.sort((a, b) => b.modified.getTime() - a.modified.getTime());
  for (const c of candidates) {
    try {
      const counts = check(await readFile(c.path, "utf8"));
      if (counts) return { file: c.path, modified: c.modified, ...counts };
    } catch {
      // not good: try the next
    }
  }
  return undefined;
}
