/**
 * A template given as text (the web editor: typed, uploaded or edited): checked, planned for
 * saving and prepared for a preview by the code the templates folder uses — parseTemplate and
 * the linter (template-lint.ts), and the library's file naming and placement check — never a
 * second loader. Where it would be saved is decided here; writing it is the workspace's.
 */
import { templateProblems } from "../messages.sv.js";
import { lintTemplate, type TemplateLint, type TemplateProblem } from "./template-lint.js";
import { checkPlacement, templateFileName, type Template, type TemplateLibrary } from "./template-library.js";

/**
 * A template's text as checked against a library: its problems, and where it would be saved.
 * `template` is there when the text loads, also when its id is another template's (an error
 * for saving only).
 */
export interface TemplateTextCheck extends TemplateLint {
  /** `<kind>/<id>.hbs` when the text names a valid id and kind. */
  target?: { id: string; kind: string; file: string };
  /** The stored file of the template being edited, when saving moves it to another kind's folder. */
  replaces?: { id: string; kind: string; file: string };
}

/** The line (1-based) of a top-level front-matter field, for a problem about it. */
function fieldLine(text: string, field: string): number | undefined {
  const lines = text.split("\n", 200);
  const end = lines.indexOf("---", 1);
  const at = lines.slice(0, end < 0 ? lines.length : end).findIndex((l) => l.startsWith(`${field}:`));
  return at < 0 ? undefined : at + 1;
}

/**
 * Checks a template's text as the folder would load it, and whether it can be saved over
 * `library`: its id must be new, or the id of the template being edited (`editing`, an id the
 * library lists; anything else counts as no template). A template whose id another template
 * has is an error at the `id:` line: saving never overwrites another template's file.
 */
export function checkTemplateText(text: string, library: TemplateLibrary, editing?: string): TemplateTextCheck {
  const edited = editing ? library.entry(editing) : undefined;
  const name = edited?.file ?? "ny-mall.hbs";
  const lint = lintTemplate(name, text);
  const t = lint.template;
  if (!t) return lint;
  const { id, kind } = t.frontMatter;
  const target = { id, kind, file: templateFileName(kind, id) };
  if (id !== editing && library.ids().includes(id)) {
    const other = library.entry(id);
    const otherFile = other ? templateFileName(other.kind, id) : id;
    const line = fieldLine(text, "id");
    const problem: TemplateProblem = {
      file: name,
      ...(line ? { line, column: 1 } : {}),
      problem: templateProblems.idTaken(id, otherFile),
    };
    // Loaded all the same: only saving is refused, a preview can still be shown.
    return { template: t, errors: [problem], warnings: lint.warnings };
  }
  checkPlacement(t, target); // true by construction: the file is named after the text
  const moved =
    edited && id === editing && edited.kind !== kind
      ? { id, kind: edited.kind, file: templateFileName(edited.kind, id) }
      : undefined;
  return { ...lint, target, ...(moved ? { replaces: moved } : {}) };
}

/**
 * The values a preview gives the inputs a draft cannot do without: each required text, line
 * or choice the template declares without a default gets `fill(label)` (a visible "fill in"
 * marker the caller words) or its first option. Numbers, dates and yes/no are left to the
 * draft's own check: a preview never invents a figure.
 */
export function previewInputs(
  template: Template,
  given: Readonly<Record<string, string>>,
  fill: (label: string) => string,
): { values: Record<string, string>; filled: string[] } {
  const values: Record<string, string> = { ...given };
  const filled: string[] = [];
  for (const input of template.frontMatter.inputs) {
    if (!input.required || input.default !== undefined || values[input.name]?.trim()) continue;
    if (input.type === "string" || input.type === "text") values[input.name] = fill(input.label);
    else if (input.type === "choice" && input.options[0] !== undefined) values[input.name] = input.options[0];
    else continue;
    filled.push(input.label);
  }
  return { values, filled };
}
