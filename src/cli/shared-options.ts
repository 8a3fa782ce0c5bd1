/**
 * The options many commands share, declared once: `--json`, `--db <fil>` and `--templates <mapp>`,
 * and the one way a command opens the workspace from them.
 */
import { Option, type Command } from "commander";
import { Workspace, type WorkspaceOptions } from "../workspace.js";
import { z } from "../domain/zod.js";
import { texts } from "./messages.sv.js";
import { UsageError } from "./run.js";

/**
 * Each shared option, made afresh for each command (`.addOption(sharedOption.json())`): commander keeps state in an
 * Option.
 */
export const sharedOption = {
  json: () => new Option("--json", texts.optJson).default(false),
  db: () => new Option("--db <fil>", texts.optDb),
  databaseUrl: () => new Option("--database-url <postgres://…>", texts.optDatabaseUrl),
  templates: () => new Option("--templates <mapp>", texts.optTemplates),
} as const;

/** `--database-url` as a command's options schema reads it: a postgres:// or postgresql:// address. */
export const databaseUrlFlag = z
  .string()
  .regex(/^postgres(ql)?:\/\//, texts.databaseUrlInvalid)
  .optional();

/** What the shared options parse to (zod schemas may give `undefined` for a missing one). */
export interface WorkspaceFlags {
  db?: string | undefined;
  databaseUrl?: string | undefined;
  templates?: string | undefined;
}

/** The workspace `--db`, `--database-url` and `--templates` name (the defaults where they are left out). */
export function workspaceOptions(o: WorkspaceFlags): WorkspaceOptions {
  return {
    ...(o.db ? { db: o.db } : {}),
    ...(o.databaseUrl ? { databaseUrl: o.databaseUrl } : {}),
    ...(o.templates ? { templatesDir: o.templates } : {}),
  };
}

/** Opens the workspace `--db`, `--database-url` and `--templates` name. */
export function openWorkspace(o: WorkspaceFlags): Promise<Workspace> {
  // Also for the commands that take their options unparsed.
  if (o.databaseUrl !== undefined && !databaseUrlFlag.safeParse(o.databaseUrl).success) {
    return Promise.reject(new UsageError(`--database-url: ${texts.databaseUrlInvalid}`));
  }
  return Workspace.open(workspaceOptions(o));
}

/**
 * A subcommand's own options, with `--db` and `--json` also taken from its parent, so they may
 * stand before or after the subcommand's name ("facts --db x add …" and "facts add … --db x").
 * Not commander's optsWithGlobals: the parent's default `--json false` would override the subcommand's.
 */
export function optionsWithParent(cmd: Command): Record<string, unknown> {
  const own = cmd.opts<Record<string, unknown>>();
  const parent = cmd.parent?.opts<{ db?: string; databaseUrl?: string; json?: boolean }>() ?? {};
  return {
    ...own,
    db: own.db ?? parent.db,
    databaseUrl: own.databaseUrl ?? parent.databaseUrl,
    json: own.json === true || parent.json === true,
  };
}

/** A subcommand whose summary is also its description. */
export function subcommand(parent: Command, name: string, summary: string): Command {
  return parent.command(name).summary(summary).description(summary);
}

/** Adds what a command that works on the store takes, after its own options: `--json` (unless left out), `--db`, `--database-url`. */
export function storeOptions(cmd: Command, json = true): Command {
  if (json) cmd.addOption(sharedOption.json());
  return cmd.addOption(sharedOption.db()).addOption(sharedOption.databaseUrl());
}

/** A command's answer: the value as JSON with `--json`, else its text for people. */
export function printAnswer(json: boolean, value: unknown, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}
