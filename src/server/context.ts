/**
 * What the routes and pages work with: the workspace (store, facts, templates) and the
 * search index, kept in memory and reloaded only when the store changes.
 */
import type { CorpusIndex } from "../corpus/search/index.js";
import type { Workspace } from "../workspace.js";
import type { Draft } from "../domain/draft.js";
import { renderDraft, type Format } from "../render/index.js";
import type { RenderPool } from "../render/render-pool.js";
import type { HttpOptions } from "../statistics/http.js";
import { CampaignSlots } from "./campaign-admission.js";
import { DraftBudget } from "./rate-limit.js";
import { StatisticsJobs } from "./statistics-jobs.js";

export interface ServerOptions {
  /** Writes (imports, facts) need `Authorization: Bearer <token>`; without one the service is read-only. */
  token?: string;
  /** Largest request body accepted, in bytes (imports have their own, larger limit). */
  maxBodyBytes?: number;
  maxImportBytes?: number;
  /** Longest a request may take before it is answered with 503, in milliseconds. */
  requestTimeoutMs?: number;
  /** Documents a client may draft (API, form downloads, campaigns) per minute; 0: no limit. */
  draftsPerMinute?: number;
  /** Live previews a client may ask for per minute (cheaper, asked as the user types); 0: no limit. */
  previewsPerMinute?: number;
  /** Behind a reverse proxy: take the client from X-Forwarded-For, not the peer address. */
  trustProxy?: boolean;
  /** Campaigns (form and API) running at once, whoever asks; the next is answered 503 with Retry-After. */
  maxCampaigns?: number;
  /**
   * Municipalities a campaign may select without the write token (it must also make no more
   * documents than `draftsPerMinute`); a larger one needs the token.
   */
  campaignLimit?: number;
  /** Longest a campaign's download may take before it is ended and its place given back, in milliseconds. */
  campaignTimeoutMs?: number;
  /**
   * Host names (optionally with a port, `name:8080`) the service answers to; a request for
   * another Host gets 421. Empty: every Host (the default). Against DNS rebinding.
   */
  allowedHosts?: readonly string[];
  /**
   * Writer threads for DOCX and PDF, so drafting does not hold up searches and writes on the
   * main thread (`startServer` starts one per core); without: rendered in this thread.
   */
  renderPool?: RenderPool;
  /** Kolada's address for the staff's fetches (tests: a stand-in); else KOLADA_URL, else api.kolada.se. */
  koladaUrl?: string;
  /** SCB's address for the staff's fetches (tests: a stand-in); else SCB_URL, else SCB's. */
  scbUrl?: string;
  /** Retries, backoff and pace of the staff's fetches (tests: fast); else the statistics clients' defaults. */
  statisticsHttp?: Partial<Omit<HttpOptions, "service">>;
}

/** The options without a default. */
type OptionalOption = "token" | "renderPool" | "koladaUrl" | "scbUrl" | "statisticsHttp";

export class ServerContext {
  #index: { revision: string; index: CorpusIndex; documents: readonly unknown[] } | undefined;
  #loading: Promise<CorpusIndex> | undefined;
  /** Documents each client may still draft this minute (single drafts and campaigns alike). */
  readonly drafting: DraftBudget;
  /** The campaigns running now. */
  readonly campaigns: CampaignSlots;
  /** The statistics fetches the staff started: one at a time, and the latest reports. */
  readonly statisticsJobs = new StatisticsJobs();

  constructor(
    readonly workspace: Workspace,
    readonly options: Required<Omit<ServerOptions, OptionalOption>> & Pick<ServerOptions, OptionalOption>,
  ) {
    this.drafting = new DraftBudget(this, options.draftsPerMinute);
    this.campaigns = new CampaignSlots(options.maxCampaigns);
  }

  /**
   * The corpus search index for the store as it is now. A write that leaves the documents as
   * they were (a fact recorded) changes the file but not the index: the index is kept.
   */
  async searchIndex(): Promise<CorpusIndex> {
    const store = this.workspace.store;
    const revision = await store.revision();
    if (this.#index?.revision === revision) return this.#index.index;
    if (this.#index && this.#index.documents === (await store.documents())) {
      this.#index.revision = revision;
      return this.#index.index;
    }
    this.#loading ??= (async () => {
      try {
        const { openIndex } = await import("../corpus/search/index.js");
        const documents = await store.documents();
        const { index } = await openIndex(store);
        this.#index = { revision, index, documents };
        return index;
      } finally {
        this.#loading = undefined;
      }
    })();
    return this.#loading;
  }

  /** Renders a draft: DOCX and PDF on the writer threads when there are any, the rest here. */
  readonly render = (draft: Draft, format: Format): Promise<Uint8Array | string> => {
    const pool = this.options.renderPool;
    return pool && pool.size > 0 && (format === "docx" || format === "pdf")
      ? pool.render(draft, format)
      : renderDraft(draft, format);
  };

  /** After a write: facts and templates are read again on next use. */
  changed(): void {
    this.workspace.invalidate();
  }
}

export const defaultServerOptions = {
  maxBodyBytes: 1024 * 1024,
  maxImportBytes: 25 * 1024 * 1024,
  requestTimeoutMs: 30_000,
  draftsPerMinute: 120,
  previewsPerMinute: 600,
  trustProxy: false,
  maxCampaigns: 1,
  campaignLimit: 50,
  campaignTimeoutMs: 10 * 60_000,
  allowedHosts: [] as readonly string[],
} as const;
