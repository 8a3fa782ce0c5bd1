/**
 * Length limits on facts, their sources and notes: the schemas take exactly the limit and
 * refuse one more with a Swedish message naming the field; `facts add`'s core (recordFact) and
 * a facts import row are refused the same way, with nothing written; the shipped data and
 * templates are well within the limits.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import "../../src/messages.sv.js";
import { corpusDocumentSchema } from "../../src/domain/corpus-document.js";
import { factSchema } from "../../src/domain/fact.js";
import { signerSchema } from "../../src/domain/signer.js";
import { textLimits } from "../../src/domain/text-limits.js";
import { templateInputSchema } from "../../src/domain/template.js";
import { importFacts } from "../../src/facts/import/import-facts.js";
import { recordFact } from "../../src/facts/record-fact.js";
import { explainError } from "../../src/messages.sv.js";
import { databaseSchema } from "../../src/store/schema.js";
import { rejection, tempStore } from "./import-helpers.js";

const root = join(import.meta.dirname, "..", "..");
const x = (n: number) => "x".repeat(n);
const url = (n: number) => `https://example.se/${x(n - "https://example.se/".length)}`;

const fact = {
  id: "0186.prostitution_unit_name.2026-01-01",
  subject: "0186",
  key: "prostitution_unit_name",
  value: { type: "text", value: "Mottagningen" },
  asOf: "2026-01-01",
  source: { title: "Titel", publisher: "Utgivare", date: null, url: "https://example.se/" },
  note: "ungefär",
  recordedAt: "2026-11-20T12:00:00.000Z",
};

/** The stated limits, as README and RELIABILITY.md give them. */
const limits: [field: string, limit: number, message: string, at: (n: number) => unknown][] = [
  ["value.value", 2000, "värdet", (n) => ({ ...fact, value: { type: "text", value: x(n) } })],
  ["note", 1000, "förbehållet (note)", (n) => ({ ...fact, note: x(n) })],
  ["source.title", 500, "källans titel", (n) => ({ ...fact, source: { ...fact.source, title: x(n) } })],
  ["source.publisher", 200, "källans utgivare", (n) => ({ ...fact, source: { ...fact.source, publisher: x(n) } })],
  ["source.url", 2000, "källans webbadress", (n) => ({ ...fact, source: { ...fact.source, url: url(n) } })],
];

describe("the fact schema", () => {
  it.each(limits)(
    "%s: %i characters pass, one more is refused with a message naming the field",
    (field, limit, name, at) => {
      expect(factSchema.safeParse(at(limit)).success).toBe(true);
      const r = factSchema.safeParse(at(limit + 1));
      expect(r.success).toBe(false);
      const issue = r.error!.issues[0]!;
      expect(issue.path.join(".")).toBe(field);
      expect(issue.message).toBe(
        `${name} får vara högst ${limit.toLocaleString("sv-SE").replace(/\s/g, "\u00a0")} tecken, men ` +
          `är ${(limit + 1).toLocaleString("sv-SE").replace(/\s/g, "\u00a0")}`,
      );
    },
  );

  it("states the limits README gives", () => {
    expect([
      textLimits.factText,
      textLimits.note,
      textLimits.sourceTitle,
      textLimits.sourcePublisher,
      textLimits.url,
    ]).toEqual([2000, 1000, 500, 200, 2000]);
  });
});

describe("the shipped data is within the limits", () => {
  const db = JSON.parse(readFileSync(join(root, "corpus", "motionera.json"), "utf8")) as {
    facts: (typeof fact)[];
    documents: unknown[];
  };

  it("the database validates whole", () => {
    expect(databaseSchema.safeParse(db).success).toBe(true);
  });

  it("its longest values are far below the limits", () => {
    const longest = (xs: (string | undefined)[]) => Math.max(0, ...xs.map((s) => s?.length ?? 0));
    const texts = db.facts.filter((f) => f.value.type === "text").map((f) => f.value.value as string);
    expect(longest(texts)).toBeLessThan(textLimits.factText / 10);
    expect(longest(db.facts.map((f) => f.note))).toBeLessThan(textLimits.note / 5);
    expect(longest(db.facts.map((f) => f.source.title))).toBeLessThan(textLimits.sourceTitle / 4);
    expect(longest(db.facts.map((f) => f.source.publisher))).toBeLessThan(textLimits.sourcePublisher / 2);
    expect(longest(db.facts.map((f) => f.source.url))).toBeLessThan(textLimits.url / 10);
    for (const d of db.documents) expect(corpusDocumentSchema.safeParse(d).success).toBe(true);
  });
});

