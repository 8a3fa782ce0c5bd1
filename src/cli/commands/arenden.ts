/**
 * `motionera arenden`: filed documents (ärenden) — the list with status and days left, a new
 * filing, each step (refer, answer, decide) and corrections, the history, council meetings, the
 * iCalendar feed and the follow-up draft. The command reads options and hands them to the store
 * and src/filings; writes run as the CLI with the OS user and are in the audit log.
 */
import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { z } from "../../domain/zod.js";
import { isoDateSchema } from "../../domain/partial-date.js";
import { filingDecisionSchema, filingKindSchema, type Filing, type FilingStep } from "../../domain/filing.js";
import { findMunicipality } from "../../data/places.js";
import { formatDate, formatDateTime, todayInSweden } from "../../lang/dates.js";
import { auditTexts } from "../../messages.sv.js";
import { deadlinesOf, selectFilings, type Deadline } from "../../filings/deadlines.js";
import { deadlineCalendar } from "../../filings/calendar.js";
import { filingWords, stepSentence } from "../../filings/messages.sv.js";
import { deadlineRow } from "../../filings/overview.js";
import type { DecisionEffects } from "../../store/store.js";
import { decisionEffects } from "../../filings/decision-facts.js";
import { draftFiling } from "../../filings/draft-filing.js";
import { storeCatalog } from "../../facts/fact-catalog.js";
import { currentActor } from "../../store/actor-context.js";
import { filingToChange } from "../../store/filing-writes.js";
import type { Workspace } from "../../workspace.js";
import { collect, readAuthors } from "../option-values.js";
import { throwProblems } from "../../domain/field-problem.js";
import { MotioneraError } from "../../domain/errors.js";
import { action, parseOptions, UsageError } from "../run.js";
import {
  databaseUrlFlag,
  openWorkspace,
  optionsWithParent,
  printAnswer,
  sharedOption,
  storeOptions,
  subcommand,
} from "../shared-options.js";
import { texts } from "../messages.sv.js";
import { textTable } from "../text-table.js";
import { registerFollowUp } from "./arenden-follow-up.js";

const t = texts.arenden;

const base = { json: z.boolean().default(false), db: z.string().optional(), databaseUrl: databaseUrlFlag };
const selection = {
  kommun: z.string().trim().min(1).optional(),
  signer: z.string().trim().min(1).optional(),
  party: z.string().trim().min(1).optional(),
};
const listSchema = z.object({ ...base, ...selection, today: isoDateSchema.optional() });
const correction = {
  corrects: z.coerce.number().int().positive().optional(),
  reason: z.string().trim().min(1).optional(),
};
const addSchema = z.object({
  ...base,
  kind: filingKindSchema.optional(),
  title: z.string().optional(),
  kommun: z.string().trim().min(1).optional(),
  author: z.array(z.string()).default([]),
  filed: isoDateSchema.optional(),
  dnr: z.string(),
  utkast: z.string().optional(),
  body: z.string().default("kommunfullmäktige"),
});
const referSchema = z.object({ ...base, ...correction, date: isoDateSchema, to: z.string() });
const answerSchema = z.object({
  ...base,
  ...correction,
  date: isoDateSchema,
  by: z.string(),
  text: z.string().optional(),
  file: z.string().optional(),
});
const decideSchema = z.object({
  ...base,
  ...correction,
  date: isoDateSchema,
  decision: filingDecisionSchema,
  protocolTitle: z.string(),
  publisher: z.string(),
  protocolDate: isoDateSchema.optional(),
  url: z.string().optional(),
  paragraph: z.string().optional(),
  corpus: z.boolean().default(false),
  fact: z.array(z.string()).default([]),
});
const refileSchema = z.object({
  ...base,
  reason: z.string().trim().min(1).optional(),
  filed: isoDateSchema.optional(),
  dnr: z.string().optional(),
  body: z.string().optional(),
});
const meetingsSchema = z.object({ ...base, kommun: z.string().trim().min(1).optional() });
const meetingsAddSchema = z.object({
  ...base,
  kommun: z.string().trim().min(1),
  body: z.string().default("kommunfullmäktige"),
});
const calendarSchema = z.object({ ...base, ...selection, out: z.string().optional(), today: isoDateSchema.optional() });

/** A file the user named, as UTF-8 text, or a clear message that it is not there. */
const readText = (file: string) =>
  readFile(file, "utf8").catch(() => {
    throw new UsageError(`${file}: ${texts.fileMissing}`);
  });

const place = (query: string) => {
  const m = findMunicipality(query);
  return { code: m.code, name: m.name };
};

