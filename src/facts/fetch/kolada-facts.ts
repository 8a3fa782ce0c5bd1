/**
 * `motionera facts fetch kolada`: KPIs from Kolada become facts, each KPI under its own key.
 *
 * The KPIs' metadata first (an unknown id fails before any data is asked), the key for each
 * (fact-keys.ts: `kolada_n01951` with the KPI's title and description, created with the facts
 * unless the catalog has it or `--key` names another), then the data for all KPIs, places and
 * years at once (the client splits the lists), and each request's rows as the Kolada file
 * they are, with the value of the gender asked for (T, the total, unless K or M), through the
 * import machinery (fetched-import.ts).
 * Source: "Kolada: ‹KPI title› (N01951)", publisher RKA, the request's URL, the fetch date;
 * as-of: each value's period.
 */
import { MotioneraError } from "../../domain/errors.js";
import type { Store } from "../../store/store.js";
import type { KoladaClient } from "../../statistics/kolada/client.js";
import type { KoladaDataRow, KoladaKpi } from "../../statistics/kolada/schemas.js";
import { koladaPlaceIds, type PlaceSelection } from "../../statistics/places.js";
import { storeCatalog } from "../fact-catalog.js";
import { chooseFactKey, type ChosenKey } from "./fact-keys.js";
import { importFetched, jsonFile, type FetchBatch, type FetchReport, type FetchSkip } from "./fetched-import.js";
import { koladaKeyDefinition } from "./key-definition.js";
import { NotByGender, type KoladaGender } from "./fetch-refusals.js";

export type { KoladaGender } from "./fetch-refusals.js";
export { NotByGender } from "./fetch-refusals.js";

export const koladaPublisher = "RKA";
export const koladaSourceTitle = (kpi: Pick<KoladaKpi, "id" | "title">) => `Kolada: ${kpi.title.trim()} (${kpi.id})`;

export interface KoladaFetchRequest {
  kpis: readonly string[];
  places: PlaceSelection;
  /** None: every year Kolada has. */
  years: readonly number[];
  gender: KoladaGender;
  /** An existing key to store under (one KPI only). */
  key?: string | undefined;
  /** The fetch date, ÅÅÅÅ-MM-DD. */
  fetchedOn: string;
  commit: boolean;
}

/** The row as a Kolada file's entry with only the asked gender's value (null when it has none). */
function rowForGender(row: KoladaDataRow, gender: KoladaGender): KoladaDataRow {
  const value =
    row.values.find((v) => v.gender === gender) ??
    (gender === "T" && row.values.length === 1 ? row.values[0] : undefined);
  return { ...row, values: [value ?? { gender, value: null }] };
}

const hasValue = (row: KoladaDataRow) => row.values.some((v) => typeof v.value === "number");

export async function fetchKoladaFacts(
  store: Store,
  client: KoladaClient,
  req: KoladaFetchRequest,
): Promise<FetchReport> {
  const ids = [...new Set(req.kpis)];
  if (req.key !== undefined && ids.length > 1) {
    throw new MotioneraError({
      code: "input_invalid",
      field: "key",
      problem: "--key kan bara anges för ett nyckeltal i taget",
    });
  }
  const catalog = await storeCatalog(store);
  const kpis = new Map<string, { meta: KoladaKpi } & ChosenKey>();
  for (const id of ids) {
    const meta = await client.kpi(id);
    if (req.gender !== "T" && meta.is_divided_by_gender === false) throw new NotByGender(id, req.gender);
    kpis.set(id, { meta, ...chooseFactKey(catalog, req.key, koladaKeyDefinition(meta)) });
  }

  const answers = await client.data(ids, koladaPlaceIds(req.places), req.years);
  const batches: FetchBatch[] = [];
  // Every key is reported, even one the answers had no value for.
  const skips = new Map<string, FetchSkip[]>([...kpis.values()].map(({ def }) => [def.key, []]));
  for (const answer of answers) {
    for (const [id, { meta, def }] of kpis) {
      const rows = answer.rows.filter((r) => r.kpi === id).map((r) => rowForGender(r, req.gender));
      if (!rows.some(hasValue)) {
        // Nothing to import from this request: each row (if any) is a value Kolada does not have.
        const list = skips.get(def.key) ?? [];
        list.push(
          ...rows.map((r) => ({ url: answer.url, subject: r.municipality, reason: `värde saknas för ${r.period}` })),
        );
        skips.set(def.key, list);
        continue;
      }
      batches.push({
        key: def,
        url: answer.url,
        bytes: jsonFile({ values: rows }),
        sourceTitle: koladaSourceTitle(meta),
        publisher: koladaPublisher,
        fetchedOn: req.fetchedOn,
      });
    }
  }
  const {
    keys: fetched,
    createdKeys,
    committed,
  } = await importFetched(store, batches, skips, req.commit, [...kpis.values()]);
  return {
    service: "kolada",
    fetchedOn: req.fetchedOn,
    keys: fetched,
    createdKeys,
    urls: answers.map((a) => a.url),
    requests: client.http.requests,
    committed,
  };
}
