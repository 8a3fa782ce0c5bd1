/** The Swedish pages (filled in by the page routes). */
import type { Context } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app.js";
import type { ServerContext } from "../context.js";

export function registerPages(_app: OpenAPIHono<AppEnv>, _ctx: ServerContext): void {}

export function renderErrorPage(c: Context, status: number): Response | Promise<Response> {
  return c.html(<p>Fel {status}</p>, status as 404);
}
