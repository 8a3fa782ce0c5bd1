/**
 * Where the project's shipped files live (templates/, corpus/), found from this module's own
 * location so it works the same from src/ under vitest and from dist/ after the build.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "motionera") return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`motionera: cannot find the project root above ${start}`);
    dir = up;
  }
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const defaultTemplatesDir = join(projectRoot, "templates");

/** The templates to use: an explicit folder, else MOTIONERA_TEMPLATES, else the shipped templates/. */
export function templatesDir(explicit?: string): string {
  return explicit ?? process.env.MOTIONERA_TEMPLATES ?? defaultTemplatesDir;
}
/** The embedded default database, shipped with the project. */
export const defaultDatabasePath = join(projectRoot, "corpus", "motionera.json");

/** The database to use: an explicit path, else MOTIONERA_DB, else the shipped default. */
export function databasePath(explicit?: string): string {
  return explicit ?? process.env.MOTIONERA_DB ?? defaultDatabasePath;
}
