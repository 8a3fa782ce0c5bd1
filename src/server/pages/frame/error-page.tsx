/** Error pages in Swedish (403, 404, 405, 413, 500, 503 …), each with a way back. */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { sv } from "../../messages.sv.js";
import { Layout, sendPage } from "./layout.js";
import { paths } from "./links.js";

export function ErrorPage({
  status,
  title,
  text,
  children,
}: {
  status: number;
  title?: string;
  text?: string;
  children?: Child;
}) {
  const known = sv.errors.pages[status] ?? sv.errors.pages[status >= 500 ? 500 : 400]!;
  return (
    <Layout title={title ?? known.title} section="none">
      <div class="error-page">
        <h1>{title ?? known.title}</h1>
        <p class="lead">{text ?? known.text}</p>
        {children}
        <ul class="error-links">
          <li>
            <a href={paths.draft}>{sv.errors.back}</a>
          </li>
          <li>
            <a href={paths.corpus}>{sv.errors.search}</a>
          </li>
        </ul>
        <p class="muted">{sv.errors.code(status)}</p>
      </div>
    </Layout>
  );
}

export function sendErrorPage(
  c: Context,
  status: number,
  extra?: { title?: string; text?: string; children?: Child; headers?: Record<string, string> },
): Promise<Response> {
  const page = (
    <ErrorPage
      status={status}
      {...(extra?.title ? { title: extra.title } : {})}
      {...(extra?.text ? { text: extra.text } : {})}
    >
      {extra?.children}
    </ErrorPage>
  );
  return sendPage(c, page, status).then((res) => {
    for (const [k, v] of Object.entries(extra?.headers ?? {})) res.headers.set(k, v);
    return res;
  });
}
