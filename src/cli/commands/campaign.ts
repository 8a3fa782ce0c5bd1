import type { Command } from "commander";
import { z } from "../../domain/zod.js";
import { isoDateSchema } from "../../domain/partial-date.js";
import { action, exitCodes, parseOptions, UsageError, type OptionNames } from "../run.js";
import { databaseUrlFlag, openWorkspace, sharedOption, workspaceOptions } from "../shared-options.js";
import { texts } from "../messages.sv.js";
import { collect, parseFormats, parseSets, readAuthors, withOwnProblems } from "../option-values.js";

const t = texts.campaign;

const optionsSchema = z.object({
  template: z.string().min(1),
  lan: z.array(z.string()).default([]),
  kommun: z.array(z.string()).default([]),
  where: z.array(z.string()).default([]),
  require: z.array(z.string()).default([]),
  author: z.array(z.string()).min(1),
  date: isoDateSchema.optional(),
  set: z.array(z.string()).default([]),
  format: z.string().default("docx,pdf"),
  out: z.string().min(1),
  zip: z.boolean().default(false),
  json: z.boolean().default(false),
  workers: z.string().optional(),
  strict: z.boolean().default(false),
  db: z.string().optional(),
  databaseUrl: databaseUrlFlag,
  templates: z.string().optional(),
});

function parseWorkers(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = z.coerce.number().int().min(1).max(64).safeParse(v.trim());
  if (!n.success || v.trim() === "") throw new UsageError(t.workersInvalid(v));
  return n.data;
}

/** A TTY gets a progress bar; a pipe or a file gets one plain line per municipality; --json gets nothing. */
async function progressReporter(json: boolean) {
  if (json) return { update: (..._: unknown[]) => {}, stop: () => {} };
  if (process.stdout.isTTY) {
    // cli-progress is CommonJS: its classes sit on the default export once bundled.
    const mod = (await import("cli-progress")) as typeof import("cli-progress") & {
      default?: typeof import("cli-progress");
    };
    const SingleBar = mod.SingleBar ?? mod.default!.SingleBar;
    const bar = new SingleBar({
      format: t.bar,
      stream: process.stdout,
      hideCursor: true,
      clearOnComplete: false,
      barsize: 30,
    });
    let started = false;
    return {
      update(line: string, done: number, total: number, place: string, notable: boolean) {
        if (!started) bar.start(total, 0, { kommun: "" });
        started = true;
        // Skipped and failed municipalities stay on screen above the bar.
        if (notable) process.stdout.write(`\r\x1b[K${line}\n`);
        bar.update(done, { kommun: place });
      },
      stop: () => started && bar.stop(),
    };
  }
  return {
    update: (line: string, done: number, total: number) => void process.stdout.write(`${t.line(done, total, line)}\n`),
    stop: () => {},
  };
}

/** The option each field of the campaign request comes from, for messages naming every problem. */
const optionNames: OptionNames = {
  template: "--template",
  counties: "--lan",
  municipalities: "--kommun",
  where: "--where",
  require: "--require",
  authors: "--author",
  date: "--date",
  formats: "--format",
};

export function registerCampaign(program: Command): void {
  program
    .command("campaign")
    .summary(t.summary)
    .description(t.summary)
    .requiredOption("-t, --template <id>", t.template)
    .option("-l, --lan <län>", t.lan, collect)
    .option("-k, --kommun <kommun>", t.kommun, collect)
    .option("-w, --where <villkor>", t.where, collect)
    .option("--require <nyckel>", t.require, collect)
    .requiredOption("-a, --author <text>", t.author, collect)
    .option("-d, --date <ÅÅÅÅ-MM-DD>", t.date)
    .option("-s, --set <namn=värde>", t.set, collect)
    .option("-f, --format <lista>", t.format, "docx,pdf")
    .requiredOption("-o, --out <mapp>", t.out)
    .option("--zip", t.zip, false)
    .addOption(sharedOption.json())
    .option("--workers <n>", t.workers)
    .option("--strict", t.strict, false)
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .addOption(sharedOption.templates())
    .addHelpText("after", t.examples)
    .action(
      action(async (raw: unknown) => {
        const o = parseOptions(optionsSchema, raw);
        const formats = parseFormats(o.format);
        const workers = parseWorkers(o.workers);
        const ws = await openWorkspace(o);
        // The campaign's worker threads open the same workspace.
        const workspace = workspaceOptions(o);
        const { planFor, writeCampaign, threadsFor } = await import("../../campaign/index.js");
        const { authors, problems } = readAuthors(o.author);
        const plan = await withOwnProblems(problems, () =>
          planFor(ws, {
            template: o.template,
            counties: o.lan,
            municipalities: o.kommun
              .flatMap((k) => k.split(","))
              .map((k) => k.trim())
              .filter(Boolean),
            where: o.where,
            require: o.require,
            authors,
            ...(o.date ? { date: o.date } : {}),
            inputs: parseSets(o.set),
            formats,
            strict: o.strict,
          }),
        );
        const threads = threadsFor(workers, plan.places.length);
        if (!o.json) process.stdout.write(`${t.selected(plan.places.length, threads)}\n`);
        const progress = await progressReporter(o.json);
        const started = performance.now();
        const result = await writeCampaign(plan, {
          ws,
          workspaceOptions: workspace,
          ...(workers !== undefined ? { workers } : {}),
          outDir: o.out,
          zip: o.zip,
          onRow: (row, done, total) => {
            const line =
              row.status === "written"
                ? t.wrote(row.municipality, row.files.length, row.citations, row.placeholders.length, row.checks.length)
                : row.status === "skipped"
                  ? t.skipped(row.municipality, row.reason ?? "")
                  : t.failed(row.municipality, row.reason ?? "");
            progress.update(line, done, total, row.municipality, row.status !== "written");
          },
        }).finally(() => progress.stop());
        const { summary } = result;
        const c = summary.counts;
        if (c.skipped + c.failed > 0) process.exitCode = exitCodes.someSkipped;
        if (o.json) {
          process.stdout.write(
            `${JSON.stringify(
              {
                ...summary,
                files: {
                  dir: result.dir,
                  csv: result.csv,
                  json: result.json,
                  ...(result.zip ? { zip: result.zip } : {}),
                },
              },
              null,
              2,
            )}\n`,
          );
          return;
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1).replace(".", ",");
        process.stdout.write(`${t.done(c, seconds)}\n`);
        const toDo = summary.municipalities.filter(
          (r) => r.status === "written" && r.placeholders.length + r.checks.length > 0,
        ).length;
        if (toDo > 0) process.stdout.write(`${t.toDo(toDo)}\n`);
        process.stdout.write(result.zip ? `${t.zipFile} ${result.zip}\n` : `${t.folder} ${result.dir}\n`);
        process.stdout.write(`${t.summaryFiles} ${result.csv}\n  ${result.json}\n`);
      }, optionNames),
    );
}
