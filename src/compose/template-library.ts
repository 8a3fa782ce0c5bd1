/**
 * Finds templates (templates/<kind>/<id>.hbs), validates each one when loaded, and compiles
 * its body once. A broken template is reported with its file, line, column and problem.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import Handlebars from "handlebars";
import type { FrontMatter } from "../domain/template.js";
import { documentKinds } from "../domain/template.js";
import { MotioneraError } from "../domain/errors.js";
import { factDefinition } from "../facts/catalog.js";
import { nearest } from "../lang/nearest.js";
import { splitTemplate } from "./front-matter.js";
import { helpers, factHelpers, type HelperName } from "./helpers.js";

export interface Template {
  /** Path relative to the project (or absolute if outside it), for messages. */
  file: string;
  frontMatter: FrontMatter;
  body: string;
  bodyLine: number;
  render: Handlebars.TemplateDelegate;
}

const hb = Handlebars.create();
hb.registerHelper(helpers);

const knownHelpers = Object.fromEntries(Object.keys(helpers).map((name) => [name, true])) as Record<HelperName, true>;
const compileOptions = { noEscape: true, strict: true, knownHelpersOnly: true, knownHelpers } as const;

type AstNode = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };

function fail(file: string, problem: string, line?: number, column?: number): never {
  throw new MotioneraError({ code: "template_invalid", file, problem, ...(line ? { line } : {}), ...(column !== undefined ? { column: column + 1 } : {}) });
}

/** Walks the Handlebars AST: fact keys must be declared in front matter and known; inputs declared. */
function checkBody(file: string, ast: hbs.AST.Program, fm: FrontMatter, bodyLine: number): void {
  const declaredFacts = new Set(fm.facts.map((f) => f.key));
  const declaredInputs = new Set(fm.inputs.map((i) => i.name));
  const at = (n: AstNode) => [bodyLine + (n.loc?.start.line ?? 1) - 1, n.loc?.start.column] as const;

  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as AstNode & Record<string, unknown>;
    if (n.type === "MustacheStatement" || n.type === "BlockStatement" || n.type === "SubExpression") {
      const path = n["path"] as hbs.AST.PathExpression | undefined;
      const name = path?.original;
      if (typeof name === "string" && (factHelpers as readonly string[]).includes(name)) {
        const first = (n["params"] as hbs.AST.Expression[])[0];
        if (!first || first.type !== "StringLiteral") fail(file, `${name}: första argumentet ska vara en faktanyckel inom citattecken`, ...at(n));
        const key = (first as hbs.AST.StringLiteral).value;
        if (!factDefinition(key)) fail(file, `okänd faktanyckel "${key}"`, ...at(n));
        if (!declaredFacts.has(key)) fail(file, `faktanyckeln "${key}" används men står inte under facts: i front matter`, ...at(n));
      }
    }
    if (n.type === "PathExpression") {
      const parts = (n as unknown as hbs.AST.PathExpression).parts;
      if (parts[0] === "input" && parts[1] !== undefined && !declaredInputs.has(parts[1])) {
        fail(file, `input.${parts[1]} används men står inte under inputs: i front matter`, ...at(n));
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== "loc" && k !== "strip" && typeof v === "object") visit(v);
  };
  visit(ast.body);
}

/** Parses, validates and compiles one template file's text. */
export function parseTemplate(file: string, text: string): Template {
  const { frontMatter, body, bodyLine } = splitTemplate(file, text);
  for (const f of frontMatter.facts) {
    if (!factDefinition(f.key)) fail(file, `facts: okänd faktanyckel "${f.key}"`);
  }
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(body);
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    const line = err.lineNumber ?? Number(/line (\d+)/.exec(err.message)?.[1] ?? 1);
    fail(file, `Handlebars: ${err.message.split("\n")[0]}`, bodyLine + line - 1, err.column);
  }
  checkBody(file, ast, frontMatter, bodyLine);
  let render: Handlebars.TemplateDelegate;
  try {
    render = hb.compile(ast, compileOptions);
    // Compilation is lazy in Handlebars; force it so unknown helpers are reported now.
    (hb.precompile as (input: unknown, options: unknown) => string)(ast, compileOptions);
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    fail(file, `Handlebars: ${err.message.split("\n")[0]}`, err.lineNumber ? bodyLine + err.lineNumber - 1 : undefined, err.column);
  }
  return { file, frontMatter, body, bodyLine, render };
}

export class TemplateLibrary {
  readonly #byId = new Map<string, Template>();

  constructor(templates: readonly Template[]) {
    for (const t of templates) {
      const other = this.#byId.get(t.frontMatter.id);
      if (other) fail(t.file, `id "${t.frontMatter.id}" används redan av ${other.file}`);
      this.#byId.set(t.frontMatter.id, t);
    }
  }

  /** Loads every templates/<kind>/<id>.hbs under `dir`; the folder must match the kind and the file name the id. */
  static load(dir: string, base = dir): TemplateLibrary {
    const templates: Template[] = [];
    if (!existsSync(dir)) return new TemplateLibrary([]);
    for (const kind of readdirSync(dir, { withFileTypes: true })) {
      if (!kind.isDirectory()) continue;
      for (const f of readdirSync(join(dir, kind.name))) {
        if (!f.endsWith(".hbs")) continue;
        const path = join(dir, kind.name, f);
        const file = relative(join(base, ".."), path);
        const t = parseTemplate(file, readFileSync(path, "utf8"));
        if (!(documentKinds as readonly string[]).includes(kind.name)) fail(file, `mappen ${kind.name}/ är ingen dokumenttyp (${documentKinds.join(", ")})`);
        if (t.frontMatter.kind !== kind.name) fail(file, `kind: ${t.frontMatter.kind} men filen ligger i ${kind.name}/`, 2);
        if (`${t.frontMatter.id}.hbs` !== f) fail(file, `id: ${t.frontMatter.id} men filen heter ${f}`, 2);
        templates.push(t);
      }
    }
    return new TemplateLibrary(templates);
  }

  all(): Template[] {
    return [...this.#byId.values()].sort(
      (a, b) => documentKinds.indexOf(a.frontMatter.kind) - documentKinds.indexOf(b.frontMatter.kind) || a.frontMatter.id.localeCompare(b.frontMatter.id),
    );
  }

  /** The template with this id; unknown → an error with the nearest ids. */
  get(id: string): Template {
    const t = this.#byId.get(id.trim());
    if (t) return t;
    throw new MotioneraError({ code: "unknown_template", query: id, suggestions: nearest(id, [...this.#byId.keys()], 3) });
  }
}
