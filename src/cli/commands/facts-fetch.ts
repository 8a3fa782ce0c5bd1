/**
 * `motionera facts fetch kolada|scb` and `motionera facts kolada|scb search`: argv to the
 * statistics clients (src/statistics/) and the fetch cores (src/facts/fetch/), and their
 * reports as text or JSON. Failures of the services are worded here (messages.sv.ts).
 *
 * KOLADA_URL and SCB_URL (or --kolada-url/--scb-url) replace the services' addresses;
 * MOTIONERA_HTTP_RETRIES and MOTIONERA_HTTP_MIN_DELAY_MS the retry count and first backoff.
 */
import type { Command } from "commander";
import { isMotioneraError } from "../../domain/errors.js";
import { z } from "../../domain/zod.js";
import type { FactDefinition, FactScope } from "../../facts/catalog.js";
import type { FetchReport } from "../../facts/fetch/fetched-import.js";
import { NotByGender, ScbSelectionAmbiguous } from "../../facts/fetch/fetch-refusals.js";
import { countyByCode, municipalityByCode } from "../../data/places.js";
import { formatDate, todayInSweden } from "../../lang/dates.js";
import { StatisticsError } from "../../statistics/errors.js";
import type { HttpOptions } from "../../statistics/http.js";
import { KoladaClient, koladaDefaultUrl, kpiIdPattern } from "../../statistics/kolada/client.js";
import { isEmptySelection, selectPlaces, type PlaceSelection } from "../../statistics/places.js";
import { ScbClient, scbDefaultUrl, tableIdPattern } from "../../statistics/scb/client.js";
import { collect } from "../option-values.js";
import { action, exitCodes, flagName, parseOptions, UsageError } from "../run.js";
import { texts } from "../messages.sv.js";
import { databaseUrlFlag, openWorkspace, sharedOption } from "../shared-options.js";

const t = texts.factsFetch;
const ti = texts.factsImport;

const list = (xs: readonly string[]) =>
  xs
    .flatMap((x) => x.split(","))
    .map((x) => x.trim())
    .filter(Boolean);

/** "2023,2024" and "2020-2024" alike. */
function years(xs: readonly string[]): number[] {
  const out = new Set<number>();
  for (const y of list(xs)) {
    const range = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(y);
    if (range && Number(range[1]) <= Number(range[2]))
      for (let i = Number(range[1]); i <= Number(range[2]); i++) out.add(i);
    else if (/^\d{4}$/.test(y)) out.add(Number(y));
    else throw new UsageError(`--year: ${t.badYear(y)}`);
  }
  return [...out].sort((a, b) => a - b);
}

/** "Dim=a,b" pairs (repeated) as Dim → codes. */
function pairs(flag: string, xs: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const x of xs) {
    const eq = x.indexOf("=");
    if (eq <= 0 || eq === x.length - 1) throw new UsageError(t.badPair(flag, x));
    out[x.slice(0, eq).trim()] = list([x.slice(eq + 1)]);
  }
  return out;
}

function places(o: { kommun: string[]; lan: string[]; all: boolean }): PlaceSelection {
  const selection = selectPlaces(o);
  if (isEmptySelection(selection)) throw new UsageError(t.noPlaces);
  return selection;
}

