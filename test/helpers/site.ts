/**
 * The real server on a workspace, and Debian's Chromium beside it with one Swedish context, for
 * browser tests: `startSite({ workspace })` in `beforeAll`, `site.close()` in `afterAll`.
 */
import type { Browser, BrowserContext } from "playwright-core";
import { startServer, type Listening } from "../../src/server/serve.js";
import { Workspace } from "../../src/workspace.js";
import { launchChromium } from "./browser.js";
import { tempWorkspace } from "./cli.js";

export type ServeOptions = NonNullable<Parameters<typeof startServer>[2]>;

export interface Site {
  server: Listening;
  browser: Browser;
  /** A context with the given viewport, the Swedish locale and downloads accepted. */
  context: BrowserContext;
  /** The server's address without the trailing slash. */
  base: string;
  /** The workspace the server serves. */
  workspace: Workspace;
  close(): Promise<void>;
}

export async function startSite(
  options: {
    /** Default: a fresh temp database with the shipped data. */
    workspace?: Workspace;
    serve?: ServeOptions;
    viewport?: { width: number; height: number };
  } = {},
): Promise<Site> {
  const { viewport = { width: 1280, height: 800 } } = options;
  const workspace = options.workspace ?? (await Workspace.open({ db: tempWorkspace().db }));
  const server = await startServer(workspace, { port: 0, host: "127.0.0.1" }, options.serve);
  const browser = await launchChromium().catch(async (e: unknown) => {
    await server.close();
    throw e;
  });
  const context = await browser.newContext({ acceptDownloads: true, viewport, locale: "sv-SE" });
  return {
    server,
    browser,
    context,
    base: server.url.replace(/\/$/, ""),
    workspace,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
