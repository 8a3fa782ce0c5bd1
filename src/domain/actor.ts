/**
 * Who made a write: a named API token (the web service), the command line (with the OS user
 * running it), or the service's one admin token from the environment (MOTIONERA_TOKEN).
 */
import { z } from "./zod.js";

export const actorSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("token"), name: z.string().min(1).max(64) }),
  z.object({ kind: z.literal("cli"), user: z.string().max(256) }),
  z.object({ kind: z.literal("env-token") }),
]);
export type Actor = z.infer<typeof actorSchema>;

/** The actor's name as lists show it: the token's name, "cli (user)", or "MOTIONERA_TOKEN". */
export function actorName(a: Actor): string {
  switch (a.kind) {
    case "token":
      return a.name;
    case "cli":
      return a.user ? `cli (${a.user})` : "cli";
    case "env-token":
      return "MOTIONERA_TOKEN";
  }
}
