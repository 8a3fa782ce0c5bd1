/**
 * The saved drafts' pages: POST /utkast/spara (the form saved as a new draft), /utkast/<id> (the draft in the
 * form, its panel above), POST /utkast/<id>/version and /duplicera, /utkast/sparade (the signed-in user's list),
 * and a Swedish 404 for any other address under /utkast/. Reading needs a token (signed in), saving the write
 * role; every write runs as the caller, so the audit log and the history name them.
 */
import type { Context } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { actorName } from "../../../domain/actor.js";
import { isMotioneraError } from "../../../domain/errors.js";
import type { SavedDraft } from "../../../domain/saved-draft.js";
import { formatDateTime, todayInSweden } from "../../../lang/dates.js";
import { actingAs } from "../../../store/actor-context.js";
import { sv } from "../../messages.sv.js";
import { signedInCaller } from "../../staff-session.js";
import type { Caller } from "../../auth.js";
import { sendErrorPage } from "../frame/error-page.js";
import { formGuards } from "../frame/guards.js";
import { Layout, sendPage } from "../frame/layout.js";
import { sourceFromBody, type FormSource } from "../kit/form-source.js";
import { type FormState, readForm } from "../draft/state.js";
import { type FormExtras, postDraftForm, renderForm } from "../draft/routes.js";
import { signInHref } from "../staff/tools.js";
import { SaveControls, SavedDraftPanel } from "./controls.js";
import { fileDraftHref } from "../arenden/paths.js";
import { factChanges } from "./facts-compare.js";
import { saveModeOf } from "./form-hooks.js";
import { savedDraftParams, savedDraftPaths } from "./paths.js";
import { formStateOf, savedStateOf } from "./state.js";

const t = sv.savedDrafts;

async function formOf(
  c: Context<AppEnv>,
  ctx: ServerContext,
): Promise<{ src: FormSource; state: ReturnType<typeof readForm> }> {
  const { templates } = (await ctx.workspace.templates()).usable();
  const src = sourceFromBody(await c.req.parseBody({ all: true }));
  return { src, state: readForm(src, { defaultTemplate: templates[0]?.frontMatter.id ?? "", today: todayInSweden() }) };
}

const notFound = (c: Context<AppEnv>) => sendErrorPage(c, 404, { title: t.notFound.title, text: t.notFound.text });

/** A write that needs the write role: the caller, or the answer to give (sign in, or a token that may only read). */
async function writer(c: Context<AppEnv>, back: string): Promise<Caller | Response> {
  const caller = await signedInCaller(c, "write");
  if (caller) return caller;
  if (await signedInCaller(c, "read")) return sendErrorPage(c, 403, { text: t.readOnly });
  return sendErrorPage(c, 401, {
    text: t.noScript,
    children: (
      <p>
        <a href={signInHref(back)}>{t.signIn}</a>
      </p>
    ),
  });
}

/** The form again with the store's refusal (a value too long) at the top; nothing was saved. */
function refused(c: Context<AppEnv>, ctx: ServerContext, e: unknown, state: ReturnType<typeof readForm>) {
  if (!isMotioneraError(e) || e.details.code !== "input_invalid") throw e;
  const text = sv.fieldErrors.invalid(e.details.problem);
  return renderForm(c, ctx, state, new Map([["form", { text }]]), 422);
}

