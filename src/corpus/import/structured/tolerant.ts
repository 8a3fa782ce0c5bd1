/**
 * zod pieces for reading files as they really come, not as their documentation draws them: a single entry where a
 * list is expected (and a list of one where one object is), null for an absent list, numbers where strings are,
 * leading and trailing spaces, "" and "-" for nothing.
 */
import { z } from "../../../domain/zod.js";

/** A list, whether the file gives a list, one object, null or nothing (a problem's path names the entry). */
export const manyOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** One object, whether the file gives it alone or as the first of a list. */
export const oneOf = <T extends z.ZodType>(item: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), item);

/** A value as text, trimmed; undefined for null, "", "-" and what is not a string or number. */
export const looseText = z
  .unknown()
  .transform((v) => {
    if (typeof v === "number") return String(v);
    if (typeof v !== "string") return undefined;
    const t = v.replace(/\s+/g, " ").trim();
    return t === "" || t === "-" ? undefined : t;
  })
  .optional();

/** An object under a key: its fields, or {} for null and what is not an object (never a failure). */
export const looseObject = <S extends z.ZodRawShape>(shape: S) =>
  z.preprocess((v) => (v !== null && typeof v === "object" ? v : {}), z.object(shape));
