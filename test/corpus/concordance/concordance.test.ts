/** The concordance core: alignment, sorting, inflections, phrases, counts and export rows. */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  candidateIds,
  concordance,
  corpusConcordance,
  exportConcordance,
  occurrencesIn,
  parsePattern,
  textsOf,
  type Pattern,
} from "../../../src/corpus/concordance/index.js";
import { CorpusIndex } from "../../../src/corpus/search/index.js";
import { record, records } from "./fixture.js";

const pattern = (text: string, inflections = false): Pattern => {
  const p = parsePattern(text, inflections);
  if (!p) throw new Error(`no words in ${text}`);
  return p;
};

describe("occurrencesIn: keyword in context", () => {
  const text = "ett två tre fyra fem sex sju åtta nio tio KAST elva tolv tretton fjorton femton sexton sjutton arton.";

  it("cuts the context at the given number of words either side, marking the cut", () => {
    const [o] = occurrencesIn(text, pattern("kast"), { words: 3, chars: 80 });
    expect(o).toMatchObject({ left: "… åtta nio tio", keyword: "KAST", right: "elva tolv tretton …" });
    expect(o!.leftWords).toEqual(["tio", "nio", "åtta"]);
    expect(o!.rightWords).toEqual(["elva", "tolv", "tretton"]);
    expect(text.slice(o!.start, o!.end)).toBe("KAST");
  });

  it("keeps the text's own punctuation and reaches the start and end of a short text without a mark", () => {
    const [o] = occurrencesIn("Stöd, inte straff: KAST hjälper.", pattern("kast"), { words: 8, chars: 80 });
    expect(o).toMatchObject({ left: "Stöd, inte straff:", keyword: "KAST", right: "hjälper." });
  });

  it("cuts at a word when the characters run out", () => {
    const [o] = occurrencesIn(text, pattern("kast"), { words: 10, chars: 16 });
    expect(o!.left).toBe("… åtta nio tio");
    expect(o!.right).toBe("elva tolv …");
  });

  it("finds every occurrence, case aside, and not inside longer words", () => {
    const os = occurrencesIn("Sexköp, SEXKÖP och sexköpslagen; sexköp.", pattern("sexköp"));
    expect(os.map((o) => o.keyword)).toEqual(["Sexköp", "SEXKÖP", "sexköp"]);
  });
});

describe("inflections", () => {
  const text = textsOf(records[0]!)[0]!.text;

  it("exact form only, unless asked for", () => {
    expect(occurrencesIn(text, pattern("sexköpare")).map((o) => o.keyword)).toEqual(["Sexköpare"]);
    expect(occurrencesIn(text, pattern("sexköpare", true)).map((o) => o.keyword)).toEqual(["Sexköpare", "sexköparna"]);
  });

  it("definite forms count as inflections (the stemmer's definite forms)", () => {
    const t = "Vilket stöd får de? Stödet räcker inte, och stöden minskar.";
    expect(occurrencesIn(t, pattern("stöd")).map((o) => o.keyword)).toEqual(["stöd"]);
    expect(occurrencesIn(t, pattern("stöd", true)).map((o) => o.keyword)).toEqual(["stöd", "Stödet", "stöden"]);
  });

  it("an inflection is not any word that begins the same way", () => {
    expect(occurrencesIn("stödja stödinsatser stöd", pattern("stöd", true)).map((o) => o.keyword)).toEqual(["stöd"]);
  });
});

describe("phrases", () => {
  it("matches several words in a row, stop words included, with the phrase as the keyword", () => {
    const text = textsOf(records[0]!)[0]!.text;
    const [o] = occurrencesIn(text, pattern("köp av sexuell tjänst"));
    expect(o).toMatchObject({ keyword: "Köp av sexuell tjänst", right: "är ett brott." });
    expect(occurrencesIn(text, pattern("köp sexuell tjänst"))).toEqual([]);
  });

  it("inflects each word of a phrase when asked", () => {
    const t = "Sexköparen får samtal. Sexköparna får samtalen. En sexköpare fick inget samtal.";
    expect(occurrencesIn(t, pattern('"sexköpare får samtal"')).length).toBe(0);
    expect(occurrencesIn(t, pattern("sexköpare får samtal", true)).map((o) => o.keyword)).toEqual([
      "Sexköparen får samtal",
      "Sexköparna får samtalen",
    ]);
  });
});

