/**
 * `motionera facts fetch scb`: one figure of an SCB table per region and period becomes facts,
 * under `scb_<table>[_<contents code>]` (created with them unless the catalog has it) or `--key`.
 *
 * The selection names the region codes (from --kommun/--lan/--all, in the region dimension),
 * the periods (--year, in the time dimension) and one code for every other dimension the
 * table has more than one of (--value-codes Dim=code), so each region and period has exactly
 * one cell. The cells are placed by each dimension's category index (json-stat.ts); a null cell
 * is missing, never 0. Each request's cells of one period go through the import machinery as a
 * plain list, with the source "‹table label› (‹table id›)", publisher SCB, the request's URL and
 * the fetch date; as-of: the period (2024; 2024M03 → 2024-03; 2024K2 → 2024-06).
 */
import type { Store } from "../../store/store.js";
import type { ScbClient } from "../../statistics/scb/client.js";
import { jsonStatCells, jsonStatDimensions, JsonStatError, type JsonStatCell } from "../../statistics/scb/json-stat.js";
import { StatisticsError } from "../../statistics/errors.js";
import { scbRegionCodes, type PlaceSelection } from "../../statistics/places.js";
import { storeCatalog } from "../fact-catalog.js";
import { chooseFactKey } from "./fact-keys.js";
import { importFetched, jsonFile, type FetchBatch, type FetchReport, type FetchSkip } from "./fetched-import.js";
import { scbKeyDefinition } from "./key-definition.js";
import { ScbSelectionAmbiguous } from "./fetch-refusals.js";

export { ScbSelectionAmbiguous } from "./fetch-refusals.js";

export const scbPublisher = "SCB";

export interface ScbFetchRequest {
  table: string;
  places: PlaceSelection;
  /** Periods as SCB codes ("2024"); none: the table's default selection of the time dimension. */
  years: readonly string[];
  /** Further dimensions: code lists (Dim → codes), e.g. ContentsCode → [BE0101N1]. */
  valueCodes: Readonly<Record<string, readonly string[]>>;
  /** Codelists per dimension, e.g. Region → vs_RegionKommun07. */
  codelists: Readonly<Record<string, string>>;
  regionDimension: string;
  timeDimension: string;
  key?: string | undefined;
  fetchedOn: string;
  commit: boolean;
}

/** An SCB period code as a partial date: "2024", "2024M03" → "2024-03", "2024K2" → "2024-06". */

export function scbPeriodAsOf(code: string): string | undefined {
  const year = /^(\d{4})$/.exec(code);
  if (year) return year[1];
  const month = /^(\d{4})M(\d{2})$/.exec(code);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${month[1]}-${month[2]}`;
  const quarter = /^(\d{4})K([1-4])$/.exec(code);
  if (quarter) return `${quarter[1]}-${String(Number(quarter[2]) * 3).padStart(2, "0")}`;
  return undefined;
}

/** SCB's region code as the import reads a subject: "00" is the country. */
const subjectOf = (region: string) => (region === "00" ? "SE" : region);

export async function fetchScbFacts(store: Store, client: ScbClient, req: ScbFetchRequest): Promise<FetchReport> {
  const meta = await client.metadata(req.table);
  const label = meta.label?.trim() || req.table;
  const contents = req.valueCodes.ContentsCode?.length === 1 ? req.valueCodes.ContentsCode[0] : undefined;
  const contentsLabel = contents ? meta.dimension.ContentsCode?.category.label?.[contents] : undefined;
  const proposed = scbKeyDefinition(
    req.table,
    label,
    contents ? { code: contents, label: contentsLabel ?? label } : undefined,
  );
  const chosen = chooseFactKey(await storeCatalog(store), req.key, proposed);
  const def = chosen.def;

  const valueCodes: Record<string, readonly string[]> = {
    ...req.valueCodes,
    [req.regionDimension]: scbRegionCodes(req.places),
  };
  if (req.years.length > 0) valueCodes[req.timeDimension] = req.years;
  const answers = await client.data(req.table, valueCodes, req.codelists);

  const batches: FetchBatch[] = [];
  const skips: FetchSkip[] = [];
  for (const { url, dataset } of answers) {
    let cells: JsonStatCell[];
    try {
      const dims = jsonStatDimensions(dataset);
      for (const id of [req.regionDimension, req.timeDimension]) {
        if (!dims.some((d) => d.id === id))
          throw new JsonStatError(`tabellen har ingen dimension ${id} (den har ${dims.map((d) => d.id).join(", ")})`);
      }
      const several = dims.filter(
        (d) => d.id !== req.regionDimension && d.id !== req.timeDimension && d.codes.length > 1,
      );
      if (several.length > 0)
        throw new ScbSelectionAmbiguous(
          req.table,
          several.map((d) => ({ id: d.id, codes: d.codes.slice(0, 10) })),
        );
      cells = jsonStatCells(dataset);
    } catch (e) {
      if (e instanceof JsonStatError) throw new StatisticsError("scb", "malformed", url, { text: e.message });
      throw e;
    }
    const byPeriod = new Map<string, { kommun: string; värde: number | null }[]>();
    for (const cell of cells) {
      const period = cell.codes[req.timeDimension]!;
      const region = cell.codes[req.regionDimension]!;
      if (cell.value === null) {
        skips.push({ url, subject: region, reason: `värde saknas för ${period}` });
        continue;
      }
      const list = byPeriod.get(period) ?? [];
      list.push({ kommun: subjectOf(region), värde: cell.value });
      byPeriod.set(period, list);
    }
    for (const [period, rows] of byPeriod) {
      const asOf = scbPeriodAsOf(period);
      if (!asOf)
        throw new StatisticsError("scb", "malformed", url, {
          text: `perioden "${period}" är varken år, månad eller kvartal`,
        });
      batches.push({
        key: def,
        url,
        bytes: jsonFile(rows),
        sourceTitle: `${label} (${req.table})`,
        publisher: scbPublisher,
        fetchedOn: req.fetchedOn,
        asOf,
      });
    }
  }
  const {
    keys: fetched,
    createdKeys,
    committed,
  } = await importFetched(store, batches, new Map([[def.key, skips]]), req.commit, [chosen]);
  return {
    service: "scb",
    fetchedOn: req.fetchedOn,
    keys: fetched,
    createdKeys,
    urls: answers.map((a) => a.url),
    requests: client.http.requests,
    committed,
  };
}
