/**
 * What a campaign must pass before it runs, the same for the form (/kampanj) and the API
 * (POST /api/campaigns):
 *
 * - its size: without the write token a campaign may select at most `campaignLimit`
 *   municipalities and make at most as many documents (municipalities × formats) as the
 *   drafting limit allows a client in a minute; a larger one needs the token;
 * - its cost: without the token every document counts against the client's drafting limit
 *   (the one single drafts count against); with the token the campaign is not counted;
 * - room: at most `maxCampaigns` campaigns run at once, whoever asks; the next is told to
 *   come back (503 with Retry-After).
 *
 * A running campaign holds its place until its zip has been read to the end, the client
 * has gone, or it has run for `campaignTimeoutMs`.
 */
import type { Context } from "hono";
import type { CampaignPlan } from "../campaign/index.js";
import type { ServerContext } from "./context.js";

/** Seconds a client is told to wait when every campaign place is taken. */
export const busyRetryAfterSeconds = 10;

export type Refusal =
  /** Larger than a campaign without the token may be; `serviceHasToken` false: no token exists at all. */
  | {
      kind: "needs-token";
      places: number;
      documents: number;
      campaignLimit: number;
      perMinute: number;
      serviceHasToken: boolean;
    }
  /** The client's drafting limit for this minute has no room for the campaign's documents. */
  | { kind: "budget"; documents: number; perMinute: number; retryAfter: number }
  /** Every campaign place is taken. */
  | { kind: "busy"; running: number; retryAfter: number };

export type Admission =
  | { ok: true; stream: (zip: ReadableStream<Uint8Array>) => ReadableStream<Uint8Array> }
  | { ok: false; refusal: Refusal };

/** How many documents a planned campaign makes at most (municipalities × formats). */
export function documentsOf(plan: CampaignPlan): number {
  return plan.places.length * new Set(plan.settings.formats).size;
}

/** The campaigns running now, at most `max` at once. */
export class CampaignSlots {
  #running = 0;

  constructor(readonly max: number) {}

  get running(): number {
    return this.#running;
  }

  /** A place, and the function that gives it back (once, however often it is called); none when all are taken. */
  take(): (() => void) | undefined {
    if (this.#running >= this.max) return undefined;
    this.#running++;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.#running--;
    };
  }
}

/**
 * Passes the zip through and gives the campaign's place back when the zip ends, fails, is
 * cancelled (the client went away), or has run longer than `deadlineMs` (a client that stops
 * reading would otherwise hold the place for ever): then the download ends with an error.
 */
export function releasing(
  zip: ReadableStream<Uint8Array>,
  release: () => void,
  deadlineMs: number,
): ReadableStream<Uint8Array> {
  const reader = zip.getReader();
  let finished = false;
  let timer: NodeJS.Timeout | undefined;
  const finish = () => {
    if (finished) return false;
    finished = true;
    if (timer) clearTimeout(timer);
    release();
    return true;
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        timer = setTimeout(() => {
          if (!finish()) return;
          controller.error(new Error("campaign deadline passed"));
          reader.cancel("campaign deadline passed").catch(() => undefined);
        }, deadlineMs);
        timer.unref();
      },
      async pull(controller) {
        try {
          const next = await reader.read();
          if (finished) return;
          if (next.done) {
            finish();
            controller.close();
          } else controller.enqueue(next.value);
        } catch (e) {
          if (finish()) controller.error(e);
        }
      },
      cancel(reason) {
        finish();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Decides whether a planned campaign may run now. `authorized`: the request carries the
 * service's write token (already checked). On success the client's budget is charged and a
 * place taken; `stream` wraps the zip so the place is given back.
 */
export function admitCampaign(c: Context, ctx: ServerContext, plan: CampaignPlan, authorized: boolean): Admission {
  const { campaignLimit, draftsPerMinute: perMinute, campaignTimeoutMs } = ctx.options;
  const places = plan.places.length;
  const documents = documentsOf(plan);
  if (!authorized && (places > campaignLimit || (perMinute > 0 && documents > perMinute))) {
    return {
      ok: false,
      refusal: {
        kind: "needs-token",
        places,
        documents,
        campaignLimit,
        perMinute,
        serviceHasToken: Boolean(ctx.options.token),
      },
    };
  }
  // The request itself was counted by the drafting limit's middleware; the rest of its documents here.
  if (!authorized && perMinute > 0) {
    const room = ctx.drafting.fits(c, documents - 1);
    if (!room.ok) return { ok: false, refusal: { kind: "budget", documents, perMinute, retryAfter: room.retryAfter } };
  }
  const release = ctx.campaigns.take();
  if (!release)
    return { ok: false, refusal: { kind: "busy", running: ctx.campaigns.running, retryAfter: busyRetryAfterSeconds } };
  if (!authorized) ctx.drafting.charge(c, documents - 1);
  return { ok: true, stream: (zip) => releasing(zip, release, campaignTimeoutMs) };
}
