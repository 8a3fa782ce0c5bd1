import type { Command } from "commander";
import { z } from "zod";
import { MotioneraError } from "../../domain/errors.js";
import type { FactValue } from "../../domain/fact.js";
import { partialDateSchema } from "../../domain/partial-date.js";
import { findCounty, findMunicipality } from "../../data/places.js";
import { factCatalog, factDefinition, type FactDefinition } from "../../facts/catalog.js";
import { factRowsForPlace, type FactRow } from "../../facts/place-facts.js";
import { nationalSubject } from "../../facts/registry.js";
import { formatDate, todayInSweden } from "../../lang/dates.js";
import { nearest } from "../../lang/nearest.js";
import { parseSwedishNumber } from "../../lang/numbers.js";
import { Workspace } from "../../workspace.js";
import { action, UsageError } from "../run.js";
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

/** Reads a value typed on the command line as the catalog's type for the key. */
export function parseFactValue(def: FactDefinition, text: string): FactValue {
  const s = text.trim();
  switch (def.type) {
    case "boolean": {
      const v = s.toLowerCase();
      if (["ja", "true", "sant", "1"].includes(v)) return { type: "boolean", value: true };
      if (["nej", "false", "falskt", "0"].includes(v)) return { type: "boolean", value: false };
      throw new MotioneraError({ code: "fact_invalid", field: "värde", problem: `"${text}" ska vara ja eller nej för ${def.key}` });
    }
    case "number": {
      const n = parseSwedishNumber(s.replace(/\s*(procent|%)$/i, ""));
      if (n === undefined) throw new MotioneraError({ code: "fact_invalid", field: "värde", problem: `"${text}" är inget tal (${def.key})` });
      return { type: "number", value: n };
    }
    case "date": {
      const d = partialDateSchema.safeParse(s);
      if (!d.success) throw new MotioneraError({ code: "fact_invalid", field: "värde", problem: `"${text}": ${d.error.issues[0]?.message}` });
      return { type: "date", value: d.data };
    }
    case "text":
      if (!s) throw new MotioneraError({ code: "fact_invalid", field: "värde", problem: "texten är tom" });
      return { type: "text", value: s };
  }
}

/** A municipality, a county or "SE"; returns the subject code and its scope. */
function resolveSubject(query: string): { subject: string; scope: "kommun" | "lan" | "land"; name: string } {
  const q = query.trim();
  if (/^(se|sverige|riket|hela landet)$/i.test(q)) return { subject: nationalSubject, scope: "land", name: "Sverige" };
  try {
    const p = findMunicipality(q);
    return { subject: p.code, scope: "kommun", name: p.name };
  } catch (e) {
    if (/län\b|lan\b|^[a-z]{1,2}$|^\d{2}$/i.test(q)) {
      const c = findCounty(q);
      return { subject: c.code, scope: "lan", name: c.name };
    }
    throw e;
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
        const raw = cmd.optsWithGlobals();
        const def = factDefinition(key);
        if (!def) throw new MotioneraError({ code: "unknown_fact_key", key, suggestions: nearest(key, factCatalog.map((d) => d.key)) });
        const parsed = addSchema.safeParse(raw);
        if (!parsed.success) {
          const i = parsed.error.issues[0]!;
          throw new UsageError(`--${String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`);
        }
        const o = parsed.data;
        const subject = resolveSubject(subjectQuery);
        if (!def.scopes.includes(subject.scope)) {
          throw new MotioneraError({ code: "fact_invalid", field: "subject", problem: `${key} gäller ${def.scopes.join("/")}, inte ${subject.name}` });
        }
        const ws = await Workspace.open(o.db ? { db: o.db } : {});
        const fact = await ws.store.addFact({
          subject: subject.subject,
          key,
          value: parseFactValue(def, valueText),
          asOf: o.asOf,
          source: { title: o.sourceTitle, publisher: o.publisher, date: o.sourceDate ?? null, ...(o.url ? { url: o.url } : {}) },
          ...(o.note ? { note: o.note } : {}),
        });
        if (o.json) process.stdout.write(`${JSON.stringify(fact, null, 2)}\n`);
        else process.stdout.write(`${t.added} ${subject.name}: ${def.label} = ${valueText} (${t.asOf} ${formatDate(o.asOf)}) [${fact.id}] → ${ws.store.location}\n`);
      }),
    );

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
