/**
 * Replacing a file atomically and durably: the data goes to a temp file beside it
 * (`<file>.<pid>.tmp`), which is fsynced, renamed over the file, and then the folder is
 * fsynced so the rename itself survives a power cut. A reader (or a crash, or a power cut)
 * meets the old file or the new one, never half of one. Whatever fails, the temp file is
 * removed before the error goes on: a full disk never keeps a partial temp file.
 */
import { open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

/** The part of a file handle a durable write uses. */
export interface DurableFileHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file system calls a durable write makes; tests and the bench pass their own. */
export interface DurableFs {
  open(path: string, flags: "w" | "r"): Promise<DurableFileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export const nodeFs: DurableFs = { open, rename, rm };

/** The temp file a write to `path` uses (the pid lets a start-up sweep tell a dead writer's leftovers). */
export const durableTempPath = (path: string): string => `${path}.${process.pid}.tmp`;

/**
 * File systems where a folder cannot be opened or fsynced (Windows: EISDIR/EPERM; some
 * network and FUSE file systems: EINVAL/ENOTSUP). There the rename is as durable as the
 * system makes it; any other error (EIO) is reported.
 */
const folderSyncUnsupported = new Set(["EISDIR", "EPERM", "EACCES", "EINVAL", "ENOTSUP", "EOPNOTSUPP"]);

/** Fsyncs a folder, so the names created or replaced in it are on disk. */
export async function syncFolder(dir: string, fs: DurableFs = nodeFs): Promise<void> {
  let handle: DurableFileHandle;
  try {
    handle = await fs.open(dir, "r");
  } catch (e) {
    if (folderSyncUnsupported.has((e as NodeJS.ErrnoException).code ?? "")) return;
    throw e;
  }
  try {
    await handle.sync();
  } catch (e) {
    if (!folderSyncUnsupported.has((e as NodeJS.ErrnoException).code ?? "")) throw e;
  } finally {
    await handle.close();
  }
}

/** Replaces `path` with `data`: temp file → fsync(file) → rename → fsync(folder). */
export async function writeFileDurably(path: string, data: string | Uint8Array, fs: DurableFs = nodeFs): Promise<void> {
  const temp = durableTempPath(path);
  try {
    const handle = await fs.open(temp, "w");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
  await syncFolder(dirname(path), fs);
}
