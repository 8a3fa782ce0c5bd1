/**
 * JSON-stat 2.0 datasets, as SCB's PxWebApi 2.0 answers data and metadata:
 *
 *   {"version": "2.0", "class": "dataset", "label": …, "source": …, "updated": …,
 *    "id": ["Region", "ContentsCode", "Tid"], "size": [2, 1, 5],
 *    "dimension": {"Tid": {"label": "år", "category": {"index": {"2020": 0, …}, "label": {…}}}, …},
 *    "value": [… numbers or null …]}
 *
 * Cells are in row-major order over `id`/`size`; a category's place is its `index` (an object
 * of code → position, or a list of codes in order), never the order of the keys in the JSON.
 * A null cell is missing, never 0.
 */
import { z } from "../../domain/zod.js";

const categorySchema = z.looseObject({
  index: z.union([z.record(z.string(), z.number().int().nonnegative()), z.array(z.string())]).optional(),
  label: z.record(z.string(), z.string()).optional(),
});

const dimensionSchema = z.looseObject({
  label: z.string().optional(),
  category: categorySchema,
});

export const jsonStatDatasetSchema = z.looseObject({
  version: z.string().optional(),
  class: z.literal("dataset"),
  label: z.string().optional(),
  source: z.string().optional(),
  updated: z.string().optional(),
  id: z.array(z.string()).min(1),
  size: z.array(z.number().int().nonnegative()).min(1),
  role: z.looseObject({ time: z.array(z.string()).optional(), metric: z.array(z.string()).optional() }).optional(),
  dimension: z.record(z.string(), dimensionSchema),
  /** Absent in metadata; a list, or an object of cell position → value (sparse). */
  value: z.union([z.array(z.number().nullable()), z.record(z.string(), z.number().nullable())]).optional(),
  extension: z.looseObject({}).optional(),
});
export type JsonStatDataset = z.infer<typeof jsonStatDatasetSchema>;

export interface JsonStatDimension {
  id: string;
  label: string;
  /** Codes in their index order. */
  codes: string[];
  labels: Record<string, string>;
}

/** One cell: the category code of each dimension (by dimension id) and the value (null: missing). */
export interface JsonStatCell {
  codes: Record<string, string>;
  value: number | null;
}

/** Why a dataset cannot be read, worded for the user. */
export class JsonStatError extends Error {}

/** The dimensions in `id` order, each with its codes placed by `index`; checked against `size`. */
export function jsonStatDimensions(ds: JsonStatDataset): JsonStatDimension[] {
  if (ds.id.length !== ds.size.length)
    throw new JsonStatError(`id har ${ds.id.length} dimensioner men size ${ds.size.length}`);
  return ds.id.map((id, d) => {
    const dim = ds.dimension[id];
    if (!dim) throw new JsonStatError(`dimensionen ${id} saknas`);
    const size = ds.size[d]!;
    const labels = dim.category.label ?? {};
    const index = dim.category.index ?? Object.keys(labels);
    const codes: string[] = new Array(size);
    const entries = Array.isArray(index) ? index.map((code, i) => [code, i] as const) : Object.entries(index);
    if (entries.length !== size)
      throw new JsonStatError(`dimensionen ${id} har ${entries.length} kategorier men size ${size}`);
    for (const [code, at] of entries) {
      if (at >= size || codes[at] !== undefined)
        throw new JsonStatError(`dimensionen ${id}: index ${at} för ${code} är fel`);
      codes[at] = code;
    }
    return { id, label: dim.label ?? id, codes, labels };
  });
}

/** Every cell with its codes, in row-major order; missing cells (null or absent) have value null. */
export function jsonStatCells(ds: JsonStatDataset): JsonStatCell[] {
  const dims = jsonStatDimensions(ds);
  const total = ds.size.reduce((a, b) => a * b, 1);
  const values = ds.value ?? [];
  if (Array.isArray(values) && values.length !== total)
    throw new JsonStatError(`value har ${values.length} celler men size ger ${total}`);
  const valueAt = (i: number): number | null => (Array.isArray(values) ? values[i]! : (values[String(i)] ?? null));
  const cells: JsonStatCell[] = [];
  const position = dims.map(() => 0);
  for (let i = 0; i < total; i++) {
    const codes: Record<string, string> = {};
    dims.forEach((dim, d) => {
      codes[dim.id] = dim.codes[position[d]!]!;
    });
    cells.push({ codes, value: valueAt(i) });
    // Row-major: the last dimension moves fastest.
    for (let d = dims.length - 1; d >= 0; d--) {
      position[d]!++;
      if (position[d]! < dims[d]!.codes.length) break;
      position[d] = 0;
    }
  }
  return cells;
}
