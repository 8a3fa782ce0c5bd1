/**
 * Splits a template file into YAML front matter and body, and validates the front matter
 * with zod. Every problem is reported with the file, line and column it comes from.
 */
import { LineCounter, parseDocument, isNode, visit, type Alias } from "yaml";
import { frontMatterSchema, type FrontMatter } from "../domain/template.js";
import { MotioneraError } from "../domain/errors.js";
import { templateProblems } from "../messages.sv.js";

export interface SplitTemplate {
  frontMatter: FrontMatter;
  /** The front matter as YAML gave it, before zod checked it and filled in defaults. */
  source: unknown;
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
}

const fence = /^---[ \t]*$/;

export function splitTemplate(file: string, text: string): SplitTemplate {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const fail = (problem: string, line?: number, column?: number): never => {
    throw new MotioneraError({
      code: "template_invalid",
      file,
      problem,
      ...(line ? { line } : {}),
      ...(column ? { column } : {}),
    });
  };
  if (!fence.test(lines[0] ?? "")) fail(templateProblems.noFrontMatter, 1, 1);
  const end = lines.findIndex((l, i) => i > 0 && fence.test(l));
  if (end < 0) fail(templateProblems.frontMatterUnclosed, 1, 1);
  const yamlText = lines.slice(1, end).join("\n");
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const yamlLine = (offset: number) => {
    const p = counter.linePos(offset);
    return { line: p.line + 1, column: p.col }; // +1: the opening fence is line 1 of the file
  };
  const yamlError = doc.errors[0];
  if (yamlError) {
    const at = yamlLine(yamlError.pos[0]);
    // The parser turns its own stack overflow into an error; say what it means.
    const message = /call stack/i.test(yamlError.message)
      ? templateProblems.frontMatterTooDeep
      : yamlError.message.split("\n")[0];
    fail(`YAML: ${message}`, at.line, at.column);
  }
  // Aliases (*name) repeat an anchored value (&name); nested, a few lines become billions of
  // values (the "billion laughs"). Front matter needs none, so the first is refused where it stands.
  let alias: Alias | undefined;
  visit(doc, {
    Alias: (_key, node) => {
      alias = node;
      return visit.BREAK;
    },
  });
  if (alias) {
    const at = yamlLine(alias.range?.[0] ?? 0);
    fail(templateProblems.yamlAlias(String(alias.source)), at.line, at.column);
  }
  let value: unknown;
  try {
    // No alias is left to resolve; 0 makes the yaml package refuse one rather than expand it.
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    fail(templateProblems.frontMatterUnreadable(String(String((e as Error)?.message ?? e).split("\n")[0])), 2, 1);
  }
  const parsed = frontMatterSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Point at the deepest node of the path that exists in the YAML.
    let path = [...issue.path];
    let node: unknown;
    while (path.length > 0) {
      node = doc.getIn(path, true);
      if (isNode(node)) break;
      path = path.slice(0, -1);
    }
    const range = isNode(node) ? node.range : undefined;
    const at = range ? yamlLine(range[0]) : { line: 2, column: 1 };
    const where = issue.path.length ? `${issue.path.map(String).join(".")}: ` : "";
    fail(`${where}${issue.message}`, at.line, at.column);
  }
  return { frontMatter: parsed.data!, source: value, body: lines.slice(end + 1).join("\n"), bodyLine: end + 2 };
}
