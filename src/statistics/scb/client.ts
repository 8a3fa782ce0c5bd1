/**
 * SCB's Statistikdatabasen through PxWebApi 2.0: table search, table metadata and data as
 * JSON-stat 2.0 (json-stat.ts).
 *
 * Data is asked for with GET `/tables/<id>/data?lang=sv&outputFormat=json-stat2&valueCodes[Dim]=…`
 * (and `codelist[Dim]=…`); a value list longer than 25 codes is split, so one question may be
 * several requests (each well under SCB's cell limit). Requests are paced within SCB's limit
 * (30 calls in 10 seconds; we keep to 25).
 */
import { z } from "../../domain/zod.js";
import { StatisticsHttp, type HttpOptions } from "../http.js";
import { chunks } from "../places.js";
import { jsonStatDatasetSchema, type JsonStatDataset } from "./json-stat.js";

export const scbDefaultUrl = "https://statistikdatabasen.scb.se/api/v2";
export const scbPace = { limit: 25, intervalMs: 10_000 };
export const scbMaxCodes = 25;

export const tableIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

const tableSchema = z.looseObject({
  id: z.string().min(1),
  label: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  updated: z.string().nullable().optional(),
  firstPeriod: z.string().nullable().optional(),
  lastPeriod: z.string().nullable().optional(),
});
export type ScbTable = z.infer<typeof tableSchema>;

const tablesPageSchema = z.looseObject({
  tables: z.array(tableSchema),
  page: z.looseObject({
    pageNumber: z.number().int(),
    pageSize: z.number().int().optional(),
    totalElements: z.number().int().optional(),
    totalPages: z.number().int(),
  }),
});

/** One data request and its dataset. */
export interface ScbDataAnswer {
  url: string;
  dataset: JsonStatDataset;
}

/** What the client has done so far: a table's metadata read, or data request `done` of `total` answered. */
export type ScbProgress =
  | { step: "metadata"; table: string }
  | { step: "data"; done: number; total: number; url: string };

export interface ScbClientOptions extends Partial<Omit<HttpOptions, "service">> {
  baseUrl?: string;
  lang?: string;
  /** Told after each table's metadata and each data request (for a progress bar). */
  onProgress?: (p: ScbProgress) => void;
}

export class ScbClient {
  readonly baseUrl: string;
  readonly lang: string;
  readonly http: StatisticsHttp;
  readonly #onProgress: ((p: ScbProgress) => void) | undefined;

  constructor({ baseUrl = scbDefaultUrl, lang = "sv", onProgress, ...http }: ScbClientOptions = {}) {
    this.#onProgress = onProgress;
    this.baseUrl = baseUrl.replace(/\/+$/, "");
    this.lang = lang;
    this.http = new StatisticsHttp({ service: "scb", pace: scbPace, ...http });
  }

  #url(path: string, query: [string, string][] = []): string {
    const url = new URL(`${this.baseUrl}${path}`);
    url.searchParams.set("lang", this.lang);
    for (const [k, v] of query) url.searchParams.append(k, v);
    return url.href;
  }

  /** Tables whose text matches `query`, every page (at most `maxPages`). */
  async searchTables(query: string, maxPages = 10): Promise<ScbTable[]> {
    const found: ScbTable[] = [];
    const first = this.#url("/tables", [
      ["query", query],
      ["pageNumber", "1"],
    ]);
    const next = (page: z.infer<typeof tablesPageSchema>) => {
      const n = page.page.pageNumber;
      return n < page.page.totalPages && n < maxPages
        ? this.#url("/tables", [
            ["query", query],
            ["pageNumber", String(n + 1)],
          ])
        : undefined;
    };
    for await (const { page } of this.http.pages(first, tablesPageSchema, next)) found.push(...page.tables);
    return found;
  }

  /** The table's metadata: a JSON-stat dataset without values. */
  async metadata(table: string): Promise<JsonStatDataset> {
    const meta = await this.http.getJson(
      this.#url(`/tables/${encodeURIComponent(table)}/metadata`),
      jsonStatDatasetSchema,
    );
    this.#onProgress?.({ step: "metadata", table });
    return meta;
  }

  /** The data URLs for a selection, each code list at most `scbMaxCodes` long (pure). */
  dataUrls(
    table: string,
    valueCodes: Record<string, readonly string[]>,
    codelists: Record<string, string> = {},
  ): string[] {
    const dims = Object.entries(valueCodes);
    let selections: [string, string[]][][] = [[]];
    for (const [dim, codes] of dims) {
      const parts = chunks(codes, scbMaxCodes);
      selections = selections.flatMap((s) => parts.map((p) => [...s, [dim, p] as [string, string[]]]));
    }
    return selections.map((s) =>
      this.#url(`/tables/${encodeURIComponent(table)}/data`, [
        ["outputFormat", "json-stat2"],
        ...s.map(([dim, codes]): [string, string] => [`valueCodes[${dim}]`, codes.join(",")]),
        ...Object.entries(codelists).map(([dim, list]): [string, string] => [`codelist[${dim}]`, list]),
      ]),
    );
  }

  /** Every dataset of a selection, one request after another. */
  async data(
    table: string,
    valueCodes: Record<string, readonly string[]>,
    codelists: Record<string, string> = {},
  ): Promise<ScbDataAnswer[]> {
    const answers: ScbDataAnswer[] = [];
    const urls = this.dataUrls(table, valueCodes, codelists);
    for (const url of urls) {
      answers.push({ url, dataset: await this.http.getJson(url, jsonStatDatasetSchema) });
      this.#onProgress?.({ step: "data", done: answers.length, total: urls.length, url });
    }
    return answers;
  }
}
