/**
 * The real server with a staff token on a temp workspace, and Debian's Chromium beside it, for
 * browser tests of staff pages: `startStaffSite({ token })` in `beforeAll`, `site.close()` in
 * `afterAll`, `signIn(page, site, path)` to reach a staff page.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type Listening } from "../../src/server/serve.js";
import { Workspace, type WorkspaceOptions } from "../../src/workspace.js";
import { launchChromium } from "./browser.js";
import { tempWorkspace } from "./cli.js";

type ServeOptions = NonNullable<Parameters<typeof startServer>[2]>;

export interface StaffSite {
  server: Listening;
  browser: Browser;
  /** A context with the given viewport and Swedish locale. */
  context: BrowserContext;
  /** The server's address without the trailing slash. */
  base: string;
  token: string;
  /** The workspace the server serves (its store: to make named tokens). */
  workspace: Workspace;
  close(): Promise<void>;
}

export async function startStaffSite(options: {
  token: string;
  /** Workspace options besides the temp database. */
  workspace?: Omit<WorkspaceOptions, "db">;
  /** Server options besides the token (no render threads unless given). */
  serve?: Omit<ServeOptions, "token">;
  viewport?: { width: number; height: number };
}): Promise<StaffSite> {
  const { token, viewport = { width: 1280, height: 800 } } = options;
  const workspace = await Workspace.open({ db: tempWorkspace().db, ...options.workspace });
  const server = await startServer(
    workspace,
    { port: 0, host: "127.0.0.1" },
    { token, renderThreads: 0, ...options.serve },
  );
  const browser = await launchChromium().catch(async (e: unknown) => {
    await server.close();
    throw e;
  });
  const context = await browser.newContext({ viewport, locale: "sv-SE" });
  return {
    server,
    browser,
    context,
    base: server.url.replace(/\/$/, ""),
    token,
    workspace,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Goes to the staff page at `path`; when sent to sign in, signs in with the site's token and
 * waits to be back at `path`. Returns the path the first visit landed on.
 */
export async function signIn(page: Page, site: Pick<StaffSite, "base" | "token">, path: string): Promise<string> {
  await page.goto(`${site.base}${path}`);
  const landed = new URL(page.url()).pathname;
  if (landed === "/personal/logga-in") {
    await page.getByLabel("Skrivnyckel").fill(site.token);
    await Promise.all([page.waitForURL(`${site.base}${path}`), page.getByRole("button", { name: "Logga in" }).click()]);
  }
  return landed;
}