/** Retries and backoff from the environment (tests and the impatient), else the defaults. */
function httpFromEnv(): Partial<Omit<HttpOptions, "service">> {
  const n = (name: string) => {
    const v = process.env[name];
    return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  const retries = n("MOTIONERA_HTTP_RETRIES");
  const minDelayMs = n("MOTIONERA_HTTP_MIN_DELAY_MS");
  return {
    ...(retries !== undefined ? { retries } : {}),
    ...(minDelayMs !== undefined ? { minDelayMs, maxDelayMs: Math.max(minDelayMs, 1) * 8 } : {}),
  };
}

/** --db and --json may stand before or after the subcommand (as `facts import` reads them). */
function ownAndParent(cmd: Command): Record<string, unknown> {
  const own = cmd.opts<Record<string, unknown>>();
  const up = [cmd.parent, cmd.parent?.parent].map((c) => c?.opts<{ db?: string; json?: boolean }>() ?? {});
  return { ...own, db: own.db ?? up[0]!.db ?? up[1]!.db, json: own.json === true || up.some((p) => p.json === true) };
}

const common = {
  kommun: z.array(z.string()).default([]),
  lan: z.array(z.string()).default([]),
  all: z.boolean().default(false),
  year: z.array(z.string()).default([]),
  key: z.string().trim().min(1).optional(),
  dryRun: z.boolean().default(false),
  json: z.boolean().default(false),
  db: z.string().optional(),
  databaseUrl: databaseUrlFlag,
};

const koladaSchema = z.object({
  ...common,
  kpi: z.array(z.string()).min(1),
  gender: z.string().optional(),
  koladaUrl: z.string().url().optional(),
});

const scbSchema = z.object({
  ...common,
  table: z.string().trim().min(1),
  contents: z.string().trim().min(1).optional(),
  valueCodes: z.array(z.string()).default([]),
  codelist: z.array(z.string()).default([]),
  regionDimension: z.string().trim().min(1).default("Region"),
  timeDimension: z.string().trim().min(1).default("Tid"),
  scbUrl: z.string().url().optional(),
});

/** A skipped place by name: "2582" → "Boden (2582)", "0001" → "Stockholms län (0001)". */
function placeLabel(code: string): string {
  const c = code.trim();
  const county = /^00\d\d$/.test(c) ? countyByCode(c.slice(2)) : /^\d\d$/.test(c) ? countyByCode(c) : undefined;
  const name =
    c === "0000" || c === "00" || c === "SE"
      ? "Sverige"
      : /^\d{4}$/.test(c)
        ? municipalityByCode(c)?.name
        : county?.name;
  return name ? `${name} (${c})` : c;
}

/** A created key as the report names it: key, label, type, format, unit, scopes. */
function createdLine(def: FactDefinition, done: boolean): string {
  const scopes = def.scopes.map((s: FactScope) => t.scopeWords[s] ?? s).join(", ");
  const format = def.format ? (t.formatWords[def.format] ?? def.format) : undefined;
  const details = t.keyDetails(t.typeWords[def.type] ?? def.type, format, def.unit?.many, scopes);
  return t.keyCreated(def.key, def.label, details, done);
}

function printReport(r: FetchReport, db: string): void {
  const out: string[] = [];
  const width = Math.max(...Object.values(ti.kinds).map((k) => k.length));
  for (const k of r.keys) {
    out.push(`${t.heading(k.key, k.label)} ${ti.counts(k.counts)}`);
    const created = r.createdKeys.find((d) => d.key === k.key);
    if (created) out.push(createdLine(created, r.committed));
    for (const f of k.facts) {
      const change = f.kind === "changed" && f.previous ? `${f.previous.shown} → ${f.shown}` : f.shown;
      out.push(
        `  ${ti.kinds[f.kind]!.padEnd(width)}  ${f.subjectName}, ${texts.facts.asOf} ${formatDate(f.asOf)}: ${change}`,
      );
    }
    if (k.skipped.length) {
      out.push(ti.skipped);
      for (const s of k.skipped.slice(0, 50)) out.push(t.skippedLine(placeLabel(s.subject ?? ""), s.reason));
      if (k.skipped.length > 50) out.push(`  ${ti.moreSkipped(k.skipped.length - 50)}`);
    }
    if (k.sourceTitle) out.push(t.source(k.sourceTitle, k.publisher, formatDate(r.fetchedOn)));
  }
  out.push(t.requests(r.urls.length, r.requests));
  const recorded = r.keys.reduce((n, k) => n + k.recorded, 0);
  out.push(r.committed ? ti.saved(recorded, db) : ti.dryRunNote(recorded));
  process.stdout.write(`${out.join("\n")}\n`);
}

/** The user's message for a failure of the fetch, or undefined for one reported the usual way. */
export function explainFetchFailure(
  e: unknown,
  asked: { kpis?: readonly string[]; table?: string },
): string | undefined {
  if (e instanceof StatisticsError) {
    const service = t.services[e.service] ?? e.service;
    const attempts = e.detail.attempts ?? 1;
    switch (e.failure) {
      case "offline":
        return t.failure.offline(service, new URL(e.url).host);
      case "timeout":
        return t.failure.timeout(service, attempts);
      case "rate_limited":
        return t.failure.rate_limited(service, attempts);
      case "server":
        return t.failure.server(service, e.detail.status, attempts);
      case "not_found":
        if (e.service === "kolada" && e.url.includes("/kpi/"))
          return t.failure.kpiNotFound(e.detail.text ?? asked.kpis?.join(", ") ?? "");
        if (e.service === "scb" && asked.table) return t.failure.tableNotFound(asked.table);
        return t.failure.notFound(service, e.url);
      case "refused":
        return t.failure.refused(service, e.detail.status, e.detail.text, e.url);
      case "malformed":
        return t.failure.malformed(service, e.detail.text, e.url);
    }
  }
  if (e instanceof NotByGender) return t.notByGender(e.kpi, e.gender);
  if (e instanceof ScbSelectionAmbiguous) {
    return t.ambiguous(e.table, e.dimensions.map((d) => `${d.id} (${d.codes.join(", ")})`).join("; "));
  }
  return undefined;
}

/** Runs a fetch: its own failures worded here (exit 1), the rest as every command reports them. */
async function reported(asked: { kpis?: readonly string[]; table?: string }, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (isMotioneraError(e) && e.details.code === "input_invalid")
      throw new UsageError(`${flagName(e.details.field)}: ${e.details.problem}`);
    const message = explainFetchFailure(e, asked);
    if (message === undefined) throw e;
    process.stderr.write(`motionera: ${message}\n`);
    process.exitCode = exitCodes.userError;
  }
}

