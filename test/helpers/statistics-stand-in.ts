/**
 * A stand-in for Kolada (v3) and SCB (PxWebApi 2.0) on loopback, answering in their shapes
 * with the generated fixtures (statistics-fixtures.ts), so no test reaches the internet.
 *
 *   /kolada/v3/kpi/<id>, /kolada/v3/kpi?title=…, /kolada/v3/data/kpi/<ids>/municipality/<ids>[/year/<ys>]
 *   /scb/api/v2/tables?query=…, /scb/api/v2/tables/<id>/metadata, /scb/api/v2/tables/<id>/data?valueCodes[…]=…
 *
 * Kolada pages by `next_url` (or, with `legacyPaging`, v2's `next_page`), refuses id lists
 * longer than 25, and answers an unknown KPI with no values. SCB answers JSON-stat 2.0 with
 * shuffled category keys and 404 for an unknown table. Faults can be queued: a 429 with
 * Retry-After, a 500, a dropped connection (before or in the middle of the body), a malformed
 * body, or holding an answer back until a promise settles; each is used by the next request whose
 * path contains `match`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  kpiById,
  kpiCovers,
  koladaValue,
  scbTable,
  scbValue,
  shuffled,
  standInKpis,
  type StandInKpi,
} from "./statistics-fixtures.js";

export type Fault =
  | { match: string; kind: "status"; status: number; retryAfter?: string }
  | { match: string; kind: "drop" }
  | { match: string; kind: "drop-mid-body" }
  | { match: string; kind: "malformed" }
  /** Answers as usual, but only once `until` settles (a request still under way). */
  | { match: string; kind: "hold"; until: Promise<void> };

export interface StandInOptions {
  /** Page with v2's `next_page` instead of `next_url`. */
  legacyPaging?: boolean;
  /** The largest page the stand-in gives, whatever per_page asks (to test paging). */
  maxPerPage?: number;
}

export interface StandIn {
  url: string;
  koladaUrl: string;
  scbUrl: string;
  /** Every request's path and query, in order. */
  requests: string[];
  faults: Fault[];
  close(): Promise<void>;
}

/** Holds back the next request whose path or query has `match` until the function returned is called. */
export function holdNext(standIn: Pick<StandIn, "faults">, match: string): () => void {
  let release = () => {};
  const until = new Promise<void>((resolve) => {
    release = resolve;
  });
  standIn.faults.push({ match, kind: "hold", until });
  return () => release();
}

const json = (res: ServerResponse, status: number, body: unknown, type = "application/json") => {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": `${type}; charset=utf-8`, "content-length": Buffer.byteLength(text) });
  res.end(text);
};

const list = (s: string | undefined) => (s ? decodeURIComponent(s).split(",").filter(Boolean) : []);

function koladaData(req: URL, base: string, opts: StandInOptions, res: ServerResponse): void {
  const m = /^\/kolada\/v3\/data\/kpi\/([^/]+)\/municipality\/([^/]+)(?:\/year\/([^/]+))?$/.exec(req.pathname);
  if (!m) return void json(res, 404, { error: "not found" });
  const kpis = list(m[1]);
  const places = list(m[2]);
  const years = list(m[3]).map(Number);
  if (kpis.length > 25 || places.length > 25 || years.length > 25)
    return void json(res, 400, { error: "too many ids in a list" });
  const rows: unknown[] = [];
  for (const id of kpis) {
    const kpi = kpiById(id);
    if (!kpi) continue;
    for (const place of places) {
      if (!kpiCovers(kpi, place)) continue;
      for (const year of years.length ? years : kpi.years) {
        if (!kpi.years.includes(year)) continue;
        const genders = kpi.is_divided_by_gender ? (["T", "K", "M"] as const) : (["T"] as const);
        const values = genders.map((g) => {
          const value = koladaValue(kpi, place, year, g);
          return { gender: g, value, count: value === null ? 0 : 1, status: value === null ? "Saknas" : "" };
        });
        rows.push({ kpi: id, municipality: place, period: year, values });
      }
    }
  }
  page(req, base, opts, res, rows);
}

/** One page of `rows` by page/per_page, linking the next as v3 or v2 does. */
function page(req: URL, base: string, opts: StandInOptions, res: ServerResponse, rows: unknown[]): void {
  const asked = Number(req.searchParams.get("per_page") ?? 5000);
  const perPage = Math.max(1, Math.min(asked, opts.maxPerPage ?? 5000));
  const number = Math.max(1, Number(req.searchParams.get("page") ?? 1));
  const slice = rows.slice((number - 1) * perPage, number * perPage);
  let next: string | null = null;
  if (number * perPage < rows.length) {
    const u = new URL(`${base}${req.pathname}${req.search}`);
    u.searchParams.set("page", String(number + 1));
    next = u.href;
  }
  const link = opts.legacyPaging
    ? { next_page: next ?? "", previous_page: "" }
    : { next_url: next, previous_url: null };
  json(res, 200, { values: slice, count: slice.length, ...link });
}

function koladaKpi(k: StandInKpi) {
  const { years: _y, kind: _k, ...meta } = k;
  return { ...meta, publ_period: "2024", has_ou_data: false };
}

