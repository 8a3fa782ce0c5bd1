/**
 * Signing in as staff, and the staff's start page.
 *
 *   GET  /personal              the staff tools (signed in), else to the sign-in page
 *   GET  /personal/logga-in     the sign-in form (?till=where to go after)
 *   POST /personal/logga-in     the typed write token → the session cookie (staff-session.ts)
 *   POST /personal/logga-ut     ends the session
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { sv } from "../../messages.sv.js";
import { perClientLimit } from "../../rate-limit.js";
import { takesTokens } from "../../auth.js";
import { requireStaff, safeReturnPath, signedInCaller, signIn, signOut } from "../../staff-session.js";
import type { TokenRole } from "../../../domain/api-token.js";
import { isAddFactPath } from "../add-fact/paths.js";
import { isFilingPath } from "../arenden/paths.js";
import { isSavedDraftPath } from "../saved-draft/paths.js";
import { sendErrorPage } from "../frame/error-page.js";
import { formGuards } from "../frame/guards.js";
import { Layout, sendPage } from "../frame/layout.js";
import { control, ErrorSummary, Field, formIds, type FieldErrors } from "../kit/form.js";
import { signInHref, staffPaths, staffTools } from "./tools.js";

const t = sv.staff;
const ids = formIds("s");

/** Sign-in attempts a client may make per minute (the token is not to be guessed). */
const signInsPerMinute = 10;

/** The role the page a sign-in leads to needs: write for adding a fact or saving drafts, admin for the staff pages. */
const roleFor = (back: string): TokenRole =>
  isAddFactPath(back) || isSavedDraftPath(back) || isFilingPath(back) ? "write" : "admin";

function SignInPage({ back, errors, readOnly }: { back: string; errors: FieldErrors; readOnly: boolean }) {
  const write = roleFor(back) === "write";
  return (
    <Layout title={t.signIn.title} section="none">
      <h1>{t.signIn.title}</h1>
      {readOnly ? (
        <p class="lead">{t.signIn.readOnly}</p>
      ) : (
        <>
          <p class="lead">{write ? t.signIn.introWrite : t.signIn.intro}</p>
          <ErrorSummary ids={ids} errors={errors} />
          <form method="post" action={staffPaths.signIn} class="stack narrow-form" novalidate>
            <input type="hidden" name="till" value={back} />
            <Field ids={ids} k="token" label={t.signIn.token} help={t.signIn.tokenHelp} required errors={errors}>
              <input
                type="password"
                name="token"
                autocomplete="current-password"
                required
                {...control(ids, "token", errors, true)}
              />
            </Field>
            <button type="submit" class="button">
              {t.signIn.submit}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}

function StaffHome() {
  return (
    <Layout title={t.home.title} section="none">
      <h1>{t.home.title}</h1>
      <p class="lead">{t.home.intro}</p>
      {staffTools.length === 0 ? (
        <p class="muted">{t.home.noTools}</p>
      ) : (
        <ul class="staff-tools">
          {staffTools.map((tool) => (
            <li>
              <a href={tool.href}>{tool.title}</a>
              <p class="muted">{tool.text}</p>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={staffPaths.signOut}>
        <button type="submit" class="button secondary">
          {t.signOut}
        </button>
      </form>
    </Layout>
  );
}

/** A staff page asked for without a session: a GET goes to sign in and comes back; a post is refused. */
export function refuseNonStaff(c: Context<AppEnv>): Response | Promise<Response> {
  if (c.req.method === "GET" || c.req.method === "HEAD") {
    const url = new URL(c.req.url);
    return c.redirect(signInHref(`${url.pathname}${url.search}`), 303);
  }
  return sendErrorPage(c, 401, { title: t.expired.title, text: t.expired.text });
}

/** The middleware for every staff page. */
export const staffOnly = requireStaff(refuseNonStaff);

export function registerStaffPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.use(`${staffPaths.home}/*`, ...formGuards(ctx));
  app.on(
    "POST",
    staffPaths.signIn,
    perClientLimit(ctx, signInsPerMinute, (c, status) =>
      sendErrorPage(c, status, { title: t.signIn.tooMany.title, text: t.signIn.tooMany.text }),
    ),
  );
  app.get(staffPaths.home, staffOnly, (c) => sendPage(c, <StaffHome />));

  app.get(staffPaths.signIn, async (c) => {
    const back = safeReturnPath(c.req.query("till"), staffPaths.home);
    if (await signedInCaller(c, roleFor(back))) return c.redirect(back, 303);
    return sendPage(c, <SignInPage back={back} errors={new Map()} readOnly={!(await takesTokens(c))} />);
  });

  app.post(staffPaths.signIn, async (c) => {
    const form = await c.req.parseBody();
    const back = safeReturnPath(typeof form.till === "string" ? form.till : undefined, staffPaths.home);
    const typed = typeof form.token === "string" ? form.token : "";
    const errors: FieldErrors = new Map();
    if (!typed.trim()) errors.set("token", { text: t.signIn.empty, label: t.signIn.token });
    else {
      const result = await signIn(c, typed, roleFor(back));
      if (result === "signed-in") return c.redirect(back, 303);
      if (result === "no-token") return sendPage(c, <SignInPage back={back} errors={errors} readOnly />, 403);
      errors.set("token", {
        text:
          result === "role-too-low"
            ? roleFor(back) === "write"
              ? t.signIn.roleTooLowWrite
              : t.signIn.roleTooLow
            : t.signIn.wrong,
        label: t.signIn.token,
      });
      if (result === "role-too-low")
        return sendPage(c, <SignInPage back={back} errors={errors} readOnly={false} />, 403);
    }
    return sendPage(c, <SignInPage back={back} errors={errors} readOnly={false} />, 401);
  });

  app.post(staffPaths.signOut, (c) => {
    signOut(c);
    return c.redirect(staffPaths.signIn, 303);
  });
}
