/** `motionera facts keys [add|edit|remove]`: the fact-key catalog of the database, listed and changed. */
import type { Command } from "commander";
import { z } from "../../domain/zod.js";
import { MotioneraError } from "../../domain/errors.js";
import type { FactDefinition, ValueCondition } from "../../domain/fact-key.js";
import { parseFactValue } from "../../facts/record-fact.js";
import type { Workspace } from "../../workspace.js";
import { collect } from "../option-values.js";
import { action, parseOptions } from "../run.js";
import { databaseUrlFlag, openWorkspace, optionsWithParent, sharedOption } from "../shared-options.js";
import { texts } from "../messages.sv.js";

const t = texts.facts;
const k = texts.facts.keys;

const keyFlagsSchema = z.object({
  label: z.string().optional(),
  description: z.string().optional(),
  type: z.string().optional(),
  scope: z.array(z.string()).default([]),
  format: z.string().optional(),
  unitOne: z.string().optional(),
  unitMany: z.string().optional(),
  unitNeuter: z.boolean().optional(),
  historical: z.boolean().optional(),
  inForce: z.boolean().optional(),
  coversMunicipalities: z.boolean().optional(),
  maxAge: z.string().optional(),
  derivedFrom: z.string().optional(),
  where: z.string().optional(),
  clear: z.array(z.string()).default([]),
  db: z.string().optional(),
  databaseUrl: databaseUrlFlag,
  json: z.boolean().default(false),
});
type KeyFlags = z.infer<typeof keyFlagsSchema>;

const wordOps: Record<string, ValueCondition["op"]> = {
  finns: "exists",
  exists: "exists",
  saknas: "missing",
  missing: "missing",
};

/** "=ja", ">50 000", "finns": read against the type of the key it counts. */
async function whereCondition(ws: Workspace, from: string, text: string): Promise<ValueCondition> {
  const word = wordOps[text.trim().toLowerCase()];
  if (word) return { op: word };
  const m = /^\s*(!=|<=|>=|=|<|>)\s*(.+)$/s.exec(text);
  if (!m) throw new MotioneraError({ code: "fact_key_invalid", field: "derived.where", problem: k.whereInvalid(text) });
  const def = (await ws.catalog()).require(from);
  return { op: m[1] as ValueCondition["op"], value: parseFactValue(def, m[2]!) };
}

/** The definition fields the flags give (undefined: not given; null: cleared with --clear). */
async function fieldsOf(ws: Workspace, o: KeyFlags, old?: FactDefinition): Promise<Record<string, unknown>> {
  const scopes = o.scope
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
  const unitGiven = o.unitOne !== undefined || o.unitMany !== undefined || o.unitNeuter !== undefined;
  const unit = unitGiven
    ? {
        ...old?.unit,
        ...(o.unitOne !== undefined ? { one: o.unitOne } : {}),
        ...(o.unitMany !== undefined ? { many: o.unitMany } : {}),
        ...(o.unitNeuter !== undefined ? { neuter: o.unitNeuter } : {}),
      }
    : undefined;
  const from = o.derivedFrom ?? old?.derived?.from;
  const derivedGiven = o.derivedFrom !== undefined || o.where !== undefined;
  const derived =
    derivedGiven && from
      ? {
          from,
          count: true,
          ...(o.where !== undefined
            ? { where: await whereCondition(ws, from, o.where) }
            : old?.derived?.where
              ? { where: old.derived.where }
              : {}),
        }
      : undefined;
  const fields: Record<string, unknown> = {
    label: o.label,
    description: o.description,
    type: o.type,
    scopes: scopes.length ? scopes : undefined,
    format: o.format,
    unit,
    historical: o.historical,
    inForce: o.inForce,
    coversMunicipalities: o.coversMunicipalities,
    maxAge: o.maxAge,
    derived,
  };
  for (const c of o.clear.flatMap((s) => s.split(","))) fields[c.trim()] = null;
  return fields;
}

function definedOnly(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null));
}

function withKeyOptions(cmd: Command): Command {
  return cmd
    .option("--label <text>", k.label)
    .option("--description <text>", k.description)
    .option("--type <typ>", k.type)
    .option("--scope <omfattning>", k.scope, collect, [])
    .option("--format <format>", k.format)
    .option("--unit-one <ord>", k.unitOne)
    .option("--unit-many <ord>", k.unitMany)
    .option("--unit-neuter", k.unitNeuter)
    .option("--historical", k.historical)
    .option("--in-force", k.inForce)
    .option("--covers-municipalities", k.coversMunicipalities)
    .option("--max-age <ålder>", k.maxAge)
    .option("--derived-from <nyckel>", k.derivedFrom)
    .option("--where <villkor>", k.where)
    .addOption(sharedOption.json())
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl());
}

function printDefinition(def: FactDefinition, done: string, json: boolean): void {
  if (json) process.stdout.write(`${JSON.stringify(def, null, 2)}\n`);
  else process.stdout.write(`${done} ${def.key} (${def.type}; ${def.scopes.join(", ")}): ${def.label}\n`);
}

export function registerFactsKeys(facts: Command): void {
  const keys = facts
    .command("keys")
    .summary(t.keysSummary)
    .description(t.keysSummary)
    .addOption(sharedOption.json())
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .action(
      action(async (o: { json: boolean; db?: string }) => {
        const ws = await openWorkspace(o);
        const list = (await ws.catalog()).list();
        if (o.json) {
          process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        for (const d of list) process.stdout.write(`${d.key}  (${d.type}; ${d.scopes.join(", ")})\n  ${d.label}\n`);
      }),
    );

  withKeyOptions(keys.command("add").summary(k.addSummary).description(k.addSummary).argument("<key>", k.key)).action(
    action(async (key: string, _o: unknown, cmd: Command) => {
      const o = parseOptions(keyFlagsSchema, optionsWithParent(cmd));
      const ws = await openWorkspace(o);
      const def = await ws.addFactKey({ key, ...definedOnly(await fieldsOf(ws, o)) });
      printDefinition(def, k.added, o.json);
    }),
  );

  withKeyOptions(keys.command("edit").summary(k.editSummary).description(k.editSummary).argument("<key>", k.key))
    .option("--clear <fält>", k.clear, collect, [])
    .action(
      action(async (key: string, _o: unknown, cmd: Command) => {
        const o = parseOptions(keyFlagsSchema, optionsWithParent(cmd));
        const ws = await openWorkspace(o);
        const old = (await ws.catalog()).require(key);
        const def = await ws.editFactKey(key, await fieldsOf(ws, o, old));
        printDefinition(def, k.edited, o.json);
      }),
    );

  keys
    .command("remove")
    .summary(k.removeSummary)
    .description(k.removeSummary)
    .argument("<key>", k.key)
    .addOption(sharedOption.json())
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .action(
      action(async (key: string, _o: unknown, cmd: Command) => {
        const o = parseOptions(keyFlagsSchema, optionsWithParent(cmd));
        const ws = await openWorkspace(o);
        printDefinition(await ws.removeFactKey(key), k.removed, o.json);
      }),
    );
}
