/**
 * `motionera arenden follow-up <id>`: the follow-up interpellation in one step, through the
 * normal template pipeline (templates/interpellation/uppfoljning-arende.hbs): the filed document
 * and its history cited as sources, the status and questions from its deadline (src/filings/follow-up.ts).
 */
import type { Command } from "commander";
import { z } from "../../domain/zod.js";
import { isoDateSchema } from "../../domain/partial-date.js";
import { explainWarning, reviewLines } from "../../messages.sv.js";
import { writeDraftFiles } from "../../files/draft-files.js";
import { todayInSweden } from "../../lang/dates.js";
import { followUpRequest } from "../../filings/follow-up-request.js";
import { filingToChange } from "../../store/filing-writes.js";
import { action, parseOptions } from "../run.js";
import { collect, parseFormats, readAuthors, withOwnProblems } from "../option-values.js";
import { databaseUrlFlag, openWorkspace, optionsWithParent, sharedOption } from "../shared-options.js";
import { texts } from "../messages.sv.js";

const t = texts.arenden;

const schema = z.object({
  addressee: z.string(),
  author: z.array(z.string()).default([]),
  date: isoDateSchema.optional(),
  format: z.string().default("docx,pdf"),
  out: z.string().min(1).default("output"),
  json: z.boolean().default(false),
  db: z.string().optional(),
  databaseUrl: databaseUrlFlag,
  templates: z.string().optional(),
});

export function registerFollowUp(arenden: Command): void {
  arenden
    .command("follow-up")
    .summary(t.followUpSummary)
    .description(t.followUpSummary)
    .argument("<id>", t.id)
    .requiredOption("--addressee <vem>", t.followUpAddressee)
    .option("-a, --author <text>", t.followUpAuthor, collect)
    .option("--date <datum>", texts.draft.date)
    .option("--format <lista>", texts.draft.format, "docx,pdf")
    .option("--out <mapp>", texts.draft.out, "output")
    .addOption(sharedOption.json())
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .addOption(sharedOption.templates())
    .action(
      action(
        async (id: string, _opts: unknown, cmd: Command) => {
          const o = parseOptions(schema, optionsWithParent(cmd));
          const fmts = parseFormats(o.format);
          const ws = await openWorkspace(o);
          const filing = filingToChange(await ws.store.filings(), id);
          const meetings = await ws.store.meetings();
          const { authors, problems } = readAuthors(o.author);
          const composed = await withOwnProblems(problems, () => {
            const { request, options } = followUpRequest(filing, meetings, {
              addressee: o.addressee,
              authors,
              date: o.date ?? todayInSweden(),
            });
            return ws.compose(request, options);
          });
          const files = await writeDraftFiles(composed.draft, fmts, o.out);
          if (o.json) {
            process.stdout.write(
              `${JSON.stringify(
                {
                  title: composed.draft.meta.title,
                  filing: filing.id,
                  files,
                  citations: composed.draft.citations.length,
                  placeholders: composed.review.placeholders,
                  warnings: composed.warnings.map(explainWarning),
                },
                null,
                2,
              )}\n`,
            );
            return;
          }
          process.stdout.write(`${composed.draft.meta.title} (${composed.place.selfName})\n${texts.draft.wrote}\n`);
          for (const f of files) process.stdout.write(`  ${f.path}\n`);
          const lines = reviewLines(composed.review);
          const todo = [...lines.placeholders, ...lines.checks];
          process.stdout.write(
            todo.length ? `${texts.draft.reviewHeading}\n${todo.map((l) => `  ${l}`).join("\n")}\n` : "",
          );
        },
        { authors: "--author", inputs: "--addressee" },
      ),
    );
}
