/** Domain ranking in the core: which documents offer arguments for a template, which template fits a document. */
import { describe, expect, it } from "vitest";
import { argumentGroups } from "../../src/corpus/argument-groups.js";
import { fittingTemplates, templateSharingMostTopics } from "../../src/compose/template-choice.js";
import { parseTemplate } from "../../src/compose/template-library.js";
import type { CorpusDocument } from "../../src/domain/corpus-document.js";
import { findMunicipality } from "../../src/data/places.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { testFact } from "../helpers/facts.js";

const doc = (id: string, topics: string[], date: string | null, args = 1): CorpusDocument =>
  ({
    id,
    kind: "debattartikel",
    level: "kommun",
    municipality: null,
    county: null,
    parties: ["L"],
    authors: [{ name: "Anna Andersson", party: "L" }],
    date,
    title: `Titel ${id}`,
    summary: "",
    topics,
    arguments: Array.from({ length: args }, (_, i) => ({
      claim: `Påstående ${i + 1}`,
      stance: "for",
      type: "samverkan",
    })),
    proposals: [],
    questions: [],
    facts: [],
    source: { title: `Titel ${id}`, publisher: "Tidningen", date },
  }) as unknown as CorpusDocument;

const template = (id: string, topics: string[], facts: string[] = []) =>
  parseTemplate(
    `templates/motion/${id}.hbs`,
    [
      "---",
      `id: ${id}`,
      "kind: motion",
      `title: ${id}`,
      "description: D.",
      `topics: [${topics.join(", ")}]`,
      ...(facts.length ? ["facts:", ...facts.flatMap((k) => [`  - key: ${k}`, "    required: true"])] : []),
      "---",
      "Text.",
      "",
    ].join("\n"),
  );

describe("argumentGroups", () => {
  it(
    "keeps documents with arguments that share a topic: most shared topics first, then newest, then by id; refs " +
      "count from 1",
    () => {
      const docs = [
        doc("a-old", ["kast", "sexkop"], "2019-01-01", 2),
        doc("b-one", ["kast"], "2024-01-01"),
        doc("c-none", ["polis"], "2025-01-01"),
        doc("d-new", ["sexkop", "kast"], "2023-05-01"),
        doc("e-noargs", ["kast", "sexkop"], "2025-01-01", 0),
      ];
      const groups = argumentGroups(["KAST", "sexköp"], docs);
      expect(groups.map((g) => g.doc.id)).toEqual(["d-new", "a-old", "b-one"]);
      expect(groups[1]!.items.map((i) => i.ref)).toEqual(["a-old#1", "a-old#2"]);
      expect(groups[0]!.citation).toContain("Titel d-new");
    },
  );
});

describe("templateSharingMostTopics", () => {
  it("picks the template with most topics in common, the first of equals, and undefined for no templates", () => {
    const lib = [template("one", ["KAST"]), template("two", ["KAST", "sexköp"]), template("three", ["sexköp", "kast"])];
    expect(templateSharingMostTopics(lib, { topics: ["kast", "sexkop"] })?.frontMatter.id).toBe("two");
    expect(templateSharingMostTopics(lib, { topics: ["polis"] })?.frontMatter.id).toBe("one");
    expect(templateSharingMostTopics([], { topics: ["kast"] })).toBeUndefined();
  });
});

describe("fittingTemplates", () => {
  it("keeps the templates whose required facts the registry holds for the place", () => {
    const lidingo = findMunicipality("Lidingö");
    const registry = new FactRegistry([
      testFact("0186", "mika_kast_agreement", { type: "boolean", value: true }, "2023-11-13"),
    ]);
    const lib = [
      template("needs-agreement", ["KAST"], ["mika_kast_agreement"]),
      template("needs-nothing", ["KAST"]),
      template("needs-runs-kast", ["KAST"], ["runs_kast"]),
    ];
    expect(fittingTemplates(lib, registry, lidingo).map((x) => x.frontMatter.id)).toEqual([
      "needs-agreement",
      "needs-nothing",
    ]);
  });
});
