/**
 * What a facts import keeps is bounded whatever the file holds: the first 100 problems and
 * skipped rows are listed and the rest counted, a file may import at most 20 000 values, and
 * a JSON file is checked by a walker that keeps no entry (compared here with JSON.parse). The
 * text is read in pieces of 1 MB: a CRLF or a UTF-8 character split between two pieces reads
 * as if it were whole.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allMunicipalities } from "../../src/data/places.js";
import { checkFactFile, type FactImportRequest } from "../../src/facts/import/import-facts.js";
import { maxListedIssues } from "../../src/facts/import/issues.js";
import { JsonSyntaxError, walkJson, type JsonEntry } from "../../src/facts/import/json-walk.js";
import { maxImportValues } from "../../src/facts/import/validate.js";
import { explainError } from "../../src/messages.sv.js";
import { rejection, testSource } from "./import-helpers.js";

const bytes = (s: string) => new TextEncoder().encode(s);
const check = (fileName: string, content: string | Uint8Array, req: Partial<FactImportRequest> = {}) =>
  checkFactFile(
    {
      key: "kast_clients",
      fileName,
      bytes: typeof content === "string" ? bytes(content) : content,
      commit: false,
      ...testSource,
      ...req,
    },
    [],
  );

describe("facts import: what is kept is bounded", () => {
  it("lists the first 100 problems in file order, with suggestions, and counts the rest", async () => {
    const rows = Array.from({ length: 250 }, (_, i) => (i % 2 ? `Lidngö;${i}` : `Solna;tolv${i}`));
    const d = await rejection(check("många-fel.csv", `Kommun;Antal\n${rows.join("\n")}\n`));
    if (d.code !== "fact_import_invalid") throw new Error(d.code);
    expect(d.total).toBe(250);
    expect(d.issues).toHaveLength(maxListedIssues);
    expect(d.issues.map((i) => i.line)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    expect(d.issues[1]).toMatchObject({ line: 3, column: "Kommun", suggestions: expect.arrayContaining(["Lidingö"]) });
    expect(explainError(d)).toMatch(/250 fel:/);
    expect(explainError(d)).toMatch(/… och 150 fel till\.$/);
  });

  it("keeps the problem of line 1 listed even when it is found last (Kolada: mixed KPIs)", async () => {
    const entries = Array.from(
      { length: 150 },
      (_, i) => `{"kpi":"N0${i % 2}","municipality":"0186","period":"år${i}","values":[{"gender":"T","value":1}]}`,
    );
    const d = await rejection(
      check("k.json", `{"values":[\n${entries.join(",\n")}\n]}`, {
        sourceTitle: undefined,
        publisher: undefined,
        asOf: undefined,
      }),
    );
    if (d.code !== "fact_import_invalid") throw new Error(d.code);
    expect(d.total).toBe(151);
    expect(d.issues[0]).toMatchObject({ line: 1, problem: expect.stringMatching(/flera nyckeltal \(N00, N01\)/) });
    expect(d.issues).toHaveLength(maxListedIssues);
  });

  it("lists the first 100 rows left out and counts them all", async () => {
    const rows = Array.from({ length: 300 }, () => "Solna;7");
    const r = await check("samma.csv", `Kommun;Antal\n${rows.join("\n")}\n`);
    expect(r.facts).toHaveLength(1);
    expect(r.counts.skipped).toBe(299);
    expect(r.skipped).toHaveLength(maxListedIssues);
    expect(r.skipped[0]).toMatchObject({ line: 3, reason: "samma värde som på rad 2" });
  });

  it(
    `imports up to ${maxImportValues} values from one file, and refuses more, naming the first line past ` +
      `the limit`,
    async () => {
      const codes = allMunicipalities().map((p) => p.code);
      const kolada = (periods: number) => {
        const entries: string[] = [];
        for (let y = 0; y < periods; y++)
          for (const c of codes)
            entries.push(
              `{"kpi":"N01951","municipality":"${c}","period":${1900 + y},"values":[{"gender":"T","value":${y}}]}`,
            );
        return `{"values":[\n${entries.join(",\n")}\n]}`;
      };
      const fits = Math.floor(maxImportValues / codes.length);
      const ok = await check("k.json", kolada(fits), {
        key: "population",
        sourceTitle: undefined,
        publisher: undefined,
        asOf: undefined,
      });
      expect(ok.facts).toHaveLength(fits * codes.length);
      const d = await rejection(
        check("k.json", kolada(fits + 1), {
          key: "population",
          sourceTitle: undefined,
          publisher: undefined,
          asOf: undefined,
        }),
      );
      if (d.code !== "fact_import_invalid") throw new Error(d.code);
      expect(d.total).toBe(1);
      expect(d.issues[0]).toMatchObject({
        line: maxImportValues + 2,
        entry: maxImportValues + 1,
        problem: expect.stringMatching(/fler än 20\u00a0000 värden/),
      });
    },
  );

  it("leaves Error.stackTraceLimit as it was (lookups run without stacks only while a file is read)", async () => {
    const before = Error.stackTraceLimit;
    await rejection(check("fel.csv", "Kommun;Antal\nLidngö;1\n"));
    await rejection(check("fel.json", '[{"kommun":"Lidngö","antal":1}]'));
    expect(Error.stackTraceLimit).toBe(before);
  });
});

describe("facts import: pieces of text", () => {
  const piece = 1 << 20;

  it("reads a CRLF split between two pieces as one line ending", async () => {
    const header = "Kommun;Antal\r\n";
    const rows: string[] = [];
    let size = header.length;
    // Rows of the same value (left out) until the next row's CR is the last byte of the first piece.
    while (size + 9 < piece - 12) {
      rows.push("Solna;1\r\n");
      size += 9;
    }
    const pad = piece - 1 - size - "Solna;1".length;
    rows.push(`Solna;1${" ".repeat(pad)}\r\n`);
    size += 7 + pad + 2;
    expect(size).toBe(piece + 1);
    const text = `${header}${rows.join("")}Lidingö;5\r\nLidngö;5\r\n`;
    expect(text.charCodeAt(piece - 1)).toBe(13);
    const badLine = rows.length + 3;
    const d = await rejection(check("stor.csv", text));
    if (d.code !== "fact_import_invalid") throw new Error(d.code);
    expect(d.issues).toEqual([expect.objectContaining({ line: badLine, problem: 'okänd kommun "Lidngö"' })]);
  });

  it("reads a UTF-8 character split between two pieces", async () => {
    const head = bytes("Kommun;Antal\n");
    const filler = bytes("Solna;1\n");
    const n = Math.floor((piece - head.length - 20) / filler.length);
    const before = head.length + n * filler.length;
    // A row of spaces after the value puts the first byte of "Ö" (C3 96) last in the first piece.
    const pad = bytes(`Solna;1${" ".repeat(piece - 1 - before - 8)}\n`);
    const tail = bytes("Örebro;3\n");
    const all = new Uint8Array(before + pad.length + tail.length);
    all.set(head, 0);
    for (let i = 0; i < n; i++) all.set(filler, head.length + i * filler.length);
    all.set(pad, before);
    all.set(tail, before + pad.length);
    expect(all[piece - 1]).toBe(0xc3);
    const r = await check("stor.csv", all);
    expect(r.facts.map((f) => f.subjectName)).toEqual(["Solna", "Örebro"]);
  });
});

describe("JSON walker (json-walk.ts) against JSON.parse", () => {
  const entriesOf = (text: string) => {
    const found: { entry: JsonEntry; where: string }[] = [];
    const shape = walkJson(text, (entry, list) => found.push({ entry, where: list.where }));
    return { shape, found };
  };
  const lineAt = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

  it("accepts every JSON text JSON.parse accepts, and hands over the entries of a top-level array as they are", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 })), fc.constantFrom(0, 1, 2), (items, indent) => {
        const text = JSON.stringify(items, null, indent);
        const { shape, found } = entriesOf(text);
        expect(shape.root).toBe("array");
        expect(found.map((f) => JSON.parse(text.slice(f.entry.start, f.entry.end)) as unknown)).toEqual(
          JSON.parse(text),
        );
        for (const { entry } of found) {
          expect(entry.line).toBe(lineAt(text, entry.start));
          const parsed = JSON.parse(text.slice(entry.start, entry.end)) as unknown;
          if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
            expect(new Set(entry.members!.keys())).toEqual(new Set(Object.keys(parsed)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("refuses exactly what JSON.parse refuses", () => {
    const valid = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v));
    // Valid texts with a character inserted, deleted or replaced, and arbitrary strings.
    const mutated = fc
      .tuple(
        valid,
        fc.nat(),
        fc.constantFrom("insert", "delete", "replace"),
        fc.constantFrom(...'{}[]",:\\ \n\t0123456789-+.eEtrufalsn\u0001\u2028x'),
      )
      .map(([text, at, how, c]) => {
        const i = text.length ? at % text.length : 0;
        return how === "insert"
          ? text.slice(0, i) + c + text.slice(i)
          : how === "delete"
            ? text.slice(0, i) + text.slice(i + 1)
            : text.slice(0, i) + c + text.slice(i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ maxLength: 20 })), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        let walks = true;
        try {
          walkJson(text, () => undefined);
        } catch (e) {
          if (!(e instanceof JsonSyntaxError)) throw e;
          walks = false;
        }
        expect(walks).toBe(parses);
      }),
      { numRuns: 2000 },
    );
  });

  it("names the line of the fault, in Swedish", () => {
    const at = (text: string) => {
      try {
        walkJson(text, () => undefined);
      } catch (e) {
        if (e instanceof JsonSyntaxError) return [e.line, e.problem] as const;
        throw e;
      }
      throw new Error("expected a syntax error");
    };
    expect(at('[\n {"kommun": "Lidingö",\n  "antal": 3,}\n]')).toEqual([
      3,
      'ett fältnamn inom citattecken skulle stå där det står "}"',
    ]);
    expect(at('[\n"öppen text\n]')).toEqual([2, expect.stringMatching(/styrtecken/)]);
    expect(at("[1,\n2")).toEqual([2, 'texten tar slut där "," eller "]" skulle stå']);
    expect(at("[1] [2]")).toEqual([1, "efter JSON-värdet står mer text"]);
  });

  it(
    "refuses nesting deeper than 1000 levels without running out of stack, and finds Kolada's entries " +
      "under values",
    async () => {
      expect(() => walkJson(`${"[".repeat(100_000)}${"]".repeat(100_000)}`, () => undefined)).toThrow(
        /nästlad mer än 1000 nivåer/,
      );
      const d = await rejection(check("djup.json", `[${"[".repeat(5000)}${"]".repeat(5000)}]`));
      expect(explainError(d)).toMatch(/rad 1: filen är inte giltig JSON \(filen är nästlad mer än 1000 nivåer djupt\)/);
      const { shape, found } = entriesOf('{"count": 2, "values": [{"a": 1},\n 2], "values": [3]}');
      expect(shape).toEqual({ root: "object", values: { kind: "array", start: expect.any(Number) } });
      expect(found.map((f) => [f.where, f.entry.index, f.entry.line, f.entry.kind])).toEqual([
        ["values", 0, 1, "object"],
        ["values", 1, 2, "number"],
        ["values", 0, 2, "number"],
      ]);
    },
  );

  it(
    "parses only the fields it reads: an entry carrying a list of a million values beside its two fields is " +
      "not built",
    async () => {
      const r = await check(
        "bred.json",
        `[{"kommun":"Solna","antal":4,"bilaga":[${"{},".repeat(1_000_000)}{}]},\n{"kommun":"Lidingö","antal":5}]`,
      );
      expect(r.facts.map((f) => [f.subjectName, f.value.value, f.line])).toEqual([
        ["Solna", 4, 1],
        ["Lidingö", 5, 2],
      ]);
      const k = (values: string) =>
        `{"values":[{"kpi":"N01951","municipality":"0186","period":2023,"values":${values}}]}`;
      const kolada = { key: "population", sourceTitle: undefined, publisher: undefined, asOf: undefined };
      expect((await check("k.json", k('[{"gender":"T","value":7}]'), kolada)).facts.map((f) => f.value.value)).toEqual([
        7,
      ]);
      const d = await rejection(
        check("k.json", k(`[${'{"gender":"K","value":1},'.repeat(5000)}{"gender":"T","value":7}]`), kolada),
      );
      expect(explainError(d)).toMatch(/post 1, fältet "values": listan har fler värden än Kolada ger/);
    },
  );

  it("keeps a field given twice as JSON.parse does: its last value, in the place of its first name", () => {
    const found: JsonEntry[] = [];
    walkJson('[{"a": 1,\n "b": 2,\n "a": 3}]', (e) => found.push(e));
    const members = found[0]!.members!;
    expect([...members.keys()]).toEqual(["a", "b"]);
    expect(members.get("a")).toMatchObject({ line: 3 });
    const text = '[{"a": 1,\n "b": 2,\n "a": 3}]';
    const a = members.get("a")!.value;
    expect(JSON.parse(text.slice(a.start, a.end))).toBe(3);
  });

  it("refuses a list whose entries have more than 1000 different field names", async () => {
    const entries = Array.from({ length: 1001 }, (_, i) => `{"kommun":"Solna","antal":1,"f${i}":0}`);
    const d = await rejection(check("fält.json", `[${entries.join(",")}]`));
    expect(explainError(d)).toMatch(/fler än 1000 olika fält/);
  });
});
