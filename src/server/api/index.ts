/** The JSON API under /api (filled in by the API routes). */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app.js";
import type { ServerContext } from "../context.js";

export function registerApi(_app: OpenAPIHono<AppEnv>, _ctx: ServerContext): void {}