function listText(deadlines: readonly Deadline[]): string {
  if (deadlines.length === 0) return t.none;
  const c = t.columns;
  const rows = deadlines.map((d) => {
    const row = deadlineRow(d);
    const left = d.closed
      ? t.closed
      : d.overdue
        ? t.overdue(-(d.daysLeft ?? 0))
        : d.daysLeft !== undefined
          ? t.daysLeft(d.daysLeft)
          : "–";
    return [
      row.id,
      filingWords.kind[row.kind],
      row.title.length > 40 ? `${row.title.slice(0, 39)}…` : row.title,
      row.dnr,
      filingWords.status[row.status],
      row.due ?? t.noMeeting,
      left,
    ];
  });
  const lines = [textTable([[c.id, c.kind, c.title, c.dnr, c.status, c.due, c.left], ...rows])];
  const overdue = deadlines.filter((d) => d.overdue).length;
  if (overdue) lines.push("", t.overdueCount(overdue));
  if (deadlines.some((d) => !d.closed && d.due === undefined)) lines.push("", t.noMeetingHint);
  return lines.join("\n");
}

function historyText(filing: Filing): string {
  const lines = [`${filing.title} (${filingWords.kind[filing.kind]}, ${filing.municipality.name})`, ""];
  for (const e of filing.events) {
    const what = e.corrects !== undefined ? `${t.historyCorrection(e.corrects, e.reason)}: ` : "";
    lines.push(
      `${String(e.seq).padStart(3)}. ${what}${stepSentence(e.step)} ${t.historyRecorded(
        formatDateTime(e.at),
        auditTexts.actor(e.by),
      )}`,
    );
  }
  return lines.join("\n");
}

/** The options every command of a step takes: the shared ones and a correction. */
function stepCommand(parent: Command, name: string, summary: string): Command {
  return storeOptions(
    subcommand(parent, name, summary)
      .argument("<id>", t.id)
      .requiredOption("--date <datum>", t.stepDate)
      .option("--corrects <steg>", t.corrects)
      .option("--reason <text>", t.reason),
  );
}

type StepOptions = {
  json: boolean;
  db?: string | undefined;
  databaseUrl?: string | undefined;
  corrects?: number;
  reason?: string;
};

const stepEvent = (o: StepOptions, step: FilingStep) => ({
  step,
  ...(o.corrects !== undefined ? { corrects: o.corrects } : {}),
  ...(o.reason !== undefined ? { reason: o.reason } : {}),
});

async function recordStep(
  o: StepOptions,
  id: string,
  step: FilingStep,
  opened?: Workspace,
  effects?: DecisionEffects,
): Promise<void> {
  const ws = opened ?? (await openWorkspace(o));
  const before = filingToChange(await ws.store.filings(), id);
  const event = stepEvent(o, step);
  // A decision and what it establishes in one write: all of it is stored, or none.
  const after = effects
    ? (await ws.store.recordDecision(id, event, effects)).filing
    : await ws.store.addFilingEvent(id, event);
  printAnswer(o.json, after, () =>
    after.events.length === before.events.length ? t.unchanged(id) : t.recorded(id, after.events.at(-1)!.seq),
  );
}

