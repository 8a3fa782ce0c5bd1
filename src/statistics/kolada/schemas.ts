/**
 * Kolada's v3 answers, as far as Motionera reads them (formats.md; fields it does not read pass
 * through unchecked). A data page:
 *
 *   {"values": [{"kpi": "N01951", "municipality": "0180", "period": 2023,
 *                "values": [{"gender": "T", "value": 984748, "count": 1, "status": ""}, …]}],
 *    "count": 1, "next_url": null, "previous_url": null}
 *
 * Older (v2) pages link the next one as `next_page`. A value may be null: not published or
 * suppressed, which is missing, never 0.
 */
import { z } from "../../domain/zod.js";

export const koladaGenderValueSchema = z.looseObject({
  gender: z.string(),
  value: z.number().nullable().optional(),
  count: z.number().nullable().optional(),
  status: z.string().nullable().optional(),
});

export const koladaDataRowSchema = z.looseObject({
  kpi: z.string(),
  municipality: z.string(),
  period: z.union([z.number().int(), z.string()]),
  values: z.array(koladaGenderValueSchema),
});
export type KoladaDataRow = z.infer<typeof koladaDataRowSchema>;

const nextLink = z.string().nullable().optional();

export const koladaDataPageSchema = z.looseObject({
  values: z.array(koladaDataRowSchema),
  count: z.number().optional(),
  next_url: nextLink,
  next_page: nextLink,
});

/** The next page's URL of a v3 (`next_url`) or v2 (`next_page`) page; null or "" ends. */
export const koladaNextPage = (page: { next_url?: string | null | undefined; next_page?: string | null | undefined }) =>
  page.next_url || page.next_page || undefined;

/** 0/1 (v2) or false/true (v3). */
const flag = z.union([z.boolean(), z.number()]).transform((x) => Boolean(x));

export const koladaKpiSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string().nullable().optional(),
  operating_area: z.string().nullable().optional(),
  publication_date: z.string().nullable().optional(),
  publ_period: z.union([z.string(), z.number()]).nullable().optional(),
  is_divided_by_gender: flag.nullable().optional(),
  /** "K" municipalities, "L" regions, "alla" both. */
  municipality_type: z.string().nullable().optional(),
  has_ou_data: flag.nullable().optional(),
});
export type KoladaKpi = z.infer<typeof koladaKpiSchema>;

export const koladaKpiPageSchema = z.looseObject({
  values: z.array(koladaKpiSchema),
  count: z.number().optional(),
  next_url: nextLink,
  next_page: nextLink,
});
