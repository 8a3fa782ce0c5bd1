/**
 * Who is writing, passed to the store without changing any caller: a request of the web
 * service runs inside `actingAs({ kind: "token", name }, …)`; anything outside one (the
 * command line) writes as the CLI with the OS user running it.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { userInfo } from "node:os";
import type { Actor } from "../domain/actor.js";

const acting = new AsyncLocalStorage<Actor>();

/** Runs `fn` with every store write in it (and in what it awaits) recorded as `actor`'s. */
export function actingAs<T>(actor: Actor, fn: () => T): T {
  return acting.run(actor, fn);
}

let cliUser: string | undefined;

/** The OS user running this process (empty if the system cannot say). */
function osUser(): string {
  if (cliUser === undefined) {
    try {
      cliUser = userInfo().username;
    } catch {
      cliUser = process.env.USER ?? process.env.USERNAME ?? "";
    }
  }
  return cliUser;
}

/** The actor of the write in progress: the one set by `actingAs`, else the CLI and the OS user. */
export function currentActor(): Actor {
  return acting.getStore() ?? { kind: "cli", user: osUser() };
}
