/**
 * `motionera serve` as its own process (the built CLI, as an operator starts it), on a free port
 * the system picks (--port 0), on a PostgreSQL database or a database file. The address is read
 * from the line the service prints when it listens.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { bin, repoRoot } from "./cli.js";

export interface ServiceProcess {
  /** http://127.0.0.1:<port>, without the trailing slash. */
  base: string;
  child: ChildProcess;
  /** What the process wrote to stderr (the service logs failed requests there). */
  stderr(): string;
  /** Resolves with the exit code (null when a signal ended it) once the process has exited. */
  exited: Promise<number | null>;
  /** SIGINT (the service closes in order), then waits for the exit. */
  stop(): Promise<void>;
}

export function startServiceProcess(
  store: { databaseUrl: string } | { db: string },
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ServiceProcess> {
  const where = "databaseUrl" in store ? ["--database-url", store.databaseUrl] : ["--db", store.db];
  const child = spawn(process.execPath, [bin, "serve", "--port", "0", "--drafts-per-minute", "0", ...where], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`motionera serve did not listen in time:\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.once("error", reject);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`motionera serve exited (${code}) before it listened:\n${stdout}\n${stderr}`));
    });
    child.stdout!.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout)?.[0];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        base: url,
        child,
        stderr: () => stderr,
        exited,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
          await exited;
        },
      });
    });
  });
}
