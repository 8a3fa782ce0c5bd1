/**
 * Text PostgreSQL cannot hold, kept losslessly: a text or jsonb value may not contain U+0000,
 * and jsonb refuses a lone surrogate, while the domain's strings may hold both (the security
 * suite's known-bad strings). Each is written as a private-use marker and a code (the marker
 * itself too), and turned back when read: the store returns exactly what it was given.
 */

const marker = "\uF8FE";
const unstorable = /\uF8FE|\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const escaped = /\uF8FE(e|0|s[0-9a-f]{4})/g;

/** A string as stored (a text parameter compared with stored values). */
export function storableText(s: string): string {
  return s.replace(unstorable, (c) =>
    c === marker ? `${marker}e` : c === "\u0000" ? `${marker}0` : `${marker}s${c.charCodeAt(0).toString(16)}`,
  );
}

function decodeString(s: string): string {
  if (!s.includes(marker)) return s;
  return s.replace(escaped, (_, code: string) =>
    code === "e" ? marker : code === "0" ? "\u0000" : String.fromCharCode(Number.parseInt(code.slice(1), 16)),
  );
}

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === "string") return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [f(k), mapStrings(v, f)]));
  }
  return value;
}

/** JSON for a jsonb parameter, every string (keys too) made storable. */
export function storableJson(value: unknown): string {
  return JSON.stringify(mapStrings(value, storableText));
}

/** A value read back: every string (keys too) as it was given. */
export function fromStored<T>(value: T): T {
  return mapStrings(value, decodeString) as T;
}
