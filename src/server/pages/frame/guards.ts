/** What every form POST passes first: a size limit and the CSRF check (Origin / Sec-Fetch-Site). */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import type { ServerContext } from "../../context.js";
import { sendErrorPage } from "./error-page.js";

export function formGuards(ctx: ServerContext): MiddlewareHandler[] {
  return [csrf(), bodyLimit({ maxSize: ctx.options.maxBodyBytes, onError: (c) => sendErrorPage(c, 413) })];
}
