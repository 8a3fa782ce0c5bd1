/**
 * Option values the commands share, read the same way everywhere: repeated flags, formats,
 * `--set name=value` and signers written as "Namn (Parti), roll".
 */
import { MotioneraError } from "../domain/errors.js";
import { parseSigner, type Signer } from "../domain/signer.js";
import { formats, type Format } from "../render/index.js";
import { UsageError } from "./run.js";
import { texts } from "./messages.sv.js";

/** For a flag that may be given several times (commander's collector). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function parseFormats(list: string): Format[] {
  const asked = list.split(",").map((f) => f.trim().toLowerCase()).filter(Boolean).map((f) => (f === "markdown" ? "md" : f));
  const bad = asked.filter((f) => !(formats as readonly string[]).includes(f));
  if (bad.length || asked.length === 0) throw new UsageError(texts.unknownFormat(bad, formats));
  return [...new Set(asked)] as Format[];
}

export function parseSets(sets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sets) {
    const eq = s.indexOf("=");
    if (eq <= 0) throw new UsageError(texts.setNeedsNameValue(s));
    out[s.slice(0, eq).trim()] = s.slice(eq + 1);
  }
  return out;
}

export function parseAuthors(list: readonly string[]): Signer[] {
  return list.map((a) => {
    const s = parseSigner(a);
    if (!s) throw new MotioneraError({ code: "author_invalid", value: a, problem: texts.authorNameMissing });
    return s;
  });
}
