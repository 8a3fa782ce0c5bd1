/**
 * The reader of plain Markdown (src/compose/plain-markdown.ts) against marked: where it reads a text, the Draft blocks
 * are marked's; where the text could read otherwise, it leaves it to marked. Over examples, and over texts generated
 * from the pieces both readers could disagree on (escapes, markers, emphasis, block starts, white space).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markedTokens, tokensToBlocks } from "../../src/compose/markdown-to-draft.js";
import { plainTokens } from "../../src/compose/plain-markdown.js";

const placeholders = ["beslutets datum", "e-postadress", "telefonnummer"];
const blocksOfPlain = (md: string) => {
  const tokens = plainTokens(md);
  return tokens && tokensToBlocks(tokens, placeholders);
};
const blocksOfMarked = (md: string) => tokensToBlocks(markedTokens(md), placeholders);

describe("plain Markdown read without marked", () => {
  it("reads what templates compose as marked does", () => {
    const md = [
      "# Ge Lidingö ett avtal",
      "",
      "Motion till kommunfullmäktige i Lidingö stad",
      "",
      "\uE002**Socialdemokraterna i Lidingö lämnar i dag en motion\\.",
      "Invånare ska kunna få stöd\\.**",
      "",
      "Enligt uppgifter från 2023 hade 16 kommuner tecknat avtal\\.\uE0001\uE001 E-post: \uE0032\uE004",
      "## Förslag",
      "Jag föreslår kommunfullmäktige besluta",
      "",
      "- att kommunen tecknar avtal",
      "- att avtalet följs upp \\(årligen\\)",
      "",
      "Jag frågar:",
      "",
      "1. Vilka åtgärder har vidtagits?",
      "2. När kommer en redovisning?",
      "",
      "> – Det här är viktigt, säger Eva Ek \\(S\\)\\.",
      "",
      "Lidingö den 2 december 2026",
      "",
      "Eva Ek \\(S\\)\\",
      "ledamot i kommunfullmäktige",
      "",
    ].join("\n");
    const plain = blocksOfPlain(md);
    expect(plain).toEqual(blocksOfMarked(md));
    expect(plain?.map((b) => b.type)).toEqual([
      "heading",
      "paragraph",
      "paragraph",
      "paragraph",
      "heading",
      "paragraph",
      "list",
      "paragraph",
      "list",
      "quote",
      "paragraph",
      "paragraph",
    ]);
    expect(plain?.[2]).toMatchObject({ keepWithNext: true, children: [{ type: "strong" }] });
    expect(plain?.[6]).toMatchObject({ role: "proposals" });
    expect(plain?.[8]).toMatchObject({ role: "questions" });
  });

  it.each([
    ["emphasis inside a line", "Ett *viktigt* ord"],
    ["bold inside a line", "Ett **viktigt** ord"],
    ["a link", "Se [kommunen](https://example.se)"],
    ["a web address", "Se www.example.se"],
    ["an e-mail address", "Skriv till eva@example.se"],
    ["code", "Kör `motionera`"],
    ["HTML", "Text <b>fet</b>"],
    ["a table", "| a | b |\n|---|---|\n| 1 | 2 |"],
    ["an entity", "Ek &amp; Berg"],
    ["strikethrough", "Inte ~så~"],
    ["a list right after a paragraph", "Jag föreslår\n- att göra"],
    ["a line continuing a list item", "- att göra\nmer text"],
    ["a line continuing a quote", "> citat\nmer text"],
    ["two lists a blank line apart", "- att göra\n\n- att låta bli"],
    ["an indented line", "    kod"],
    ["a tab", "Text\tmed tabb"],
    ["a heading's closing #s", "# Rubrik #"],
    ["a thematic break", "Text\n\n---"],
    ["a setext heading", "Rubrik\n==="],
    ["trailing spaces that break the line", "Rad  \nrad"],
  ])("leaves %s to marked", (_what, md) => {
    expect(plainTokens(md)).toBeUndefined();
  });

  it("gives blocks of their own each time: changing one result changes no other", () => {
    const first = blocksOfPlain("# Rubrik\n\nText\\.")!;
    first.pop();
    expect(blocksOfPlain("# Rubrik\n\nText\\.")).toHaveLength(2);
  });
});

const words = ["ord", "Åsa", "att ", "E-post", "3.5", "–", "?", "!", ":", "-", ">", "#", "1."];
const escapes = ["\\(", "\\)", "\\.", "\\*", "\\_", "\\\\", "\\-", "\\", "\\\n"];
const risky = [" ", "  ", "\u00a0", "**", "*", "_", "\uE002", "\uE0001\uE001", "\uE0032\uE004"];
const inline = fc.array(fc.constantFrom(...words, ...escapes, ...risky), { maxLength: 12 }).map((a) => a.join(""));
const prefix = fc.constantFrom(
  ...["", "", "", "# ", "## ", "###### ", "####### ", "> ", ">", "- ", "* ", "+ ", "1. ", "2. ", "1) "],
  ...[" ", "    ", "> - ", "> > ", "- - ", "**", "\uE002**", "#x", "[a](b) ", "<b>", "`", "~", "|", "\t"],
);
const suffix = fc.constantFrom("", "", "", "**", " ", "  ", "\\", " #", "\u00a0", " www.x.se", " a@b.se", " &amp;");
const line = fc.tuple(prefix, inline, suffix).map(([p, i, s]) => p + i + s);
const separator = fc.constantFrom("\n", "\n", "\n\n", "\n \n", "\n\n\n", "\r\n");
const text = fc
  .array(fc.tuple(line, separator), { maxLength: 10 })
  .map((lines) => lines.map(([l, sep]) => l + sep).join(""));

describe("generated texts", () => {
  it("are read as marked reads them, or left to marked", () => {
    let read = 0;
    fc.assert(
      fc.property(text, (md) => {
        const plain = blocksOfPlain(md);
        if (plain === undefined) return;
        read++;
        expect(plain).toEqual(blocksOfMarked(md));
      }),
      { numRuns: 40_000 },
    );
    // Not a vacuous check: many generated texts are plain enough to be read.
    expect(read).toBeGreaterThan(2_000);
  });
});
