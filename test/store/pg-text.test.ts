/**
 * The escape that lets PostgreSQL hold any string of the domain (U+0000 and lone surrogates
 * included) gives every string back exactly, keys of objects too, and leaves nothing PostgreSQL
 * refuses.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromStored, storableJson, storableText } from "../../src/store/postgres/pg-text.js";

const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("text PostgreSQL cannot hold", () => {
  it("round-trips any string, the marker itself and valid surrogate pairs included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (a, b) => {
        const value = { [a]: [a, b, `\uF8FE${a}\uF8FEe`], plain: "😀 å", n: 1 };
        const stored = JSON.parse(storableJson(value)) as unknown;
        expect(unstorable.test(JSON.stringify(stored).replace(/\\u[0-9a-f]{4}/g, ""))).toBe(false);
        expect(fromStored(stored)).toEqual(value);
        expect(unstorable.test(storableText(a))).toBe(false);
        expect(fromStored(storableText(a))).toBe(a);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves ordinary text as it is", () => {
    expect(storableText("Lidingö 😀 'x'; --")).toBe("Lidingö 😀 'x'; --");
    expect(storableText("a\u0000b")).not.toContain("\u0000");
  });
});
