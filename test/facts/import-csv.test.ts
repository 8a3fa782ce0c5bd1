import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explainError } from "../../src/messages.sv.js";
import { detectDelimiter } from "../../src/facts/import/csv.js";
import { importFacts } from "../../src/facts/import/import-facts.js";
import { importFixture, registryOf, rejection, tempStore, testSource } from "./import-helpers.js";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("facts import: good CSV files", () => {
  it(
    "reads ; with BOM and CRLF, thousands spaces and no-break spaces, codes and names for the same " + "municipality",
    async () => {
      const { store } = await tempStore();
      const r = await importFixture(store, "population-semicolon-bom.csv", { key: "population" });
      expect(r.format).toBe("csv");
      expect(r.delimiter).toBe(";");
      expect(r.encoding).toBe("utf-8");
      expect(r.columns).toEqual({ subject: "Kommun", value: "Folkmängd" });
      expect(r.facts.map((f) => [f.subject, f.value.value, f.line])).toEqual([
        ["0186", 1111, 2],
        ["0180", 2222, 3],
        ["0184", 3333, 5],
      ]);
      // "186 " is Lidingö again with the same value: left out, not an error
      expect(r.skipped).toEqual([expect.objectContaining({ line: 4, subject: "Lidingö" })]);
      const reg = await registryOf(store);
      const lidingo = reg.latest("0186", "population")!;
      expect(lidingo.value).toEqual({ type: "number", value: 1111 });
      expect(lidingo.asOf).toBe("2025");
      expect(lidingo.source).toEqual({ title: "Testtabell", publisher: "Testutgivare", date: null });
    },
  );

  it("reads , with quoted fields holding separators, decimal comma and a code with its name", async () => {
    const { store } = await tempStore();
    const r = await importFixture(store, "increase-comma-quoted.csv", { key: "kast_help_seekers_increase" });
    expect(r.delimiter).toBe(",");
    expect(r.columns).toEqual({ subject: "Kommunkod", value: "Ökning (%)" });
    expect(r.facts.map((f) => [f.subjectName, f.value.value])).toEqual([
      ["Lidingö", 12.5],
      ["Solna", 7],
      ["Stockholm", 1234.5],
    ]);
  });

  it("reads tab-separated booleans (ja/nej/1/false) and skips an empty cell", async () => {
    const { store } = await tempStore();
    const r = await importFixture(store, "agreements-tab.csv", { key: "mika_kast_agreement" });
    expect(r.delimiter).toBe("\t");
    expect(r.facts.map((f) => [f.subjectName, f.value.value])).toEqual([
      ["Upplands Väsby", true],
      ["Vallentuna", false],
      ["Österåker", true],
      ["Värmdö", false],
    ]);
    expect(r.skipped).toEqual([expect.objectContaining({ line: 6, subject: "Järfälla", reason: "inget värde" })]);
  });

  it("reads Windows-1252 (Excel's 'CSV (semikolonavgränsad)')", async () => {
    const { store } = await tempStore();
    const r = await importFixture(store, "agreements-cp1252.csv", { key: "mika_kast_agreement" });
    expect(r.encoding).toBe("windows-1252");
    expect(r.facts.map((f) => f.subjectName)).toEqual(["Österåker", "Värmdö", "Täby"]);
  });

  it('takes "0186", "186" and "0186 Lidingö" as the same municipality', async () => {
    const { store } = await tempStore();
    const r = await importFixture(store, "codes-forms.csv", { key: "kast_clients" });
    expect(r.facts.map((f) => f.subject)).toEqual(["0186", "0114"]);
    expect(r.skipped.map((s) => s.line)).toEqual([3, 4]);
  });

  it("counts lines as an editor does when a quoted field holds a line break", async () => {
    const { store } = await tempStore();
    const r = await importFixture(store, "multiline-quoted.csv", { key: "kast_clients", commit: false });
    expect(r.columns?.value).toBe("Antal");
    expect(r.facts.map((f) => [f.subjectName, f.line])).toEqual([
      ["Lidingö", 2],
      ["Solna", 4],
    ]);
  });

  it("uses --municipality-column and --value-column when the headers say nothing", async () => {
    const { store } = await tempStore();
    const file = bytes("Område;Text;Siffra 2024\nLidingö;x;4\n");
    const ambiguous = await rejection(
      importFacts(store, { key: "kast_clients", fileName: "t.csv", bytes: file, commit: false, ...testSource }),
    );
    expect(explainError(ambiguous)).toMatch(/--value-column/);
    const r = await importFacts(store, {
      key: "kast_clients",
      fileName: "t.csv",
      bytes: file,
      commit: false,
      ...testSource,
      valueColumn: "Siffra 2024",
    });
    expect(r.facts[0]).toMatchObject({ subject: "0186", value: { value: 4 } });
  });

  it("detects the separator from the header line only", () => {
    expect(detectDelimiter("Kommun;Värde\nA,B;1,5\n")).toBe(";");
    expect(detectDelimiter('"Kommun;namn",Värde\n')).toBe(",");
    expect(detectDelimiter("Kommun\tVärde,x\n")).toBe("\t");
  });
});