describe("other free-text fields", () => {
  it("a signer's name, party and role name the field", () => {
    const issues = signerSchema.safeParse({ name: x(201), party: x(61), role: x(301) }).error!.issues;
    expect(issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["name", "undertecknarens namn får vara högst 200 tecken, men är 201"],
      ["party", "undertecknarens parti får vara högst 60 tecken, men är 61"],
      ["role", "undertecknarens roll får vara högst 300 tecken, men är 301"],
    ]);
  });

  it("a corpus document's title, addressee, outlet, att-satser and source name the field", () => {
    const doc = JSON.parse(readFileSync(join(root, "corpus", "motionera.json"), "utf8")).documents[0];
    const bad = {
      ...doc,
      title: x(501),
      addressee: x(301),
      outlet: x(201),
      proposals: [x(2001)],
      source: { ...doc.source, title: x(501), publisher: x(2001) },
    };
    const messages = corpusDocumentSchema.safeParse(bad).error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "title: titeln får vara högst 500 tecken, men är 501",
        "addressee: mottagaren (addressee) får vara högst 300 tecken, men är 301",
        "outlet: publiceringsstället (outlet) får vara högst 200 tecken, men är 201",
        "proposals.0: att-satsen får vara högst 2\u00a0000 tecken, men är 2\u00a0001",
        "source.title: källans titel får vara högst 500 tecken, men är 501",
        "source.publisher: källans utgivare får vara högst 2\u00a0000 tecken, men är 2\u00a0001",
      ]),
    );
  });

  it("no template input may allow more than 100 000 characters", () => {
    const input = { name: "text", type: "text", label: "Text" };
    expect(templateInputSchema.safeParse({ ...input, maxLength: 100_000 }).success).toBe(true);
    expect(templateInputSchema.safeParse({ ...input, maxLength: 100_001 }).error!.issues[0]!.message).toMatch(
      /^maxLength får vara högst 100000/,
    );
  });
});

describe("facts add (recordFact) and facts import refuse too long values, naming the field; nothing is written", () => {
  const entry = {
    subject: "Lidingö",
    key: "prostitution_unit_name",
    value: "Mottagningen",
    asOf: "2026-01-01",
    source: { title: "Titel", publisher: "Utgivare", date: null },
  };

  it("recordFact: value, note, source title, publisher and URL", async () => {
    const { store, db } = await tempStore();
    const before = readFileSync(db);
    const cases: [object, RegExp][] = [
      [{ value: x(2001) }, /^Ogiltig uppgift i värde: värdet får vara högst 2 000 tecken, men är 2 001$/],
      [{ note: x(1001) }, /^Ogiltig uppgift i note: förbehållet \(note\) får vara högst 1 000 tecken, men är 1 001$/],
      [
        { source: { ...entry.source, title: x(501) } },
        /^Ogiltig uppgift i source\.title: källans titel får vara högst 500 tecken, men är 501$/,
      ],
      [
        { source: { ...entry.source, publisher: x(201) } },
        /^Ogiltig uppgift i source\.publisher: källans utgivare får vara högst 200 tecken, men är 201$/,
      ],
      [
        { source: { ...entry.source, url: url(2001) } },
        /^Ogiltig uppgift i source\.url: källans webbadress får vara högst 2 000 tecken, men är 2 001$/,
      ],
    ];
    for (const [change, message] of cases) {
      const details = await rejection(recordFact(store, { ...entry, ...change }));
      expect(explainError(details).replace(/\u00a0/g, " ")).toMatch(message);
    }
    expect(readFileSync(db).equals(before)).toBe(true);
    // At the limit it is recorded.
    const { fact: ok } = await recordFact(store, { ...entry, value: x(2000), note: x(1000) });
    expect(ok.value).toEqual({ type: "text", value: x(2000) });
  });

  it("an import row with a too long text value is listed with its line and column", async () => {
    const { store, db } = await tempStore();
    const before = readFileSync(db);
    const csv = `Kommun;Värde\nLidingö;Mottagningen\nSolna;${x(2001)}\n`;
    const details = await rejection(
      importFacts(store, {
        fileName: "namn.csv",
        bytes: new TextEncoder().encode(csv),
        key: "prostitution_unit_name",
        sourceTitle: "Titel",
        publisher: "Utgivare",
        asOf: "2026",
        commit: true,
      }),
    );
    expect(details.code).toBe("fact_import_invalid");
    expect(explainError(details).replace(/\u00a0/g, " ")).toContain(
      'rad 3, kolumn "Värde": värdet får vara högst 2 000 tecken, men är 2 001.',
    );
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it("an import's source title and publisher are held to the same limits", async () => {
    const { store } = await tempStore();
    const csv = new TextEncoder().encode("Kommun;Värde\nLidingö;Mottagningen\n");
    const base = { fileName: "namn.csv", bytes: csv, key: "prostitution_unit_name", asOf: "2026", commit: true };
    const title = await rejection(importFacts(store, { ...base, sourceTitle: x(501), publisher: "Utgivare" }));
    expect(explainError(title)).toMatch(/källans titel får vara högst 500 tecken, men är 501/);
    const publisher = await rejection(importFacts(store, { ...base, sourceTitle: "Titel", publisher: x(201) }));
    expect(explainError(publisher)).toMatch(/källans utgivare får vara högst 200 tecken, men är 201/);
  });
});
