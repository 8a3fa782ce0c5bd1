/**
 * The zod every shared schema is built with: extended for OpenAPI metadata before any schema
 * exists. Zod 4 copies a type's methods onto each schema when it is created, so an extension
 * applied later (when the web service's routes load) would miss the schemas the CLI had
 * already made; extending here, first, gives every schema `.openapi()`.
 */
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

export { z };