function scbDataset(valueCodes: Record<string, string[]>, withValues: boolean) {
  const regions = valueCodes.Region?.length ? valueCodes.Region : scbTable.regions;
  const contents = valueCodes.ContentsCode?.length ? valueCodes.ContentsCode : Object.keys(scbTable.contents);
  const years = valueCodes.Tid?.length ? valueCodes.Tid : scbTable.years;
  const dims = { Region: regions, ContentsCode: contents, Tid: years };
  const ids = ["Region", "ContentsCode", "Tid"] as const;
  const dimension: Record<string, unknown> = {};
  for (const id of ids) {
    const codes = dims[id];
    // The index object's keys in a shuffled order: readers must use the index values.
    const index = Object.fromEntries(
      shuffled(
        codes.map((c, i) => [c, i] as const),
        `${id}/${codes.length}`,
      ),
    );
    const label = Object.fromEntries(
      shuffled(codes, `${id}/label`).map((c) => [c, id === "ContentsCode" ? (scbTable.contents[c] ?? c) : c]),
    );
    dimension[id] = {
      label: id === "Tid" ? "år" : id === "Region" ? "region" : "tabellinnehåll",
      category: { index, label },
    };
  }
  const value: (number | null)[] = [];
  for (const r of regions) for (const c of contents) for (const y of years) value.push(scbValue(r, c, y));
  return {
    version: "2.0",
    class: "dataset",
    label: scbTable.label,
    source: "Statistikmyndigheten SCB",
    updated: "2025-02-20T07:00:00Z",
    id: [...ids],
    size: ids.map((id) => dims[id].length),
    role: { time: ["Tid"], metric: ["ContentsCode"] },
    dimension,
    ...(withValues ? { value } : {}),
  };
}

function scb(req: URL, res: ServerResponse): void {
  const path = req.pathname.replace(/^\/scb\/api\/v2/, "");
  if (path === "/tables") {
    const q = (req.searchParams.get("query") ?? "").toLowerCase();
    const tables =
      scbTable.label.toLowerCase().includes(q) || q === ""
        ? [
            {
              id: scbTable.id,
              label: scbTable.label,
              updated: "2025-02-20T07:00:00Z",
              firstPeriod: "2020",
              lastPeriod: "2024",
              variableNames: ["region", "tabellinnehåll", "år"],
              links: [],
            },
          ]
        : [];
    return void json(res, 200, {
      language: "sv",
      tables,
      page: { pageNumber: 1, pageSize: 20, totalElements: tables.length, totalPages: 1 },
      links: [],
    });
  }
  const m = /^\/tables\/([^/]+)\/(metadata|data)$/.exec(path);
  if (!m || m[1] !== scbTable.id) {
    return void json(
      res,
      404,
      { type: "about:blank", title: "Not found", status: 404, detail: `No such table ${m?.[1] ?? path}` },
      "application/problem+json",
    );
  }
  const valueCodes: Record<string, string[]> = {};
  for (const [k, v] of req.searchParams) {
    const dim = /^valueCodes\[(.+)\]$/i.exec(k)?.[1];
    if (dim) valueCodes[dim] = v.split(",").filter(Boolean);
  }
  for (const [dim, codes] of Object.entries(valueCodes)) {
    const known =
      dim === "Region"
        ? scbTable.regions
        : dim === "Tid"
          ? scbTable.years
          : dim === "ContentsCode"
            ? Object.keys(scbTable.contents)
            : undefined;
    const bad = known ? codes.filter((c) => !known.includes(c)) : codes;
    if (bad.length)
      return void json(
        res,
        400,
        { title: "Bad request", status: 400, detail: `Unknown value ${bad[0]} for ${dim}` },
        "application/problem+json",
      );
  }
  json(res, 200, scbDataset(valueCodes, m[2] === "data"));
}

export async function startStatisticsStandIn(opts: StandInOptions = {}): Promise<StandIn> {
  const requests: string[] = [];
  const faults: Fault[] = [];
  let base = "";
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", base);
    requests.push(`${url.pathname}${url.search}`);
    const at = faults.findIndex((f) => url.pathname.includes(f.match) || url.search.includes(f.match));
    if (at >= 0) {
      const [fault] = faults.splice(at, 1);
      if (fault!.kind === "hold") return void fault!.until.then(() => answer(url, res));
      if (fault!.kind === "drop") return void req.socket.destroy();
      if (fault!.kind === "malformed") {
        res.writeHead(200, { "content-type": "application/json" });
        return void res.end('{"values": [{"kpi": "N01951", "municipality": ');
      }
      if (fault!.kind === "drop-mid-body") {
        res.writeHead(200, { "content-type": "application/json", "content-length": "100000" });
        res.write('{"values": [');
        return void setTimeout(() => req.socket.destroy(), 5);
      }
      res.writeHead(fault!.status, {
        "content-type": "text/plain",
        ...(fault!.retryAfter ? { "retry-after": fault!.retryAfter } : {}),
      });
      return void res.end(`stand-in fault ${fault!.status}`);
    }
    answer(url, res);
  });
  const answer = (url: URL, res: ServerResponse) => {
    if (url.pathname.startsWith("/kolada/v3/data/")) return koladaData(url, base, opts, res);
    const kpiMatch = /^\/kolada\/v3\/kpi(?:\/([^/]+))?$/.exec(url.pathname);
    if (kpiMatch) {
      if (kpiMatch[1]) {
        const ids = list(kpiMatch[1]);
        const found = standInKpis.filter((k) => ids.includes(k.id)).map(koladaKpi);
        return void json(res, 200, { values: found, count: found.length, next_url: null, previous_url: null });
      }
      const words = (url.searchParams.get("title") ?? "").toLowerCase();
      const found = standInKpis.filter((k) => k.title.toLowerCase().includes(words)).map(koladaKpi);
      return page(url, base, opts, res, found);
    }
    if (url.pathname.startsWith("/scb/api/v2/")) return scb(url, res);
    json(res, 404, { error: "not found" });
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    koladaUrl: `${base}/kolada/v3`,
    scbUrl: `${base}/scb/api/v2`,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
