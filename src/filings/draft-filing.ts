/**
 * A draft made by `motionera draft … --json` read back to file it without typing it again: the
 * JSON that command prints (saved to a file) names the draft's title, kind, municipality, signers
 * and date. A campaign's summary (sammanstallning.json) names the same for each municipality's
 * draft. Only a motion or an interpellation is filed.
 */
import { MotioneraError } from "../domain/errors.js";
import { corpusAuthorSchema, placeRefSchema } from "../domain/corpus-document.js";
import { filingKindSchema, type NewFiling } from "../domain/filing.js";
import { isoDateSchema } from "../domain/partial-date.js";
import { z } from "../domain/zod.js";
import { findMunicipality, municipalityByCode } from "../data/places.js";
import { draftFilingWords as w } from "./messages.sv.js";

const draftJsonSchema = z.object({
  title: z.string().trim().min(1),
  kind: z.string(),
  date: isoDateSchema,
  municipalityCode: z.string(),
  signers: z.array(corpusAuthorSchema).min(1),
});

/** A campaign's summary (sammanstallning.json): a row per municipality, a written one with its draft's details. */
const campaignSummarySchema = z.object({
  template: z.string(),
  municipalities: z.array(
    z.object({
      municipality: z.string(),
      code: z.string(),
      status: z.string(),
      reason: z.string().optional(),
      title: z.string().optional(),
      kind: z.string().optional(),
      date: z.string().optional(),
      signers: z.array(corpusAuthorSchema).optional(),
    }),
  ),
});

/** What a draft says about the filing-to-be: everything but the filing step itself. */
export type DraftFiling = Omit<NewFiling, "filed"> & { date: string };

const invalid = (problem: string) => new MotioneraError({ code: "input_invalid", field: "--utkast", problem });

/**
 * The draft's title, kind, municipality, signers and date, from what `draft --json` printed, or from a campaign's
 * summary (its row for `kommun`, a name or code as found by findMunicipality); `file` is for messages.
 */
export function draftFiling(text: string, file: string, kommun?: string): DraftFiling {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw invalid(w.notJson(file));
  }
  const campaign = campaignSummarySchema.safeParse(json);
  if (campaign.success) json = campaignRow(campaign.data.municipalities, file, kommun);
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

/** The row of a campaign's summary for `kommun`, as the JSON `draft --json` prints for one draft. */
function campaignRow(rows: z.infer<typeof campaignSummarySchema>["municipalities"], file: string, kommun?: string) {
  if (kommun === undefined) throw invalid(w.campaignNeedsKommun(file, rows.length));
  const place = findMunicipality(kommun);
  const row = rows.find((r) => r.code === place.code);
  if (!row) throw invalid(w.campaignNoRow(file, place.name));
  if (row.status !== "written") throw invalid(w.campaignNotWritten(place.name, row.reason ?? ""));
  return { title: row.title, kind: row.kind, date: row.date, municipalityCode: row.code, signers: row.signers };
}
