/**
 * Who a row is about, following the key's scopes: a municipality in any form the lookups
 * accept ("Lidingö", "0186", "186" as Excel writes it, "Lidingö stad", "0186 Lidingö"), a
 * county by name, code or letter, or the country ("SE", "Sverige", "Riket").
 */
import { isMotioneraError } from "../../domain/errors.js";
import { countyNamed, findCounty, findMunicipality, municipalityNamed } from "../../data/places.js";
import type { FactDefinition, FactScope } from "../catalog.js";
import { nationalSubject } from "../registry.js";
import { importProblems } from "../../messages.sv.js";

export interface ImportSubject {
  subject: string;
  scope: FactScope;
  name: string;
}

export type SubjectResult =
  | { ok: true; subject: ImportSubject }
  | { ok: false; problem: string; suggestions: string[] };

function suggestionsOf(e: unknown): string[] {
  if (isMotioneraError(e) && (e.details.code === "unknown_municipality" || e.details.code === "unknown_county"))
    return e.details.suggestions;
  throw e;
}

/** The nearest names to an unknown one (the costly part: only for a problem that will be listed). */
function suggestions(find: () => unknown): string[] {
  try {
    find();
    return [];
  } catch (e) {
    return suggestionsOf(e);
  }
}

function tryMunicipality(q: string, suggest: boolean): ImportSubject | string[] {
  const query = /^\d{3}$/.test(q) ? `0${q}` : q;
  const p = municipalityNamed(query);
  if (p) return { subject: p.code, scope: "kommun", name: p.name };
  return suggest ? suggestions(() => findMunicipality(query)) : [];
}

function tryCounty(q: string, suggest: boolean): ImportSubject | string[] {
  // A four-digit number is a municipality code, never a county.
  if (/^\d{3,}$/.test(q)) return [];
  const c = countyNamed(q);
  if (c) return { subject: c.code, scope: "lan", name: c.name };
  return suggest ? suggestions(() => findCounty(q)) : [];
}

const isNation = (q: string) => /^(se|sverige|riket|hela landet|0000)$/i.test(q);

/**
 * Resolves a cell to a subject the key may be recorded for, or says why not; with `suggest`
 * false, without the nearest names (the costly part, wasted on a problem nobody will read).
 */
export function resolveImportSubject(def: FactDefinition, text: string, suggest = true): SubjectResult {
  let q = text.trim().replace(/\s+/g, " ");
  if (q === "") return { ok: false, problem: importProblems.subjectMissing, suggestions: [] };
  // "0114 Upplands Väsby", as statistics tables write it: the code decides, the name must agree.
  const coded = /^(\d{2}|\d{4}) (\D.*)$/.exec(q);
  if (coded) {
    const byCode = /^\d{4}$/.test(coded[1]!) ? tryMunicipality(coded[1]!, suggest) : tryCounty(coded[1]!, suggest);
    const byName = /^\d{4}$/.test(coded[1]!) ? tryMunicipality(coded[2]!, suggest) : tryCounty(coded[2]!, suggest);
    if (!Array.isArray(byCode) && !Array.isArray(byName) && byCode.subject !== byName.subject) {
      return {
        ok: false,
        problem: importProblems.codeAndNameDisagree(coded[1]!, byCode.name, byName.name),
        suggestions: [],
      };
    }
    q = coded[1]!;
  }
  const scopes = def.scopes;
  const allowed = (s: ImportSubject): SubjectResult =>
    scopes.includes(s.scope)
      ? { ok: true, subject: s }
      : {
          ok: false,
          problem: importProblems.subjectOutOfScope(text.trim(), s.scope, def.key, scopes),
          suggestions: [],
        };

  if (isNation(q)) return allowed({ subject: nationalSubject, scope: "land", name: "Sverige" });
  // A name can be both ("Stockholm", "Gotland"): the scope the key is recorded for first.
  const tries = scopes.includes("kommun") ? [tryMunicipality, tryCounty] : [tryCounty, tryMunicipality];
  const results = tries.map((t) => t(q, suggest));
  const found = results.filter((r): r is ImportSubject => !Array.isArray(r));
  const fit = found.find((s) => scopes.includes(s.scope));
  if (fit) return allowed(fit);
  if (found[0]) return allowed(found[0]);
  const [asMunicipality, asCounty] = (scopes.includes("kommun") ? results : [...results].reverse()) as [
    string[],
    string[],
  ];

  if (scopes.includes("kommun") && scopes.includes("lan")) {
    return {
      ok: false,
      problem: importProblems.neitherMunicipalityNorCounty(text.trim()),
      suggestions: [...new Set([...asMunicipality, ...asCounty])].slice(0, 3),
    };
  }
  if (scopes.includes("lan"))
    return { ok: false, problem: importProblems.unknownCounty(text.trim()), suggestions: asCounty };
  if (scopes.includes("kommun"))
    return { ok: false, problem: importProblems.unknownMunicipality(text.trim()), suggestions: asMunicipality };
  return { ok: false, problem: importProblems.nationOnly(def.key, text.trim()), suggestions: [] };
}

/** Cells resolved so far, per import: at most this many different texts are remembered. */
const rememberedTexts = 10_000;

/**
 * Resolves the cells of one import, remembering each different text: a file names the same
 * few hundred places over and over. A result worked out without suggestions is worked out
 * again when a listed problem needs them.
 */
export class SubjectLookup {
  readonly #known = new Map<string, { result: SubjectResult; suggested: boolean }>();

  constructor(readonly def: FactDefinition) {}

  resolve(text: string, suggest: boolean): SubjectResult {
    const known = this.#known.get(text);
    if (known && (known.result.ok || known.suggested || !suggest)) return known.result;
    const result = resolveImportSubject(this.def, text, suggest);
    if (known || this.#known.size < rememberedTexts) this.#known.set(text, { result, suggested: suggest });
    return result;
  }
}
