import { resolve } from "node:path";
import type { Command } from "commander";
import { z } from "../../domain/zod.js";
import type { CorpusDocument } from "../../domain/corpus-document.js";
import { MotioneraError } from "../../domain/errors.js";
import { writeFileDurably } from "../../files/durable-write.js";
import { explainError, explainReadProblem, riksdagenTexts } from "../../messages.sv.js";
import { exportFormats } from "../../corpus/export-formats.js";
import { resolveFilters, type FilterInput } from "../../corpus/filters.js";
import type { ImportOutcome, ImportSummary } from "../../corpus/import/import-files.js";
import { parseOverrides } from "../../corpus/import/overrides.js";
import type { SearchQuery, SearchResult, Snippet } from "../../corpus/search/index.js";
import type { Store } from "../../store/store.js";
import { argumentTypeLabel, topicLabel } from "../../domain/vocabulary.js";
import { factDefinition } from "../../facts/catalog.js";
import { formatFactValue } from "../../facts/format-value.js";
import { formatDate } from "../../lang/dates.js";
import { nearest } from "../../lang/nearest.js";
import { action, parseOptions, UsageError } from "../run.js";
import { databaseUrlFlag, openWorkspace, sharedOption } from "../shared-options.js";
import { texts } from "../messages.sv.js";
import { collect, parseSets } from "../option-values.js";
import { progressLine } from "../progress.js";

const t = texts.corpus;
const year = z.coerce.number().int().min(1900).max(2100);

const filterOptions = z.object({
  kind: z.array(z.string()).optional(),
  party: z.array(z.string()).optional(),
  kommun: z.array(z.string()).optional(),
  lan: z.array(z.string()).optional(),
  topic: z.array(z.string()).optional(),
  from: year.optional(),
  to: year.optional(),
  db: z.string().optional(),
  databaseUrl: databaseUrlFlag,
  json: z.boolean().default(false),
});

/** The search engines `corpus search --motor` names: the embedded index (default) or PostgreSQL's own. */
const searchMotors = ["index", "postgres"] as const;

/** Searches with the engine named: the index built from the store's documents, or SQL on its database. */
async function searchWith(motor: (typeof searchMotors)[number], store: Store, q: SearchQuery): Promise<SearchResult> {
  if (motor === "postgres") {
    const { PostgresStore } = await import("../../store/postgres/postgres-store.js");
    if (!(store instanceof PostgresStore)) throw new UsageError(t.motorNeedsPostgres);
    const { PostgresSearch } = await import("../../corpus/search/postgres/index.js");
    return new PostgresSearch(store.pool).search(q);
  }
  const { openIndex } = await import("../../corpus/search/index.js");
  const { index } = await openIndex(store);
  return index.search(q);
}

function withFilters(cmd: Command): Command {
  return cmd
    .option("--kind <typ>", t.kind, collect)
    .option("--party <parti>", t.party, collect)
    .option("--kommun <kommun>", t.kommun, collect)
    .option("--lan <län>", t.lan, collect)
    .option("--topic <ämne>", t.topic, collect)
    .option("--from <år>", t.from)
    .option("--to <år>", t.to)
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl());
}

function filterInput(o: z.infer<typeof filterOptions>): FilterInput {
  return {
    ...(o.kind ? { kind: o.kind } : {}),
    ...(o.party ? { party: o.party } : {}),
    ...(o.kommun ? { kommun: o.kommun } : {}),
    ...(o.lan ? { lan: o.lan } : {}),
    ...(o.topic ? { topic: o.topic } : {}),
    ...(o.from !== undefined ? { from: o.from } : {}),
    ...(o.to !== undefined ? { to: o.to } : {}),
  };
}

