/**
 * Form slots: the places in a text that come from the form, not from the template's words —
 * the dateline, the signatures, a signer quoted or presented, the signers' parties, the
 * document's date. Helpers leave a slot marker (U+E005 n U+E006) where such a part goes, and
 * composing fills each in from the request. An edited text (edited-body.ts) shows each slot as
 * a visible token ("⟦underskrifter⟧"), so a change of signer or date reaches an edited text too.
 */
import { partyName, type Signer } from "../domain/signer.js";
import type { Place } from "../domain/municipality.js";
import { formatDate } from "../lang/dates.js";
import { formatList } from "../lang/lists.js";
import { keepWithNextMarker } from "./citation-marker.js";
import { escapeInline } from "./markdown-escape.js";
import { datelinePlace, inPlace } from "./place-words.js";
import { slotTokens } from "../messages.sv.js";

export type FormSlot =
  | { kind: "placeAndDate" }
  | { kind: "date" }
  | { kind: "signatures"; withPlace: boolean }
  /** A signer presented in full every time ("Namn (Parti), roll på Lidingö"). */
  | { kind: "signer"; index: number }
  /** A signer quoted: in full the first time, by name after that. */
  | { kind: "quoteBy"; index: number }
  | { kind: "signerParties" };

export const slotPattern = /\uE005(\d+)\uE006/g;

export function slotMarker(n: number): string {
  return `\uE005${n}\uE006`;
}

/** What a slot needs from the request. */
export interface SlotContext {
  place: Place;
  signers: readonly Signer[];
  date: string;
}

/** "Namn (Parti), roll på Lidingö" (escaped). */
function signerWithRole(s: Signer, place: Place): string {
  const who = s.party ? `${s.name} (${s.party})` : s.name;
  return escapeInline(s.role ? `${who}, ${roleWithPlace(s.role, place)}` : who);
}

/** "ledamot i kommunfullmäktige" → "ledamot i kommunfullmäktige på Lidingö"; a role naming the place is kept. */
function roleWithPlace(role: string, place: Place): string {
  return role.toLowerCase().includes(place.name.toLowerCase()) ? role : `${role} ${inPlace(place)}`;
}

/** A signer's index within the signers there are (the last one if there are fewer). */
function within(index: number, count: number): number {
  return Math.min(Math.max(0, index), count - 1);
}

function signatures(ctx: SlotContext, withPlace: boolean): string {
  return ctx.signers
    .map((s, i) => {
      const name = escapeInline(s.party ? `${s.name} (${s.party})` : s.name);
      const keep = i < ctx.signers.length - 1 ? keepWithNextMarker : "";
      const role = s.role ? escapeInline(withPlace ? roleWithPlace(s.role, ctx.place) : s.role) : "";
      return keep + (role ? `${name}\\\n${role}` : name);
    })
    .join("\n\n");
}

/** Markdown with every slot marker replaced by its part, from the request (in reading order). */
export function expandSlots(markdown: string, slots: readonly FormSlot[], ctx: SlotContext): string {
  const quoted = new Set<number>();
  return markdown.replace(slotPattern, (_, n: string) => {
    const slot = slots[Number(n) - 1];
    if (!slot) throw new Error(`form slot ${n} was never recorded`);
    switch (slot.kind) {
      case "placeAndDate":
        return `${keepWithNextMarker}${escapeInline(datelinePlace(ctx.place))} den ${formatDate(ctx.date)}`;
      case "date":
        return formatDate(ctx.date);
      case "signatures":
        return signatures(ctx, slot.withPlace);
      case "signer":
        return signerWithRole(ctx.signers[within(slot.index, ctx.signers.length)]!, ctx.place);
      case "quoteBy": {
        const i = within(slot.index, ctx.signers.length);
        if (quoted.has(i)) return escapeInline(ctx.signers[i]!.name);
        quoted.add(i);
        return signerWithRole(ctx.signers[i]!, ctx.place);
      }
      case "signerParties": {
        const parties = [...new Set(ctx.signers.map((s) => s.party).filter((p): p is string => Boolean(p)))];
        return formatList(
          (parties.length > 0 ? parties.map(partyName) : ctx.signers.map((s) => s.name)).map(escapeInline),
          "och",
        );
      }
    }
  });
}

/** The visible token of a slot in an edited text: "⟦underskrifter⟧", "⟦undertecknare 2, citerad⟧". */
export function slotToken(slot: FormSlot): string {
  switch (slot.kind) {
    case "signatures":
      return `⟦${slot.withPlace ? slotTokens.signaturesWithPlace : slotTokens.signatures}⟧`;
    case "signer":
      return `⟦${slotTokens.signer(slot.index + 1)}⟧`;
    case "quoteBy":
      return `⟦${slotTokens.quoted(slot.index + 1)}⟧`;
    default:
      return `⟦${slotTokens[slot.kind]}⟧`;
  }
}

/** The slot a token's text names ("underskrifter", "undertecknare 2"), or undefined. */
export function slotOfToken(text: string): FormSlot | undefined {
  const t = text.trim().replace(/\s+/g, " ").toLowerCase();
  if (t === slotTokens.placeAndDate) return { kind: "placeAndDate" };
  if (t === slotTokens.date) return { kind: "date" };
  if (t === slotTokens.signatures) return { kind: "signatures", withPlace: false };
  if (t === slotTokens.signaturesWithPlace) return { kind: "signatures", withPlace: true };
  if (t === slotTokens.signerParties) return { kind: "signerParties" };
  const quoted = slotTokens.quotedPattern.exec(t);
  if (quoted) return { kind: "quoteBy", index: Number(quoted[1]) - 1 };
  const signer = slotTokens.signerPattern.exec(t);
  if (signer) return { kind: "signer", index: Number(signer[1]) - 1 };
  return undefined;
}
