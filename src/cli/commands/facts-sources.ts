/** `motionera facts sources [--incomplete] [--json]`: the registry's sources, each once, and what they lack. */
import type { Command } from "commander";
import { z } from "../../domain/zod.js";
import type { Source } from "../../domain/fact.js";
import { registrySources, type RegistrySource } from "../../facts/sources.js";
import { formatDate } from "../../lang/dates.js";
import { formatList } from "../../lang/lists.js";
import { action, parseOptions } from "../run.js";
import { databaseUrlFlag, openWorkspace, optionsWithParent, sharedOption } from "../shared-options.js";
import { texts } from "../messages.sv.js";

const t = texts.facts;

const sourcesSchema = z.object({
  incomplete: z.boolean().default(false),
  json: z.boolean().default(false),
  db: z.string().optional(),
  databaseUrl: databaseUrlFlag,
});

/**
 * "Titel, Utgivare, 21 februari 2023, https://… (parti: V)"; "(titel saknas)" and "odaterad" where the source says
 * nothing.
 */
export function sourceHeadline(s: Source): string {
  const parts = [
    s.title ?? t.untitled,
    s.publisher,
    s.date ? formatDate(s.date) : t.undated,
    ...(s.url ? [s.url] : []),
  ].join(", ");
  return s.parties ? `${parts} (${t.parties}: ${s.parties.join(", ")})` : parts;
}

function sourceBlock(e: RegistrySource): string {
  const lines = [sourceHeadline(e.source), `  ${t.citedBy(e.factIds.length, e.keys)}`];
  if (e.missing.length)
    lines.push(
      `  ${t.lacks} ${formatList(
        e.missing.map((m) => t.gaps[m]!),
        "och",
      )}`,
    );
  return lines.join("\n");
}

export function registerFactsSources(facts: Command): void {
  facts
    .command("sources")
    .summary(t.sourcesSummary)
    .description(t.sourcesSummary)
    .option("--incomplete", t.sourcesIncomplete, false)
    .addOption(sharedOption.json())
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .addHelpText("after", t.sourcesExamples)
    .action(
      action(async (_opts: unknown, cmd: Command) => {
        const o = parseOptions(sourcesSchema, optionsWithParent(cmd));
        const ws = await openWorkspace(o);
        const stored = await ws.store.facts();
        const all = registrySources(stored);
        const shown = o.incomplete ? registrySources(stored, { incomplete: true }) : all;
        if (o.json) {
          const out = shown.map((e) => ({
            ...e.source,
            missing: e.missing,
            facts: e.factIds.length,
            keys: e.keys,
            factIds: e.factIds,
          }));
          process.stdout.write(`${JSON.stringify({ total: all.length, sources: out }, null, 2)}\n`);
          return;
        }
        if (all.length === 0) {
          process.stdout.write(`${t.noSources}\n`);
          return;
        }
        const heading = o.incomplete
          ? shown.length
            ? t.incompleteHeading(shown.length, all.length)
            : t.allComplete(all.length)
          : t.sourcesHeading(all.length, stored.length);
        process.stdout.write(`${[heading, ...shown.map((e) => `\n${sourceBlock(e)}`)].join("\n")}\n`);
      }),
    );
}
