/**
 * A named token's secret: 32 random bytes, shown once as "mot_" and base64url; the store keeps
 * only its SHA-256, by which a request's bearer token is looked up.
 */
import { createHash, randomBytes } from "node:crypto";

export function newTokenSecret(): string {
  return `mot_${randomBytes(32).toString("base64url")}`;
}

/** SHA-256 of a secret as typed (surrounding space ignored), lower-case hex. */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret.trim(), "utf8").digest("hex");
}
