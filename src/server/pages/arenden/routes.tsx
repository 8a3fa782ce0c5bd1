/**
 * The ärenden pages: filed motions and interpellations, their deadlines and history.
 *
 *   GET  /arenden                 the list (?kommun=…&undertecknare=…&parti=…), the staff's filing form
 *   POST /arenden                 "Markera som inlämnad" → the new ärende's page
 *   GET  /arenden/ny              the filing form alone, filled from the query (?kommun=…&undertecknare=…&titel=…)
 *   GET  /arenden/kalender.ics    the deadlines and meetings of the same selection, as iCalendar
 *   GET  /arenden/<id>            one ärende with its history, the staff's step form
 *   POST /arenden/<id>/steg       a step (remitterad, besvarad, beslutad) or a correction of one (rattar=<seq>),
 *                                 a decision with its facts and corpus record → the ärende's page
 *   GET  /arenden/sammantraden    a municipality's council meetings (?kommun=…); POST adds one
 *   POST /arenden/sammantraden/fil  a CSV or iCalendar file of meetings
 *   GET  /arenden/<id>/uppfoljning(.docx|.pdf)?till=…  the follow-up interpellation: preview, or the file
 *
 * Writing needs a staff session (or Bearer token) with the write or admin role and runs as the
 * caller, so the history and the audit log name who recorded it; reading is open like the corpus.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { isoDateSchema } from "../../../domain/partial-date.js";
import { filingToChange } from "../../../store/filing-writes.js";
import { actingAs } from "../../../store/actor-context.js";
import { followUpRefusal } from "../../../filings/follow-up-request.js";
import { currentSteps } from "../../../filings/steps.js";
import { formatDate, todayInSweden } from "../../../lang/dates.js";
import { sv } from "../../messages.sv.js";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { filingCalendar, filingRows, type FilingQuery } from "../../filing-lists.js";
import { signedInCaller } from "../../staff-session.js";
import { formGuards } from "../frame/guards.js";
import { sendPage } from "../frame/layout.js";
import type { FieldErrors } from "../kit/form.js";
import { sourceFromBody, sourceFromQuery } from "../kit/form-source.js";
import { signInHref } from "../staff/tools.js";
import { typableKeys } from "../add-fact/form-state.js";
import { FilingPage } from "./filing-page.js";
import type { StepFormChoices } from "./staff-forms.js";
import { checkDecisionEffects } from "./decision-form.js";
import { registerFollowUpPages, type FilingPageOf } from "./follow-up-routes.js";
import {
  checkFileForm,
  checkStepForm,
  emptyStepForm,
  problemText,
  readFileForm,
  readStepForm,
  stepProblem,
  type FileForm,
} from "./forms.js";
import { registerMeetingPages } from "./meeting-routes.js";
import { FileFormPage, FilingListPage } from "./list-page.js";
import { filingHref, filingListHref, filingPaths } from "./paths.js";

const t = sv.filings;
const savedParam = "sparat";

/** The notice after a save: the step, and what a decision brought with it (?uppgifter=2&korpus=1). */
function savedNotice(c: Context<AppEnv>): string {
  if (c.req.query(savedParam) !== "1") return "";
  const facts = Number(c.req.query("uppgifter")) || 0;
  const corpus = c.req.query("korpus") === "1";
  return facts || corpus ? t.decisionSaved(facts, corpus) : t.saved;
}

function queryOf(c: Context<AppEnv>): FilingQuery {
  const q = (k: string) => c.req.query(k)?.trim() || undefined;
  const idag = isoDateSchema.safeParse(q("idag"));
  return {
    kommun: q("kommun"),
    undertecknare: q("undertecknare"),
    parti: q("parti"),
    idag: idag.success ? idag.data : undefined,
  };
}

const emptyFileForm = (kommun = ""): FileForm => ({
  slag: "motion",
  titel: "",
  kommun,
  undertecknare: "",
  datum: "",
  dnr: "",
  organ: "kommunfullmäktige",
});

