/**
 * `motionera templates check`: everything loading a template refuses (YAML, schema,
 * Handlebars, unknown helpers and fact keys: the one code path, parseTemplate), then the rules
 * of the template guide a loader cannot refuse on its own: a citation outside a
 * {{#claim}} (a sentence about the municipality with no fact guard) and a figure written in the
 * template's text instead of cited. Each problem has its file, line and column.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { isMotioneraError } from "../domain/errors.js";
import { templateProblems } from "../messages.sv.js";
import { parseTemplate, type Template } from "./template-library.js";

export interface TemplateProblem {
  file: string;
  line?: number;
  column?: number;
  problem: string;
}

/** Helpers that put a fact's value or note into a sentence: they belong inside a claim. */
const citing = new Set(["cite", "source"]);
/** A figure: digits, except the number of an ordered list item at the start of a line ("1. "). */
const figure = /\d[\d\s,.–-]*/g;

/**
 * A template's text linted: `errors` are what loading it refuses (it cannot be used; at most
 * one, the first found), `warnings` the guide's rules a loader lets through (it can be used,
 * but a draft may state something no fact backs). `template` is the loaded template when
 * there is no error.
 */
export interface TemplateLint {
  template?: Template;
  errors: TemplateProblem[];
  warnings: TemplateProblem[];
}

/** Every problem of one template's text, errors and warnings together, in the order of the text. */
export function lintTemplateText(file: string, text: string): TemplateProblem[] {
  const { errors, warnings } = lintTemplate(file, text);
  return [...errors, ...warnings];
}

export function lintTemplate(file: string, text: string): TemplateLint {
  let template: Template;
  try {
    template = parseTemplate(file, text);
  } catch (e) {
    if (isMotioneraError(e) && e.details.code === "template_invalid") {
      const { line, column, problem } = e.details;
      return { errors: [{ file, ...(line ? { line } : {}), ...(column ? { column } : {}), problem }], warnings: [] };
    }
    throw e;
  }
  return { template, errors: [], warnings: guideProblems(file, template) };
}

/** The guide's rules: citations outside a claim, figures in the template's own text. */
function guideProblems(file: string, template: Template): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const at = (line: number, column: number) => ({ line: template.bodyLine + line - 1, column: column + 1 });
  const visit = (node: unknown, inClaim: boolean): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, inClaim);
      return;
    }
    const n = node as hbs.AST.Node & Record<string, unknown>;
    const name = (n.path as hbs.AST.PathExpression | undefined)?.original;
    if (n.type === "ContentStatement" && !inClaim) {
      const content = n as unknown as hbs.AST.ContentStatement;
      for (const m of content.value.matchAll(figure)) {
        const before = content.value.slice(0, m.index);
        const lineStart = before.lastIndexOf("\n") + 1;
        const rest = content.value.slice(lineStart);
        if (m.index === lineStart && /^\d+\.\s/.test(rest)) continue;
        const lines = before.split("\n");
        const line = content.loc.start.line + lines.length - 1;
        const column = lines.length === 1 ? content.loc.start.column + before.length : lines.at(-1)!.length;
        out.push({ file, ...at(line, column), problem: templateProblems.figureInText(m[0].trim()) });
      }
    }
    if (n.type === "MustacheStatement" && typeof name === "string" && citing.has(name) && !inClaim) {
      const key = ((n.params as hbs.AST.StringLiteral[])[0]?.value ?? "").toString();
      out.push({
        file,
        ...at(n.loc.start.line, n.loc.start.column),
        problem: templateProblems.citeOutsideClaim(name, key),
      });
    }
    if (n.type === "BlockStatement") {
      const block = n as unknown as hbs.AST.BlockStatement;
      visit(block.params, inClaim);
      visit(block.program, inClaim || name === "claim");
      visit(block.inverse, inClaim);
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== "loc" && typeof v === "object") visit(v, inClaim);
  };
  visit(Handlebars.parse(template.body).body, false);
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Every template file under `path` (a templates folder, a kind folder or one .hbs file). */
export function templateFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? templateFiles(join(path, e.name)) : e.name.endsWith(".hbs") ? [join(path, e.name)] : [],
    )
    .sort();
}

/** Lints every template under `path`; files are named as given (relative to where the user stands). */
export function lintTemplates(path: string): { files: number; problems: TemplateProblem[] } {
  const files = templateFiles(path);
  return { files: files.length, problems: files.flatMap((f) => lintTemplateText(f, readFileSync(f, "utf8"))) };
}