export function registerSavedDraftPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  const posted = [
    savedDraftPaths.save,
    savedDraftPaths.draftRoute,
    savedDraftPaths.versionRoute,
    savedDraftPaths.duplicateRoute,
  ];
  for (const path of posted) app.use(path, ...formGuards(ctx));

  app.post(savedDraftPaths.save, async (c) => {
    const { src, state } = await formOf(c, ctx);
    const caller = await signedInCaller(c, "write");
    // Without a write token the browser saves it (site.js); without JavaScript it cannot.
    if (!caller)
      return renderForm(c, ctx, state, new Map(), 200, undefined, undefined, {
        beforeForm: (
          <div class="notice" role="status" tabindex={-1} data-notice>
            <p>{t.noScript}</p>
          </div>
        ),
      });
    try {
      const draft = await actingAs(caller.actor, () => ctx.workspace.store.createSavedDraft(savedStateOf(state, src)));
      return c.redirect(`${savedDraftPaths.draft(draft.id)}?${savedDraftParams.saved}=1`, 303);
    } catch (e) {
      return refused(c, ctx, e, state);
    }
  });

  app.get(savedDraftPaths.list, async (c) => {
    const caller = await signedInCaller(c, "read");
    if (!caller) return c.redirect(signInHref(savedDraftPaths.list), 303);
    const drafts = await ctx.workspace.store.savedDrafts({ by: caller.actor });
    return sendPage(c, <ListPage name={caller.name || actorName(caller.actor)} drafts={drafts} />);
  });

  app.get(savedDraftPaths.draftRoute, async (c) => {
    const id = c.req.param("id");
    const path = savedDraftPaths.draft(id);
    if (!(await signedInCaller(c, "read"))) return c.redirect(signInHref(`${path}${new URL(c.req.url).search}`), 303);
    const draft = await ctx.workspace.store.savedDraft(id);
    if (!draft) return notFound(c);
    const asked = Number(c.req.query(savedDraftParams.version) ?? draft.versions.length);
    const version = draft.versions.find((v) => v.number === asked);
    if (!version) return notFound(c);
    const facts = c.req.query(savedDraftParams.facts) === "nu" ? "nu" : "sparat";
    const state = formStateOf(version.state);
    const justSaved = c.req.query(savedDraftParams.saved) ? draft.versions.length : undefined;
    const extras = await savedDraftExtras(c, ctx, { draft, version, facts, state, justSaved });
    return renderForm(c, ctx, state, new Map(), 200, undefined, undefined, extras);
  });

  // The saved draft's form posted without the script ("Förhandsgranska", "Redigera texten", a
  // download): as on /utkast, but the user stays on the saved draft, its panel above the form.
  app.post(savedDraftPaths.draftRoute, async (c) => {
    const id = c.req.param("id");
    if (!(await signedInCaller(c, "read"))) return c.redirect(signInHref(savedDraftPaths.draft(id)), 303);
    const draft = await ctx.workspace.store.savedDraft(id);
    const version = draft?.versions.at(-1);
    if (!draft || !version) return notFound(c);
    return postDraftForm(c, ctx, (state, knownAt) =>
      savedDraftExtras(c, ctx, { draft, version, facts: knownAt ? "sparat" : "nu", state }),
    );
  });

  app.post(savedDraftPaths.versionRoute, async (c) => {
    const id = c.req.param("id");
    const caller = await writer(c, savedDraftPaths.draft(id));
    if (caller instanceof Response) return caller;
    const { src, state } = await formOf(c, ctx);
    try {
      const draft = await actingAs(caller.actor, () =>
        ctx.workspace.store.addSavedDraftVersion(id, savedStateOf(state, src)),
      );
      if (!draft) return notFound(c);
      return c.redirect(`${savedDraftPaths.draft(id)}?${savedDraftParams.saved}=1`, 303);
    } catch (e) {
      return refused(c, ctx, e, state);
    }
  });

  app.post(savedDraftPaths.duplicateRoute, async (c) => {
    const id = c.req.param("id");
    const caller = await writer(c, savedDraftPaths.draft(id));
    if (caller instanceof Response) return caller;
    if (!(await ctx.workspace.store.savedDraft(id))) return notFound(c);
    const { src, state } = await formOf(c, ctx);
    try {
      const copy = await actingAs(caller.actor, () =>
        ctx.workspace.store.createSavedDraft(savedStateOf(state, src), { duplicatedFrom: id }),
      );
      return c.redirect(`${savedDraftPaths.draft(copy.id)}?${savedDraftParams.saved}=1`, 303);
    } catch (e) {
      return refused(c, ctx, e, state);
    }
  });

  app.all(savedDraftPaths.otherRoute, (c) => notFound(c));
}

function ListPage({ name, drafts }: { name: string; drafts: readonly SavedDraft[] }) {
  const l = t.list;
  return (
    <Layout title={l.title} section="draft">
      <h1>{l.title}</h1>
      <p class="lead">{l.intro(name)}</p>
      {drafts.length === 0 ? (
        <p>{l.empty}</p>
      ) : (
        <ul class="saved-drafts-list">
          {drafts.map((d) => {
            const last = d.versions[d.versions.length - 1]!;
            const title = [last.state.template, last.state.kommun || t.browser.unnamed].join(", ");
            return (
              <li>
                <a href={savedDraftPaths.draft(d.id)}>{title}</a>{" "}
                <span class="muted">
                  {`(${l.versions(d.versions.length)}, ${l.lastSaved(formatDateTime(last.savedAt))})`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}

/** What surrounds the draft form on a saved draft's page: its panel, its saving controls, its own address. */
async function savedDraftExtras(
  c: Context<AppEnv>,
  ctx: ServerContext,
  s: {
    draft: SavedDraft;
    version: SavedDraft["versions"][number];
    facts: "nu" | "sparat";
    state: FormState;
    justSaved?: number | undefined;
  },
): Promise<FormExtras> {
  const path = savedDraftPaths.draft(s.draft.id);
  const knownAt = s.facts === "sparat" ? s.version.factsAt : undefined;
  return {
    knownAt,
    formAction: path,
    beforeForm: (
      <SavedDraftPanel
        draft={s.draft}
        version={s.version}
        shareUrl={`${new URL(c.req.url).origin}${path}`}
        facts={s.facts}
        changes={await factChanges(ctx.workspace, s.state, s.version.factsAt)}
        justSaved={s.justSaved}
        fileHref={fileDraftHref({
          kommun: s.version.state.kommun,
          signers: s.version.state.signers
            .filter((r) => r.name.trim())
            .map((r) => {
              const party = (r.partyOther || r.party).trim();
              return party ? `${r.name.trim()} (${party})` : r.name.trim();
            }),
        })}
      />
    ),
    formEnd: <SaveControls mode={await saveModeOf(c)} draft={s.draft} knownAt={knownAt} />,
  };
}