export function registerFilingPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  const store = () => ctx.workspace.store;
  app.use(filingPaths.list, ...formGuards(ctx));
  app.use(filingPaths.step, ...formGuards(ctx));

  async function listPage(c: Context<AppEnv>, form: FileForm | undefined, errors: FieldErrors, status: number) {
    const query = queryOf(c);
    const mayWrite = (await signedInCaller(c, "write")) !== undefined;
    const { idag: _, ...filter } = query;
    return sendPage(
      c,
      <FilingListPage
        rows={await filingRows(store(), query)}
        filter={filter}
        staff={
          mayWrite
            ? { form: form ?? emptyFileForm(query.kommun), errors }
            : { signIn: signInHref(filingListHref(filter)) }
        }
      />,
      status,
    );
  }

  app.get(filingPaths.list, (c) => listPage(c, undefined, new Map(), 200));

  app.post(filingPaths.list, async (c) => {
    const form = readFileForm(sourceFromBody(await c.req.parseBody({ all: true })));
    const caller = await signedInCaller(c, "write");
    if (!caller) return listPage(c, form, new Map(), 401);
    const { errors, filing } = checkFileForm(form);
    if (!filing) return listPage(c, form, errors, 422);
    try {
      const saved = await actingAs(caller.actor, () => store().addFiling(filing));
      ctx.changed();
      return c.redirect(`${filingHref(saved.id)}?${savedParam}=1`, 303);
    } catch (e) {
      return listPage(c, form, new Map([["form", { text: problemText(e) }]]), 422);
    }
  });

  app.get(filingPaths.create, async (c) => {
    const form = readFileForm(sourceFromQuery(new URL(c.req.url).searchParams));
    const mayWrite = (await signedInCaller(c, "write")) !== undefined;
    const here = `${filingPaths.create}${new URL(c.req.url).search}`;
    return sendPage(c, <FileFormPage staff={mayWrite ? { form, errors: new Map() } : { signIn: signInHref(here) }} />);
  });

  app.get(filingPaths.calendar, async (c) => {
    const ics = await filingCalendar(store(), queryOf(c));
    return c.body(ics, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="arenden.ics"',
    });
  });

  registerMeetingPages(app, ctx);

  const filingPage: FilingPageOf = async (c, id, form, errors, status, followUp) => {
    const filing = filingToChange(await store().filings(), id);
    const query = queryOf(c);
    const today = query.idag ?? todayInSweden();
    const row = (await filingRows(store(), { kommun: filing.municipality.code, idag: today })).find(
      (r) => r.id === id,
    )!;
    const mayWrite = (await signedInCaller(c, "write")) !== undefined;
    const refusal = mayWrite ? followUpRefusal(filing, await store().meetings(), today) : undefined;
    const choices: StepFormChoices = {
      steps: currentSteps(filing).map((s) => ({
        seq: s.seq,
        label: t.stepForm.stepLabel(s.seq, t.stepForm.kinds[s.step.kind], formatDate(s.step.date)),
      })),
      keys: mayWrite ? typableKeys(await ctx.workspace.catalog()) : [],
      motion: filing.kind === "motion",
    };
    return sendPage(
      c,
      <FilingPage
        filing={filing}
        row={row}
        saved={savedNotice(c)}
        staff={
          mayWrite
            ? {
                form: form ?? emptyStepForm(),
                errors,
                choices,
                followUp: refusal ? { refusal } : (followUp ?? { till: "", errors: new Map() }),
              }
            : { signIn: signInHref(filingHref(id)) }
        }
      />,
      status,
    );
  };

  app.get(filingPaths.one, (c) => filingPage(c, c.req.param("id"), undefined, new Map(), 200));

  app.post(filingPaths.step, async (c) => {
    const id = c.req.param("id");
    const form = readStepForm(sourceFromBody(await c.req.parseBody({ all: true })));
    const caller = await signedInCaller(c, "write");
    if (!caller) return filingPage(c, id, form, new Map(), 401);
    const filing = filingToChange(await store().filings(), id);
    const { errors, event } = checkStepForm(form, filing);
    if (!event) return filingPage(c, id, form, errors, 422);
    const decision = checkDecisionEffects(form, event, filing, caller.actor, await ctx.workspace.catalog());
    if (!decision.effects && decision.errors.size) return filingPage(c, id, form, decision.errors, 422);
    const effects = decision.effects ?? { facts: [], documents: [] };
    const extra = effects.facts.length > 0 || effects.documents.length > 0;
    try {
      // The step, its facts and its corpus record in one write: all of them, or none.
      if (extra) await actingAs(caller.actor, () => store().recordDecision(id, event, effects));
      else await actingAs(caller.actor, () => store().addFilingEvent(id, event));
      ctx.changed();
      const told = `&uppgifter=${effects.facts.length}${effects.documents.length ? "&korpus=1" : ""}`;
      if (extra) return c.redirect(`${filingHref(id)}?${savedParam}=1${told}`, 303);
      return c.redirect(`${filingHref(id)}?${savedParam}=1`, 303);
    } catch (e) {
      return filingPage(c, id, form, stepProblem(e), 422);
    }
  });

  registerFollowUpPages(app, ctx, { filingPage, today: (c) => queryOf(c).idag ?? todayInSweden() });
}