describe("facts import: broken CSV files are refused whole", () => {
  it(
    "an unknown municipality on line 7: the message names line 7, the column and a suggestion; the database is " +
      "byte-identical",
    async () => {
      const { store, db } = await tempStore();
      const before = readFileSync(db);
      const d = await rejection(importFixture(store, "unknown-line7.csv", { key: "mika_kast_agreement" }));
      expect(d.code).toBe("fact_import_invalid");
      const text = explainError(d);
      expect(text).toMatch(/rad 7, kolumn "Kommun": okänd kommun "Lidngö"\. Menade du "Lidingö"/);
      expect(text).toMatch(/ingenting sparades/);
      expect(readFileSync(db).equals(before)).toBe(true);
    },
  );

  it(
    "lists every problem at once: bad number, missing column, different value for the same municipality, " +
      "wrong scope",
    async () => {
      const { store, db } = await tempStore();
      const before = readFileSync(db);
      const d = await rejection(importFixture(store, "broken-many.csv", { key: "kast_clients" }));
      if (d.code !== "fact_import_invalid") throw new Error(d.code);
      expect(d.total).toBe(4);
      const lines = d.issues.map((i) => [i.line, i.column]);
      expect(lines).toEqual([
        [3, "Antal"],
        [4, "Antal"],
        [5, "Antal"],
        [6, "Kommun"],
      ]);
      const text = explainError(d);
      expect(text).toMatch(/rad 3, kolumn "Antal": "tolv" är inget tal/);
      expect(text).toMatch(/rad 4, kolumn "Antal": raden har bara en kolumn/);
      expect(text).toMatch(/rad 5, kolumn "Antal": Lidingö har redan värdet 12 på rad 2, här 13/);
      expect(text).toMatch(
        /rad 6, kolumn "Kommun": "Stockholms län" är ett län, men kast_clients gäller bara kommuner/,
      );
      expect(readFileSync(db).equals(before)).toBe(true);
    },
  );

  it("an unclosed quote names its line", async () => {
    const { store } = await tempStore();
    const d = await rejection(importFixture(store, "broken-quote.csv", { key: "kast_clients" }));
    expect(explainError(d)).toMatch(/citattecknen/);
  });

  it("a file without a value column says how to name it", async () => {
    const { store } = await tempStore();
    const d = await rejection(importFixture(store, "no-value-column.csv", { key: "kast_clients" }));
    expect(explainError(d)).toMatch(/rad 1: .*Värde/);
  });

  it("a spreadsheet (xlsx) is refused with what to do", async () => {
    const { store } = await tempStore();
    const d = await rejection(
      importFacts(store, {
        key: "kast_clients",
        fileName: "t.xlsx",
        bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]),
        commit: true,
        ...testSource,
      }),
    );
    expect(explainError(d)).toMatch(/spara kalkylbladet som CSV/);
  });

  it("requires the source and the as-of for a plain CSV, and refuses a derived key", async () => {
    const { store } = await tempStore();
    const file = { fileName: "t.csv", bytes: bytes("Kommun;Antal\nLidingö;4\n"), commit: true };
    expect(
      await rejection(importFacts(store, { key: "kast_clients", ...file, publisher: "P", asOf: "2025" })),
    ).toMatchObject({ code: "input_invalid", field: "sourceTitle" });
    expect(
      await rejection(importFacts(store, { key: "kast_clients", ...file, sourceTitle: "T", publisher: "P" })),
    ).toMatchObject({ code: "input_invalid", field: "asOf" });
    const derived = await rejection(
      importFacts(store, { key: "mika_kast_agreements_counted", ...file, ...testSource }),
    );
    expect(explainError(derived)).toMatch(/beräknas ur registret/);
  });
});

describe("facts import: dry run and plan", () => {
  it("shows new, changed (old → new) and unchanged, and writes nothing", async () => {
    const { store, db } = await tempStore();
    await importFixture(store, "agreements-tab.csv", { key: "mika_kast_agreement" });
    const before = readFileSync(db);
    const file = bytes("Kommun;Avtal\nUpplands Väsby;ja\nVallentuna;ja\nSolna;nej\n");
    const r = await importFacts(store, {
      key: "mika_kast_agreement",
      fileName: "ny.csv",
      bytes: file,
      commit: false,
      ...testSource,
    });
    expect(r.committed).toBe(false);
    expect(r.facts.map((f) => [f.subjectName, f.kind, f.previous?.shown, f.shown])).toEqual([
      ["Upplands Väsby", "unchanged", "ja", "ja"],
      ["Vallentuna", "changed", "nej", "ja"],
      ["Solna", "new", undefined, "nej"],
    ]);
    expect(r.counts).toEqual({ new: 1, changed: 1, unchanged: 1, skipped: 0 });
    // Upplands Väsby holds the same value for the same date already: not stored again
    expect(r.recorded).toBe(2);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it("importing the same file twice changes nothing the second time", async () => {
    const { store, db } = await tempStore();
    await importFixture(store, "agreements-tab.csv", { key: "mika_kast_agreement" });
    const before = readFileSync(db);
    const again = await importFixture(store, "agreements-tab.csv", { key: "mika_kast_agreement" });
    expect(again.counts.unchanged).toBe(4);
    expect(again.recorded).toBe(0);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it("keeps the older value as history", async () => {
    const { store } = await tempStore();
    await importFixture(store, "agreements-tab.csv", { key: "mika_kast_agreement" });
    await importFacts(store, {
      key: "mika_kast_agreement",
      fileName: "ny.csv",
      bytes: bytes("Kommun;Avtal\nVallentuna;ja\n"),
      commit: true,
      ...testSource,
      asOf: "2026",
    });
    const reg = await registryOf(store);
    expect(reg.history("0115", "mika_kast_agreement").map((f) => [f.asOf, f.value.value])).toEqual([
      ["2025", false],
      ["2026", true],
    ]);
  });
});
