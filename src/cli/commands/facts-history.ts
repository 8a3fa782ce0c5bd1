/** `motionera facts history <kommun> [nyckel]`: who recorded each fact about a place and when (the audit log). */
import type { Command } from "commander";
import { z } from "../../domain/zod.js";
import { findMunicipality } from "../../data/places.js";
import { factEntries } from "../../facts/fact-history.js";
import { factRowsForPlace } from "../../facts/place-facts.js";
import { formatDate, formatDateTime, todayInSweden } from "../../lang/dates.js";
import { auditTexts } from "../../messages.sv.js";
import { action, parseOptions } from "../run.js";
import { databaseUrlFlag, openWorkspace, optionsWithParent, sharedOption } from "../shared-options.js";
import { texts } from "../messages.sv.js";

const t = texts.facts;

const historySchema = z.object({
  json: z.boolean().default(false),
  db: z.string().optional(),
  databaseUrl: databaseUrlFlag,
});

export function registerFactsHistory(facts: Command): void {
  facts
    .command("history")
    .summary(t.historySummary)
    .description(t.historySummary)
    .argument("<kommun>", t.kommun)
    .argument("[nyckel]", t.historyKey)
    .addOption(sharedOption.json())
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .addHelpText("after", t.historyExamples)
    .action(
      action(async (kommun: string, key: string | undefined, _opts: unknown, cmd: Command) => {
        const o = parseOptions(historySchema, optionsWithParent(cmd));
        const place = findMunicipality(kommun);
        const ws = await openWorkspace(o);
        if (key !== undefined) (await ws.catalog()).require(key); // an unknown key: "Menade du …"
        const registry = await ws.facts();
        const rows = factRowsForPlace(registry, place, todayInSweden())
          .filter((r) => (key === undefined || r.key === key) && !r.fact.id.startsWith("derived."))
          .sort((a, b) => (a.fact.recordedAt < b.fact.recordedAt ? 1 : a.fact.recordedAt > b.fact.recordedAt ? -1 : 0));
        const entries = await factEntries(
          ws.store,
          rows.map((r) => r.fact),
        );
        if (o.json) {
          const out = rows.map((r) => {
            const e = entries.get(r.fact.id);
            return {
              id: r.fact.id,
              subject: r.subject,
              key: r.key,
              label: r.label,
              value: r.value,
              asOf: r.asOf,
              recordedAt: r.fact.recordedAt,
              change: e ? { seq: e.seq, at: e.at, action: e.action, actor: e.actor } : null,
            };
          });
          process.stdout.write(`${JSON.stringify({ municipality: place.code, facts: out }, null, 2)}\n`);
          return;
        }
        if (rows.length === 0) {
          process.stdout.write(`${t.none}\n`);
          return;
        }
        const lines = [t.historyHeading(place.selfName)];
        for (const r of rows) {
          const e = entries.get(r.fact.id);
          const asOf = r.asOf ? ` (${t.asOf} ${formatDate(r.asOf)})` : ` (${t.undated})`;
          lines.push(`  ${r.subjectName}: ${r.label} = ${r.value}${asOf}   [${r.fact.id}]`);
          lines.push(
            e
              ? `    ${t.historyRecorded} ${formatDateTime(e.at)} ${t.historyBy} ${auditTexts.actor(e.actor)}: ` +
                  auditTexts.action(e)
              : `    ${t.historyRecorded} ${formatDateTime(r.fact.recordedAt)}, ${auditTexts.beforeLog}`,
          );
        }
        process.stdout.write(`${lines.join("\n")}\n`);
      }),
    );
}
