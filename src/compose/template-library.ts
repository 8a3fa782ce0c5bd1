/**
 * Finds templates (templates/<kind>/<id>.hbs), validates each one when loaded, and compiles
 * its body once. A broken template is reported with its file, line, column and problem.
 */
import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { documentKinds, frontMatterSchema, type FrontMatter } from "../domain/template.js";
import { MotioneraError, isMotioneraError } from "../domain/errors.js";
import { activeFactCatalog } from "../facts/catalog.js";
import { topics } from "../domain/vocabulary.js";
import { findTopic } from "../lang/find-topic.js";
import { nearest } from "../lang/nearest.js";
import { splitTemplate } from "./front-matter.js";
import { compiledKey, compiledTemplatesDir, findCompiled, type CompiledTemplate } from "./compiled-templates.js";
import { projectRoot } from "../project-paths.js";
import { helpers, factHelpers, multiFactHelpers, type HelperName } from "./helpers.js";
import { templateProblems } from "../messages.sv.js";

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
const builtinHelpers = new Set(["if", "unless", "each", "with", "lookup"]);
const compileOptions = { noEscape: true, strict: true, knownHelpersOnly: true, knownHelpers } as const;
/** What a compiled template depends on besides its text: the compiler's version and options. */
const compilerId = `handlebars ${Handlebars.VERSION} ${JSON.stringify(compileOptions)}`;
/**
 * Ahead-of-time compiled templates serve the built program only (dist/), which the same build made
 * them for; run from src/ (vitest), a template is compiled from its text unless a test names a folder.
 */
const builtCompiledDir = fileURLToPath(import.meta.url).startsWith(join(projectRoot, "dist") + sep)
  ? compiledTemplatesDir
  : undefined;
type TemplateSpecification = Parameters<typeof hb.template>[0];

type AstNode = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };

/**
 * Names that lead from a value to JavaScript's insides (its prototype, its constructor and so
 * to Function). Handlebars' runtime protection already denies them; a template that names one
 * is refused when it is loaded, so the author learns at once instead of getting empty text.
 */
