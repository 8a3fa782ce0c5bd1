/** `motionera db migrate` and `motionera db status`: the PostgreSQL database's schema. */
import type { Command } from "commander";
import { z } from "../../domain/zod.js";
import { chosenDatabaseUrl } from "../../store/open-store.js";
import { action, exitCodes, parseOptions, UsageError } from "../run.js";
import { databaseUrlFlag, sharedOption } from "../shared-options.js";
import { texts } from "../messages.sv.js";
import type { DatabaseStatus } from "../../store/postgres/database-admin.js";

const t = texts.db;

const optionsSchema = z.object({ databaseUrl: databaseUrlFlag, json: z.boolean() });

/** The database the command works on: --database-url, else MOTIONERA_DATABASE_URL; neither → a usage error. */
function databaseUrl(o: { databaseUrl?: string | undefined }): string {
  const url = chosenDatabaseUrl(o.databaseUrl ? { databaseUrl: o.databaseUrl } : {});
  if (!url) throw new UsageError(t.noUrl);
  return url;
}

function statusLines(s: DatabaseStatus): string[] {
  const last = s.applied.at(-1);
  return [
    `${t.database}: ${s.database}`,
    `${t.applied}: ${s.applied.length}${last ? ` (${t.latest}: ${last})` : ""}`,
    s.pending.length ? t.behind(s.pending) : t.current,
    ...(s.unknown.length ? [t.unknown(s.unknown)] : []),
  ];
}

export function registerDb(program: Command): void {
  const db = program.command("db").summary(t.summary).description(t.description);
  db.command("status")
    .summary(t.statusSummary)
    .description(t.statusSummary)
    .addOption(sharedOption.databaseUrl())
    .addOption(sharedOption.json())
    .action(
      action(async (raw: unknown) => {
        const o = parseOptions(optionsSchema, raw);
        const { databaseStatus } = await import("../../store/postgres/database-admin.js");
        const status = await databaseStatus(databaseUrl(o));
        process.stdout.write(o.json ? `${JSON.stringify(status, null, 2)}\n` : `${statusLines(status).join("\n")}\n`);
        if (status.pending.length) process.exitCode = exitCodes.userError;
      }),
    );
  db.command("migrate")
    .summary(t.migrateSummary)
    .description(t.migrateSummary)
    .addOption(sharedOption.databaseUrl())
    .addOption(sharedOption.json())
    .action(
      action(async (raw: unknown) => {
        const o = parseOptions(optionsSchema, raw);
        const { migrateDatabase } = await import("../../store/postgres/database-admin.js");
        const { ran, status } = await migrateDatabase(databaseUrl(o));
        if (o.json) process.stdout.write(`${JSON.stringify({ ran, ...status }, null, 2)}\n`);
        else process.stdout.write(`${ran.length ? t.ran(ran) : t.nothingToRun}\n${statusLines(status).join("\n")}\n`);
      }),
    );
}
