/**
 * Debian's Chromium through playwright-core (never a downloaded browser), and the axe-core
 * check every page passes: no serious or critical violation of WCAG 2.1 A/AA or best practice.
 * For browser tests: `describe.skipIf(!hasChromium)`, `launchChromium()`, `openPage()`, `expectAxeClean()`.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

export const chromiumPath = "/usr/bin/chromium";
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`browser tests skipped: ${chromiumPath} is missing (apt-get install -y chromium)`);

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Screenshots for people to look at (git-ignored). */
export const artifacts = join(import.meta.dirname, "..", "artifacts");

export async function launchChromium(): Promise<Browser> {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A page that records script errors and console errors (except expected 404/422 answers) into `problems`. */
export async function openPage(context: BrowserContext, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 4(01|04|22)/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return page;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe-core on the page as it is now; fails on any serious or critical violation, naming it. */
export async function expectAxeClean(page: Page, name: string): Promise<void> {
  await page.evaluate(axeSource);
  const options = { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } };
  const violations = (await page.evaluate(
    `axe.run(document, ${JSON.stringify(options)}).then((r) => r.violations)`,
  )) as AxeViolation[];
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad
    .map(
      (v) =>
        `${name}: [${v.impact}] ${v.id}: ${v.help}\n${v.nodes
          .map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\n/g, " ") ?? ""}`)
          .join("\n")}`,
    )
    .join("\n");
  const minor = violations.filter((v) => !bad.includes(v));
  if (minor.length)
    console.info(`axe (${name}), minor: ${minor.map((v) => `${v.id} (${v.impact}: ${v.nodes.length})`).join(", ")}`);
  expect(bad, report).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}
