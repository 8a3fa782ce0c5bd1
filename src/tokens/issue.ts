/** Making a named token: a new random secret, stored only as its hash; the secret is returned once. */
import type { ApiToken, TokenRole } from "../domain/api-token.js";
import type { Store } from "../store/store.js";
import { hashTokenSecret, newTokenSecret } from "./secret.js";

export async function issueToken(
  store: Store,
  name: string,
  role: TokenRole,
): Promise<{ token: ApiToken; secret: string }> {
  const secret = newTokenSecret();
  const token = await store.createToken({ name, role, hash: hashTokenSecret(secret) });
  return { token, secret };
}

/** The latest write of each token, by name, among the newest `entries` of the audit log. */
export async function lastWrites(store: Store, entries = 1000): Promise<Map<string, string>> {
  const last = new Map<string, string>();
  for (const e of await store.audit({ limit: entries })) {
    if (e.actor.kind === "token" && !last.has(e.actor.name)) last.set(e.actor.name, e.at);
  }
  return last;
}
