/**
 * The fact-key catalog on the web, for signed-in staff (the same rules as `motionera facts
 * keys` and the API: the core decides, the pages show its problems at their fields).
 *
 *   GET  /personal/faktanycklar                  every key (?q= filters; ?klar=…&nyckel=… says what changed)
 *   GET  /personal/faktanycklar/ny               the form for a new key (a query fills it)
 *   POST /personal/faktanycklar/ny               adds the key → the list
 *   GET  /personal/faktanycklar/andra/:key       the key's form
 *   POST /personal/faktanycklar/andra/:key       changes the key → the list
 *   GET  /personal/faktanycklar/ta-bort/:key     asks before removing
 *   POST /personal/faktanycklar/ta-bort/:key     removes the key → the list; a key in use is refused
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { isMotioneraError, type MotioneraError } from "../../../domain/errors.js";
import { factDefinitionProblems } from "../../../facts/fact-key-changes.js";
import { factKeyPattern, type FactDefinition } from "../../../domain/fact-key.js";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { sv } from "../../messages.sv.js";
import { sendErrorPage } from "../frame/error-page.js";
import { sendPage } from "../frame/layout.js";
import type { FieldErrors } from "../kit/form.js";
import { sourceFromBody, sourceFromQuery } from "../kit/form-source.js";
import { staffOnly } from "../staff/routes.js";
import { keyFormErrors, keyFormErrorsOf } from "./key-form-errors.js";
import { KeyFormPage } from "./key-form-page.js";
import {
  changed,
  changeOf,
  definitionToAdd,
  fillsForm,
  formOfDefinition,
  readKeyForm,
  type KeyForm,
} from "./key-form-state.js";
import { KeyListPage } from "./list-page.js";
import { factKeyPaths, noticeOf } from "./paths.js";
import { RemovePage } from "./remove-page.js";

/** Facts recorded per key. */
async function factCounts(ctx: ServerContext): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const f of await ctx.workspace.store.facts()) counts.set(f.key, (counts.get(f.key) ?? 0) + 1);
  return counts;
}

const municipalKeys = (keys: readonly FactDefinition[]) =>
  keys.filter((k) => k.scopes.includes("kommun") && !k.derived);

export function registerFactKeyPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  const ws = ctx.workspace;

  const unknownKey = (c: Context<AppEnv>, key: string) =>
    sendErrorPage(c, 404, { title: sv.errors.pages[404]!.title, text: sv.factKeys.errors.unknownKey(key) });

  async function formPage(
    c: Context<AppEnv>,
    form: KeyForm,
    errors: FieldErrors,
    status: number,
    editing?: FactDefinition,
  ) {
    const catalog = await ws.catalog();
    return sendPage(
      c,
      <KeyFormPage form={form} errors={errors} editing={editing} municipalKeys={municipalKeys(catalog.list())} />,
      status,
    );
  }

  /**
   * Saves through the core. Every problem of the definition is shown at once, each at its
   * field; then the core's own refusals (a key that exists, a type the values do not have).
   */
  async function save(
    c: Context<AppEnv>,
    form: KeyForm,
    base: string,
    found: readonly MotioneraError[],
    write: () => Promise<FactDefinition>,
    done: (def: FactDefinition) => string,
    editing?: FactDefinition,
  ) {
    if (found.length) {
      const errors = keyFormErrorsOf(found, form, base);
      if (errors) return formPage(c, form, errors, 422, editing);
    }
    try {
      const def = await write();
      ctx.changed();
      return c.redirect(done(def), 303);
    } catch (e) {
      if (!isMotioneraError(e)) throw e;
      const errors = keyFormErrors(e, form, base);
      if (!errors) throw e;
      return formPage(c, form, errors, 422, editing);
    }
  }

  app.get(factKeyPaths.list, staffOnly, async (c) => {
    const kind = noticeOf(c.req.query("klar"));
    const key = c.req.query("nyckel") ?? "";
    const model = {
      catalog: await ws.catalog(),
      counts: await factCounts(ctx),
      q: (c.req.query("q") ?? "").slice(0, 200),
      // Only a key's id is ever shown there, so an address cannot make the page say anything else.
      notice: kind && key.length <= 80 && factKeyPattern.test(key) ? { kind, key } : undefined,
    };
    return sendPage(c, <KeyListPage {...model} />);
  });

  app.get(factKeyPaths.add, staffOnly, async (c) => {
    const src = sourceFromQuery(new URL(c.req.url).searchParams);
    const form = fillsForm(src) ? readKeyForm(src) : readKeyForm(sourceFromQuery(new URLSearchParams("scopes=kommun")));
    return formPage(c, form, new Map(), 200);
  });

  app.post(factKeyPaths.add, staffOnly, async (c) => {
    const form = readKeyForm(sourceFromBody(await c.req.parseBody({ all: true })));
    const { input, problems } = definitionToAdd(form, await ws.catalog());
    return save(
      c,
      form,
      factKeyPaths.add,
      [...problems, ...factDefinitionProblems(input)],
      () => ws.addFactKey(input),
      (def) => factKeyPaths.done("added", def.key),
    );
  });

  app.get(factKeyPaths.editPattern, staffOnly, async (c) => {
    const key = c.req.param("key");
    const def = (await ws.catalog()).get(key);
    if (!def) return unknownKey(c, key);
    const src = sourceFromQuery(new URL(c.req.url).searchParams);
    return formPage(c, fillsForm(src) ? readKeyForm(src) : formOfDefinition(def), new Map(), 200, def);
  });

  app.post(factKeyPaths.editPattern, staffOnly, async (c) => {
    const key = c.req.param("key");
    const catalog = await ws.catalog();
    const def = catalog.get(key);
    if (!def) return unknownKey(c, key);
    const form = readKeyForm(sourceFromBody(await c.req.parseBody({ all: true })));
    const { input: change, problems } = changeOf(form, catalog);
    return save(
      c,
      form,
      factKeyPaths.edit(key),
      [...problems, ...factDefinitionProblems(changed(key, change))],
      () => ws.editFactKey(key, change),
      () => factKeyPaths.done("edited", key),
      def,
    );
  });

  app.get(factKeyPaths.removePattern, staffOnly, async (c) => {
    const key = c.req.param("key");
    const def = (await ws.catalog()).get(key);
    if (!def) return unknownKey(c, key);
    return sendPage(c, <RemovePage def={def} facts={(await factCounts(ctx)).get(key) ?? 0} />);
  });

  app.post(factKeyPaths.removePattern, staffOnly, async (c) => {
    const key = c.req.param("key");
    const def = (await ws.catalog()).get(key);
    if (!def) return unknownKey(c, key);
    try {
      await ws.removeFactKey(key);
      ctx.changed();
      return c.redirect(factKeyPaths.done("removed", key), 303);
    } catch (e) {
      if (!isMotioneraError(e) || e.details.code !== "fact_key_in_use") throw e;
      const { facts, templates, derivedKeys } = e.details;
      const page = <RemovePage def={def} facts={facts} refused={{ facts, templates, derivedKeys }} />;
      return sendPage(c, page, 409);
    }
  });
}
