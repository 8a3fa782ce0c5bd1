/**
 * `motionera corpus import` runs in a child process with glibc's mmap threshold fixed (`MALLOC_MMAP_THRESHOLD_`).
 *
 * A batched import allocates and frees large buffers batch after batch (segments, records, the index's per-document
 * arrays, each a little larger than the batch before). glibc serves a freed block over its mmap threshold back to the
 * system, but raises that threshold to the size of the block, so later blocks come from its heap, whose freed
 * middle it keeps: the process's RSS grew by 30–50 MB over a 20 000-file import while what it held grew far less
 * (bench/riksdagen-import.ts; the README has the figures). With the threshold fixed, every large block has its own
 * mapping and is given back when freed. The variable is read when the process starts, and it would slow a draft
 * (every buffer over the threshold mapped and unmapped), so only the import runs with it: the bin starts the same
 * command again with the variable set and waits for it.
 */
import { spawn } from "node:child_process";
import { constants } from "node:os";

/** The threshold, in bytes: glibc's own starting value, kept instead of raised. */
const mmapThreshold = "131072";

/** Whether `argv` (a process's) is a corpus import that should run in a child with the threshold fixed. */
export function wantsFixedMmap(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    process.platform === "linux" &&
    env.MALLOC_MMAP_THRESHOLD_ === undefined &&
    argv[2] === "corpus" &&
    argv[3] === "import"
  );
}

/**
 * Runs the command of `argv` again in a child with the threshold fixed, its output this process's; resolves to the
 * exit code to leave with. Ctrl-C reaches the child from the terminal (it stops between batches as usual); this
 * process waits for it, and passes on a SIGTERM or SIGHUP sent to it alone. Killed outright, it takes the child with
 * it (`stopWithParent`).
 */
export function runWithFixedMmap(argv: readonly string[]): Promise<number> {
  // A channel to the child only so that it notices when this process is gone (`stopWithParent`).
  const child = spawn(process.execPath, [...process.execArgv, ...argv.slice(1)], {
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env: { ...process.env, MALLOC_MMAP_THRESHOLD_: mmapThreshold },
  });
  const ignore = () => undefined;
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", ignore);
  process.on("SIGTERM", forward);
  process.on("SIGHUP", forward);
  return new Promise((resolve) => {
    const done = (code: number) => {
      process.off("SIGINT", ignore);
      process.off("SIGTERM", forward);
      process.off("SIGHUP", forward);
      resolve(code);
    };
    child.once("error", (e) => {
      process.stderr.write(`motionera: ${e.message}\n`);
      done(70);
    });
    child.once("exit", (code, signal) => done(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)));
  });
}

/**
 * In the child: when the process that started it is gone (killed with SIGKILL: no chance to pass anything on), the
 * import stops as abruptly, as it would have had it run in that process (each batch's write is whole or absent). The
 * channel does not keep the child alive.
 */
export function stopWithParent(): void {
  if (!process.send || process.env.MALLOC_MMAP_THRESHOLD_ !== mmapThreshold) return;
  process.on("disconnect", () => process.kill(process.pid, "SIGKILL"));
  process.channel?.unref();
}
