/** `motionera facts import <file> --key …`: argv to the core's importFacts, and its plan as text or JSON. */
import { readFile, stat } from "node:fs/promises";
import type { Command } from "commander";
import { z } from "../../domain/zod.js";
import { isMotioneraError, MotioneraError } from "../../domain/errors.js";
import { partialDateSchema } from "../../domain/partial-date.js";
import type { FactImportResult } from "../../facts/import/import-facts.js";
import { fileProblem } from "../../facts/import/issues.js";
import { formatDate } from "../../lang/dates.js";
import { errorProblems } from "../../domain/field-problem.js";
import { action, flagName, parseOptions, UsageError } from "../run.js";
import { databaseUrlFlag, openWorkspace, optionsWithParent, sharedOption } from "../shared-options.js";
import { texts } from "../messages.sv.js";

const t = texts.factsImport;

const importSchema = z.object({
  key: z.string().trim().min(1),
  sourceTitle: z.string().trim().min(1).optional(),
  publisher: z.string().trim().min(1).optional(),
  sourceDate: partialDateSchema.optional(),
  asOf: partialDateSchema.optional(),
  url: z.string().url().optional(),
  municipalityColumn: z.string().trim().min(1).optional(),
  valueColumn: z.string().trim().min(1).optional(),
  dryRun: z.boolean().default(false),
  json: z.boolean().default(false),
  db: z.string().optional(),
  databaseUrl: databaseUrlFlag,
});

function sourceText(s: FactImportResult["source"]): string {
  return [s.title, s.publisher, s.date ? formatDate(s.date) : texts.facts.undated, s.url].filter(Boolean).join(", ");
}

function printPlan(r: FactImportResult, db: string): void {
  const out: string[] = [
    `${t.heading(r.key, r.file, [t.formats[r.format], r.kpi].filter(Boolean).join(" "))} ${t.counts(r.counts)}`,
  ];
  const width = Math.max(...Object.values(t.kinds).map((k) => k.length));
  for (const f of r.facts) {
    const when = `${texts.facts.asOf} ${formatDate(f.asOf)}`;
    const change =
      f.kind === "changed" && f.previous
        ? `${f.previous.shown}` +
          (f.previous.asOf && f.previous.asOf !== f.asOf
            ? ` (${texts.facts.asOf} ${formatDate(f.previous.asOf)})`
            : "") +
          " " +
          `→ ${f.shown}`
        : f.shown;
    // The same value with a new date is stored too: the figure held then as well (history).
    const history =
      f.kind === "unchanged" && f.record && f.previous?.asOf
        ? ` (${t.sameValueNewDate(formatDate(f.previous.asOf))})`
        : "";
    out.push(`  ${t.kinds[f.kind]!.padEnd(width)}  ${f.subjectName}, ${when}: ${change}${history}`);
  }
  if (r.skipped.length) {
    out.push(t.skipped);
    for (const s of r.skipped)
      out.push(`  ${t.line(s.line, s.entry)}${s.subject ? ` (${s.subject})` : ""}: ${s.reason}`);
    // Only the first rows left out are listed; the counts line has them all.
    if (r.counts.skipped > r.skipped.length) out.push(`  ${t.moreSkipped(r.counts.skipped - r.skipped.length)}`);
  }
  out.push(`${t.source}: ${sourceText(r.source)}`);
  out.push(r.committed ? t.saved(r.recorded, db) : t.dryRunNote(r.recorded));
  process.stdout.write(`${out.join("\n")}\n`);
}

export function registerFactsImport(facts: Command): void {
  facts
    .command("import")
    .summary(t.summary)
    .description(t.summary)
    .argument("<fil>", t.file)
    .requiredOption("--key <nyckel>", t.key)
    .option("--source-title <text>", t.sourceTitle)
    .option("--publisher <text>", t.publisher)
    .option("--source-date <datum>", t.sourceDate)
    .option("--as-of <datum>", t.asOf)
    .option("--url <url>", t.url)
    .option("--municipality-column <namn>", t.municipalityColumn)
    .option("--value-column <namn>", t.valueColumn)
    .option("--dry-run", t.dryRun, false)
    .addOption(sharedOption.json())
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .addHelpText("after", t.examples)
    .action(
      action(async (file: string, _opts: unknown, cmd: Command) => {
        const o = parseOptions(importSchema, optionsWithParent(cmd));
        // Loaded here, with its CSV parser: no other command needs it.
        const { importFacts, maxImportBytes, tooLarge } = await import("../../facts/import/import-facts.js");
        let bytes: Uint8Array;
        try {
          // A file over the limit is refused before it is read into memory.
          const { size } = await stat(file);
          if (size > maxImportBytes) fileProblem(file, tooLarge(size));
          bytes = await readFile(file);
        } catch (e) {
          if (isMotioneraError(e)) throw e;
          throw new MotioneraError({
            code: "fact_import_invalid",
            file,
            issues: [
              { problem: (e as NodeJS.ErrnoException).code === "ENOENT" ? texts.fileMissing : (e as Error).message },
            ],
            total: 1,
          });
        }
        const ws = await openWorkspace(o);
        let result: FactImportResult;
        try {
          // Read and checked on the import thread, as the service does (loaded here: other commands never need it).
          const { checkOnImportThread } = await import("../../threads/import-threads.js");
          result = await importFacts(
            ws.store,
            { ...o, fileName: file, bytes, commit: !o.dryRun },
            { check: checkOnImportThread() },
          );
        } catch (e) {
          // A missing or malformed option is a usage error, named by its flag.
          // Several: each line names its flag, as long as every problem is such an option problem.
          if (isMotioneraError(e)) {
            const options = errorProblems(e).map((p) => p.details);
            if (options.every((d) => d.code === "input_invalid"))
              throw new UsageError(options.map((d) => `${flagName(d.field)}: ${d.problem}`).join("\n"));
          }
          throw e;
        }
        if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else printPlan(result, ws.store.location);
      }),
    );
}
