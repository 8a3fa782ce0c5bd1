/** The frame every page shares: language, head, skip link, header navigation, main, footer. */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { sv } from "../../messages.sv.js";
import { assetUrl } from "./assets.js";
import { paths } from "./links.js";

export type Section = "draft" | "campaign" | "corpus" | "places" | "none";

export interface LayoutProps {
  title: string;
  section: Section;
  children?: Child;
  /** Extra class on <body>, for page-specific layout. */
  bodyClass?: string;
  /** Extra elements in <head> (a page's own script, a refresh for browsers without script). */
  head?: Child;
}

export function Layout({ title, section, children, bodyClass, head }: LayoutProps) {
  const nav: { key: Section; href: string; label: string }[] = [
    { key: "draft", href: paths.draft, label: sv.layout.nav.draft },
    { key: "campaign", href: paths.campaign, label: sv.layout.nav.campaign },
    { key: "corpus", href: paths.corpus, label: sv.layout.nav.corpus },
    { key: "places", href: paths.places, label: sv.layout.nav.places },
  ];
  return (
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${sv.siteName}`}</title>
        <link rel="stylesheet" href={assetUrl("site.css")} />
        <link rel="icon" href={assetUrl("favicon.svg")} type="image/svg+xml" />
        <script src={assetUrl("site.js")} defer></script>
        {head}
      </head>
      <body class={bodyClass}>
        <a class="skip-link" href="#innehall">
          {sv.layout.skipLink}
        </a>
        <header class="site-header">
          <div class="wrap header-inner">
            <a class="brand" href={paths.draft}>
              {sv.siteName}
            </a>
            <nav aria-label={sv.layout.navLabel}>
              <ul class="nav-list">
                {nav.map((n) => (
                  <li>
                    <a href={n.href} aria-current={n.key === section ? "page" : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
                <li>
                  <a href={paths.api}>{sv.layout.nav.api}</a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="innehall" tabindex={-1}>
          <div class="wrap">{children}</div>
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{sv.layout.footer}</p>
            <ul class="footer-links">
              <li>
                <a href={paths.corpus}>{sv.layout.footerLinks.corpus}</a>
              </li>
              <li>
                <a href={paths.places}>{sv.layout.footerLinks.places}</a>
              </li>
              <li>
                <a href={paths.api}>{sv.layout.footerLinks.api}</a>
              </li>
              <li>
                <a href={paths.staff}>{sv.staff.footerLink}</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A JSX tree as HTML text (components may be async). */
export async function toHtml(node: unknown): Promise<string> {
  const resolved = (await node) as { toString(): string | Promise<string> };
  return String(await resolved.toString());
}

/**
 * Sends a whole page with its doctype. Pages are revalidated on every use (the data behind
 * them can change) but may stay in the back/forward cache, so Back keeps what was typed.
 */
export async function sendPage(c: Context, page: unknown, status = 200): Promise<Response> {
  const html = `<!doctype html>\n${await toHtml(page)}`;
  return c.html(html, status as 200, { "cache-control": "no-cache" });
}

/** Sends a piece of a page (for the script). */
export async function sendFragment(c: Context, fragment: unknown, status = 200): Promise<Response> {
  return c.html(await toHtml(fragment), status as 200, { "cache-control": "no-store" });
}