const forbiddenNames = new Set([
  "__proto__",
  "constructor",
  "prototype",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);
/** The data variables a template may use; `@motionera` and any other are the composer's own. */
const allowedDataVariables = new Set(["root", "index", "first", "last", "key"]);
/** Statements that would load other templates or run code: a template is one self-contained text. */
const forbiddenStatements: Record<string, string> = {
  PartialStatement: templateProblems.partial,
  PartialBlockStatement: templateProblems.partialBlock,
  Decorator: templateProblems.decorator,
  DecoratorBlock: templateProblems.decoratorBlock,
};

function fail(file: string, problem: string, line?: number, column?: number): never {
  throw new MotioneraError({
    code: "template_invalid",
    file,
    problem,
    ...(line ? { line } : {}),
    ...(column !== undefined ? { column: column + 1 } : {}),
  });
}

/**
 * The one check of a fact key a template names (front matter `facts:`, `requiredUnless.facts`,
 * a fact helper in the body): unknown to the catalog in use → the file, line and column, with
 * the nearest known keys.
 */
function checkFactKey(
  file: string,
  key: string,
  where: "facts" | "requiredUnless" | "body",
  place: () => readonly [line?: number, column?: number],
): void {
  const catalog = activeFactCatalog();
  if (catalog.has(key)) return;
  // Where the key stands is looked for only when it is unknown: a template's every key, found line by line, took
  // half a millisecond of each draft.
  fail(file, templateProblems.unknownFactKey(key, where, catalog.suggest(key)), ...place());
}

/** Where front matter names a key: its first line (and 0-based column) that has the key as a word. */
function frontMatterPlace(text: string, bodyLine: number, key: string): [number, number] | [] {
  const lines = text.split("\n", bodyLine);
  const word = new RegExp(`(^|[^a-z0-9_])${key}(?![a-z0-9_])`);
  for (let i = 1; i < lines.length && i < bodyLine - 1; i++) {
    const m = word.exec(lines[i]!);
    if (m) return [i + 1, m.index + m[1]!.length];
  }
  return [];
}

/** Walks the Handlebars AST: fact keys must be declared in front matter and known; inputs declared. */
function checkBody(file: string, ast: hbs.AST.Program, fm: FrontMatter, bodyLine: number): void {
  const declaredFacts = new Set(fm.facts.map((f) => f.key));
  const declaredInputs = new Set(fm.inputs.map((i) => i.name));
  const at = (n: AstNode) => [bodyLine + (n.loc?.start.line ?? 1) - 1, n.loc?.start.column] as const;

  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const n = node as AstNode & Record<string, unknown>;
    const refused = forbiddenStatements[n.type];
    if (refused) fail(file, refused, ...at(n));
    if (n.type === "MustacheStatement" || n.type === "BlockStatement" || n.type === "SubExpression") {
      const path = n.path as hbs.AST.PathExpression | undefined;
      const name = path?.original;
      const params = (n.params as unknown[] | undefined) ?? [];
      const hash = n.hash as { pairs: unknown[] } | undefined;
      const isCall = n.type !== "MustacheStatement" || params.length > 0 || (hash?.pairs.length ?? 0) > 0;
      if (typeof name === "string" && isCall && !(name in knownHelpers) && !builtinHelpers.has(name)) {
        fail(
          file,
          templateProblems.unknownHelper(name, nearest(name, [...Object.keys(knownHelpers), ...builtinHelpers])),
          ...at(n),
        );
      }
      if (name === "lookup") {
        const key = (params as hbs.AST.Expression[])[1];
        if (key?.type === "StringLiteral" && forbiddenNames.has((key as hbs.AST.StringLiteral).value)) {
          fail(file, templateProblems.lookupRefused((key as hbs.AST.StringLiteral).value), ...at(n));
        }
      }
      const keyParams =
        typeof name !== "string"
          ? []
          : (factHelpers as readonly string[]).includes(name)
            ? (params as hbs.AST.Expression[]).slice(0, 1)
            : (multiFactHelpers as readonly string[]).includes(name)
              ? (params as hbs.AST.Expression[])
              : undefined;
      if (keyParams !== undefined && typeof name === "string") {
        if ((factHelpers as readonly string[]).includes(name) && keyParams.length === 0)
          fail(file, templateProblems.factKeyFirst(name), ...at(n));
        for (const param of keyParams) {
          if (param.type !== "StringLiteral") fail(file, templateProblems.factKeyQuoted(name), ...at(n));
          const key = (param as hbs.AST.StringLiteral).value;
          checkFactKey(file, key, "body", () => at(n));
          if (!declaredFacts.has(key)) fail(file, templateProblems.factNotDeclared(key), ...at(n));
        }
      }
      if (name === "committee" && !declaredFacts.has("social_services_committee")) {
        fail(file, templateProblems.committeeNeedsFact, ...at(n));
      }
    }
    if (n.type === "PathExpression") {
      const path = n as unknown as hbs.AST.PathExpression;
      const parts = path.parts;
      const bad = parts.find((p) => forbiddenNames.has(p));
      if (bad) fail(file, templateProblems.nameRefused(bad, path.original), ...at(n));
      if (path.data && !allowedDataVariables.has(parts[0] ?? "")) {
        fail(file, templateProblems.unknownDataVariable(parts[0] ?? "", [...allowedDataVariables]), ...at(n));
      }
      if (parts[0] === "input" && parts[1] !== undefined && !declaredInputs.has(parts[1])) {
        fail(file, templateProblems.inputNotDeclared(String(parts[1])), ...at(n));
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== "loc" && k !== "strip" && typeof v === "object") visit(v);
  };
  visit(ast.body);
}

/** The last block opened and never closed, for a clearer message than "got EOF". */
function unclosedBlock(body: string): { name: string; line: number; column: number } | undefined {
  const stack: { name: string; index: number }[] = [];
  for (const m of body.matchAll(/\{\{~?\s*([#^/])\s*([\w-]+)/g)) {
    if (m[1] === "/") {
      const at = stack.map((s) => s.name).lastIndexOf(m[2]!);
      if (at >= 0) stack.splice(at);
    } else stack.push({ name: m[2]!, index: m.index });
  }
  const open = stack.at(-1);
  if (!open) return undefined;
  const before = body.slice(0, open.index).split("\n");
  return { name: open.name, line: before.length, column: before.at(-1)!.length };
}

/**
 * The largest template file read (the largest shipped one is 14 kB). Parsing time grows with
 * the text; past this a template is refused before it is read.
 */
export const maxTemplateBytes = 128 * 1024;
/**
 * The deepest nesting of blocks ({{#if}} in {{#each}} …) or of subexpressions ((a (b c))) a
 * template may have. Real templates nest a handful; Handlebars' parser recurses per level and
 * takes seconds past a thousand levels, minutes past a few thousand.
 */
export const maxNesting = 50;

/** Where the nesting first goes deeper than maxNesting, found by a scan of the tags (no parsing). */
function tooDeep(body: string): { line: number; column: number; what: "block" | "expression" } | undefined {
  const at = (index: number) => {
    const before = body.slice(0, index).split("\n");
    return { line: before.length, column: before.at(-1)!.length };
  };
  let blocks = 0;
  for (const m of body.matchAll(/\{\{~?\s*([#^/])\s*[^\s}~]/g)) {
    blocks = m[1] === "/" ? Math.max(0, blocks - 1) : blocks + 1;
    if (blocks > maxNesting) return { ...at(m.index), what: "block" };
  }
  // Parentheses inside each {{ … }}, in one pass (a lazy regular expression would rescan the
  // rest of the text for every "{{" that is never closed).
  let open = -1;
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (open < 0) {
      if (ch === "{" && body[i + 1] === "{") {
        open = i;
        depth = 0;
        i++;
      }
    } else if (ch === "}" && body[i + 1] === "}") {
      open = -1;
      i++;
    } else if (ch === "(") {
      if (++depth > maxNesting) return { ...at(open), what: "expression" };
    } else if (ch === ")") depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Parses, validates and compiles one template file's text. Every fault is a located template_invalid. */
export function parseTemplate(
  file: string,
  text: string,
  options: { compiledDir?: string | undefined } = { compiledDir: builtCompiledDir },
): Template {
  try {
    return parseTemplateText(file, text, options.compiledDir);
  } catch (e) {
    if (isMotioneraError(e)) throw e;
    // Whatever the checks above did not foresee is still this template's fault, not a crash.
    return fail(
      file,
      templateProblems.unreadableTemplate(String(String((e as Error)?.message ?? e).split("\n")[0])),
      1,
    );
  }
}

function parseTemplateText(file: string, text: string, compiledDir: string | undefined): Template {
  if (text.length > maxTemplateBytes)
    fail(file, templateProblems.tooLarge(Math.ceil(text.length / 1024), maxTemplateBytes / 1024), 1);
  const compiled = compiledDir === undefined ? undefined : findCompiled(compiledTemplateKey(text), compiledDir);
  const fromBuild = compiled && frontMatterSchema.safeParse(compiled.frontMatter);
  if (compiled && fromBuild?.success) {
    // Compiled by the build from this very text: what follows from the text alone was checked then;
    // the names a catalog or vocabulary may have dropped since are checked now.
    checkNames(file, text, fromBuild.data, compiled.bodyLine);
    const spec = new Function(`return ${compiled.spec};`)() as TemplateSpecification;
    const render = hb.template(spec);
    return { file, frontMatter: fromBuild.data, body: compiled.body, bodyLine: compiled.bodyLine, render };
  }
  const { frontMatter, body, bodyLine, ast } = checkedTemplate(file, text);
  // Handlebars compiles lazily, on the first render; checkBody has already refused unknown helpers.
  const render = hb.compile(ast, compileOptions);
  return { file, frontMatter, body, bodyLine, render };
}

/** The names in front matter that must be known to the fact catalog and the topic vocabulary in use. */
function checkNames(file: string, text: string, frontMatter: FrontMatter, bodyLine: number): void {
  for (const f of frontMatter.facts) checkFactKey(file, f.key, "facts", () => frontMatterPlace(text, bodyLine, f.key));
  for (const input of frontMatter.inputs) {
    for (const key of input.requiredUnless?.facts ?? []) {
      checkFactKey(file, key, "requiredUnless", () => frontMatterPlace(text, bodyLine, key));
    }
  }
  for (const t of frontMatter.topics) {
    if (!findTopic(t))
      fail(
        file,
        templateProblems.unknownTopic(
          t,
          topics.map((x) => x.label),
        ),
      );
  }
}

/** Every check of a template's text, up to its Handlebars syntax tree. */
function checkedTemplate(
  file: string,
  text: string,
): { frontMatter: FrontMatter; frontMatterSource: unknown; body: string; bodyLine: number; ast: hbs.AST.Program } {
  const { frontMatter, source, body, bodyLine } = splitTemplate(file, text);
  checkNames(file, text, frontMatter, bodyLine);
  const deep = tooDeep(body);
  if (deep) {
    fail(
      file,
      templateProblems.nestedTooDeep(deep.what === "block" ? "block" : "subexpression", maxNesting),
      bodyLine + deep.line - 1,
      deep.column,
    );
  }
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(body);
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    const unclosed = /got 'EOF'/.test(err.message) ? unclosedBlock(body) : undefined;
    if (unclosed)
      fail(file, templateProblems.unclosedBlock(unclosed.name), bodyLine + unclosed.line - 1, unclosed.column);
    const line = err.lineNumber ?? Number(/line (\d+)/.exec(err.message)?.[1] ?? 1);
    fail(file, `Handlebars: ${err.message.split("\n")[0]}`, bodyLine + line - 1, err.column);
  }
  checkBody(file, ast, frontMatter, bodyLine);
  return { frontMatter, frontMatterSource: source, body, bodyLine, ast };
}

/**
 * A template's text checked and compiled to Handlebars' precompiled form, for the build to store
 * (precompile-templates.ts); a broken template throws its located template_invalid.
 */
export function precompileTemplate(file: string, text: string): CompiledTemplate {
  const { frontMatterSource, body, bodyLine, ast } = checkedTemplate(file, text);
  const spec = hb.precompile(ast, compileOptions) as string;
  return { key: compiledTemplateKey(text), frontMatter: frontMatterSource, body, bodyLine, spec };
}

/** The name of the compiled file the build makes for a template's text (with this build's compiler). */
export const compiledTemplateKey = (text: string): string => compiledKey(text, compilerId);

/** Where a template is stored in a templates folder: `<kind>/<id>.hbs`. */
export const templateFileName = (kind: string, id: string): string => `${kind}/${id}.hbs`;

/**
 * The one check of a template's place in the folder: its front matter's kind is its folder and
 * its id its file name (a template read from a file, or one about to be written to one).
 */
export function checkPlacement(t: Template, at: { id: string; kind: string }): void {
  if (t.frontMatter.kind !== at.kind) fail(t.file, templateProblems.kindDisagrees(t.frontMatter.kind, at.kind), 2);
  if (t.frontMatter.id !== at.id) fail(t.file, templateProblems.idDisagrees(t.frontMatter.id, at.id), 2);
}

const byKindThenId = (a: Template, b: Template) =>
  documentKinds.indexOf(a.frontMatter.kind) - documentKinds.indexOf(b.frontMatter.kind) ||
  a.frontMatter.id.localeCompare(b.frontMatter.id);

/**
 * The templates in a folder. Listing the folder is cheap; a template is read, validated and
 * compiled the first time it is asked for, so `motionera draft` parses only the one it uses.
 */
export class TemplateLibrary {
  readonly #paths = new Map<string, { path: string; file: string; kind: string }>();
  readonly #loaded = new Map<string, Template>();
  /** Templates that failed to load, with their error: a broken file is read and parsed once. */
  readonly #broken = new Map<string, MotioneraError>();

  /** A library of already parsed templates (tests, and callers that build templates in memory). */
  constructor(templates: readonly Template[] = []) {
    for (const t of templates) {
      const other = this.#loaded.get(t.frontMatter.id);
      if (other) fail(t.file, templateProblems.duplicateId(t.frontMatter.id, other.file));
      this.#loaded.set(t.frontMatter.id, t);
    }
  }

  /** Lists templates/<kind>/<id>.hbs under `dir`: the folder must be a kind, the file name is the id. */
  static load(dir: string): TemplateLibrary {
    const lib = new TemplateLibrary();
    if (!existsSync(dir)) return lib;
    for (const kind of readdirSync(dir, { withFileTypes: true })) {
      if (!kind.isDirectory()) continue;
      for (const f of readdirSync(join(dir, kind.name))) {
        if (!f.endsWith(".hbs")) continue;
        const path = join(dir, kind.name, f);
        const file = relative(join(dir, ".."), path);
        if (!(documentKinds as readonly string[]).includes(kind.name))
          fail(file, templateProblems.notADocumentKind(kind.name, documentKinds));
        const id = f.slice(0, -".hbs".length);
        const other = lib.#paths.get(id);
        if (other) fail(file, templateProblems.duplicateId(id, other.file));
        lib.#paths.set(id, { path, file, kind: kind.name });
      }
    }
    return lib;
  }

  /** Every id, without parsing any template. */
  ids(): string[] {
    return [...new Set([...this.#loaded.keys(), ...this.#paths.keys()])].sort();
  }

  #parse(id: string): Template | undefined {
    const cached = this.#loaded.get(id);
    if (cached) return cached;
    const failed = this.#broken.get(id);
    if (failed) throw failed;
    const entry = this.#paths.get(id);
    if (!entry) return undefined;
    try {
      const t = this.#read(id, entry);
      this.#loaded.set(id, t);
      return t;
    } catch (e) {
      if (isMotioneraError(e)) this.#broken.set(id, e);
      throw e;
    }
  }

  #read(id: string, entry: { path: string; file: string; kind: string }): Template {
    let text: string;
    try {
      const size = statSync(entry.path).size;
      if (size > maxTemplateBytes)
        fail(entry.file, templateProblems.tooLarge(Math.ceil(size / 1024), maxTemplateBytes / 1024), 1);
      text = readFileSync(entry.path, "utf8");
    } catch (e) {
      if (isMotioneraError(e)) throw e;
      fail(entry.file, templateProblems.unreadableFile((e as NodeJS.ErrnoException).code ?? (e as Error).message));
    }
    const t = parseTemplate(entry.file, text);
    checkPlacement(t, { id, kind: entry.kind });
    return t;
  }

  /** Where the template with this id is stored (its file, relative for messages, and absolute); none if in memory. */
  entry(id: string): { path: string; file: string; kind: string } | undefined {
    return this.#paths.get(id);
  }

  /** Every template, parsed and validated, in kind order then by id. */
  all(): Template[] {
    return this.ids()
      .map((id) => this.#parse(id)!)
      .sort(byKindThenId);
  }

  /**
   * Every template that can be used, in the order of all(), and every one that cannot with its
   * error: the web service keeps serving the others and says which is broken.
   */
  usable(): { templates: Template[]; broken: { id: string; error: MotioneraError }[] } {
    const templates: Template[] = [];
    const broken: { id: string; error: MotioneraError }[] = [];
    for (const id of this.ids()) {
      try {
        templates.push(this.#parse(id)!);
      } catch (e) {
        if (!isMotioneraError(e)) throw e;
        broken.push({ id, error: e });
      }
    }
    return { templates: templates.sort(byKindThenId), broken };
  }

  /** The template with this id; unknown → an error with the nearest ids. */
  get(id: string): Template {
    const t = this.#parse(id.trim());
    if (t) return t;
    throw new MotioneraError({ code: "unknown_template", query: id, suggestions: nearest(id, this.ids(), 3) });
  }
}
