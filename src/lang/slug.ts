import { fold } from "./normalize.js";

/** "Lidingö stad" → "lidingo-stad": for file names and ids. */
export function slug(s: string, max = 80): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}