/** Marks matched words: bold on a terminal, «…» when the output goes to a file or a pipe. */
function highlight(s: Snippet): string {
  const tty = process.stdout.isTTY;
  let out = "";
  let at = 0;
  for (const [a, b] of [...s.marks].sort((x, y) => x[0] - y[0])) {
    if (a < at) continue;
    out += s.text.slice(at, a) + (tty ? `\x1b[1m${s.text.slice(a, b)}\x1b[22m` : `«${s.text.slice(a, b)}»`);
    at = b;
  }
  return out + s.text.slice(at);
}

function printSearch(r: SearchResult, query: string): void {
  process.stdout.write(`${t.hits(r.total, r.hits.length, !query ? "" : query.includes('"') ? query : `"${query}"`)}\n`);
  r.hits.forEach((h, i) => {
    process.stdout.write(`\n${i + 1}. ${h.title} [${h.kind}]\n   ${h.citation}\n`);
    if (h.snippet.text) process.stdout.write(`   ${highlight(h.snippet)}\n`);
    process.stdout.write(`   ${t.fields.id}: ${h.id}\n`);
  });
  process.stdout.write(`\n${t.facetHeading}\n`);
  for (const [name, values] of Object.entries(r.facets)) {
    if (values.length === 0) continue;
    process.stdout.write(
      `  ${t.facetNames[name] ?? name}: ${values
        .slice(0, 12)
        .map((v) => `${v.label} ${v.count}`)
        .join(" · ")}${values.length > 12 ? " …" : ""}\n`,
    );
  }
}

/** How many records the text report shows in full; the rest are counted (--json gives every one). */
const shownInFull = 20;

/**
 * The report of an import as its outcomes come: on stdout, each record in full (the first ones) or as JSON (an array
 * written item by item, so a large import is never held whole); failures and the summary at the end.
 */
