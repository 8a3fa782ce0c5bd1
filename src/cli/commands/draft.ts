import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { z } from "../../domain/zod.js";
import { isoDateSchema } from "../../domain/partial-date.js";
import { explainWarning, reviewLines } from "../../messages.sv.js";
import { isCheck } from "../../domain/errors.js";
import { writeDraftFiles } from "../../files/draft-files.js";
import { takePdfThread } from "../../render/pdf-thread.js";
import { action, parseOptions, UsageError, type OptionNames } from "../run.js";
import { collect, parseFormats, parseSets, readAuthors, withOwnProblems } from "../option-values.js";
import { databaseUrlFlag, openWorkspace, sharedOption } from "../shared-options.js";
import { texts } from "../messages.sv.js";

const optionsSchema = z.object({
  template: z.string().min(1),
  kommun: z.string().min(1),
  author: z.array(z.string()).min(1),
  date: isoDateSchema.optional(),
  set: z.array(z.string()).default([]),
  argument: z.array(z.string()).default([]),
  format: z.string().default("docx,pdf"),
  out: z.string().min(1).default("output"),
  strict: z.boolean().default(false),
  json: z.boolean().default(false),
  verbose: z.boolean().default(false),
  db: z.string().optional(),
  databaseUrl: databaseUrlFlag,
  templates: z.string().optional(),
  text: z.string().min(1).optional(),
  writeText: z.string().min(1).optional(),
});

/** The edited text --text names (UTF-8), or a usage error naming the option. */
async function readEditedText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    throw new UsageError(`--text ${file}: ${missing ? texts.fileMissing : (e as Error).message}`);
  }
}

/** The option each field of the draft request comes from, for messages naming every problem. */
const optionNames: OptionNames = {
  template: "--template",
  municipality: "--kommun",
  authors: "--author",
  date: "--date",
  arguments: "--argument",
  strict: "--strict",
  editedMarkdown: "--text",
};

export function registerDraft(program: Command): void {
  program
    .command("draft")
    .summary(texts.draft.summary)
    .description(texts.draft.summary)
    .requiredOption("-t, --template <id>", texts.draft.template)
    .requiredOption("-k, --kommun <kommun>", texts.draft.kommun)
    .requiredOption("-a, --author <text>", texts.draft.author, collect)
    .option("-d, --date <ÅÅÅÅ-MM-DD>", texts.draft.date)
    .option("-s, --set <namn=värde>", texts.draft.set, collect)
    .option("--argument <id#nr>", texts.draft.argument, collect)
    .option("-f, --format <lista>", texts.draft.format, "docx,pdf")
    .option("-o, --out <mapp>", texts.draft.out, "output")
    .option("--strict", texts.draft.strict, false)
    .option("--text <fil.md>", texts.draft.text)
    .option("--write-text <fil.md>", texts.draft.writeText)
    .addOption(sharedOption.json())
    .option("-v, --verbose", texts.draft.verbose, false)
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .addOption(sharedOption.templates())
    .addHelpText("after", texts.draft.examples)
    .action(
      action(async (raw: unknown) => {
        const o = parseOptions(optionsSchema, raw);
        const fmts = parseFormats(o.format);
        // The PDF writer loads on the second core while the draft is composed here.
        const pdfThread = fmts.includes("pdf") ? takePdfThread() : undefined;
        const produce = async () => {
          const ws = await openWorkspace(o);
          const { authors, problems } = readAuthors(o.author);
          const editedMarkdown = o.text === undefined ? undefined : await readEditedText(o.text);
          const composed = await withOwnProblems(problems, () =>
            ws.compose({
              template: o.template,
              municipality: o.kommun,
              authors,
              ...(o.date ? { date: o.date } : {}),
              inputs: parseSets(o.set),
              arguments: o.argument,
              strict: o.strict,
              ...(editedMarkdown === undefined ? {} : { editedMarkdown }),
            }),
          );
          if (o.writeText) await writeFile(o.writeText, composed.editable.markdown, "utf8");
          const files = await writeDraftFiles(
            composed.draft,
            fmts,
            o.out,
            pdfThread ? { pdf: (d) => pdfThread.render(d) } : {},
          );
          return { composed, files };
        };
        const { composed, files } = await produce().finally(() => pdfThread?.close());
        const { review } = composed;
        const warnings = composed.warnings.filter((w) => w.code !== "fact_optional_missing").map(explainWarning);
        const missing = composed.warnings.filter((w) => w.code === "fact_optional_missing");
        if (o.json) {
          const checks = review.checks.map((c) => ({ code: c.code, message: explainWarning(c) }));
          process.stdout.write(
            `${JSON.stringify(
              {
                title: composed.draft.meta.title,
                template: o.template,
                municipality: composed.place.name,
                // What `motionera arenden add --utkast` reads to file the draft without typing it again.
                kind: composed.draft.meta.kind,
                date: composed.draft.meta.date,
                municipalityCode: composed.draft.meta.municipality.code,
                signers: composed.draft.meta.authors,
                files,
                citations: composed.draft.citations.length,
                warnings,
                missingOptionalFacts: missing.map((m) => m.key),
                placeholders: review.placeholders,
                checks,
              },
              null,
              2,
            )}\n`,
          );
          return;
        }
        // Warnings that are "kontrollera" items are listed on stdout with the review below; others go to stderr.
        for (const w of composed.warnings.filter((x) => x.code !== "fact_optional_missing" && !isCheck(x)))
          process.stderr.write(`${texts.draft.warning} ${explainWarning(w)}\n`);
        if (missing.length > 0)
          process.stderr.write(
            `${texts.draft.missingOptional(
              composed.place.name,
              missing.map((m) => m.label),
              o.verbose,
            )}\n`,
          );
        process.stdout.write(
          `${composed.draft.meta.title} ` +
            `(${composed.place.selfName}, ${texts.draft.citedFacts(composed.cited.length)})\n${texts.draft.wrote}\n`,
        );
        for (const f of files) process.stdout.write(`  ${f.path}\n`);
        const lines = reviewLines(review);
        const todo = [...lines.placeholders, ...lines.checks];
        process.stdout.write(
          todo.length
            ? `\n${texts.draft.reviewHeading}\n${todo.map((l) => `  – ${l}`).join("\n")}\n`
            : `${texts.draft.reviewNone}\n`,
        );
      }, optionNames),
    );
}
