import { Low } from "lowdb";
import { DataFile } from "lowdb/node";
import { factSchema, type Fact } from "../domain/fact.js";
import { MotioneraError } from "../domain/errors.js";
import { copyFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import type { CorpusDocument } from "../domain/corpus-document.js";
import { databaseSchema, emptyDatabase, migrate, type Database } from "./schema.js";
import type { NewFact, Store } from "./store.js";

function describeZodError(e: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const first = e.issues[0];
  if (!first) return "okänt fel";
  const path = first.path.map(String).join(".");
  return `${path ? `${path}: ` : ""}${first.message}${e.issues.length > 1 ? ` (och ${e.issues.length - 1} fel till)` : ""}`;
}

/** The embedded default store: one JSON file, read whole and validated, written atomically by lowdb. */
export class LowdbStore implements Store {
  readonly location: string;
  #loading: Promise<Low<Database>> | undefined;

  /** The schema version the file had when read, if it was migrated in memory. */
  #migratedFrom: number | undefined;

  private constructor(location: string) {
    this.location = location;
  }

  /** Opens the database file now; a missing file starts empty, an invalid one is refused (never overwritten). */
  static async open(file: string): Promise<LowdbStore> {
    const store = new LowdbStore(file);
    await store.#load();
    return store;
  }

  /**
   * A store that reads its file on first use: a search whose index is up to date (checked by
   * `revision()`, a stat) never parses the database at all.
   */
  static lazy(file: string): LowdbStore {
    return new LowdbStore(file);
  }

  #load(): Promise<Low<Database>> {
    this.#loading ??= (async () => {
      const file = this.location;
      const adapter = new DataFile<Database>(file, {
        parse: (text) => {
          let raw: unknown;
          try {
            raw = JSON.parse(text);
          } catch (e) {
            throw new MotioneraError({ code: "database_invalid", file, problem: `ogiltig JSON (${(e as Error).message})` });
          }
          const migrated = migrate(raw);
          this.#migratedFrom = migrated.from;
          const parsed = databaseSchema.safeParse(migrated.data);
          if (!parsed.success) throw new MotioneraError({ code: "database_invalid", file, problem: describeZodError(parsed.error) });
          return parsed.data;
        },
        stringify: (data) => `${JSON.stringify(data, null, 2)}\n`,
      });
      const db = new Low<Database>(adapter, emptyDatabase());
      await db.read();
      return db;
    })();
    return this.#loading;
  }

  async #data(): Promise<Database> {
    return (await this.#load()).data;
  }

  async facts(): Promise<readonly Fact[]> {
    return (await this.#data()).facts;
  }

  async addFact(input: NewFact): Promise<Fact> {
    const data = await this.#data();
    const same = data.facts.find(
      (f) =>
        f.subject === input.subject &&
        f.key === input.key &&
        f.asOf === input.asOf &&
        JSON.stringify(f.value) === JSON.stringify(input.value) &&
        JSON.stringify(f.source) === JSON.stringify(input.source),
    );
    if (same) return same; // recording the same statement twice is a no-op
    const recordedAt = new Date().toISOString();
    const base = `${input.subject}.${input.key}.${input.asOf ?? "odaterad"}`;
    const ids = new Set(data.facts.map((f) => f.id));
    let id = base;
    for (let i = 2; ids.has(id); i++) id = `${base}.${i}`;
    const parsed = factSchema.safeParse({ ...input, id, recordedAt });
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new MotioneraError({ code: "fact_invalid", field: first?.path.map(String).join(".") ?? "", problem: first?.message ?? "ogiltig uppgift" });
    }
    data.facts.push(parsed.data);
    await this.#write();
    return parsed.data;
  }

  async documents(): Promise<readonly CorpusDocument[]> {
    return (await this.#data()).documents;
  }

  async document(id: string): Promise<CorpusDocument | undefined> {
    return (await this.#data()).documents.find((d) => d.id === id);
  }

  async putDocuments(docs: readonly CorpusDocument[]): Promise<{ added: string[]; updated: string[] }> {
    const data = await this.#data();
    const added: string[] = [];
    const updated: string[] = [];
    const next = [...data.documents];
    const index = new Map(next.map((d, i) => [d.id, i]));
    for (const doc of docs) {
      const at = index.get(doc.id);
      if (at === undefined) {
        index.set(doc.id, next.length);
        next.push(doc);
        added.push(doc.id);
      } else {
        next[at] = doc;
        updated.push(doc.id);
      }
    }
    const before = data.documents;
    data.documents = next;
    try {
      await this.#write();
    } catch (e) {
      data.documents = before;
      throw e;
    }
    return { added, updated };
  }

  async revision(): Promise<string> {
    try {
      const s = await stat(this.location, { bigint: true });
      return `${s.size}-${s.mtimeNs}`;
    } catch {
      return "none";
    }
  }

  /** Writes the whole file atomically (lowdb: temp file + rename); backs up a file of an older schema first. */
  async #write(): Promise<void> {
    if (this.#migratedFrom !== undefined) {
      const backup = `${this.location}.v${this.#migratedFrom}.bak`;
      if (existsSync(this.location) && !existsSync(backup)) await copyFile(this.location, backup);
      this.#migratedFrom = undefined;
    }
    await (await this.#load()).write();
  }
}
