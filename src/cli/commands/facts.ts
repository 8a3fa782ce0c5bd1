import type { Command } from "commander";
import { z } from "../../domain/zod.js";
import { partialDateSchema } from "../../domain/partial-date.js";
import { findMunicipality } from "../../data/places.js";
import { factRowsForPlace, type FactRow } from "../../facts/place-facts.js";
import { recordFact } from "../../facts/record-fact.js";
import { formatDate, todayInSweden } from "../../lang/dates.js";
import { action, parseOptions } from "../run.js";
import { registerFactsFetch } from "./facts-fetch.js";
import { registerFactsImport } from "./facts-import.js";
import { registerFactsSources, sourceHeadline } from "./facts-sources.js";
import { registerFactsKeys } from "./facts-keys.js";
import { registerFactsHistory } from "./facts-history.js";
import { collect } from "../option-values.js";
import { parliamentaryParties } from "../../domain/signer.js";
import { databaseUrlFlag, openWorkspace, optionsWithParent, sharedOption } from "../shared-options.js";
import { texts } from "../messages.sv.js";

const t = texts.facts;

/** "S", "v" → "V"; a local party's own name as typed. */
const partyLetter = (p: string): string =>
  (parliamentaryParties as readonly string[]).includes(p.trim().toUpperCase()) ? p.trim().toUpperCase() : p.trim();

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
    const since = r.fact.since;
    const period =
      r.asOf && since
        ? t.period(formatDate(since), formatDate(r.asOf))
        : r.asOf
          ? `${t.asOf} ${formatDate(r.asOf)}`
          : undefined;
    const when = period ? `${period}${r.age ? ` (${t.age} ${r.age})` : ""}` : t.undated;
    const older = r.latest ? "" : ` [${t.older}]`;
    process.stdout.write(`  ${r.label}: ${r.value}${r.note ? ` (${r.note})` : ""}, ${when}${older}\n`);
    process.stdout.write(`    ${t.source}: ${sourceHeadline(r.source)}   [${r.key}]\n`);
  }
}

const addSchema = z.object({
  asOf: partialDateSchema,
  since: partialDateSchema.optional(),
  sourceTitle: z.string().trim().min(1),
  publisher: z.string().trim().min(1),
  sourceDate: partialDateSchema.optional(),
  url: z.string().url().optional(),
  party: z.array(z.string().trim().min(1).max(80)).default([]),
  note: z.string().trim().min(1).optional(),
  db: z.string().optional(),
  databaseUrl: databaseUrlFlag,
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
    .addOption(sharedOption.json())
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .addHelpText("after", t.examples)
    .action(
      action(async (kommun: string | undefined, o: { all: boolean; json: boolean; db?: string }, cmd: Command) => {
        if (!kommun) {
          cmd.help();
          return;
        }
        const place = findMunicipality(kommun);
        const ws = await openWorkspace(o);
        const rows = factRowsForPlace(await ws.facts(), place, todayInSweden());
        if (o.json) {
          const out = rows
            .filter((r) => o.all || r.latest)
            .map(({ fact, ...r }) => ({
              ...r,
              ...(fact.since ? { since: fact.since } : {}),
              id: fact.id,
              rawValue: fact.value,
            }));
          process.stdout.write(
            `${JSON.stringify(
              {
                municipality: { code: place.code, name: place.name, selfName: place.selfName, county: place.county },
                facts: out,
              },
              null,
              2,
            )}\n`,
          );
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
    .option("--party <bokstav>", t.party, collect, [])
    .option("--since <datum>", t.since)
    .option("--note <text>", t.note)
    .addOption(sharedOption.json())
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .action(
      action(
        async (subjectQuery: string, key: string, valueText: string, _opts: unknown, cmd: Command) => {
          const o = parseOptions(addSchema, optionsWithParent(cmd));
          const ws = await openWorkspace(o);
          const {
            fact,
            subject,
            definition: def,
          } = await recordFact(ws.store, {
            subject: subjectQuery,
            key,
            value: valueText,
            asOf: o.asOf,
            ...(o.since ? { since: o.since } : {}),
            source: {
              title: o.sourceTitle,
              publisher: o.publisher,
              date: o.sourceDate ?? null,
              ...(o.url ? { url: o.url } : {}),
              ...(o.party.length ? { parties: [...new Set(o.party.map(partyLetter))] } : {}),
            },
            ...(o.note ? { note: o.note } : {}),
          });
          if (o.json) process.stdout.write(`${JSON.stringify(fact, null, 2)}\n`);
          else
            process.stdout.write(
              `${t.added} ${subject.name}: ${def.label} = ${valueText} (${t.asOf} ${formatDate(o.asOf)}) ` +
                `[${fact.id}] → ${ws.store.location}\n`,
            );
        },
        { subject: "<subject>", key: "<key>", value: "<value>", asOf: "--as-of", since: "--since" },
      ),
    );

  registerFactsImport(facts);
  registerFactsFetch(facts);
  registerFactsSources(facts);
  registerFactsHistory(facts);

  registerFactsKeys(facts);
}