describe("concordance over records", () => {
  it("gives every line its record, newest first by default, and reads a summary where there is no full text", () => {
    const c = concordance(records, pattern("stöd", true));
    expect(c.total).toBe(5);
    expect(c.documents).toBe(3);
    expect(c.lines.map((l) => [l.documentId, l.keyword, l.field])).toEqual([
      ["i-2023-v", "stöd", "fullText"],
      ["i-2023-v", "Stödet", "fullText"],
      ["m-2021-s", "stöd", "fullText"],
      ["p-odaterad-m", "stöd", "title"],
      ["p-odaterad-m", "stöd", "summary"],
    ]);
    expect(c.lines[0]).toMatchObject({ title: "Motion i-2023-v", date: "2023-10-11", parties: ["V"] });
  });

  it("sorts by the word before the keyword, then the next one out", () => {
    const c = concordance(records, pattern("sexköpare", true), { sort: "left" });
    expect(c.lines.map((l) => l.left.split(" ").at(-1))).toEqual(["En", "många", "når", "och", "stöd."]);
    expect(c.lines.map((l) => l.keyword)).toEqual(["sexköpare", "sexköpare", "sexköparen", "sexköparna", "Sexköpare"]);
  });

  it("sorts by the word after the keyword", () => {
    const c = concordance(records, pattern("sexköpare", true), { sort: "right" });
    expect(c.lines.map((l) => l.right.split(" ")[0])).toEqual(["har", "ska", "ska", "som", "tidigt."]);
    // Ties on the first word go on to the next: "ska få" before "ska mötas".
    expect(c.lines.slice(1, 3).map((l) => l.right.split(" ").slice(0, 2).join(" "))).toEqual(["ska få", "ska mötas"]);
  });

  it("pages through the sorted lines", () => {
    const all = concordance(records, pattern("sexköpare", true), { sort: "right" });
    const page = concordance(records, pattern("sexköpare", true), { sort: "right", offset: 2, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.lines).toEqual(all.lines.slice(2, 4));
  });

  it("counts per year (every year between, zero too) and per party (each signer's party)", () => {
    const c = concordance(records, pattern("sexköpare", true));
    expect(c.counts.years).toEqual([
      { year: 2021, occurrences: 2, documents: 1 },
      { year: 2022, occurrences: 0, documents: 0 },
      { year: 2023, occurrences: 3, documents: 2 },
    ]);
    expect(c.counts.parties.map((p) => [p.party, p.occurrences])).toEqual([
      ["S", 2],
      ["KD", 2],
      ["L", 2],
      ["V", 1],
    ]);
    expect(c.counts.parties[0]!.label).toBe("Socialdemokraterna");
    const stod = concordance(records, pattern("stöd", true));
    expect(stod.counts.undated).toBe(2);
  });

  it("keeps at most `keep` lines but counts them all", () => {
    const c = concordance(records, pattern("sexköpare", true), { keep: 2 });
    expect(c).toMatchObject({ total: 5, kept: 2, truncated: true });
    expect(c.lines.length).toBe(2);
  });
});

describe("export rows", () => {
  const c = concordance(records, pattern("sexköpare", true), { sort: "left" });

  it("CSV: a header and one row per line, parties joined", () => {
    const csv = exportConcordance(c.lines, "csv");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(["left", "keyword", "right", "document_id", "title", "date", "party"]);
    expect(rows.length).toBe(5);
    expect(rows[0]).toMatchObject({ keyword: "sexköpare", document_id: "d-2023-l-kd", date: "2023-02-21" });
    expect(rows[0]!.party).toBe("L | KD");
    expect(rows[4]).toMatchObject({
      keyword: "Sexköpare",
      document_id: "m-2021-s",
      party: "S",
      right: c.lines[4]!.right,
    });
  });

  it("JSON Lines: one object per line in the same order", () => {
    const rows = exportConcordance(c.lines, "jsonl")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(rows.map((r) => r.keyword)).toEqual(c.lines.map((l) => l.keyword));
    expect(rows[0]).toEqual({
      left: "KAST når sexköparen tidigt. En",
      keyword: "sexköpare",
      right: "som får samtal köper mer sällan sex igen.",
      document_id: "d-2023-l-kd",
      title: "Motion d-2023-l-kd",
      date: "2023-02-21",
      party: "L | KD",
    });
  });

  it("a cell that would start a formula is neutralised in CSV", () => {
    const csv = exportConcordance([{ ...c.lines[0]!, left: "=1+1" }], "csv");
    expect(csv).toContain("'=1+1");
  });
});

describe("candidateIds: the records to read, from the search index", () => {
  const index = CorpusIndex.build(records);

  it("exact forms: the index's word search narrows the records, newest first", () => {
    const ids = candidateIds(index, pattern("sexköpare"), {});
    expect(ids).toEqual(["i-2023-v", "d-2023-l-kd", "m-2021-s"]);
    const hits = ids.filter(
      (id) =>
        concordance(
          records.filter((r) => r.id === id),
          pattern("sexköpare"),
        ).total > 0,
    );
    expect(hits).toEqual(["i-2023-v", "d-2023-l-kd", "m-2021-s"]);
    expect(candidateIds(index, pattern("sexköpare"), { party: ["V"] })).toEqual(["i-2023-v"]);
  });

  it("inflections: records holding any form with the word's key, definite forms too", () => {
    expect(candidateIds(index, pattern("stöd", true), {})).toEqual(["i-2023-v", "m-2021-s", "p-odaterad-m"]);
    const definite = record({ id: "x", date: "2020", fullText: "Stödet räcker inte. Handeln minskar." });
    const other = record({ id: "y", date: "2019", fullText: "Stödja och stödinsatser; handla." });
    const small = CorpusIndex.build([definite, other]);
    expect(candidateIds(small, pattern("stöd", true), {})).toEqual(["x"]);
    expect(candidateIds(small, pattern("handel", true), {})).toEqual(["x"]);
    expect(candidateIds(small, pattern("stöd"), {})).toEqual([]);
    expect(candidateIds(small, pattern("stöd handel", true), {})).toEqual(["x"]);
  });

  it("stop words alone: every record the filters let through", () => {
    expect(candidateIds(index, pattern("och"), {}).length).toBe(records.length);
    expect(candidateIds(index, pattern("och"), { kind: ["motion"] })).toEqual(["m-2021-s"]);
  });

  it("the index's choice never loses an occurrence", () => {
    const docs = [
      ...records,
      record({ id: "x", date: "2020", fullText: "Stödet räcker inte. Handeln minskar, samtalen ökar." }),
      record({ id: "y", date: "2019", fullText: "Stödja och stödinsatser; handla. Sexköparens samtal." }),
    ];
    const all = CorpusIndex.build(docs);
    const words = ["stöd", "stödet", "sexköpare", "sexköparna", "köp av sexuell tjänst", "samtal", "handel", "och"];
    for (const w of words)
      for (const inflections of [false, true]) {
        const p = pattern(w, inflections);
        const narrowed = corpusConcordance({ index: all, documents: docs }, p, {});
        expect(narrowed.total, `${w} ${inflections}`).toBe(concordance(docs, p).total);
      }
  });
});
