/**
 * An in-process PostgreSQL (PGlite) served on loopback in a process of its own, for the
 * PostgreSQL tests on a machine without a server: the `pg` driver, the migrations and CLI
 * children reach it as they reach a real one. PGlite is one session, which the socket server
 * shares between connections a transaction at a time; tests that need sessions of their own
 * (LISTEN/NOTIFY, several processes) run only on a real server.
 *
 * Prints one line, `{"port": N}`, when it answers; stops when its parent closes stdin.
 */
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const db = await PGlite.create({ extensions: { pg_trgm } });
const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 16 });
await server.start();
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);

const stop = async () => {
  await server.stop().catch(() => undefined);
  await db.close().catch(() => undefined);
  process.exit(0);
};
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
