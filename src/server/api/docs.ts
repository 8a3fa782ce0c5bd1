/**
 * GET /api/openapi.json (the OpenAPI 3.1 document, generated from the routes' zod schemas)
 * and GET /api/docs (Swagger UI, served from the swagger-ui-dist package: no CDN).
 *
 * The page's only script of its own is a file (/api/docs/assets/init.js), not inline, so the
 * page runs under the same strict Content-Security-Policy as every other page.
 */
import { readFileSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { swaggerUI } from "@hono/swagger-ui";
import { projectRoot } from "../../project-paths.js";
import type { AppEnv } from "../app.js";
import type { ServerContext } from "../context.js";
import { problemResponse, problems } from "../problem.js";
import { sv } from "../messages.sv.js";
import { allowOnly } from "./shared.js";

const assetsBase = "/api/docs/assets";
const distBase = `${assetsBase}/swagger-ui-dist`;

const description = [
  "Motioneras JSON-API: mallar, kommuner, uppgifter med källor, korpusen av politiska texter och utkast till " +
    "motioner, interpellationer, debattartiklar och pressmeddelanden.",
  "",
  "Fel svaras med application/problem+json (RFC 9457): type, title, status, detail och, för fel i begäran, " +
    "errors med varje fälts sökväg (till exempel authors/0/name).",
  "",
  "Läsning är öppen. Skrivningar kräver `Authorization: Bearer <token>`: MOTIONERA_TOKEN (rollen admin) eller " +
    "en namngiven token (motionera tokens create) med en roll. read: kampanjer över gränsen utan token; write: " +
    "dessutom uppgifter och dokument (POST /api/facts, POST /api/corpus/import) och ändringsloggen " +
    "(GET /api/audit); admin: dessutom faktanycklar, tokens (GET /api/tokens), statistikhämtning och mallar. " +
    "För låg roll ger 403 med rollen som krävs; fel eller återkallad token 401. Utan tokens är tjänsten " +
    "skrivskyddad (403). Varje skrivning loggas med tokenens namn.",
].join("\n");

const documentConfig = (version: string) => ({
  openapi: "3.1.0",
  info: { title: "Motionera API", version, description },
  servers: [{ url: "/", description: "Den här tjänsten" }],
  tags: [
    { name: "Mallar", description: "Mallarna utkasten skrivs från." },
    { name: "Kommuner", description: "Sveriges 290 kommuner." },
    { name: "Fakta", description: "Uppgifter om kommuner, län och riket, med källa och datum." },
    { name: "Korpus", description: "Politiska texter: sök, läs, exportera, importera." },
    { name: "Utkast", description: "Dokument skrivna från en mall." },
    { name: "Sparade utkast", description: "Utkast som sparas med versioner och en länk att dela." },
    { name: "Ärenden", description: "Inlämnade motioner och interpellationer: steg, historik och tidsfrister." },
    { name: "Ändringslogg", description: "Vem som skrev vad och när, och tjänstens namngivna tokens." },
  ],
});

/** What the UI loads from the package (scripts, styles, source maps, icons); nothing else is served. */
const contentTypes: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
};

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string }).version;
}

/** The swagger-ui-dist folder in node_modules, found as Node would find the package. */
function swaggerDistDir(): string {
  return dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
}

/** Starts Swagger UI once its bundle has loaded; a file so the page needs no inline script. */
const initScript = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: false,
    persistAuthorization: false
  });
});
`;

/** The bar above Swagger UI that leads back to the site: our constants, nothing to escape. */
const backNav = sv.apiDocs;

/** Its style, in the site's colours (site.css would restyle Swagger UI). */
const backNavCss = `body { margin: 0; }
.motionera-back { display: flex; gap: 1.5rem; padding: .75rem 1.25rem; background: #0b4a8b;
  font: 600 1rem/1.4 system-ui, sans-serif; }
.motionera-back a { color: #fff; }
.motionera-back a:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
`;

export function registerDocs(app: OpenAPIHono<AppEnv>, _ctx: ServerContext): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description:
      "MOTIONERA_TOKEN (rollen admin) eller en namngiven token (motionera tokens create) med rollen read, " +
      "write eller admin.",
  });

  // Generated on first request, when every route has been registered; the routes do not change.
  let document: unknown;
  app.get("/api/openapi.json", (c) => {
    document ??= app.getOpenAPI31Document(documentConfig(packageVersion()));
    return c.json(document);
  });
  allowOnly(app, "/api/openapi.json", ["GET"]);

  app.get(
    "/api/docs",
    swaggerUI({
      url: "/api/openapi.json",
      baseUrl: assetsBase,
      title: "Motionera API",
      // The asset URLs are our own constants (baseUrl above): nothing to escape.
      manuallySwaggerUIHtml: (asset) =>
        [
          // The way back to the site (the page has no frame of its own): a file's style, no inline CSS.
          `<link rel="stylesheet" href="${assetsBase}/docs.css" />`,
          `<nav class="motionera-back" lang="sv" aria-label="${backNav.label}"><a href="/">${backNav.home}</a>` +
            `<a href="/korpus">${backNav.corpus}</a><a href="/kommun">${backNav.places}</a></nav>`,
          `<main><div id="swagger-ui"></div></main>`,
          ...asset.css.map((href) => `<link rel="stylesheet" href="${href}" />`),
          ...asset.js.map((src) => `<script src="${src}"></script>`),
          `<script src="${assetsBase}/init.js"></script>`,
        ].join("\n"),
    }),
  );
  allowOnly(app, "/api/docs", ["GET"]);

  app.get(`${assetsBase}/docs.css`, (c) =>
    c.body(backNavCss, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "no-cache" }),
  );
  allowOnly(app, `${assetsBase}/docs.css`, ["GET"]);

  app.get(`${assetsBase}/init.js`, (c) =>
    c.body(initScript, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" }),
  );
  allowOnly(app, `${assetsBase}/init.js`, ["GET"]);

  // The package's own files only: names are checked against its folder listing, never joined blindly.
  let files: Promise<Set<string>> | undefined;
  app.get(`${distBase}/:file`, async (c) => {
    const dir = swaggerDistDir();
    files ??= readdir(dir).then((xs) => new Set(xs.filter((x) => extname(x) in contentTypes)));
    const name = c.req.param("file");
    const type = contentTypes[extname(name)];
    if (!type || !(await files).has(name)) return problemResponse(c, problems.notFound("Filen"));
    const body = await readFile(join(dir, name));
    return c.body(new Uint8Array(body), 200, { "Content-Type": type, "Cache-Control": "public, max-age=86400" });
  });
  allowOnly(app, `${distBase}/:file`, ["GET"]);
}