function importReport(json: boolean, dryRun: boolean, beforePrint: () => void) {
  const failed: Extract<ImportOutcome, { ok: false }>[] = [];
  const metadataOnly = new Map<string, number>();
  let count = 0;
  let shown = 0;
  return {
    outcome(x: ImportOutcome): void {
      if (!x.ok) failed.push(x);
      else if (x.metadataOnly) {
        const file = x.file.replace(/#\d+$/, "");
        metadataOnly.set(file, (metadataOnly.get(file) ?? 0) + 1);
      }
      if (json) {
        const item = x.ok
          ? {
              file: x.file,
              ok: true,
              action: x.action,
              dryRun,
              record: x.record,
              ...(x.metadataOnly ? { note: riksdagenTexts.metadataOnlyRecord } : {}),
            }
          : { file: x.file, ok: false, error: problemText(x) };
        process.stdout.write(`${count === 0 ? "[\n" : ",\n"}${JSON.stringify(item, null, 2)}`);
      } else if (x.ok && shown < shownInFull) {
        beforePrint();
        printRecord(x);
        shown++;
      }
      count++;
    },
    end(s: ImportSummary): void {
      if (json) {
        process.stdout.write(count === 0 ? "[]\n" : "\n]\n");
        return;
      }
      const ok = s.added + s.updated + s.unchanged;
      if (ok > shown) process.stdout.write(`\n${t.moreNotShown(ok - shown)}\n`);
      for (const [file, n] of metadataOnly) process.stdout.write(`\n${riksdagenTexts.metadataOnly(file, n)}\n`);
      process.stdout.write(`\n${t.importSummaryLine(ok, s.failed, s.added, s.updated)}\n`);
      if (s.unchanged > 0) process.stdout.write(`${t.skippedLine(s.unchanged)}\n`);
      if (dryRun) process.stdout.write(`${t.dryRunNote}\n`);
      if (failed.length)
        process.stderr.write(`${t.failures}\n${failed.map((x) => `  ${x.file}: ${problemText(x)}`).join("\n")}\n`);
    },
  };
}

/** One imported record in full, with what the tagger read and how sure it was. */
function printRecord(o: Extract<ImportOutcome, { ok: true }>): void {
  const r = o.record;
  const f = t.fields;
  process.stdout.write(
    `\n${o.file} → ${r.id} ` +
      `(${t.actions[o.action]}${o.encoding && o.encoding !== "utf-8" ? `, ${o.encoding}` : ""})\n`,
  );
  const line = (field: string, value: string) => {
    const tag = r.tagging?.[field];
    process.stdout.write(
      `  ${(f[field] ?? field).padEnd(14)} ${value || t.none}` +
        `${tag ? `   [${t.sure(tag.confidence)} ${Math.round(tag.confidence * 100)} %: ${tag.evidence}]` : ""}\n`,
    );
  };
  line("kind", `${r.kind} (${r.level})`);
  if (r.designation) line("designation", `${r.designation}${r.externalId ? ` (${r.externalId})` : ""}`);
  if (r.category) line("category", r.category);
  if (r.committee) line("committee", r.committee);
  line("municipality", r.municipality ? `${r.municipality.name} (${r.municipality.code})` : "");
  line("county", r.county?.name ?? "");
  line("parties", r.parties.join(", "));
  line(
    "authors",
    r.authors.map((a) => `${a.name}${a.party ? ` (${a.party})` : ""}${a.role ? `, ${a.role}` : ""}`).join("; "),
  );
  if (r.addressee || r.kind === "interpellation" || r.kind === "fråga") line("addressee", r.addressee ?? "");
  line("date", r.date ? formatDate(r.date) : "");
  line("title", r.title);
  line("topics", r.topics.map(topicLabel).join(", "));
  line(
    "proposals",
    r.proposals.length ? `${r.proposals.length}: ${r.proposals[0]}${r.proposals.length > 1 ? " …" : ""}` : "",
  );
  line(
    "questions",
    r.questions.length ? `${r.questions.length}: ${r.questions[0]}${r.questions.length > 1 ? " …" : ""}` : "",
  );
}

function problemText(o: Extract<ImportOutcome, { ok: false }>): string {
  return o.problem.kind === "read" ? explainReadProblem(o.problem.problem) : explainError(o.problem.details);
}

function showDocument(d: CorpusDocument, facts: { id: string; text: string }[]): string {
  const f = t.fields;
  const lines = [
    d.title,
    `${d.kind}, ${d.level}${d.municipality ? `, ${d.municipality.name}` : ""}` +
      `${d.county ? `, ${d.county.name}` : ""}${d.date ? `, ${formatDate(d.date)}` : ""}`,
    `${f.id}: ${d.id}`,
  ];
  if (d.parties.length) lines.push(`${f.parties}: ${d.parties.join(", ")}`);
  if (d.authors.length)
    lines.push(
      `${f.authors}: ${d.authors
        .map((a) => `${a.name}${a.party ? ` (${a.party})` : ""}${a.role ? `, ${a.role}` : ""}`)
        .join("; ")}`,
    );
  if (d.designation) lines.push(`${f.designation}: ${d.designation}${d.externalId ? ` (${d.externalId})` : ""}`);
  if (d.category) lines.push(`${f.category}: ${d.category}`);
  if (d.committee) lines.push(`${f.committee}: ${d.committee}`);
  if (d.addressee) lines.push(`${f.addressee}: ${d.addressee}`);
  if (d.outlet) lines.push(`${f.outlet}: ${d.outlet}`);
  if (d.topics.length) lines.push(`${f.topics}: ${d.topics.map(topicLabel).join(", ")}`);
  if (d.summary) lines.push("", `${f.summary}:`, `  ${d.summary}`);
  if (d.arguments.length)
    lines.push(
      "",
      `${f.arguments}:`,
      ...d.arguments.map((a, i) => `  ${i + 1}. (${t.stance[a.stance]}, ${argumentTypeLabel(a.type)}) ${a.claim}`),
      `  ${t.useArgument(d.id)}`,
    );
  if (d.proposals.length)
    lines.push(
      "",
      `${f.proposals}:`,
      ...d.proposals.map((p, i) => {
        const dec = d.decisions?.[i];
        const said = [
          dec?.committee && `${f.committeeDecision}: ${dec.committee}`,
          dec?.chamber && `${f.chamberDecision}: ${dec.chamber}`,
        ]
          .filter(Boolean)
          .join("; ");
        return `  – ${p}${said ? ` [${said}]` : ""}`;
      }),
    );
  if (d.questions.length) lines.push("", `${f.questions}:`, ...d.questions.map((q, i) => `  ${i + 1}. ${q}`));
  if (facts.length) lines.push("", `${f.facts}:`, ...facts.map((x) => `  – ${x.text} [${x.id}]`));
  const s = d.source;
  lines.push(
    "",
    `${f.source}: ${[s.title, s.publisher, s.date ? formatDate(s.date) : "", s.url, s.reference]
      .filter(Boolean)
      .join(", ")}`,
  );
  if (d.imported) lines.push(`${f.imported}: ${d.imported.file} (${d.imported.format}), ${d.imported.at.slice(0, 10)}`);
  return lines.join("\n");
}

export function registerCorpus(program: Command): void {
  const corpus = program
    .command("corpus")
    .summary(t.summary)
    .description(t.summary)
    .enablePositionalOptions()
    .addHelpText("after", t.examples);

  corpus
    .command("import")
    .summary(t.importSummary)
    .description(t.importSummary)
    .argument("<files...>", t.files)
    .option("--dry-run", t.dryRun, false)
    .option("-s, --set <namn=värde>", t.set, collect)
    .option("--batch <antal>", t.batch, "1000")
    .addOption(sharedOption.json())
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .action(
      action(async (files: string[], raw: unknown) => {
        const o = parseOptions(
          z.object({
            dryRun: z.boolean(),
            set: z.array(z.string()).default([]),
            batch: z.coerce.number().int().min(1).max(1_000_000),
            json: z.boolean(),
            db: z.string().optional(),
            databaseUrl: databaseUrlFlag,
          }),
          raw,
        );
        const overrides = parseOverrides(parseSets(o.set));
        const ws = await openWorkspace(o);
        const { importInBatches } = await import("../../corpus/import/import-batches.js");
        const { readManyOnImportThread, readOnImportThread } = await import("../../threads/import-threads.js");
        // This process only imports: its heap is collected more often, so memory stays flat as the import goes on.
        (await import("../../corpus/import/import-heap.js")).collectOftenDuringImport();
        const progress = progressLine({
          write: (text) => process.stderr.write(text),
          tty: process.stderr.isTTY === true,
          line: t.progress,
        });
        const report = importReport(o.json, o.dryRun, () => progress.clear());
        // Ctrl-C: every batch written so far is whole; the one being written is all or nothing.
        const interrupted = () => {
          process.stderr.write(`\n${t.interrupted}\n`);
          process.exit(130);
        };
        process.once("SIGINT", interrupted);
        // Each file read and tagged on the import thread, as the service does; a write per batch.
        const summary = await importInBatches(ws.store, files, {
          dryRun: o.dryRun,
          overrides,
          read: readOnImportThread(),
          readMany: readManyOnImportThread(),
          batchSize: o.batch,
          onOutcome: report.outcome,
          onProgress: (done, total) => progress.update(done, total),
        });
        process.off("SIGINT", interrupted);
        progress.finish();
        report.end(summary);
        if (summary.failed) process.exitCode = 1;
      }),
    );

  withFilters(
    corpus
      .command("search")
      .summary(t.searchSummary)
      .description(t.searchSummary)
      .argument("[query]", t.query, "")
      .option("--limit <n>", t.limit, "10")
      .option("--motor <motor>", t.motor, "index")
      .addOption(sharedOption.json()),
  ).action(
    action(async (query: string, raw: unknown) => {
      const o = parseOptions(
        filterOptions.extend({
          limit: z.coerce.number().int().min(1).max(1000),
          motor: z.enum(searchMotors, { error: t.motorInvalid }),
        }),
        raw,
      );
      const filters = resolveFilters(filterInput(o));
      const ws = await openWorkspace(o);
      const result = await searchWith(o.motor, ws.store, { text: query, filters, limit: o.limit });
      if (o.json) process.stdout.write(`${JSON.stringify({ query, filters, ...result }, null, 2)}\n`);
      else printSearch(result, query);
    }),
  );

  corpus
    .command("show")
    .summary(t.showSummary)
    .description(t.showSummary)
    .argument("<id>", t.id)
    .addOption(sharedOption.json())
    .addOption(sharedOption.db())
    .addOption(sharedOption.databaseUrl())
    .action(
      action(async (id: string, o: { json: boolean; db?: string }) => {
        const ws = await openWorkspace(o);
        const doc = await ws.store.document(id.trim());
        if (!doc) {
          const ids = (await ws.store.documents()).map((d) => d.id);
          throw new UsageError(t.notFound(id, nearest(id, ids, 3)));
        }
        const registry = await ws.facts();
        const facts = doc.facts.map((fid) => {
          const f = registry.byId(fid);
          if (!f) return { id: fid, text: t.factNotInRegistry };
          const def = factDefinition(f.key);
          return {
            id: fid,
            text:
              `${def?.label ?? f.key}: ${formatFactValue(f.value, def)}${f.asOf ? ` (${formatDate(f.asOf)})` : ""}; ` +
              `${[f.source.title, f.source.publisher].filter(Boolean).join(", ")}`,
          };
        });
        if (o.json)
          process.stdout.write(
            `${JSON.stringify(
              { ...doc, factDetails: facts.map((x) => ({ id: x.id, ...((registry.byId(x.id) ?? {}) as object) })) },
              null,
              2,
            )}\n`,
          );
        else process.stdout.write(`${showDocument(doc, facts)}\n`);
      }),
    );

  withFilters(
    corpus
      .command("export")
      .summary(t.exportSummary)
      .description(t.exportSummary)
      .argument("[query]", t.query, "")
      .option("--format <format>", t.exportFormat, "csv")
      .option("-o, --out <fil>", t.exportOut)
      .option("--full-text", t.fullText, false),
  ).action(
    action(async (query: string, raw: unknown) => {
      const o = parseOptions(
        filterOptions.extend({ format: z.enum(exportFormats), out: z.string().optional(), fullText: z.boolean() }),
        raw,
      );
      const filters = resolveFilters(filterInput(o));
      const ws = await openWorkspace(o);
      const all = await ws.store.documents();
      let docs: readonly CorpusDocument[] = all;
      if (query.trim() || Object.keys(filters).length > 0) {
        const { openIndex } = await import("../../corpus/search/index.js");
        const { index } = await openIndex(ws.store);
        const ids = query.trim()
          ? index.search({ text: query, filters, limit: Number.MAX_SAFE_INTEGER }).hits.map((h) => h.id)
          : index.filter(filters);
        const byId = new Map(all.map((d) => [d.id, d]));
        docs = ids.map((id) => byId.get(id)).filter((d): d is CorpusDocument => d !== undefined);
      }
      const { exportDocuments } = await import("../../corpus/export.js");
      const text = exportDocuments(docs, o.format, { fullText: o.fullText });
      if (!o.out) {
        process.stdout.write(text);
        return;
      }
      const target = resolve(o.out);
      try {
        await writeFileDurably(target, text); // a failure (a folder, a full disk) removes its temp file
      } catch (e) {
        throw new MotioneraError({ code: "output_failed", path: target, problem: (e as Error).message });
      }
      process.stderr.write(`${docs.length} → ${target}\n`);
    }),
  );
}
