/**
 * The zod every shared schema is built with: extended for OpenAPI metadata before any schema
 * exists. Zod 4 copies a type's methods onto each schema when it is created, so an extension
 * applied later (when the web service's routes load) would miss the schemas the CLI had
 * already made; extending here, first, gives every schema `.openapi()`. zod's own messages
 * ("Ogiltig inmatning …") are set to Swedish here too, for every schema in the project.
 *
 * Every other file takes `z` from here, never from "zod" (test/architecture/one-zod.test.ts).
 */
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import sv from "zod/v4/locales/sv.js";

extendZodWithOpenApi(z);
z.config(sv());

export { z };
