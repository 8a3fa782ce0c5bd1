import type { Command } from "commander";
import { z } from "zod";
import { partialDateSchema } from "../../domain/partial-date.js";
import { findMunicipality } from "../../data/places.js";
import { factCatalog } from "../../facts/catalog.js";
import { factRowsForPlace, type FactRow } from "../../facts/place-facts.js";
import { recordFact } from "../../facts/record-fact.js";
import { formatDate, todayInSweden } from "../../lang/dates.js";
import { Workspace } from "../../workspace.js";
import { action, parseOptions } from "../run.js";
import { registerFactsImport } from "./facts-import.js";
import { texts } from "../texts.sv.js";

const t = texts.facts;

function sourceLine(s: FactRow["source"]): string {
  return [s.title, s.publisher, s.date ? formatDate(s.date) : t.undated, s.url].filter(Boolean).join(", ");
}

function printRows(rows: readonly FactRow[], all: boolean): void {
  const shown = all ? rows : rows.filter((r) => r.latest);
  if (shown.length === 0) {
    process.stdout.write(`${t.none}\n`);
    return;
  }
  let scope = "";
  for (const r of shown) {
    if (r.scope !== scope) {
      scope = r.scope;
      process.stdout.write(`\n${t.scopeHeading[scope]}: ${r.subjectName}\n`);
    }
    const when = r.asOf ? `${t.asOf} ${formatDate(r.asOf)}${r.age ? ` (${t.age} ${r.age})` : ""}` : t.undated;
    const older = r.latest ? "" : ` [${t.older}]`;
    process.stdout.write(`  ${r.label}: ${r.value}${r.note ? ` (${r.note})` : ""}, ${when}${older}\n`);
    process.stdout.write(`    ${t.source}: ${sourceLine(r.source)}   [${r.key}]\n`);
  }
}

const addSchema = z.object({
  asOf: partialDateSchema,
  sourceTitle: z.string().trim().min(1),
  publisher: z.string().trim().min(1),
  sourceDate: partialDateSchema.optional(),
  url: z.string().url().optional(),
  note: z.string().trim().min(1).optional(),
  db: z.string().optional(),
  json: z.boolean().default(false),
});

export function registerFacts(program: Command): void {
  const facts = program
    .command("facts")
    .enablePositionalOptions()
    .summary(t.summary)
    .description(t.summary)
    .argument("[kommun]", t.kommun)
    .option("--all", t.all, false)
    .option("--json", texts.optJson, false)
    .option("--db <fil>", texts.optDb)
    .addHelpText("after", t.examples)
    .action(
      action(async (kommun: string | undefined, o: { all: boolean; json: boolean; db?: string }, cmd: Command) => {
        if (!kommun) {
          cmd.help();
          return;
        }
        const place = findMunicipality(kommun);
        const ws = await Workspace.open(o.db ? { db: o.db } : {});
        const rows = factRowsForPlace(await ws.facts(), place, todayInSweden());
        if (o.json) {
          const out = rows.filter((r) => o.all || r.latest).map(({ fact, ...r }) => ({ ...r, id: fact.id, rawValue: fact.value }));
          process.stdout.write(`${JSON.stringify({ municipality: { code: place.code, name: place.name, selfName: place.selfName, county: place.county }, facts: out }, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${place.selfName} (${place.code}), ${place.county.name}\n`);
        printRows(rows, o.all);
      }),
    );

  facts
    .command("add")
    .summary(t.addSummary)
    .description(t.addSummary)
    .argument("<subject>", t.addSubject)
    .argument("<key>", t.addKey)
    .argument("<value>", t.addValue)
    .requiredOption("--as-of <datum>", t.asOfOpt)
    .requiredOption("--source-title <text>", t.sourceTitle)
    .requiredOption("--publisher <text>", t.publisher)
    .option("--source-date <datum>", t.sourceDate)
    .option("--url <url>", t.url)
    .option("--note <text>", t.note)
    .option("--json", texts.optJson, false)
    .option("--db <fil>", texts.optDb)
    .action(
      action(async (subjectQuery: string, key: string, valueText: string, _opts: unknown, cmd: Command) => {
        // --db and --json may stand before or after "add"
        // (not optsWithGlobals: the parent's default --json false would override the subcommand's)
        const own = cmd.opts<Record<string, unknown>>();
        const parent = cmd.parent?.opts<{ db?: string; json?: boolean }>() ?? {};
        const raw = { ...own, db: own["db"] ?? parent.db, json: own["json"] === true || parent.json === true };
        const o = parseOptions(addSchema, raw);
        const ws = await Workspace.open(o.db ? { db: o.db } : {});
        const { fact, subject, definition: def } = await recordFact(ws.store, {
          subject: subjectQuery,
          key,
          value: valueText,
          asOf: o.asOf,
          source: { title: o.sourceTitle, publisher: o.publisher, date: o.sourceDate ?? null, ...(o.url ? { url: o.url } : {}) },
          ...(o.note ? { note: o.note } : {}),
        });
        if (o.json) process.stdout.write(`${JSON.stringify(fact, null, 2)}\n`);
        else process.stdout.write(`${t.added} ${subject.name}: ${def.label} = ${valueText} (${t.asOf} ${formatDate(o.asOf)}) [${fact.id}] → ${ws.store.location}\n`);
      }),
    );

  registerFactsImport(facts);

  facts
    .command("keys")
    .summary(t.keysSummary)
    .description(t.keysSummary)
    .option("--json", texts.optJson, false)
    .action(
      action(async (o: { json: boolean }) => {
        if (o.json) {
          process.stdout.write(`${JSON.stringify(factCatalog, null, 2)}\n`);
          return;
        }
        for (const d of factCatalog) process.stdout.write(`${d.key}  (${d.type}; ${d.scopes.join(", ")})\n  ${d.label}\n`);
      }),
    );
}
