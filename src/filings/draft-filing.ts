/**
 * A draft made by `motionera draft … --json` read back to file it without typing it again: the
 * JSON that command prints (saved to a file) names the draft's title, kind, municipality, signers
 * and date. Only a motion or an interpellation is filed.
 */
import { MotioneraError } from "../domain/errors.js";
import { corpusAuthorSchema, placeRefSchema } from "../domain/corpus-document.js";
import { filingKindSchema, type NewFiling } from "../domain/filing.js";
import { isoDateSchema } from "../domain/partial-date.js";
import { z } from "../domain/zod.js";
import { municipalityByCode } from "../data/places.js";
import { draftFilingWords as w } from "./messages.sv.js";

const draftJsonSchema = z.object({
  title: z.string().trim().min(1),
  kind: z.string(),
  date: isoDateSchema,
  municipalityCode: z.string(),
  signers: z.array(corpusAuthorSchema).min(1),
});

/** What a draft says about the filing-to-be: everything but the filing step itself. */
export type DraftFiling = Omit<NewFiling, "filed"> & { date: string };

const invalid = (problem: string) => new MotioneraError({ code: "input_invalid", field: "--utkast", problem });

/** The draft's title, kind, municipality, signers and date, from what `draft --json` printed (`file`: for messages). */
export function draftFiling(text: string, file: string): DraftFiling {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid(w.notJson(file));
  }
  const read = draftJsonSchema.safeParse(json);
  if (!read.success) throw invalid(w.notJson(file));
  const d = read.data;
  const kind = filingKindSchema.safeParse(d.kind);
  if (!kind.success) throw invalid(w.notFiled(d.kind));
  const place = municipalityByCode(d.municipalityCode);
  if (!place) throw invalid(w.unknownPlace(d.municipalityCode));
  const municipality = placeRefSchema.parse({ code: place.code, name: place.name });
  return { kind: kind.data, title: d.title, municipality, signers: d.signers, date: d.date };
}