/** The level below `facts fetch` and `facts kolada`: main.ts wires two levels, these are three deep. */
function asLeaf(c: Command): Command {
  return c.helpOption("-h, --help", texts.help).exitOverride();
}

function placeOptions(c: Command): Command {
  return c
    .option("--kommun <kommun>", t.kommun, collect)
    .option("--lan <län>", t.lan, collect)
    .option("--all", t.all, false)
    .option("--year <år>", t.year, collect)
    .option("--key <nyckel>", t.key)
    .option("--dry-run", t.dryRun, false)
    .addOption(sharedOption.json())
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl());
}

export function registerFactsFetch(facts: Command): void {
  const fetch = facts
    .command("fetch")
    .helpCommand(false)
    .summary(t.summary)
    .description(t.summary)
    .addHelpText("after", t.examples);

  const kolada = fetch.command("kolada").summary(t.koladaSummary).description(t.koladaSummary);
  placeOptions(asLeaf(kolada).requiredOption("--kpi <id>", t.kpi, collect))
    .option("--gender <K|M>", t.gender)
    .option("--kolada-url <url>", t.koladaUrl)
    .addHelpText("after", t.examples)
    .action(
      action(async (_opts: unknown, cmd: Command) => {
        const o = parseOptions(koladaSchema, ownAndParent(cmd));
        const kpis = list(o.kpi).map((k) => k.toUpperCase());
        for (const k of kpis) if (!kpiIdPattern.test(k)) throw new UsageError(`--kpi: ${t.badKpi(k)}`);
        const gender = o.gender?.trim().toUpperCase() ?? "T";
        if (gender !== "K" && gender !== "M" && gender !== "T") throw new UsageError(t.badGender);
        const req = { kpis, places: places(o), years: years(o.year), gender: gender as "T" | "K" | "M", key: o.key };
        const baseUrl = o.koladaUrl ?? process.env.KOLADA_URL ?? koladaDefaultUrl;
        await reported({ kpis }, async () => {
          const ws = await openWorkspace(o);
          const client = new KoladaClient({ baseUrl, ...httpFromEnv() });
          // Loaded here, with the facts import they go through: other commands never need them.
          const { fetchKoladaFacts } = await import("../../facts/fetch/kolada-facts.js");
          const report = await fetchKoladaFacts(ws.store, client, {
            ...req,
            fetchedOn: todayInSweden(),
            commit: !o.dryRun,
          });
          if (o.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          else printReport(report, ws.store.location);
        });
      }),
    );

  const scb = fetch.command("scb").summary(t.scbSummary).description(t.scbSummary);
  placeOptions(asLeaf(scb).requiredOption("--table <id>", t.table))
    .option("--contents <kod>", t.contents)
    .option("--value-codes <Dimension=kod,…>", t.valueCodes, collect)
    .option("--codelist <Dimension=id>", t.codelist, collect)
    .option("--region-dimension <namn>", t.regionDimension)
    .option("--time-dimension <namn>", t.timeDimension)
    .option("--scb-url <url>", t.scbUrl)
    .addHelpText("after", t.examples)
    .action(
      action(async (_opts: unknown, cmd: Command) => {
        const o = parseOptions(scbSchema, ownAndParent(cmd));
        if (!tableIdPattern.test(o.table)) throw new UsageError(`--table: ${t.badTable(o.table)}`);
        const valueCodes = pairs("--value-codes", o.valueCodes);
        if (o.contents) valueCodes.ContentsCode = [o.contents];
        const codelists = Object.fromEntries(
          Object.entries(pairs("--codelist", o.codelist)).map(([k, v]) => [k, v.join(",")]),
        );
        const req = {
          table: o.table,
          places: places(o),
          years: years(o.year).map(String),
          valueCodes,
          codelists,
          regionDimension: o.regionDimension,
          timeDimension: o.timeDimension,
          key: o.key,
        };
        const baseUrl = o.scbUrl ?? process.env.SCB_URL ?? scbDefaultUrl;
        await reported({ table: o.table }, async () => {
          const ws = await openWorkspace(o);
          const client = new ScbClient({ baseUrl, ...httpFromEnv() });
          const { fetchScbFacts } = await import("../../facts/fetch/scb-facts.js");
          const report = await fetchScbFacts(ws.store, client, {
            ...req,
            fetchedOn: todayInSweden(),
            commit: !o.dryRun,
          });
          if (o.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          else printReport(report, ws.store.location);
        });
      }),
    );

  const koladaGroup = facts.command("kolada").helpCommand(false).summary(t.koladaGroup).description(t.koladaGroup);
  asLeaf(koladaGroup.command("search"))
    .summary(t.koladaSearchSummary)
    .description(t.koladaSearchSummary)
    .argument("<ord...>", t.words)
    .option("--kolada-url <url>", t.koladaUrl)
    .addOption(sharedOption.json())
    .action(
      action(async (words: string[], o: { koladaUrl?: string; json: boolean }) => {
        const baseUrl = o.koladaUrl ?? process.env.KOLADA_URL ?? koladaDefaultUrl;
        await reported({}, async () => {
          const found = await new KoladaClient({ baseUrl, ...httpFromEnv() }).searchKpis(words.join(" "));
          const rows = found.map((k) => ({
            id: k.id,
            title: k.title,
            operating_area: k.operating_area ?? null,
            publication_date: k.publication_date ?? null,
          }));
          if (o.json) return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          const lines = rows.length === 0 ? [t.searchNone] : [t.searchHits(rows.length)];
          for (const r of rows) {
            const area = r.operating_area ? ` [${r.operating_area}]` : "";
            const date = r.publication_date ? `, ${t.published(formatDate(r.publication_date.slice(0, 10)))}` : "";
            lines.push(`  ${r.id}  ${r.title}${area}${date}`);
          }
          process.stdout.write(`${lines.join("\n")}\n`);
        });
      }),
    );

  const scbGroup = facts.command("scb").helpCommand(false).summary(t.scbGroup).description(t.scbGroup);
  asLeaf(scbGroup.command("search"))
    .summary(t.scbSearchSummary)
    .description(t.scbSearchSummary)
    .argument("<ord...>", t.words)
    .option("--scb-url <url>", t.scbUrl)
    .addOption(sharedOption.json())
    .action(
      action(async (words: string[], o: { scbUrl?: string; json: boolean }) => {
        const baseUrl = o.scbUrl ?? process.env.SCB_URL ?? scbDefaultUrl;
        await reported({}, async () => {
          const found = await new ScbClient({ baseUrl, ...httpFromEnv() }).searchTables(words.join(" "));
          if (o.json) return void process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
          const lines = found.length === 0 ? [t.searchNone] : [t.searchHits(found.length)];
          for (const tb of found) {
            const period = tb.firstPeriod && tb.lastPeriod ? ` (${tb.firstPeriod}–${tb.lastPeriod})` : "";
            lines.push(`  ${tb.id}  ${tb.label ?? ""}${period}`);
          }
          process.stdout.write(`${lines.join("\n")}\n`);
        });
      }),
    );
}
