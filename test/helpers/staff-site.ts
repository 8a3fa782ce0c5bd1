/**
 * The real server with a staff token on a temp workspace, and Debian's Chromium beside it, for
 * browser tests of staff pages: `startStaffSite({ token })` in `beforeAll`, `site.close()` in
 * `afterAll`, `signIn(page, site, path)` to reach a staff page.
 */
import type { Page } from "playwright-core";
import { Workspace, type WorkspaceOptions } from "../../src/workspace.js";
import { tempWorkspace } from "./cli.js";
import { startSite, type ServeOptions, type Site } from "./site.js";

export interface StaffSite extends Site {
  token: string;
}

export async function startStaffSite(options: {
  token: string;
  /** Workspace options besides the temp database. */
  workspace?: Omit<WorkspaceOptions, "db">;
  /** Server options besides the token (no render threads unless given). */
  serve?: Omit<ServeOptions, "token">;
  viewport?: { width: number; height: number };
}): Promise<StaffSite> {
  const { token } = options;
  const workspace = await Workspace.open({ db: tempWorkspace().db, ...options.workspace });
  const site = await startSite({
    workspace,
    serve: { token, renderThreads: 0, ...options.serve },
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  return { ...site, token };
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
