/** Starts the service on a port and stops it cleanly on Ctrl-C (SIGINT) or SIGTERM. */
import { serve, type ServerType } from "@hono/node-server";
import type { Workspace } from "../workspace.js";
import { availableParallelism } from "node:os";
import { startRenderPool } from "../render/render-pool.js";
import { createApp } from "./app.js";
import type { ServerOptions } from "./context.js";
import { logKnown } from "./log.js";

export interface Listening {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

/**
 * Checks what the service cannot work without before anything starts: the database is read
 * and validated whole, so a corrupt one stops the start with the CLI's error (database_invalid:
 * the file, the problem, the newest good backup and the `cp` command that restores it)
 * instead of a service whose every page fails. The templates folder is listed (a folder that
 * is no document kind, two templates with one id: stops the start too); a template that
 * cannot be used is logged, one line each, and the service serves the others.
 */
export async function checkBeforeStart(workspace: Workspace): Promise<void> {
  await workspace.store.facts();
  const library = await workspace.templates();
  for (const { error } of library.usable().broken) logKnown(error.details);
}

/**
 * Starts the service: the checks above, writer threads (one per core, DOCX and PDF warmed,
 * unless the caller brings its own or `renderThreads` is 0), then the listening socket.
 */
/**
 * The socket's own limits (Node's http server): how long a client may take to send its
 * headers (slowloris; Node's default 60 s) and how often that is checked (default 30 s).
 * Headers over 16 kB get 431 from Node itself.
 */
export interface SocketLimits {
  headersTimeoutMs?: number;
  checkIntervalMs?: number;
}

export async function startServer(
  workspace: Workspace,
  listen: { port: number; host: string },
  options: ServerOptions & { renderThreads?: number; socket?: SocketLimits } = {},
): Promise<Listening> {
  await checkBeforeStart(workspace);
  // Other processes' writes reach this one's caches as they happen (PostgreSQL: LISTEN/NOTIFY).
  await workspace.store.watch();
  const { renderThreads = availableParallelism(), socket = {}, ...rest } = options;
  const pool =
    rest.renderPool ??
    (renderThreads > 0 ? startRenderPool({ size: renderThreads, warm: ["docx", "pdf"] }) : undefined);
  await pool?.ready();
  const app = createApp(workspace, { ...rest, ...(pool ? { renderPool: pool } : {}) });
  const stopPool = async () => {
    if (pool && !rest.renderPool) await pool.close();
  };
  return new Promise((resolve, reject) => {
    const serverOptions = {
      ...(socket.headersTimeoutMs !== undefined
        ? { headersTimeout: socket.headersTimeoutMs, requestTimeout: Math.max(socket.headersTimeoutMs, 300_000) }
        : {}),
      ...(socket.checkIntervalMs !== undefined ? { connectionsCheckingInterval: socket.checkIntervalMs } : {}),
    };
    const server = serve({ fetch: app.fetch, port: listen.port, hostname: listen.host, serverOptions }, (info) => {
      const host = info.address.includes(":") ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}/`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())).then(stopPool),
      });
    });
    server.once("error", (e) => void stopPool().finally(() => reject(e)));
  });
}
