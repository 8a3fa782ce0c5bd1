import { z } from "./zod.js";
import { textLimits, tooLong } from "./text-limits.js";
import { hasVisibleText, invisibleTextMessage } from "./visible-text.js";

/** Who signs a document: "Anna Andersson (L), ledamot i kommunfullmäktige". */
export const signerSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(textLimits.signerName, tooLong("signerName"))
    .refine((s) => s === "" || hasVisibleText(s), invisibleTextMessage),
  party: z
    .string()
    .trim()
    .min(1)
    .max(textLimits.signerParty, tooLong("signerParty"))
    .refine((s) => s === "" || hasVisibleText(s), invisibleTextMessage)
    .optional(),
  role: z
    .string()
    .trim()
    .min(1)
    .max(textLimits.signerRole, tooLong("signerRole"))
    .refine((s) => s === "" || hasVisibleText(s), invisibleTextMessage)
    .optional(),
});
export type Signer = z.infer<typeof signerSchema>;

export const parliamentaryParties = ["S", "M", "SD", "C", "V", "KD", "L", "MP"] as const;

/** The parties' own names, by their letters. */
export const partyNames: Readonly<Record<(typeof parliamentaryParties)[number], string>> = {
  S: "Socialdemokraterna",
  M: "Moderaterna",
  SD: "Sverigedemokraterna",
  C: "Centerpartiet",
  V: "Vänsterpartiet",
  KD: "Kristdemokraterna",
  L: "Liberalerna",
  MP: "Miljöpartiet",
};

/** "L" → "Liberalerna"; a local party's own name as it is. */
export function partyName(party: string): string {
  return (partyNames as Record<string, string>)[party.toUpperCase()] ?? party;
}

/**
 * Reads "Namn (Parti), roll" as written on a command line: the party in parentheses and the
 * role after the first comma are optional. Party letters are upper-cased ("(v)" → "V").
 * Returns undefined when there is no name.
 */
export function parseSigner(text: string): Signer | undefined {
  const m = /^\s*([^(),]+?)\s*(?:\(\s*([^()]+?)\s*\))?\s*(?:,\s*(.*?))?\s*$/s.exec(text);
  if (!m?.[1]) return undefined;
  const partyRaw = m[2];
  const party =
    partyRaw && (parliamentaryParties as readonly string[]).includes(partyRaw.toUpperCase())
      ? partyRaw.toUpperCase()
      : partyRaw;
  const parsed = signerSchema.safeParse({ name: m[1], ...(party ? { party } : {}), ...(m[3] ? { role: m[3] } : {}) });
  return parsed.success ? parsed.data : undefined;
}
