/**
 * The follow-up interpellation of an ärende, for staff with the write role (nothing is stored:
 * it is a draft, composed as `motionera arenden follow-up` composes it, through followUpRequest):
 *
 *   GET /arenden/<id>/uppfoljning?till=…        the preview, with what to fill in and check
 *   GET /arenden/<id>/uppfoljning.docx?till=…   the draft as Word (.pdf: as PDF)
 *
 * Without "till", or when there is nothing to follow up, the ärende's page says why (422).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { isMotioneraError } from "../../../domain/errors.js";
import { followUpRequest } from "../../../filings/follow-up-request.js";
import type { Format } from "../../../render/index.js";
import { filingToChange } from "../../../store/filing-writes.js";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { draftDownload, renderDraftFor } from "../../drafting.js";
import { webFactWording } from "../../fact-wording.js";
import { sv } from "../../messages.sv.js";
import { signedInCaller } from "../../staff-session.js";
import { sendPage } from "../frame/layout.js";
import type { FieldErrors } from "../kit/form.js";
import { signInHref } from "../staff/tools.js";
import { FollowUpPage, type FollowUpBox } from "./follow-up-page.js";
import { problemText, type StepForm } from "./forms.js";
import { filingPaths } from "./paths.js";

const t = sv.filings;

/** The ärende's page, with the follow-up form as given (its errors shown). */
export type FilingPageOf = (
  c: Context<AppEnv>,
  id: string,
  form: StepForm | undefined,
  errors: FieldErrors,
  status: number,
  followUp?: FollowUpBox,
) => Promise<Response>;

export function registerFollowUpPages(
  app: OpenAPIHono<AppEnv>,
  ctx: ServerContext,
  pages: { filingPage: FilingPageOf; today: (c: Context<AppEnv>) => string },
): void {
  const { filingPage } = pages;
  const ws = () => ctx.workspace;

  /** The request for this ärende and addressee, or the response that says why there is none. */
  async function prepare(c: Context<AppEnv>) {
    const id = c.req.param("id") ?? "";
    const till = (c.req.query("till") ?? "").trim();
    const here = new URL(c.req.url);
    if (!(await signedInCaller(c, "write"))) return c.redirect(signInHref(`${here.pathname}${here.search}`), 303);
    const filing = filingToChange(await ws().store.filings(), id);
    const again = (text: string, k = "till") =>
      filingPage(c, id, undefined, new Map(), 422, {
        till,
        errors: new Map([[k, { text, label: k === "till" ? t.followUp.till.label : undefined }]]),
      });
    if (!till) return again(t.errors.required);
    try {
      const asked = followUpRequest(filing, await ws().store.meetings(), {
        addressee: till,
        date: pages.today(c),
      });
      return { filing, till, ...asked, again };
    } catch (e) {
      return again(problemText(e), "form");
    }
  }

  app.get(filingPaths.followUp, async (c) => {
    const got = await prepare(c);
    if (got instanceof Response) return got;
    try {
      const r = await renderDraftFor(ws(), got.request, "html-fragment", undefined, {
        ...got.options,
        wording: webFactWording(""),
      });
      return sendPage(c, <FollowUpPage filing={got.filing} till={got.till} html={String(r.body)} review={r.review} />);
    } catch (e) {
      if (!isMotioneraError(e)) throw e;
      return got.again(problemText(e), "form");
    }
  });

  for (const format of ["docx", "pdf"] as const satisfies readonly Format[])
    app.get(`${filingPaths.followUp}.${format}`, async (c) => {
      const got = await prepare(c);
      if (got instanceof Response) return got;
      const wording = webFactWording(new URL(c.req.url).origin);
      try {
        const r = await renderDraftFor(ws(), got.request, format, ctx.render, { ...got.options, wording });
        return draftDownload(c, r, wording);
      } catch (e) {
        if (!isMotioneraError(e)) throw e;
        return got.again(problemText(e), "form");
      }
    });
}
