/**
 * One municipality of a campaign: compose the draft with the workspace, render every format
 * in this thread, and describe the outcome as a summary row. A municipality that cannot be
 * drafted (a required fact missing; under --strict a stale fact or a place to fill in) is a
 * skipped row, never an exception; the campaign goes on. Its texts tell how to add a missing
 * fact in the words of the edge that runs it (`wording`: the CLI's command, the web's form).
 */
import { isMotioneraError, type DraftWarning } from "../domain/errors.js";
import { errorProblems } from "../domain/field-problem.js";
import type { Place } from "../domain/municipality.js";
import type { Draft } from "../domain/draft.js";
import { factDefinition } from "../facts/catalog.js";
import { draftBaseName } from "../files/draft-files.js";
import {
  cliWording,
  explainCampaignMissing,
  explainErrorWorded,
  explainWarningWorded,
  type FactWording,
} from "../messages.sv.js";
import { extensionOf, renderDraft, type Format } from "../render/index.js";
import type { Workspace } from "../workspace.js";
import type { CampaignSettings } from "./plan.js";

export type RowStatus = "written" | "skipped" | "failed";

/** One line of the summary. */
export interface CampaignRow {
  municipality: string;
  code: string;
  county: string;
  status: RowStatus;
  /** File names (in the output folder or the zip). */
  files: string[];
  /** How many citations (footnotes) the draft has. */
  citations: number;
  /** The fact keys the draft cites. */
  factsCited: string[];
  /** Fact keys the template could use (or the campaign requires) that have no value. */
  missingFacts: string[];
  /** Fact keys whose value is older than the template accepts. */
  staleFacts: string[];
  /** Warnings, in Swedish (stale facts and the like; missing optional facts are in missingFacts). */
  warnings: string[];
  /**
   * What the signer must fill in ("[FYLL I: …]" in the draft), in reading order; for a draft --strict refused, what it
   * asked for.
   */
  placeholders: string[];
  /** What the signer must check before filing ("kontrollera" items), with the Swedish text. */
  checks: { code: DraftWarning["code"]; message: string }[];
  /** Why the municipality was skipped or failed, in Swedish. */
  reason?: string;
  /**
   * A written draft's title, kind, date and signers: with `municipality` and `code`, what `motionera arenden add
   * --utkast sammanstallning.json --kommun …` reads to file it without typing it again.
   */
  title?: string;
  kind?: string;
  date?: string;
  signers?: { name: string; party?: string | undefined; role?: string | undefined }[];
}

export interface ProducedFile {
  name: string;
  format: Format;
  data: Uint8Array;
}

export interface Produced {
  row: CampaignRow;
  files: ProducedFile[];
}

const encoder = new TextEncoder();

function baseRow(place: Place): Omit<CampaignRow, "status"> {
  return {
    municipality: place.name,
    code: place.code,
    county: place.county.name,
    files: [],
    citations: 0,
    factsCited: [],
    missingFacts: [],
    staleFacts: [],
    warnings: [],
    placeholders: [],
    checks: [],
  };
}

/** "2026-11-24-habo-0643-motion-kast-avtal" when another selected municipality has the same slug. */
function fileBase(base: string, place: Place, disambiguate: boolean): string {
  if (!disambiguate) return base;
  const [date, ...rest] = base.split(/(?<=^\d{4}-\d{2}-\d{2})-/);
  return rest.length ? `${date}-${place.code}-${rest.join("-")}` : `${base}-${place.code}`;
}

/** Where a Draft becomes bytes: this thread by default, or e.g. the web service's writer threads. */
export type Render = (draft: Draft, format: Format) => Promise<Uint8Array | string>;

export async function produceOne(
  ws: Workspace,
  settings: CampaignSettings,
  place: Place,
  disambiguate = false,
  render: Render = renderDraft,
  wording: FactWording = cliWording,
): Promise<Produced> {
  const row = baseRow(place);
  if (settings.require.length) {
    const facts = await ws.facts();
    const missing = settings.require.filter((key) => !facts.resolve(place, key));
    if (missing.length) {
      const described = missing.map((key) => ({ key, label: factDefinition(key)?.label ?? key }));
      return {
        row: {
          ...row,
          status: "skipped",
          missingFacts: missing,
          reason: explainCampaignMissing(place.name, described, wording),
        },
        files: [],
      };
    }
  }
  let composed: Awaited<ReturnType<Workspace["compose"]>>;
  try {
    composed = await ws.compose(
      {
        template: settings.template,
        municipality: place.code,
        authors: settings.authors,
        date: settings.date,
        inputs: settings.inputs,
        strict: settings.strict,
      },
      { wording },
    );
  } catch (e) {
    if (!isMotioneraError(e)) throw e;
    // Every reason at once: a municipality may lack several required facts (and an input).
    const all = errorProblems(e).map((p) => p.details);
    const missingFacts = all.flatMap((d) => (d.code === "fact_missing" ? [d.key] : []));
    const d = e.details;
    return {
      row: {
        ...row,
        status: "skipped",
        ...(missingFacts.length ? { missingFacts } : {}),
        ...(d.code === "fact_stale" ? { staleFacts: [d.key] } : {}),
        ...(d.code === "draft_has_placeholders" ? { placeholders: d.placeholders } : {}),
        reason: all.map((x) => explainErrorWorded(x, wording)).join(" "),
      },
      files: [],
    };
  }
  const { draft, warnings, review } = composed;
  const base = fileBase(draftBaseName(draft), place, disambiguate);
  const files: ProducedFile[] = await Promise.all(
    settings.formats.map(async (format) => {
      const out = await render(draft, format);
      return {
        name: `${base}.${extensionOf(format)}`,
        format,
        data: typeof out === "string" ? encoder.encode(out) : out,
      };
    }),
  );
  const isMissing = (w: DraftWarning) => w.code === "fact_optional_missing";
  return {
    row: {
      ...row,
      status: "written",
      files: files.map((f) => f.name),
      citations: draft.citations.length,
      factsCited: [...new Set(composed.cited.map((c) => c.fact.key))],
      missingFacts: warnings.filter(isMissing).map((w) => w.key),
      staleFacts: warnings.filter((w) => w.code === "fact_stale").map((w) => w.key),
      warnings: warnings.filter((w) => !isMissing(w)).map((w) => explainWarningWorded(w, wording)),
      placeholders: review.placeholders,
      checks: review.checks.map((w) => ({ code: w.code, message: explainWarningWorded(w, wording) })),
      title: draft.meta.title,
      kind: draft.meta.kind,
      date: draft.meta.date,
      signers: draft.meta.authors,
    },
    files,
  };
}

/** A row for a municipality whose draft failed for a reason that is not the user's (a bug). */
export function failedRow(place: Place, e: unknown): CampaignRow {
  return { ...baseRow(place), status: "failed", reason: (e as Error)?.message ?? String(e) };
}
