/** `motionera db migrate` and `motionera db status`: the PostgreSQL database's schema. */
import type { Command } from "commander";
import { z } from "../../domain/zod.js";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { chosenDatabaseUrl, openStore } from "../../store/open-store.js";
import { summarise } from "../../store/snapshot.js";
import type { Store } from "../../store/store.js";
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

const copySchema = z.object({ from: z.string().min(1), to: z.string().min(1), json: z.boolean() });

const isDatabaseUrl = (x: string) => /^postgres(ql)?:\/\//i.test(x);

/** A store named by a file path or a postgres:// address. */
async function storeAt(where: string, mustExist: boolean): Promise<Store> {
  if (isDatabaseUrl(where)) return openStore({ file: "", databaseUrl: where });
  const file = resolve(where);
  if (mustExist && !existsSync(file)) throw new UsageError(t.copySourceMissing(where));
  return openStore({ file, fileExplicit: true });
}

/** `motionera db copy`: everything from one store into an empty one, then both summarised and compared. */
async function copyDatabase(o: z.infer<typeof copySchema>): Promise<void> {
  if (o.from === o.to || (!isDatabaseUrl(o.from) && resolve(o.from) === resolve(o.to)))
    throw new UsageError(t.copySame);
  const from = await storeAt(o.from, true);
  const to = await storeAt(o.to, false);
  try {
    const present = await to.snapshot();
    const drafts = present.savedDrafts?.length ?? 0;
    const filings = present.filings.length;
    const meetings = present.meetings.length;
    if (present.facts.length || present.documents.length || present.tokens.length || drafts || filings || meetings)
      throw new UsageError(
        t.copyTargetNotEmpty(
          to.location,
          present.facts.length,
          present.documents.length,
          present.tokens.length,
          drafts,
          filings,
          meetings,
        ),
      );
    const source = summarise(await from.snapshot());
    await to.restore(await from.snapshot());
    const copy = summarise(await to.snapshot());
    const same = JSON.stringify(source) === JSON.stringify(copy);
    const lines = [
      t.copyLine(t.copyFromLabel, source),
      t.copyLine(t.copyToLabel, copy),
      same ? t.copyOk : t.copyMismatch,
    ];
    if (o.json) process.stdout.write(`${JSON.stringify({ from: source, to: copy, same }, null, 2)}\n`);
    else process.stdout.write(`${lines.join("\n")}\n`);
    if (!same) process.exitCode = exitCodes.userError;
  } finally {
    await from.close();
    await to.close();
  }
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
  db.command("copy")
    .summary(t.copySummary)
    .description(t.copySummary)
    .requiredOption("--from <databas>", t.copyFrom)
    .requiredOption("--to <databas>", t.copyTo)
    .addOption(sharedOption.json())
    .action(action(async (raw: unknown) => copyDatabase(parseOptions(copySchema, raw))));
}
