/**
 * Uploads (the facts and corpus imports): one at a time, within the request's time limit, the
 * body read only when its turn comes and split into its fields on the import thread
 * (src/threads/import-threads.ts), never on the thread that answers requests — a 20 MB
 * multipart body takes that parser a quarter of a second. The form is then checked with the
 * route's zod schema here (its fields are small; files are names and bytes).
 *
 * A request that times out (the service's request timeout) or goes away stops its import:
 * the wait for a turn, the reading of the body and the job on the import thread.
 */
import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";
import { z } from "../../domain/zod.js";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app.js";
import { requireWriteToken } from "../auth.js";
import type { ServerContext } from "../context.js";
import { fieldErrors, problemResponse, problems } from "../problem.js";
import { importTurn, jsonOnImportThread, readUploadedForm } from "../../threads/import-threads.js";
import type { UploadedFile, UploadedForm } from "../../threads/import-jobs.js";
import { allowOnly, requireContentType } from "./shared.js";

/** A file field of an upload as the import thread hands it over. */
export const uploadedFileSchema = z.object({ name: z.string(), bytes: z.instanceof(Uint8Array) });

/**
 * The checks before an upload waits for its turn: the token, multipart/form-data, and a declared size over the limit
 * (413).
 */
export function uploadMiddleware(ctx: ServerContext): MiddlewareHandler<AppEnv>[] {
  const limit = ctx.options.maxImportBytes;
  return [
    requireWriteToken,
    requireContentType(/^multipart\/form-data\s*;/i, "multipart/form-data"),
    async (c, next) => {
      if (Number(c.req.header("content-length") ?? 0) > limit) return problemResponse(c, problems.tooLarge(limit));
      await next();
    },
  ];
}

/**
 * The body, at most `limit` bytes (undefined: more), read as it arrives; stops when `signal`
 * fires. Each piece is copied as it comes into a buffer of the declared length (grown by
 * doubling when none is declared), so no copy of the whole body ever holds the thread.
 */
async function readBody(request: Request, limit: number, signal: AbortSignal): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array(0);
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  let body = Buffer.allocUnsafe(
    Number.isInteger(declared) && declared >= 0 && declared <= limit ? declared : 64 * 1024,
  );
  let size = 0;
  const reader = request.body.getReader();
  const stop = () => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener("abort", stop, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal.throwIfAborted();
      if (done) break;
      if (size + value.byteLength > limit) {
        stop();
        return undefined;
      }
      if (size + value.byteLength > body.length) {
        const grown = Buffer.allocUnsafe(Math.min(limit, Math.max(size + value.byteLength, body.length * 2)));
        body.copy(grown, 0, 0, size);
        body = grown;
      }
      body.set(value, size);
      size += value.byteLength;
    }
    return new Uint8Array(body.buffer, body.byteOffset, size);
  } finally {
    signal.removeEventListener("abort", stop);
  }
}

/** A form's fields as Hono gives them: one value as itself, several as a list. */
function asFields(form: UploadedForm): Record<string, string | UploadedFile | (string | UploadedFile)[]> {
  return Object.fromEntries(Object.entries(form).map(([k, vs]) => [k, vs.length === 1 ? vs[0]! : vs]));
}

/**
 * Answers an upload: waits for its turn, reads the body, splits it on the import thread,
 * checks it against `schema` (400 with the path of each field at fault), then `handle`s it
 * with the request's signal, which the import jobs take. 503 "Tidsgränsen nåddes" when the
 * request's time runs out on the way.
 */
export async function handleUpload<S extends z.ZodType>(
  c: Context<AppEnv>,
  ctx: ServerContext,
  schema: S,
  handle: (form: z.infer<S>, signal: AbortSignal) => Promise<Response>,
): Promise<Response> {
  // One signal for the request's time and its client. Not AbortSignal.any with
  // AbortSignal.timeout: Node 20 lets the timeout signal be collected, and it never fires.
  const stop = new AbortController();
  const signal = stop.signal;
  const timer = setTimeout(
    () => stop.abort(new DOMException("the request timed out", "TimeoutError")),
    ctx.options.requestTimeoutMs,
  );
  const clientGone = () => stop.abort(c.req.raw.signal.reason);
  if (c.req.raw.signal.aborted) clientGone();
  else c.req.raw.signal.addEventListener("abort", clientGone, { once: true });
  let leave: (() => void) | undefined;
  try {
    leave = await importTurn(signal);
    const limit = ctx.options.maxImportBytes;
    const body = await readBody(c.req.raw, limit, signal);
    if (!body) return problemResponse(c, problems.tooLarge(limit));
    const form = await readUploadedForm(body, c.req.header("content-type") ?? "", signal);
    if (!form)
      return problemResponse(
        c,
        problems.invalid([{ path: "", message: "innehållet är inte giltig multipart/form-data" }]),
      );
    const parsed = schema.safeParse(asFields(form));
    if (!parsed.success) return problemResponse(c, problems.invalid(fieldErrors(parsed.error)));
    return await handle(parsed.data, signal);
  } catch (e) {
    // The request's time ran out, or its client went away: the import has been stopped.
    if (signal.aborted) return problemResponse(c, problems.timeout());
    throw e;
  } finally {
    clearTimeout(timer);
    c.req.raw.signal.removeEventListener("abort", clientGone);
    leave?.();
  }
}

/**
 * An import's answer as JSON, written on the import thread: a dry run's plan or a record with
 * its full text may be megabytes, and stringifying and encoding them here would hold every
 * other request for as long.
 */
export async function importAnswer(
  c: Context<AppEnv>,
  value: unknown,
  status: 200 | 207,
  signal: AbortSignal,
): Promise<Response> {
  const bytes = await jsonOnImportThread(value, signal);
  return c.body(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), status, {
    "Content-Type": "application/json",
  });
}

/**
 * Registers an upload route: documented from the route's schemas (the OpenAPI document), but
 * answered by handleUpload — the form is read on the import thread, not by a validator here.
 * Other methods on the path get 405.
 */
export function registerUpload<S extends z.ZodType>(
  app: OpenAPIHono<AppEnv>,
  ctx: ServerContext,
  route: RouteConfig,
  schema: S,
  handle: (c: Context<AppEnv>, form: z.infer<S>, signal: AbortSignal) => Promise<Response>,
): void {
  app.openAPIRegistry.registerPath(route);
  const handlers: MiddlewareHandler<AppEnv>[] = [
    ...uploadMiddleware(ctx),
    (c) => handleUpload(c, ctx, schema, (form, signal) => handle(c, form, signal)),
  ];
  app.on("POST", route.path, ...(handlers as [MiddlewareHandler<AppEnv>]));
  allowOnly(app, route.path, ["POST"]);
}
