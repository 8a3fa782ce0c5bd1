/**
 * The core's face for the edges (CLI, web): opens the store and the template library once
 * and offers the operations they translate to.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { FactWording } from "./messages.sv.js";
import type { DraftCheck, DraftCheckDeps } from "./compose/check-draft.js";
import type { Composed } from "./compose/compose.js";
import type { TemplateLibrary } from "./compose/template-library.js";
import type { TemplateTextCheck } from "./compose/template-text.js";
import type { DraftRequest } from "./domain/draft-request.js";
import type { CorpusDocument } from "./domain/corpus-document.js";
import { documentIdOfRef } from "./domain/corpus-refs.js";
import { useFactCatalog } from "./facts/catalog.js";
import { storeCatalog, type FactCatalog } from "./facts/fact-catalog.js";
import { FactRegistry } from "./facts/registry.js";
import { addFactKey, editFactKey, removeFactKey } from "./facts/fact-key-changes.js";
import type { FactDefinition } from "./domain/fact-key.js";
import { MotioneraError } from "./domain/errors.js";
import { databasePath, templatesDir } from "./project-paths.js";
import { openStore } from "./store/open-store.js";
import type { Store } from "./store/store.js";

/** How a draft is composed or checked beyond its request: `knownAt`, see DraftCheckDeps. */
/**
 * `knownAt`: only the facts recorded by that instant; `wording`: how the draft's placeholders say
 * to add a missing fact (the edge's words; the command line's by default).
 */
export type DraftOptions = Pick<DraftCheckDeps, "knownAt" | "records"> & { wording?: FactWording };

export interface WorkspaceOptions {
  /** Database file; MOTIONERA_DB or the shipped corpus/motionera.json when left out. */
  db?: string;
  /** A PostgreSQL database (postgres://…) instead of the file; MOTIONERA_DATABASE_URL when left out and no `db`. */
  databaseUrl?: string;
  /** Templates folder; MOTIONERA_TEMPLATES or the shipped templates/ when left out. */
  templatesDir?: string;
  /** Today's date (YYYY-MM-DD) for judging fact age; defaults to today in Sweden. */
  today?: string;
}

/** What saving a template's text came to. */
export type TemplateSave =
  | { saved: true; id: string; kind: string; file: string; check: TemplateTextCheck }
  /** Not written: the text has errors, or its id is another template's. */
  | { saved: false; check: TemplateTextCheck }
  /** Not written: the templates folder cannot be written to (the system's error code). */
  | { saved: false; unwritable: string; check: TemplateTextCheck };

/** Errors that mean the templates folder cannot be written to (not a fault in the text). */
const unwritableCodes = new Set(["EACCES", "EPERM", "EROFS", "ENOENT", "ENOTDIR", "ENOSPC", "EDQUOT"]);

