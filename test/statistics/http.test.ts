import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "../../src/domain/zod.js";
import { StatisticsError } from "../../src/statistics/errors.js";
import { retryAfterMs, StatisticsHttp } from "../../src/statistics/http.js";
import { startStatisticsStandIn, type StandIn } from "../helpers/statistics-stand-in.js";

const pageSchema = z.looseObject({ values: z.array(z.unknown()) });
const fast = { minDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000, retries: 3, pace: { limit: 1000, intervalMs: 1000 } };

let s: StandIn;
beforeAll(async () => {
  s = await startStatisticsStandIn();
});
afterAll(() => s.close());

const kpiUrl = () => `${s.koladaUrl}/kpi/N01951`;

async function failure(p: Promise<unknown>): Promise<StatisticsError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StatisticsError) return e;
    throw e;
  }
  throw new Error("expected a StatisticsError");
}

describe("StatisticsHttp", () => {
  it("reads Retry-After as seconds or a date", () => {
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 7_000)).toBe(3000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs("soon")).toBeUndefined();
  });

  it("waits out a 429's Retry-After and then succeeds", async () => {
    const http = new StatisticsHttp({ service: "kolada", ...fast });
    s.faults.push({ match: "/kpi/N01951", kind: "status", status: 429, retryAfter: "0.3" });
    const t0 = Date.now();
    const page = await http.getJson(kpiUrl(), pageSchema);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(page.values).toHaveLength(1);
    expect(http.requests).toBe(2);
  });

  it("gives up on a Retry-After longer than it waits, without waiting", async () => {
    const http = new StatisticsHttp({ service: "kolada", ...fast, maxRetryAfterMs: 1_000 });
    s.faults.push({ match: "/kpi/N01951", kind: "status", status: 429, retryAfter: "3600" });
    const t0 = Date.now();
    const e = await failure(http.getJson(kpiUrl(), pageSchema));
    expect(e.failure).toBe("rate_limited");
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(http.requests).toBe(1);
  });

  it("retries 5xx, a dropped connection and a body cut short", async () => {
    const http = new StatisticsHttp({ service: "kolada", ...fast });
    s.faults.push({ match: "/kpi/N01951", kind: "status", status: 503 });
    s.faults.push({ match: "/kpi/N01951", kind: "drop" });
    s.faults.push({ match: "/kpi/N01951", kind: "drop-mid-body" });
    const page = await http.getJson(kpiUrl(), pageSchema);
    expect(page.values).toHaveLength(1);
    expect(http.requests).toBe(4);
  });

  it("says rate_limited when 429 outlasts the retries", async () => {
    const http = new StatisticsHttp({ service: "kolada", ...fast, retries: 2 });
    for (let i = 0; i < 3; i++) s.faults.push({ match: "/kpi/N01951", kind: "status", status: 429, retryAfter: "0" });
    const e = await failure(http.getJson(kpiUrl(), pageSchema));
    expect(e.failure).toBe("rate_limited");
    expect(e.detail).toMatchObject({ status: 429, attempts: 3 });
  });

  it("does not retry a malformed body or a 404", async () => {
    const http = new StatisticsHttp({ service: "kolada", ...fast });
    s.faults.push({ match: "/kpi/N01951", kind: "malformed" });
    expect((await failure(http.getJson(kpiUrl(), pageSchema))).failure).toBe("malformed");
    expect(http.requests).toBe(1);
    const shape = await failure(http.getJson(`${s.scbUrl}/tables?query=x`, pageSchema));
    expect(shape.failure).toBe("malformed");
    expect(shape.detail.text).toContain("values");
    expect((await failure(http.getJson(`${s.scbUrl}/tables/NOPE/metadata`, pageSchema))).failure).toBe("not_found");
    expect(http.requests).toBe(3);
  });

  it("says offline when nothing answers", async () => {
    const http = new StatisticsHttp({ service: "scb", ...fast, retries: 1 });
    const e = await failure(http.getJson("http://127.0.0.1:9/api/v2/tables", pageSchema));
    expect(e.failure).toBe("offline");
    expect(http.requests).toBe(2);
  });

  it("paces requests: no more than the limit in any interval", async () => {
    const http = new StatisticsHttp({ service: "scb", ...fast, pace: { limit: 2, intervalMs: 200 } });
    const t0 = Date.now();
    for (let i = 0; i < 5; i++) await http.getJson(kpiUrl(), pageSchema);
    // 5 calls at 2 per 200 ms: the fifth starts no sooner than 400 ms after the first.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(390);
  });

  it("follows next links only on the same origin", async () => {
    const http = new StatisticsHttp({ service: "kolada", ...fast });
    const pages = http.pages(
      kpiUrl(),
      z.looseObject({ values: z.array(z.unknown()) }),
      () => "http://example.invalid/x",
    );
    await expect(async () => {
      for await (const _ of pages) {
        // the first page is fine; the link away is refused
      }
    }).rejects.toMatchObject({ failure: "malformed" });
  });
});
