/**
 * The core's face for the edges (CLI, web): opens the store and the template library once
 * and offers the operations they translate to.
 */
import type { DraftCheck, DraftCheckDeps } from "./compose/check-draft.js";
import type { Composed } from "./compose/compose.js";
import type { TemplateLibrary } from "./compose/template-library.js";
import type { DraftRequest } from "./domain/draft-request.js";
import { documentIdOfRef, type CorpusDocument } from "./domain/corpus-document.js";
import { useFactCatalog } from "./facts/catalog.js";
import { storeCatalog, type FactCatalog } from "./facts/fact-catalog.js";
import { FactRegistry } from "./facts/registry.js";
import { addFactKey, editFactKey, removeFactKey } from "./facts/fact-key-changes.js";
import type { FactDefinition } from "./domain/fact-key.js";
import { databasePath, templatesDir } from "./project-paths.js";
import { openStore } from "./store/open-store.js";
import type { Store } from "./store/store.js";

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

export class Workspace {
  #registry: FactRegistry | undefined;
  #registryOf: readonly unknown[] | undefined;
  #templates: TemplateLibrary | undefined;

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
    await this.catalog();
    const facts = await this.store.facts();
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

  async compose(request: DraftRequest): Promise<Composed> {
    const { composeDraft } = await import("./compose/compose.js");
    return composeDraft(request, await this.draftDeps(request));
  }

  /** Every problem with a draft request (each at its field's path), without composing. */
  async checkDraft(request: DraftRequest): Promise<DraftCheck> {
    const { checkDraftRequest } = await import("./compose/check-draft.js");
    return checkDraftRequest(request, await this.draftDeps(request));
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