export function registerArenden(program: Command): void {
  const arenden = program
    .command("arenden")
    .summary(t.summary)
    .description(t.description)
    .option("-k, --kommun <kommun>", t.kommun)
    .option("--signer <namn>", t.signer)
    .option("--party <parti>", t.party)
    .option("--today <datum>", t.today)
    .addOption(sharedOption.json())
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .addHelpText("after", t.examples)
    .action(
      action(async (_opts: unknown, cmd: Command) => {
        const o = parseOptions(listSchema, cmd.opts());
        const ws = await openWorkspace(o);
        const chosen = selectFilings(await ws.store.filings(), {
          signer: o.signer,
          party: o.party,
          municipality: o.kommun ? place(o.kommun).code : undefined,
        });
        const deadlines = deadlinesOf(chosen, await ws.store.meetings(), o.today ?? todayInSweden());
        printAnswer(o.json, deadlines.map(deadlineRow), () => listText(deadlines));
      }),
    );

  storeOptions(
    subcommand(arenden, "add", t.addSummary)
      .option("--utkast <fil.json>", t.utkast)
      .option("--kind <slag>", t.kind)
      .option("--title <text>", t.title)
      .option("-k, --kommun <kommun>", t.kommun)
      .option("-a, --author <text>", t.author, collect)
      .option("--filed <datum>", t.filed)
      .requiredOption("--dnr <diarienummer>", t.dnr)
      .option("--body <organ>", t.body),
  ).action(
    action(
      async (_opts: unknown, cmd: Command) => {
        const o = parseOptions(addSchema, optionsWithParent(cmd));
        const draft = o.utkast ? draftFiling(await readText(o.utkast), o.utkast, o.kommun) : undefined;
        const { authors, problems } = readAuthors(o.author);
        throwProblems(problems);
        const need = <T>(value: T | undefined, flag: string): T => {
          if (value === undefined) throw new UsageError(t.missingWithoutDraft(flag));
          return value;
        };
        const filing = {
          kind: need(o.kind ?? draft?.kind, "--kind"),
          title: need(o.title ?? draft?.title, "--title"),
          municipality: need(o.kommun ? place(o.kommun) : draft?.municipality, "--kommun"),
          signers: need(authors.length ? authors : draft?.signers, "--author"),
          filed: { kind: "filed" as const, date: need(o.filed ?? draft?.date, "--filed"), dnr: o.dnr, body: o.body },
        };
        const ws = await openWorkspace(o);
        const added = await ws.store.addFiling(filing);
        printAnswer(o.json, added, () => `${t.added(added.id)}\n${t.nextSteps(added.id)}`);
      },
      {
        title: "--title",
        signers: "--author",
        authors: "--author",
        filed: "--filed",
        municipality: "--kommun",
        utkast: "--utkast",
      },
    ),
  );

  stepCommand(arenden, "refer", t.referSummary)
    .requiredOption("--to <nämnd>", t.referTo)
    .action(
      action(
        async (id: string, _opts: unknown, cmd: Command) => {
          const o = parseOptions(referSchema, optionsWithParent(cmd));
          await recordStep(o, id, { kind: "referred", date: o.date, committee: o.to });
        },
        { corrects: "--corrects", step: "--to" },
      ),
    );

  stepCommand(arenden, "answer", t.answerSummary)
    .requiredOption("--by <namn>", t.answerBy)
    .option("--text <svar>", t.answerText)
    .option("--file <fil>", t.answerFile)
    .action(
      action(
        async (id: string, _opts: unknown, cmd: Command) => {
          const o = parseOptions(answerSchema, optionsWithParent(cmd));
          await recordStep(o, id, {
            kind: "answered",
            date: o.date,
            by: o.by,
            ...(o.text !== undefined ? { answer: o.text } : {}),
            ...(o.file !== undefined ? { file: o.file } : {}),
          });
        },
        { corrects: "--corrects", step: "--date" },
      ),
    );

  stepCommand(arenden, "decide", t.decideSummary)
    .requiredOption("--decision <beslut>", t.decision)
    .requiredOption("--protocol-title <titel>", t.protocolTitle)
    .requiredOption("--publisher <utgivare>", t.publisher)
    .option("--protocol-date <datum>", t.protocolDate)
    .option("--url <adress>", t.url)
    .option("--paragraph <paragraf>", t.paragraph)
    .option("--corpus", t.corpus)
    .option("--fact <nyckel=värde>", t.fact, collect, [])
    .action(
      action(
        async (id: string, _opts: unknown, cmd: Command) => {
          const o = parseOptions(decideSchema, optionsWithParent(cmd));
          const step: Extract<FilingStep, { kind: "decided" }> = {
            kind: "decided",
            date: o.date,
            decision: o.decision,
            protocol: {
              title: o.protocolTitle,
              publisher: o.publisher,
              date: o.protocolDate ?? o.date,
              ...(o.url !== undefined ? { url: o.url } : {}),
              ...(o.paragraph !== undefined ? { paragraph: o.paragraph } : {}),
            },
          };
          const ws = await openWorkspace(o);
          // Everything checked before anything is written: the step, its facts and its corpus record.
          const { planned, effects, problems } = decisionEffects(
            filingToChange(await ws.store.filings(), id),
            { ...stepEvent(o, step), step },
            currentActor(),
            o.fact,
            o.corpus,
            await storeCatalog(ws.store),
          );
          // Always as a list, so each problem names the --fact it concerns.
          if (problems.length > 0) throw new MotioneraError({ code: "request_invalid", problems });
          await recordStep(o, id, step, ws, effects);
          const [record] = effects.documents;
          if (!o.json && effects.facts.length > 0)
            process.stdout.write(`${t.factsAdded(effects.facts.length, planned.municipality.name)}\n`);
          if (!o.json && record) process.stdout.write(`${t.corpusAdded(record.id)}\n`);
        },
        { corrects: "--corrects", step: "--decision", fact: "--fact" },
      ),
    );

  storeOptions(
    subcommand(arenden, "refile", t.refileSummary)
      .argument("<id>", t.id)
      .option("--filed <datum>", t.filed)
      .option("--dnr <diarienummer>", t.dnr)
      .option("--body <organ>", t.body)
      .option("--reason <text>", t.reason),
  ).action(
    action(
      async (id: string, _opts: unknown, cmd: Command) => {
        const o = parseOptions(refileSchema, optionsWithParent(cmd));
        const ws = await openWorkspace(o);
        const filed = filingToChange(await ws.store.filings(), id).events[0]!.step;
        const now = filed.kind === "filed" ? filed : undefined;
        await recordStep({ ...o, corrects: 1 }, id, {
          kind: "filed",
          date: o.filed ?? now?.date ?? "",
          dnr: o.dnr ?? now?.dnr ?? "",
          body: o.body ?? now?.body ?? "",
        });
      },
      { step: "--filed" },
    ),
  );

  storeOptions(subcommand(arenden, "history", t.historySummary).argument("<id>", t.id)).action(
    action(async (id: string, _opts: unknown, cmd: Command) => {
      const o = parseOptions(z.object(base), optionsWithParent(cmd));
      const ws = await openWorkspace(o);
      const filing = filingToChange(await ws.store.filings(), id);
      printAnswer(o.json, filing, () => historyText(filing));
    }),
  );

  const meetings = storeOptions(
    subcommand(arenden, "meetings", t.meetingsSummary).option("-k, --kommun <kommun>", t.meetingsKommun),
  ).action(
    action(async (_opts: unknown, cmd: Command) => {
      const o = parseOptions(meetingsSchema, optionsWithParent(cmd));
      const ws = await openWorkspace(o);
      const code = o.kommun ? place(o.kommun).code : undefined;
      const all = (await ws.store.meetings()).filter((m) => code === undefined || m.municipality.code === code);
      const sorted = [...all].sort((a, b) => a.date.localeCompare(b.date));
      printAnswer(o.json, sorted, () =>
        sorted.length === 0
          ? t.meetingsNone
          : sorted.map((m) => `${m.date}  ${formatDate(m.date)}  ${m.body}, ${m.municipality.name}`).join("\n"),
      );
    }),
  );

  storeOptions(
    subcommand(meetings, "add", t.meetingsAddSummary)
      .argument("<datum...>", t.meetingsDates)
      .requiredOption("-k, --kommun <kommun>", t.meetingsKommun)
      .option("--body <organ>", t.meetingsBody),
  ).action(
    action(async (dates: string[], _opts: unknown, cmd: Command) => {
      const o = parseOptions(meetingsAddSchema, optionsWithParent(cmd));
      const where = place(o.kommun);
      const ws = await openWorkspace(o);
      const added = await ws.store.addMeetings(dates.map((date) => ({ municipality: where, date, body: o.body })));
      printAnswer(o.json, added, () => t.meetingsAdded(added.length, dates.length));
    }),
  );

  storeOptions(
    subcommand(meetings, "import", t.meetingsImportSummary)
      .argument("<fil>", t.meetingsFile)
      .requiredOption("-k, --kommun <kommun>", t.meetingsKommun)
      .option("--body <organ>", t.meetingsBody),
  ).action(
    action(async (file: string, _opts: unknown, cmd: Command) => {
      const o = parseOptions(meetingsAddSchema, optionsWithParent(cmd));
      const where = place(o.kommun);
      const text = await readText(file);
      // Loaded here: the iCalendar reader is not needed by any other command.
      const { meetingsFromFile } = await import("../../filings/meeting-files.js");
      const read = meetingsFromFile(text, file, where, o.body);
      const ws = await openWorkspace(o);
      const added = await ws.store.addMeetings(read);
      printAnswer(o.json, added, () => t.meetingsAdded(added.length, read.length));
    }),
  );

  storeOptions(
    subcommand(arenden, "calendar", t.calendarSummary)
      .option("-k, --kommun <kommun>", t.kommun)
      .option("--signer <namn>", t.signer)
      .option("--party <parti>", t.party)
      .option("--out <fil>", t.calendarOut)
      .option("--today <datum>", t.today),
    false,
  ).action(
    action(async (_opts: unknown, cmd: Command) => {
      const o = parseOptions(calendarSchema, optionsWithParent(cmd));
      const ws = await openWorkspace(o);
      const where = o.kommun ? place(o.kommun) : undefined;
      const chosen = selectFilings(await ws.store.filings(), {
        signer: o.signer,
        party: o.party,
        municipality: where?.code,
      });
      const codes = new Set(chosen.map((f) => f.municipality.code));
      const meetings = (await ws.store.meetings()).filter(
        (m) => codes.has(m.municipality.code) || m.municipality.code === where?.code,
      );
      const deadlines = deadlinesOf(chosen, meetings, o.today ?? todayInSweden());
      const who = t.calendarWho({
        ...(o.signer ? { signer: o.signer } : {}),
        ...(o.party ? { party: o.party } : {}),
        ...(where ? { place: where.name } : {}),
      });
      const ics = deadlineCalendar(deadlines, meetings, who);
      if (!o.out) {
        process.stdout.write(ics);
        return;
      }
      await writeFile(o.out, ics, "utf8");
      process.stdout.write(`${t.calendarWrote(o.out, (ics.match(/^BEGIN:VEVENT/gm) ?? []).length)}\n`);
    }),
  );

  registerFollowUp(arenden);
}
