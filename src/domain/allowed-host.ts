/**
 * The Host allow-list's names, as `--allowed-hosts` and MOTIONERA_ALLOWED_HOSTS give them: read
 * once here for both the command line and the service (src/server/allowed-hosts.ts).
 */
import { z } from "./zod.js";

/** One allowed host: a name or address, optionally with a port ("motionera.example", "[::1]:8787"). */
export interface HostRule {
  hostname: string;
  port?: string;
}

/** "name", "name:port", "[v6]", "[v6]:port", "*" is not accepted: a list names hosts. */
export const allowedHostSchema = z
  .string()
  .trim()
  .min(1)
  .max(260)
  .refine((s) => parseHost(s) !== undefined, {
    message: "ange ett värdnamn eller en adress, eventuellt med port (motionera.example, 127.0.0.1:8787, [::1])",
  });

/** Host as URL parsing reads it, so the request's Host and the list compare alike (case, IDN, IPv6). */
export function parseHost(s: string): HostRule | undefined {
  if (!s || /[/?#@\s*]/.test(s)) return undefined;
  try {
    const u = new URL(`http://${s}`);
    if (!u.hostname) return undefined;
    const explicitPort = /:(\d+)$/.exec(s)?.[1];
    return { hostname: u.hostname, ...(explicitPort !== undefined ? { port: String(Number(explicitPort)) } : {}) };
  } catch {
    return undefined;
  }
}

/** "a,b, c" (the option or MOTIONERA_ALLOWED_HOSTS) → the names. */
export function splitHosts(list: string): string[] {
  return list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
