/**
 * "Lägg till uppgift" on the web: a fact with its source, recorded through the core as POST
 * /api/facts records it (the audit log names the signed-in token).
 *
 *   GET  /personal/uppgifter/ny   the form (?kommun=…&nyckel=…&till=… fill it; any field may be given)
 *   POST /personal/uppgifter/ny   checks and saves → back to `till` (or the municipality's page) with a notice
 *
 * Writing needs a staff session (or Bearer token) with the write or admin role; without one the
 * page explains how to sign in and comes back with what was typed. The CSRF guard and body limit
 * are the staff pages' (registered for /personal/*).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { FactDefinition } from "../../../domain/fact-key.js";
import type { Place } from "../../../domain/municipality.js";
import { formatFactValue } from "../../../facts/format-value.js";
import { recordFact } from "../../../facts/record-fact.js";
import { formatDate, todayInSweden } from "../../../lang/dates.js";
import { actingAs } from "../../../store/actor-context.js";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { signedInCaller } from "../../staff-session.js";
import { sv } from "../../messages.sv.js";
import { sendPage } from "../frame/layout.js";
import { paths, placeHref } from "../frame/links.js";
import type { FieldErrors } from "../kit/form.js";
import { sourceFromBody, sourceFromQuery } from "../kit/form-source.js";
import { signInHref } from "../staff/tools.js";
import {
  checkAddFactForm,
  formQuery,
  placeOfForm,
  readAddFactForm,
  typableKeys,
  type AddFactForm,
} from "./form-state.js";
import { AddFactPage } from "./page.js";
import { addFactPaths, withSavedFact } from "./paths.js";

export function registerAddFactPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  const ws = ctx.workspace;

  async function page(
    c: Context<AppEnv>,
    form: AddFactForm,
    errors: FieldErrors,
    status: number,
    opts: { mayWrite: boolean; expired?: boolean },
  ) {
    const catalog = await ws.catalog();
    const keys = typableKeys(catalog);
    const def: FactDefinition | undefined = keys.find((d) => d.key === form.nyckel);
    if (form.nyckel && !def && !errors.has("nyckel")) {
      errors = new Map([
        ["nyckel", { text: sv.addFact.errors.keyUnknown(form.nyckel), label: sv.addFact.fields.nyckel?.label }],
        ...errors,
      ]);
    }
    const place = placeOfForm(form);
    let current: { value: string; asOf: string } | null | undefined;
    if (place && def) {
      const hit = (await ws.facts()).resolve(place, def.key);
      current = hit
        ? {
            value: formatFactValue(hit.fact.value, def),
            asOf: hit.fact.asOf ? formatDate(hit.fact.asOf) : sv.facts.undated,
          }
        : null;
    }
    const back = form.till || (place ? placeHref(place) : paths.places);
    const signIn = opts.mayWrite ? undefined : signInHref(`${addFactPaths.form}?${formQuery(form)}`);
    return sendPage(
      c,
      <AddFactPage
        form={form}
        errors={errors}
        keys={keys}
        def={def}
        place={place}
        current={current}
        signIn={signIn}
        back={back}
        expired={opts.expired ?? false}
      />,
      status,
    );
  }

  app.get(addFactPaths.form, async (c) => {
    const form = readAddFactForm(sourceFromQuery(new URL(c.req.url).searchParams));
    const mayWrite = (await signedInCaller(c, "write")) !== undefined;
    return page(c, form, new Map(), 200, { mayWrite });
  });

  app.post(addFactPaths.form, async (c) => {
    const form = readAddFactForm(sourceFromBody(await c.req.parseBody({ all: true })));
    const caller = await signedInCaller(c, "write");
    // Nothing is checked or written without the role; what was typed is kept for after the sign-in.
    if (!caller) return page(c, form, new Map(), 401, { mayWrite: false, expired: true });
    const { errors, entry } = checkAddFactForm(form, await ws.catalog(), todayInSweden(), addFactPaths.form);
    if (!entry) return page(c, form, errors, 422, { mayWrite: true });
    const { subject } = await actingAs(caller.actor, () => recordFact(ws.store, entry));
    ctx.changed();
    const place: Pick<Place, "code" | "name"> = { code: subject.subject, name: subject.name };
    return c.redirect(withSavedFact(form.till || placeHref(place), entry.key), 303);
  });
}
