/**
 * Responses compressed where the client accepts it: brotli first, then gzip (Accept-Encoding
 * with its q-values, parsed by Hono's parser; where they tie, brotli), for the content types Hono counts as
 * compressible (HTML, CSS, JavaScript, JSON, problem+json, SVG, CSV …) and bodies of 1 KiB or
 * more. Hono's own `compress` middleware knows gzip and deflate only (honojs/hono#3543), hence
 * this one, on Node's zlib.
 *
 * A response the client may cache as public (the stylesheet, the script, the API documentation's
 * bundle) is compressed once per process at a high level and kept (up to 32 MB); everything
 * else is compressed as it streams, at a level that costs little time. Downloads that are
 * compressed already (DOCX, PDF, zip) and event streams are sent as they are.
 */
import { Duplex } from "node:stream";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Context, MiddlewareHandler } from "hono";
import { parseAccept } from "hono/utils/accept";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/utils/compress";

export type Encoding = "br" | "gzip";

/** Bodies smaller than this are sent as they are: compressing them gains less than it costs. */
const threshold = 1024;
const keptBytesMax = 32 * 1024 * 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Compressed public responses, by URL, encoding and ETag (or length), oldest dropped first. */
const kept = new Map<string, Uint8Array>();
let keptBytes = 0;

function keep(key: string, body: Uint8Array): void {
  kept.set(key, body);
  keptBytes += body.byteLength;
  for (const [k, v] of kept) {
    if (keptBytes <= keptBytesMax) break;
    kept.delete(k);
    keptBytes -= v.byteLength;
  }
}

/** Our order of preference where the client's q-values tie (browsers list gzip first). */
const preferred: readonly Encoding[] = ["br", "gzip"];

/** The encoding to send: the one of brotli and gzip the client values most (ties: brotli), or none. */
export function chosenEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const asked = parseAccept(header);
  const q = (name: string) => asked.find((a) => a.type.toLowerCase() === name)?.q;
  const wildcard = q("*") ?? 0;
  let best: { encoding: Encoding; q: number } | undefined;
  for (const encoding of preferred) {
    const value = q(encoding) ?? wildcard;
    if (value > 0 && (!best || value > best.q)) best = { encoding, q: value };
  }
  return best?.encoding;
}

function compressible(c: Context, res: Response): boolean {
  const length = res.headers.get("content-length");
  const type = res.headers.get("content-type");
  return (
    res.body !== null &&
    c.req.method !== "HEAD" &&
    res.status !== 206 &&
    res.status !== 204 &&
    res.status !== 304 &&
    !res.headers.has("content-encoding") &&
    !(length !== null && Number(length) < threshold) &&
    type !== null &&
    COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) &&
    !/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get("cache-control") ?? "")
  );
}

/** A public response: compressed once at the best level, then served from memory. */
async function keptBody(c: Context, res: Response, encoding: Encoding): Promise<Uint8Array | undefined> {
  const key = `${c.req.url}|${encoding}|${res.headers.get("etag") ?? res.headers.get("content-length") ?? ""}`;
  const known = kept.get(key);
  if (known) return known;
  const raw = new Uint8Array(await res.arrayBuffer());
  if (raw.byteLength < threshold) return undefined;
  const body = new Uint8Array(
    encoding === "br"
      ? await brotli(raw, {
          params: {
            // The best level takes seconds over the API documentation's 1.7 MB bundle (2.6 s
            // against 0.09 s at 7 for 10 % more bytes): the first visitor must not wait for it.
            [zlib.constants.BROTLI_PARAM_QUALITY]: raw.byteLength <= 256 * 1024 ? zlib.constants.BROTLI_MAX_QUALITY : 7,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength,
          },
        })
      : await gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
  );
  keep(key, body);
  return body;
}

/** A compressing stream at a level that costs little time (brotli 4, gzip 6). */
function compressor(encoding: Encoding): Duplex {
  return encoding === "br"
    ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })
    : zlib.createGzip({ level: 6 });
}

/**
 * Reads a body until it has `threshold` bytes or ends; gives back the same bytes as a stream (what
 * was read, then the rest), whether it ended, and how much was read.
 */
async function peek(
  body: ReadableStream<Uint8Array>,
): Promise<{ body: ReadableStream<Uint8Array>; done: boolean; length: number }> {
  const reader = body.getReader();
  const read: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < threshold) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    read.push(next.value);
    length += next.value.byteLength;
  }
  const again = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = read.shift();
      if (chunk) return controller.enqueue(chunk);
      if (done) return controller.close();
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { body: again, done, length };
}

export function compressResponses(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!compressible(c, res)) return;
    const vary = res.headers.get("vary");
    if (vary !== "*" && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? "")) {
      res.headers.set("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    }
    const encoding = chosenEncoding(c.req.header("accept-encoding"));
    if (!encoding) return;
    const isPublic = /(?:^|,)\s*public\s*(?:,|$)/i.test(res.headers.get("cache-control") ?? "") && res.status === 200;
    let body: ReadableStream<Uint8Array> | Uint8Array;
    if (isPublic) {
      const whole = await keptBody(c, res.clone(), encoding);
      if (!whole) return;
      body = whole;
    } else {
      // A body of unknown length is looked into first: one under the threshold goes as it is.
      const start = await peek(res.body!);
      if (start.done && start.length < threshold) {
        c.res = new Response(start.body, res);
        return;
      }
      const { readable, writable } = Duplex.toWeb(compressor(encoding));
      body = start.body.pipeThrough({ readable: readable as ReadableStream<Uint8Array>, writable });
    }
    // Hono carries the old response's headers over to the new one; then the ones that change.
    c.res = new Response(body, res);
    c.res.headers.delete("content-length");
    c.res.headers.set("content-encoding", encoding);
    const etag = c.res.headers.get("etag");
    if (etag && !etag.startsWith("W/")) c.res.headers.set("etag", `W/${etag}`);
  };
}
