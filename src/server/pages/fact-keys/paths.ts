/** The fact-key pages' addresses (staff only). */
import { query } from "../frame/links.js";
import { staffPaths } from "../staff/tools.js";

const base = `${staffPaths.home}/faktanycklar`;

/** What a redirect after a change tells the list page to say. */
export type FactKeyNotice = "added" | "edited" | "removed";
const noticeWords: Record<FactKeyNotice, string> = { added: "tillagd", edited: "andrad", removed: "borttagen" };

export const factKeyPaths = {
  list: base,
  add: `${base}/ny`,
  edit: (key: string) => `${base}/andra/${encodeURIComponent(key)}`,
  remove: (key: string) => `${base}/ta-bort/${encodeURIComponent(key)}`,
  /** The routes' patterns. */
  editPattern: `${base}/andra/:key`,
  removePattern: `${base}/ta-bort/:key`,
  /** The list after a change, saying what changed. */
  done: (notice: FactKeyNotice, key: string) =>
    `${base}${query([
      ["klar", noticeWords[notice]],
      ["nyckel", key],
    ])}`,
} as const;

/** The notice a list address asks for, if it names one. */
export function noticeOf(word: string | undefined): FactKeyNotice | undefined {
  return (Object.keys(noticeWords) as FactKeyNotice[]).find((n) => noticeWords[n] === word);
}
