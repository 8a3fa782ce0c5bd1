/**
 * The pages' stylesheet and script, read from src/server/assets/ under the project root and
 * served at /assets/<name>. Links carry the content's hash (?v=…), so a linked file can be
 * cached for a year; a request without the current hash is cached briefly.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Context } from "hono";
import { projectRoot } from "../../../project-paths.js";
import { problemResponse, problems } from "../../problem.js";

export const assetsDir = join(projectRoot, "src", "server", "assets");

const types: Record<string, string> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  svg: "image/svg+xml",
};

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  hash: string;
}

const cache = new Map<string, Asset | null>();

/** Only plain names of the kinds above: no folders, no dot files. */
const namePattern = /^[a-z0-9][a-z0-9-]*\.(css|js|svg)$/;

function load(name: string): Asset | undefined {
  if (!namePattern.test(name)) return undefined;
  const cached = cache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  let asset: Asset | null = null;
  try {
    const body = new Uint8Array(readFileSync(join(assetsDir, name)));
    const ext = name.slice(name.lastIndexOf(".") + 1);
    asset = { body, type: types[ext]!, hash: createHash("sha256").update(body).digest("hex").slice(0, 12) };
  } catch {
    asset = null;
  }
  cache.set(name, asset);
  return asset ?? undefined;
}

/** "/assets/site.css?v=3f2a…": the address to link, with the content's hash. */
export function assetUrl(name: string): string {
  const a = load(name);
  return `/assets/${name}${a ? `?v=${a.hash}` : ""}`;
}

export function serveAsset(c: Context): Response {
  const name = c.req.param("name") ?? "";
  const a = load(name);
  // A missing file is a problem+json 404 (a script or stylesheet has no use for a page).
  if (!a) return problemResponse(c, problems.notFound("Filen"));
  const etag = `"${a.hash}"`;
  const headers: Record<string, string> = {
    "content-type": a.type,
    etag,
    "cache-control": c.req.query("v") === a.hash ? "public, max-age=31536000, immutable" : "public, max-age=300",
    "x-content-type-options": "nosniff",
  };
  // Compressed responses carry the weak form (W/"…"): either names this content.
  const asked = (c.req.header("if-none-match") ?? "").split(",").map((t) => t.trim().replace(/^W\//, ""));
  if (asked.includes(etag)) return c.body(null, 304, headers);
  return c.body(a.body, 200, headers);
}
