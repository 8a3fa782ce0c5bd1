/**
 * A named API token: a role, who made it and when, and when it was revoked. The secret itself
 * is shown once when made and never stored; the store keeps its SHA-256 (hex) to look it up.
 */
import { z } from "./zod.js";
import { actorSchema } from "./actor.js";

/** What a token may do, each role all the one before it may: read < write < admin. */
export const tokenRoles = ["read", "write", "admin"] as const;
export const tokenRoleSchema = z.enum(tokenRoles);
export type TokenRole = z.infer<typeof tokenRoleSchema>;

/** Whether a token of role `has` may do what needs `needs`. */
export function roleAllows(has: TokenRole, needs: TokenRole): boolean {
  return tokenRoles.indexOf(has) >= tokenRoles.indexOf(needs);
}

/** A token's name: letters, digits, dot, dash and underscore, starting with a letter or digit. */
export const tokenNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "1–64 tecken: bokstäver a–z, siffror, punkt, bindestreck, understreck");

/** SHA-256 of the secret, lower-case hex. */
export const tokenHashSchema = z.string().regex(/^[0-9a-f]{64}$/, "SHA-256 i hex");

export const apiTokenSchema = z.object({
  name: tokenNameSchema,
  role: tokenRoleSchema,
  hash: tokenHashSchema,
  createdAt: z.string().datetime(),
  createdBy: actorSchema,
  /** When it was revoked; left out while it may be used. */
  revokedAt: z.string().datetime().optional(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** A token as shown to people (the CLI, the API): everything but its hash. */
export function shownToken({ hash: _hash, ...shown }: ApiToken): Omit<ApiToken, "hash"> {
  return shown;
}

/** A token as a caller asks for it: the store adds when and by whom. */
export interface NewApiToken {
  name: string;
  role: TokenRole;
  hash: string;
}
