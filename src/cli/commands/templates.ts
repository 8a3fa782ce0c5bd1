import type { Command } from "commander";
import type { Template } from "../../compose/template-library.js";
import { templateSummary } from "../../compose/template-summary.js";
import { action } from "../run.js";
import { openWorkspace, sharedOption } from "../shared-options.js";
import { texts } from "../messages.sv.js";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { starterTemplate } from "../../compose/template-starter.js";
import { documentKinds } from "../../domain/template.js";
import { templatesDir } from "../../project-paths.js";
import { UsageError } from "../run.js";

const t = texts.templates;

function describe(tpl: Template): string {
  const s = templateSummary(tpl);
  const inputs = s.inputs.length
    ? s.inputs
        .map((i) => {
          const extra = [
            i.type === "choice" ? i.options.join("|") : i.type,
            i.required ? t.required : t.optional,
            i.default !== undefined ? `${t.default}: ${String(i.default)}` : "",
          ].filter(Boolean);
          return `  ${i.name}  ${i.label} (${extra.join(", ")})${i.help ? `\n      ${i.help}` : ""}`;
        })
        .join("\n")
    : `  ${t.none}`;
  const facts =
    s.facts
      .map((f) => `  ${f.key}  ${f.label} (${f.required ? t.required : t.optional}${f.maxAge ? `, ${f.maxAge}` : ""})`)
      .join("\n") || `  ${t.none}`;
  const example = s.inputs
    .filter((i) => i.required && i.default === undefined)
    .map((i) => ` --set ${i.name}="…"`)
    .join("");
  return [
    `${s.title}  [${s.id}, ${s.kind}]`,
    s.description,
    `${t.file}: ${tpl.file}`,
    `${t.topics}: ${s.topics.join(", ") || t.none}`,
    `${t.maxAge}: ${s.maxAge}`,
    `${t.inputs}:\n${inputs}`,
    `${t.facts}:\n${facts}`,
    `${t.usage}:\n  motionera draft --template ${s.id} --kommun <kommun> --author "Namn (Parti), roll"${example}`,
  ].join("\n");
}

export function registerTemplates(program: Command): void {
  const cmd = program
    .command("templates")
    .summary(t.summary)
    .description(t.summary)
    .addOption(sharedOption.json())
    .addOption(sharedOption.templates())
    .action(
      action(async (o: { json: boolean; templates?: string }) => {
        const ws = await openWorkspace(o);
        const all = (await ws.templates()).all();
        if (o.json) {
          process.stdout.write(
            `${JSON.stringify(
              all.map((x) => {
                const s = templateSummary(x);
                return { id: s.id, kind: s.kind, title: s.title, inputs: s.inputs, facts: s.facts };
              }),
              null,
              2,
            )}\n`,
          );
          return;
        }
        const width = Math.max(...all.map((x) => x.frontMatter.id.length));
        for (const x of all)
          process.stdout.write(
            `${x.frontMatter.id.padEnd(width)}  ${x.frontMatter.kind.padEnd(15)}  ${x.frontMatter.title}\n`,
          );
      }),
    );
  cmd
    .command("show")
    .summary(t.showSummary)
    .description(t.showSummary)
    .argument("<id>", t.id)
    .addOption(sharedOption.json())
    .addOption(sharedOption.templates())
    .action(
      action(async (id: string, o: { json: boolean; templates?: string }) => {
        const ws = await openWorkspace(o);
        const tpl = (await ws.templates()).get(id);
        process.stdout.write(o.json ? `${JSON.stringify(templateSummary(tpl), null, 2)}\n` : `${describe(tpl)}\n`);
      }),
    );
  cmd
    .command("check")
    .summary(t.checkSummary)
    .description(t.checkSummary)
    .argument("[path]", t.checkPath)
    .addOption(sharedOption.json())
    .action(
      action(async (path: string | undefined, o: { json: boolean }) => {
        // Loaded here, with Handlebars and the YAML parser: the other commands that need them load them themselves.
        const { lintTemplates } = await import("../../compose/template-lint.js");
        const { files, problems } = lintTemplates(path ?? templatesDir());
        if (o.json) process.stdout.write(`${JSON.stringify({ files, problems }, null, 2)}\n`);
        else {
          for (const p of problems) {
            const at = p.line ? `:${p.line}${p.column ? `:${p.column}` : ""}` : "";
            process.stdout.write(`${p.file}${at}: ${p.problem}\n`);
          }
          process.stdout.write(`${problems.length ? t.checkFailed(problems.length, files) : t.checkOk(files)}\n`);
        }
        if (problems.length > 0) process.exitCode = 1;
      }),
    );
  cmd
    .command("new")
    .summary(t.newSummary)
    .description(t.newSummary)
    .argument("<id>", t.id)
    .requiredOption("--kind <kind>", t.newKind)
    .option("--dir <dir>", t.newDir)
    .action(
      action(async (id: string, o: { kind: string; dir?: string }) => {
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new UsageError(t.newBadId(id));
        const kind = documentKinds.find((k) => k === o.kind);
        if (!kind) throw new UsageError(t.newBadKind(o.kind));
        const folder = join(o.dir ?? templatesDir(), kind);
        const file = join(folder, `${id}.hbs`);
        if (existsSync(file)) throw new UsageError(t.newExists(file));
        mkdirSync(folder, { recursive: true });
        writeFileSync(file, starterTemplate(id, kind), { flag: "wx" });
        process.stdout.write(`${t.newWritten(file)}\n`);
      }),
    );
}
