/**
 * Kolada's v3 API (RKA, api.kolada.se/v3): KPI metadata, KPI search and data.
 *
 * Data is asked for as `/data/kpi/<ids>/municipality/<ids>[/year/<years>]` with at most 25 ids
 * in each list (longer lists are split into several requests) and `per_page`, following each
 * answer's next page. Requests go one after another, paced by the HTTP layer.
 */
import { StatisticsError } from "../errors.js";
import { StatisticsHttp, type HttpOptions } from "../http.js";
import { chunks } from "../places.js";
import {
  koladaDataPageSchema,
  koladaKpiPageSchema,
  koladaNextPage,
  type KoladaDataRow,
  type KoladaKpi,
} from "./schemas.js";

export const koladaDefaultUrl = "https://api.kolada.se/v3";
/** Kolada publishes no limit; five a second, one at a time, is polite. */
export const koladaPace = { limit: 5, intervalMs: 1_000 };
/** The longest comma-separated id list in one request. */
export const koladaMaxIds = 25;
/** Kolada's largest page. */
export const koladaMaxPerPage = 5_000;

export const kpiIdPattern = /^[A-Z]\d{5}$/;

/** One data request (its first page's URL) and the rows of all its pages. */
export interface KoladaDataAnswer {
  url: string;
  kpis: string[];
  rows: KoladaDataRow[];
  pages: number;
}

/** What the client has done so far: a KPI's metadata read, or data request `done` of `total` answered. */
export type KoladaProgress = { step: "kpi"; id: string } | { step: "data"; done: number; total: number; url: string };

export interface KoladaClientOptions extends Partial<Omit<HttpOptions, "service">> {
  baseUrl?: string;
  perPage?: number;
  /** Told after each KPI's metadata and each data request (for a progress bar). */
  onProgress?: (p: KoladaProgress) => void;
}

export class KoladaClient {
  readonly baseUrl: string;
  readonly http: StatisticsHttp;
  readonly perPage: number;
  readonly #onProgress: ((p: KoladaProgress) => void) | undefined;

  constructor({
    baseUrl = koladaDefaultUrl,
    perPage = koladaMaxPerPage,
    onProgress,
    ...http
  }: KoladaClientOptions = {}) {
    this.#onProgress = onProgress;
    this.baseUrl = baseUrl.replace(/\/+$/, "");
    this.perPage = Math.min(koladaMaxPerPage, Math.max(1, perPage));
    this.http = new StatisticsHttp({ service: "kolada", pace: koladaPace, ...http });
  }

  #url(path: string, query: Record<string, string | number> = {}): string {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    return url.href;
  }

  /** A KPI's metadata; StatisticsError not_found when Kolada does not know the id. */
  async kpi(id: string): Promise<KoladaKpi> {
    const url = this.#url(`/kpi/${encodeURIComponent(id)}`);
    const page = await this.http.getJson(url, koladaKpiPageSchema);
    const kpi = page.values.find((k) => k.id === id) ?? (page.values.length === 1 ? page.values[0] : undefined);
    if (!kpi) throw new StatisticsError("kolada", "not_found", url, { text: id });
    this.#onProgress?.({ step: "kpi", id });
    return kpi;
  }

  /** KPIs whose title has the words (Kolada's `title` filter), every page. */
  async searchKpis(words: string): Promise<KoladaKpi[]> {
    const found: KoladaKpi[] = [];
    const first = this.#url("/kpi", { title: words, per_page: this.perPage });
    for await (const { page } of this.http.pages(first, koladaKpiPageSchema, koladaNextPage))
      found.push(...page.values);
    return found;
  }

  /** The first-page URLs of a data question, each list at most `koladaMaxIds` long (pure). */
  dataUrls(kpis: readonly string[], places: readonly string[], years: readonly number[] = []): string[] {
    const list = (xs: readonly (string | number)[]) => xs.map((x) => encodeURIComponent(String(x))).join(",");
    const urls: string[] = [];
    for (const k of chunks(kpis, koladaMaxIds)) {
      for (const m of chunks(places, koladaMaxIds)) {
        const base = `/data/kpi/${list(k)}/municipality/${list(m)}`;
        if (years.length === 0) urls.push(this.#url(base, { per_page: this.perPage }));
        for (const y of chunks(years, koladaMaxIds))
          urls.push(this.#url(`${base}/year/${list(y)}`, { per_page: this.perPage }));
      }
    }
    return urls;
  }

  /** Every row of one data request, through all its pages. */
  async dataAt(url: string): Promise<KoladaDataAnswer> {
    const rows: KoladaDataRow[] = [];
    let pages = 0;
    for await (const { page } of this.http.pages(url, koladaDataPageSchema, koladaNextPage)) {
      rows.push(...page.values);
      pages++;
    }
    const kpis = [...new Set(rows.map((r) => r.kpi))];
    return { url, kpis, rows, pages };
  }

  /** Every row for the KPIs, places (Kolada ids) and years (all years when none are given). */
  async data(
    kpis: readonly string[],
    places: readonly string[],
    years: readonly number[] = [],
  ): Promise<KoladaDataAnswer[]> {
    const answers: KoladaDataAnswer[] = [];
    const urls = this.dataUrls(kpis, places, years);
    for (const url of urls) {
      answers.push(await this.dataAt(url));
      this.#onProgress?.({ step: "data", done: answers.length, total: urls.length, url });
    }
    return answers;
  }
}
