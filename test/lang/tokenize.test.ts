import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/lang/normalize.js";
import { isStopWord, tokenize, wordPattern } from "../../src/lang/tokenize.js";

describe("tokenize: words with their offsets", () => {
  it("splits at spaces, punctuation, hyphens and apostrophes, keeping å ä ö and digits", () => {
    const s = "Stöd till Upplands-Väsby, år 2026: kvinnojour's arbete.";
    const tokens = tokenize(s);
    expect(tokens.map((t) => t.word)).toEqual([
      "Stöd",
      "till",
      "Upplands",
      "Väsby",
      "år",
      "2026",
      "kvinnojour",
      "s",
      "arbete",
    ]);
    for (const t of tokens) expect(s.slice(t.start, t.end)).toBe(t.word);
  });

  it("keeps a combining mark inside its word", () => {
    const decomposed = "Cafe\u0301et ligger i Ska\u030avde";
    expect(tokenize(decomposed).map((t) => t.word)).toEqual(["Cafe\u0301et", "ligger", "i", "Ska\u030avde"]);
  });

  it("leaves out words longer than maxLength when asked to (search), and none by default (tagging)", () => {
    const long = "a".repeat(49);
    expect(tokenize(`ord ${long} ord`).map((t) => t.word)).toEqual(["ord", long, "ord"]);
    expect(tokenize(`ord ${long} ord`, { maxLength: 48 }).map((t) => t.word)).toEqual(["ord", "ord"]);
    expect(tokenize(`ord ${long} ord`, { maxLength: 48 }).map((t) => t.start)).toEqual([0, 54]);
  });

  it("gives each caller its own pattern, so loops do not share lastIndex", () => {
    const a = wordPattern();
    const b = wordPattern();
    expect(a).not.toBe(b);
    expect(a.exec("ett två")?.[0]).toBe("ett");
    expect(b.exec("ett två")?.[0]).toBe("ett");
    expect(a.exec("ett två")?.[0]).toBe("två");
  });

  it("knows the Swedish stop words, in lower case", () => {
    expect(isStopWord("och")).toBe(true);
    expect(isStopWord("att")).toBe(true);
    expect(isStopWord("handlingsplan")).toBe(false);
  });
});

describe("normalizeText: extracted text made uniform", () => {
  it("NFC, \\n line ends, no soft hyphens or zero-width characters, odd spaces as spaces", () => {
    expect(normalizeText("Sko\u0308vde\r\nsam\u00adverkan\u200b\tmed\u00a0polisen\u2028slut")).toBe(
      "Skövde\nsamverkan med polisen\nslut",
    );
  });
});