export class Workspace {
  #registry: FactRegistry | undefined;
  #registryOf: readonly unknown[] | undefined;
  #templates: TemplateLibrary | undefined;
  /** Saves of templates, one at a time (check, then write: no second save between the two). */
  #saving: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly store: Store,
    private readonly options: WorkspaceOptions,
  ) {}

  static async open(options: WorkspaceOptions = {}): Promise<Workspace> {
    const store = await openStore({
      file: databasePath(options.db),
      fileExplicit: options.db !== undefined,
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    });
    return new Workspace(store, options);
  }

  /**
   * The template library, listed on first use (each template is parsed when first asked for).
   * Loaded lazily, like composing, so commands that never draft never load Handlebars.
   */
  async templates(): Promise<TemplateLibrary> {
    if (!this.#templates) {
      await this.catalog(); // templates are checked against the store's keys
      const { TemplateLibrary } = await import("./compose/template-library.js");
      this.#templates = TemplateLibrary.load(templatesDir(this.options.templatesDir));
    }
    return this.#templates;
  }

  /** The templates are listed again on next use (after a template was saved, here or by hand). */
  reloadTemplates(): void {
    this.#templates = undefined;
  }

  /** The templates folder in use. */
  templatesFolder(): string {
    return templatesDir(this.options.templatesDir);
  }

  /** The stored text of a template in the library (also a broken one), or undefined if there is no such id. */
  async templateText(id: string): Promise<{ id: string; kind: string; file: string; text: string } | undefined> {
    const entry = (await this.templates()).entry(id);
    if (!entry) return undefined;
    return { id, kind: entry.kind, file: entry.file, text: await readFile(entry.path, "utf8") };
  }

  /**
   * A template's text checked as the folder would load it (the linter's errors and warnings),
   * and whether it can be saved: its id new, or `editing`'s (see checkTemplateText).
   */
  async checkTemplateText(text: string, editing?: string): Promise<TemplateTextCheck> {
    await this.catalog(); // the keys as the store has them now
    const lib = await this.templates();
    const { checkTemplateText } = await import("./compose/template-text.js");
    return checkTemplateText(text, lib, editing);
  }

  /**
   * A draft from a template given as text (not saved): `request.template` is left to the
   * text's id. A text with an error is refused with that error, as a broken file would be.
   */
  async composeTemplateText(text: string, request: Omit<DraftRequest, "template">): Promise<Composed> {
    await this.catalog(); // templates are checked against the store's keys
    const { lintTemplate } = await import("./compose/template-lint.js");
    const check = lintTemplate("ny-mall.hbs", text);
    const template = check.template;
    if (!template) {
      const e = check.errors[0];
      throw new MotioneraError({
        code: "template_invalid",
        file: e?.file ?? "",
        problem: e?.problem ?? "",
        ...(e?.line ? { line: e.line } : {}),
        ...(e?.column ? { column: e.column } : {}),
      });
    }
    const [{ composeDraft }, { TemplateLibrary }] = await Promise.all([
      import("./compose/compose.js"),
      import("./compose/template-library.js"),
    ]);
    const full = { ...request, template: template.frontMatter.id };
    return composeDraft(full, { ...(await this.draftDeps(full)), templates: new TemplateLibrary([template]) });
  }

  /**
   * Saves a template's text to the templates folder as `<kind>/<id>.hbs`, atomically (temp
   * file, fsync, rename). Refused, with nothing written, when the text has an error (warnings
   * are allowed) or names another template's id; `editing` is the id of the template being
   * edited (its own file may be replaced, and moved when its kind changes). The library is
   * listed again, so the draft form offers the template at once.
   */
  saveTemplate(text: string, editing?: string): Promise<TemplateSave> {
    const run = this.#saving.then(() => this.#saveTemplate(text, editing));
    this.#saving = run.catch(() => undefined);
    return run;
  }

  async #saveTemplate(text: string, editing?: string): Promise<TemplateSave> {
    this.reloadTemplates(); // what is on disk now, not what was listed at start
    const check = await this.checkTemplateText(text, editing);
    const target = check.target;
    if (!target || check.errors.length > 0) return { saved: false, check };
    const { writeFileDurably } = await import("./files/durable-write.js");
    const dir = this.templatesFolder();
    const path = join(dir, target.kind, `${target.id}.hbs`);
    try {
      await mkdir(join(dir, target.kind), { recursive: true });
      await writeFileDurably(path, text.replace(/\r\n?/g, "\n"));
      if (check.replaces && existsSync(join(dir, check.replaces.kind, `${check.replaces.id}.hbs`)))
        await rm(join(dir, check.replaces.kind, `${check.replaces.id}.hbs`));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "";
      if (unwritableCodes.has(code)) return { saved: false, unwritable: code, check };
      throw e;
    } finally {
      this.reloadTemplates();
    }
    return { saved: true, ...target, check };
  }

  /**
   * The fact-key catalog of the store's keys, made the catalog in use (the registry, drafting,
   * campaigns and formatting look keys up in it); built again when the stored keys change.
   */
  async catalog(): Promise<FactCatalog> {
    const catalog = await storeCatalog(this.store);
    useFactCatalog(catalog);
    return catalog;
  }

  /** The registry over the stored facts, built again when they change (here or in another process). */
  async facts(): Promise<FactRegistry> {
    // Both ask the store whether another process wrote: side by side, one wait for the two checks.
    const [, facts] = await Promise.all([this.catalog(), this.store.facts()]);
    if (!this.#registry || this.#registryOf !== facts) {
      this.#registry = new FactRegistry(facts);
      this.#registryOf = facts;
    }
    return this.#registry;
  }

  /** Adds a fact key (validated whole; refused if the key exists). */
  async addFactKey(input: unknown): Promise<FactDefinition> {
    const def = await this.store.changeFactKeys((keys) => addFactKey(keys, input));
    await this.catalog();
    return def;
  }

  /** Changes fields of a fact key; a type its recorded values do not have is refused, naming them. */
  async editFactKey(key: string, change: Record<string, unknown>): Promise<FactDefinition> {
    const def = await this.store.changeFactKeys((keys, facts) => editFactKey(keys, facts, key, change));
    await this.catalog();
    return def;
  }

  /** Removes a fact key no fact, template or derived key uses; otherwise refused, naming the uses. */
  async removeFactKey(key: string): Promise<FactDefinition> {
    const { templates } = (await this.templates()).usable();
    const naming = templates
      .filter(
        (t) =>
          t.frontMatter.facts.some((f) => f.key === key) ||
          t.frontMatter.inputs.some((i) => i.requiredUnless?.facts.includes(key)),
      )
      .map((t) => t.frontMatter.id);
    const def = await this.store.changeFactKeys((keys, facts) => removeFactKey(keys, facts, key, naming));
    await this.catalog();
    return def;
  }

  /** Forget the cached registry after a write. */
  invalidate(): void {
    this.#registry = undefined;
  }

  /**
   * `options.knownAt`: compose with only the facts recorded by that instant (ISO), as a saved draft was;
   * `options.records`: sources the caller supplies (a filed document and its history, {{records}}).
   */
  async compose(request: DraftRequest, options: DraftOptions = {}): Promise<Composed> {
    const { composeDraft } = await import("./compose/compose.js");
    return composeDraft(request, { ...(await this.draftDeps(request)), ...options });
  }

  /** Every problem with a draft request (each at its field's path), without composing. */
  async checkDraft(request: DraftRequest, options: DraftOptions = {}): Promise<DraftCheck> {
    const { checkDraftRequest } = await import("./compose/check-draft.js");
    return checkDraftRequest(request, { ...(await this.draftDeps(request)), ...options });
  }

  /** What composing and checking a request need: templates, facts, and the corpus documents its arguments come from. */
  private async draftDeps(request: DraftRequest): Promise<DraftCheckDeps> {
    const documents = new Map<string, CorpusDocument>();
    for (const ref of Array.isArray(request.arguments) ? request.arguments : []) {
      const id = typeof ref === "string" ? documentIdOfRef(ref) : "";
      const doc = !id || documents.has(id) ? undefined : await this.store.document(id);
      if (doc) documents.set(id, doc);
    }
    return {
      templates: await this.templates(),
      facts: await this.facts(),
      documents,
      ...(this.options.today ? { today: this.options.today } : {}),
    };
  }
}
