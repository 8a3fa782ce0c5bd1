/**
 * `motionera tokens create|list|revoke`: the web service's named API tokens. Writes run as the
 * CLI with the OS user (the store's default actor), and are in the audit log like any other.
 */
import type { Command } from "commander";
import { z } from "../../domain/zod.js";
import { shownToken, tokenNameSchema, tokenRoleSchema, type ApiToken } from "../../domain/api-token.js";
import { formatDateTime } from "../../lang/dates.js";
import { auditTexts } from "../../messages.sv.js";
import { issueToken, lastWrites } from "../../tokens/issue.js";
import { action, parseOptions } from "../run.js";
import {
  databaseUrlFlag,
  openWorkspace,
  optionsWithParent,
  printAnswer,
  sharedOption,
  storeOptions,
  subcommand,
} from "../shared-options.js";
import { texts } from "../messages.sv.js";
import { textTable } from "../text-table.js";

const t = texts.tokens;

const base = { json: z.boolean().default(false), db: z.string().optional(), databaseUrl: databaseUrlFlag };
const createSchema = z.object({ ...base, name: tokenNameSchema, role: tokenRoleSchema });
const revokeSchema = z.object({ ...base, name: z.string().trim().min(1) });
const listSchema = z.object(base);

function listText(tokens: readonly ApiToken[], last: Map<string, string>): string {
  if (tokens.length === 0) return t.none;
  const c = t.columns;
  return textTable([
    [c.name, c.role, c.created, c.by, c.last, c.revoked],
    ...tokens.map((k) => {
      const written = last.get(k.name);
      return [
        k.name,
        k.role,
        formatDateTime(k.createdAt),
        auditTexts.actor(k.createdBy),
        written ? formatDateTime(written) : t.never,
        k.revokedAt ? formatDateTime(k.revokedAt) : t.active,
      ];
    }),
  ]);
}

export function registerTokens(program: Command): void {
  const tokens = program
    .command("tokens")
    .summary(t.summary)
    .description(t.description)
    .addOption(sharedOption.json())
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .addHelpText("after", t.examples);

  storeOptions(
    subcommand(tokens, "create", t.createSummary)
      .requiredOption("--name <namn>", t.name)
      .requiredOption("--role <roll>", t.role),
  ).action(
    action(
      async (_opts: unknown, cmd: Command) => {
        const o = parseOptions(createSchema, optionsWithParent(cmd));
        const ws = await openWorkspace(o);
        const { token, secret } = await issueToken(ws.store, o.name, o.role);
        if (o.json) {
          process.stdout.write(`${JSON.stringify({ ...shownToken(token), secret }, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          `${[
            t.created(token.name, token.role),
            t.keepSecret,
            "",
            `  ${secret}`,
            "",
            t.useSecret,
            t.revokeHint(token.name),
          ].join("\n")}\n`,
        );
      },
      { name: "--name", role: "--role" },
    ),
  );

  storeOptions(subcommand(tokens, "list", t.listSummary)).action(
    action(async (_opts: unknown, cmd: Command) => {
      const o = parseOptions(listSchema, optionsWithParent(cmd));
      const ws = await openWorkspace(o);
      const all = await ws.store.tokens();
      const last = await lastWrites(ws.store);
      const out = all.map((k) => ({ ...shownToken(k), lastWriteAt: last.get(k.name) ?? null }));
      printAnswer(o.json, out, () => listText(all, last));
    }),
  );

  storeOptions(subcommand(tokens, "revoke", t.revokeSummary).requiredOption("--name <namn>", t.name)).action(
    action(
      async (_opts: unknown, cmd: Command) => {
        const o = parseOptions(revokeSchema, optionsWithParent(cmd));
        const ws = await openWorkspace(o);
        const before = (await ws.store.tokens()).find((k) => k.name === o.name);
        const token = await ws.store.revokeToken(o.name);
        printAnswer(o.json, shownToken(token), () =>
          before?.revokedAt ? t.alreadyRevoked(token.name, formatDateTime(before.revokedAt)) : t.revoked(token.name),
        );
      },
      { name: "--name" },
    ),
  );
}
