import { Low } from "lowdb";
import { DataFile } from "lowdb/node";
import { factSchema, type Fact } from "../domain/fact.js";
import { MotioneraError } from "../domain/errors.js";
import { databaseSchema, emptyDatabase, type Database } from "./schema.js";
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
  readonly #db: Low<Database>;

  private constructor(location: string, db: Low<Database>) {
    this.location = location;
    this.#db = db;
  }

  /** Opens the database file; a missing file starts empty, an invalid one is refused (never overwritten). */
  static async open(file: string): Promise<LowdbStore> {
    const adapter = new DataFile<Database>(file, {
      parse: (text) => {
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch (e) {
          throw new MotioneraError({ code: "database_invalid", file, problem: `ogiltig JSON (${(e as Error).message})` });
        }
        const parsed = databaseSchema.safeParse(raw);
        if (!parsed.success) throw new MotioneraError({ code: "database_invalid", file, problem: describeZodError(parsed.error) });
        return parsed.data;
      },
      stringify: (data) => `${JSON.stringify(data, null, 2)}\n`,
    });
    const db = new Low<Database>(adapter, emptyDatabase());
    await db.read();
    return new LowdbStore(file, db);
  }

  async facts(): Promise<readonly Fact[]> {
    return this.#db.data.facts;
  }

  async addFact(input: NewFact): Promise<Fact> {
    const same = this.#db.data.facts.find(
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
    const ids = new Set(this.#db.data.facts.map((f) => f.id));
    let id = base;
    for (let i = 2; ids.has(id); i++) id = `${base}.${i}`;
    const parsed = factSchema.safeParse({ ...input, id, recordedAt });
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new MotioneraError({ code: "fact_invalid", field: first?.path.map(String).join(".") ?? "", problem: first?.message ?? "ogiltig uppgift" });
    }
    this.#db.data.facts.push(parsed.data);
    await this.#db.write();
    return parsed.data;
  }
}
