/** Starts the service on a port and stops it cleanly on Ctrl-C (SIGINT) or SIGTERM. */
import { serve, type ServerType } from "@hono/node-server";
import type { Workspace } from "../workspace.js";
import { createApp } from "./app.js";
import type { ServerOptions } from "./context.js";

export interface Listening {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

export function startServer(workspace: Workspace, listen: { port: number; host: string }, options: ServerOptions = {}): Promise<Listening> {
  const app = createApp(workspace, options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: listen.port, hostname: listen.host }, (info) => {
      const host = info.address.includes(":") ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}/`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once("error", reject);
  });
}
