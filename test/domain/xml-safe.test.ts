import { describe, expect, it } from "vitest";
import { xmlSafe } from "../../src/domain/xml-safe.js";

describe("xmlSafe", () => {
  it("removes characters XML forbids", () => {
    expect(xmlSafe("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Dg\uFFFEh\uFFFFi")).toBe("abcdefghi");
  });
  it("removes lone surrogates but keeps pairs", () => {
    expect(xmlSafe("x\uD800y\uDC00z")).toBe("xyz");
    expect(xmlSafe("emoji 😀 ok")).toBe("emoji 😀 ok");
    expect(xmlSafe("\uD83D")).toBe("");
  });
  it("keeps tab, line feed, carriage return and ordinary text as they are", () => {
    const s = "Lidingö\t“citat” – 5 €\r\n& <tag>";
    expect(xmlSafe(s)).toBe(s);
  });
  it("is stable across calls (global regex state)", () => {
    for (let i = 0; i < 3; i++) expect(xmlSafe("a\u0001")).toBe("a");
  });
});
