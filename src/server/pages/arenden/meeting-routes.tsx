/**
 * The council meetings of a municipality, the dates deadlines are counted to:
 *
 *   GET  /arenden/sammantraden?kommun=…   the known meetings; for staff who may write, the forms
 *   POST /arenden/sammantraden            one meeting (kommun, datum, organ)
 *   POST /arenden/sammantraden/fil        a CSV or iCalendar file (kommun, fil, organ)
 *
 * Each write runs as the caller, adds only the meetings not yet known, and redirects to the list
 * saying how many were added (?sparat=1&nya=…&av=…).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { municipalityNamed } from "../../../data/places.js";
import type { CouncilMeeting } from "../../../domain/filing.js";
import { actingAs } from "../../../store/actor-context.js";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { sv } from "../../messages.sv.js";
import { signedInCaller } from "../../staff-session.js";
import { formGuards } from "../frame/guards.js";
import { sendPage } from "../frame/layout.js";
import type { FieldErrors } from "../kit/form.js";
import { sourceFromBody } from "../kit/form-source.js";
import { signInHref } from "../staff/tools.js";
import { problemText } from "./forms.js";
import { checkMeetingFile, checkMeetingForm, readMeetingForm, type MeetingForm } from "./meeting-forms.js";
import { MeetingsPage } from "./meetings-page.js";
import { filingPaths, meetingsHref } from "./paths.js";

const t = sv.filings.meetings;

export function registerMeetingPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  const store = () => ctx.workspace.store;
  app.use(filingPaths.meetings, ...formGuards(ctx));
  app.use(filingPaths.meetingsImport, ...formGuards(ctx));

  async function page(
    c: Context<AppEnv>,
    kommun: string,
    form: MeetingForm | undefined,
    errors: { add?: FieldErrors; file?: FieldErrors },
    status: number,
  ) {
    const place = kommun ? municipalityNamed(kommun) : undefined;
    const meetings = place
      ? (await store().meetings())
          .filter((m) => m.municipality.code === place.code)
          .sort((a, b) => a.date.localeCompare(b.date) || a.body.localeCompare(b.body, "sv"))
      : [];
    const mayWrite = (await signedInCaller(c, "write")) !== undefined;
    const q = (k: string) => Number(c.req.query(k)) || 0;
    const saved = c.req.query("sparat") === "1" ? t.added(q("nya"), q("av")) : "";
    return sendPage(
      c,
      <MeetingsPage
        place={place}
        meetings={meetings}
        saved={saved}
        staff={
          mayWrite
            ? {
                form: form ?? { kommun: place?.name ?? kommun, datum: "", organ: "kommunfullmäktige" },
                errors: errors.add ?? new Map(),
                fileErrors: errors.file ?? new Map(),
              }
            : { signIn: signInHref(meetingsHref(kommun || undefined)) }
        }
      />,
      status,
    );
  }

  /** Adds what is new, as the caller, and goes back to the list saying how many. */
  async function add(c: Context<AppEnv>, actor: Parameters<typeof actingAs>[0], meetings: CouncilMeeting[]) {
    const added = await actingAs(actor, () => store().addMeetings(meetings));
    ctx.changed();
    const kommun = meetings[0]!.municipality.name;
    return c.redirect(`${meetingsHref(kommun)}&sparat=1&nya=${added.length}&av=${meetings.length}`, 303);
  }

  app.get(filingPaths.meetings, (c) => page(c, (c.req.query("kommun") ?? "").trim(), undefined, {}, 200));

  app.post(filingPaths.meetings, async (c) => {
    const form = readMeetingForm(sourceFromBody(await c.req.parseBody({ all: true })));
    const caller = await signedInCaller(c, "write");
    if (!caller) return page(c, form.kommun, form, {}, 401);
    const { errors, meeting } = checkMeetingForm(form);
    if (!meeting) return page(c, form.kommun, form, { add: errors }, 422);
    try {
      return await add(c, caller.actor, [meeting]);
    } catch (e) {
      return page(c, form.kommun, form, { add: new Map([["form", { text: problemText(e) }]]) }, 422);
    }
  });

  app.post(filingPaths.meetingsImport, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const form = readMeetingForm(sourceFromBody(body));
    const caller = await signedInCaller(c, "write");
    if (!caller) return page(c, form.kommun, form, {}, 401);
    const file = Array.isArray(body.fil) ? body.fil.at(-1) : body.fil;
    const { errors, meetings } = await checkMeetingFile(form, file);
    if (!meetings) return page(c, form.kommun, form, { file: errors }, 422);
    try {
      return await add(c, caller.actor, meetings);
    } catch (e) {
      return page(c, form.kommun, form, { file: new Map([["form", { text: problemText(e) }]]) }, 422);
    }
  });
}
