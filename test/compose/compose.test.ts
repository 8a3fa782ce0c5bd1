import { describe, expect, it } from "vitest";
import { composeDraft } from "../../src/compose/compose.js";
import { parseTemplate, TemplateLibrary } from "../../src/compose/template-library.js";
import { markdownToBlocks } from "../../src/compose/markdown-to-draft.js";
import { escapeBlock, escapeInline } from "../../src/compose/markdown-escape.js";
import { inlineText, type Block } from "../../src/domain/draft.js";
import { isMotioneraError, type MotioneraError } from "../../src/domain/errors.js";
import type { Fact } from "../../src/domain/fact.js";
import type { Signer } from "../../src/domain/signer.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { testFact, testSource } from "../helpers/facts.js";
import { factCitations } from "../fixtures/fact-citations.js";

const source = testSource;
const fact = (subject: string, key: string, value: Fact["value"], asOf: string | null): Fact => ({
  ...testFact(subject, key, value, asOf),
  recordedAt: "2026-11-24T12:00:00.000Z",
});

const registry = new FactRegistry([
  fact("0186", "mika_kast_agreement", { type: "boolean", value: false }, "2023-02-21"),
  fact("0186", "mika_kast_agreement", { type: "boolean", value: true }, "2023-11-13"),
  fact("01", "mika_kast_agreements_in_county", { type: "number", value: 16 }, "2023-02-21"),
  fact("SE", "share_men_bought_sex_ever", { type: "number", value: 7.5 }, "2014"),
]);

const template = (body: string, extra = "") =>
  parseTemplate(
    "templates/motion/t.hbs",
    [
      "---",
      "id: t",
      "kind: motion",
      "title: Test",
      "description: Testmall.",
      "inputs:",
      "  - name: note",
      "    type: text",
      "    label: Anteckning",
      "  - name: line",
      "    type: string",
      "    label: Rad",
      "facts:",
      "  - key: mika_kast_agreement",
      "  - key: mika_kast_agreements_in_county",
      "  - key: share_men_bought_sex_ever",
      "    required: false",
      extra,
      "---",
      body,
    ].join("\n"),
  );

const compose = (
  body: string,
  inputs: Record<string, string> = {},
  authors: Signer[] = [{ name: "Anna Andersson", party: "L" }],
) =>
  composeDraft(
    { template: "t", municipality: "Lidingö", authors, inputs, date: "2026-11-24" },
    { templates: new TemplateLibrary([template(body)]), facts: registry, today: "2026-11-24" },
  );

const textOf = (blocks: Block[]) =>
  blocks
    .map((b) =>
      b.type === "paragraph" || b.type === "heading"
        ? inlineText(b.children)
        : b.type === "list"
          ? b.items.map(inlineText).join("\n")
          : "",
    )
    .join("\n");

describe("compose: template → Markdown → Draft", () => {
  it("cites facts: value in the text, a numbered citation with its source, the latest value, each fact once", () => {
    const c = compose(
      '# Rubrik\n\nAvtal: {{cite "mika_kast_agreement"}}. Länet: {{cite "mika_kast_agreements_in_county"}}. ' +
        'Igen{{source "mika_kast_agreement"}}. Andel: {{cite "share_men_bought_sex_ever"}}.',
    );
    const p = c.draft.blocks[1]!;
    expect(p.type).toBe("paragraph");
    if (p.type !== "paragraph") return;
    expect(inlineText(p.children)).toBe("Avtal: ja. Länet: 16 kommuner. Igen. Andel: 7,5\u00a0procent.");
    expect(p.children.filter((x) => x.type === "citation").map((x) => (x as { n: number }).n)).toEqual([1, 2, 1, 3]);
    expect(factCitations(c.draft.citations).map((x) => [x.key, x.value, x.subjectName, x.asOf])).toEqual([
      ["mika_kast_agreement", "ja", "Lidingö", "2023-11-13"],
      ["mika_kast_agreements_in_county", "16", "Stockholms län", "2023-02-21"],
      ["share_men_bought_sex_ever", "7,5\u00a0procent", "Sverige", "2014"],
    ]);
    expect(c.draft.citations[0]!.source).toEqual(source);
    expect(c.draft.meta.title).toBe("Rubrik");
  });

  it("uses jag for one signer and vi for several", () => {
    expect(textOf(compose("föreslår {{pronoun}}").draft.blocks)).toBe("föreslår jag");
    expect(textOf(compose("föreslår {{pronoun}}", {}, [{ name: "A" }, { name: "B" }]).draft.blocks)).toBe(
      "föreslår vi",
    );
    expect(textOf(compose('{{pronoun "Jag" "Vi"}} och {{pronoun capital=true}}').draft.blocks)).toBe("Jag och Jag");
  });

  it("knows the att-satser, the questions, and the signature block", () => {
    const c = compose(
      "- att kommunen gör A\n- att kommunen gör B\n\n1. Vad gör ni?\n2. När?\n\n- en " +
        "punkt\n\n{{placeAndDate}}\n\n{{signatures}}",
    );
    const lists = c.draft.blocks.filter((b) => b.type === "list");
    expect(lists.map((l) => l.type === "list" && l.role)).toEqual(["proposals", "questions", "plain"]);
    const last = c.draft.blocks.at(-1)!;
    expect(last.type === "paragraph" && last.children).toEqual([{ type: "text", value: "Anna Andersson (L)" }]);
    expect(textOf(c.draft.blocks)).toContain("Lidingö den 24 november 2026");
  });

  it("keeps user values from adding structure: Markdown, HTML, Handlebars and citation markers stay text", () => {
    const hostile =
      "# Rubrik\n- att allt\n**fet** [länk](javascript:alert(1)) <script>alert(1)</script> {{cite " +
      '"mika_kast_agreement"}} \uE0001\uE001 1. fråga?';
    const c = compose("Före: {{input.line}}\n\n{{input.note}}", { line: hostile.replace(/\n/g, " "), note: hostile });
    expect(c.draft.citations).toHaveLength(0);
    expect(c.draft.blocks.every((b) => b.type === "paragraph")).toBe(true);
    const inl = c.draft.blocks.flatMap((b) => (b.type === "paragraph" ? b.children : []));
    expect(inl.every((x) => x.type === "text" || x.type === "break")).toBe(true);
    const text = textOf(c.draft.blocks);
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain('{{cite "mika_kast_agreement"}}');
    expect(text).toContain("**fet** [länk](javascript:alert(1))");
    expect(text).not.toMatch(/[\uE000-\uF8FF]/);
  });

  it("turns blank lines in a text input into paragraphs and single newlines into breaks", () => {
    const c = compose("{{input.note}}", { note: "Första stycket\nsamma stycke\n\nAndra stycket" });
    expect(c.draft.blocks).toHaveLength(2);
    const first = c.draft.blocks[0]!;
    expect(first.type === "paragraph" && first.children.map((x) => x.type)).toEqual(["text", "break", "text"]);
  });

  it("rejects a required input left empty and a string input with newlines, naming the field", () => {
    const lib = new TemplateLibrary([
      parseTemplate(
        "templates/motion/r.hbs",
        "---\nid: r\nkind: motion\ntitle: R\ndescription: R.\ninputs:\n  - name: who\n    type: string\n    " +
          "label: Vem\n    required: true\n---\n{{input.who}}\n",
      ),
    ]);
    const run = (inputs: Record<string, string>) => {
      try {
        composeDraft(
          { template: "r", municipality: "Lidingö", authors: [{ name: "A" }], inputs },
          { templates: lib, facts: registry },
        );
      } catch (e) {
        return isMotioneraError(e) ? e.details : e;
      }
      return undefined;
    };
    expect(run({})).toMatchObject({ code: "input_invalid", field: "who" });
    expect(run({ who: "a\nb" })).toMatchObject({ code: "input_invalid", field: "who" });
    expect(run({ who: "Anna", whom: "x" })).toMatchObject({ code: "unknown_input", field: "whom" });
    // Both at once: the unknown name and the required input left out, each at its path.
    expect(run({ whom: "x" })).toEqual({
      code: "request_invalid",
      problems: [
        { path: ["inputs", "whom"], details: expect.objectContaining({ code: "unknown_input", field: "whom" }) },
        {
          path: ["inputs", "who"],
          details: expect.objectContaining({ code: "input_invalid", field: "who", problem: "måste fyllas i" }),
        },
      ],
    });
  });
});

describe("template validation names file, line and problem", () => {
  const problem = (text: string): MotioneraError["details"] | undefined => {
    try {
      parseTemplate("templates/motion/x.hbs", text);
    } catch (e) {
      if (isMotioneraError(e)) return e.details;
      throw e;
    }
    return undefined;
  };
  const head = "---\nid: x\nkind: motion\ntitle: X\ndescription: X.\n";

  it("a YAML error", () =>
    expect(problem("---\nid: x\nkind: [motion\n---\n")).toMatchObject({
      code: "template_invalid",
      file: "templates/motion/x.hbs",
      line: 3,
    }));
  it("a field of the wrong kind", () =>
    expect(problem(`${head}inputs:\n  - name: a\n    type: colour\n    label: A\n---\n`)).toMatchObject({ line: 8 }));
  it("a missing field", () =>
    expect(problem("---\nid: x\nkind: motion\ntitle: X\n---\n")).toMatchObject({
      problem: expect.stringMatching(/description/),
    }));
  it("an unknown fact key", () =>
    expect(problem(`${head}facts:\n  - key: no_such_fact\n---\n`)).toMatchObject({
      problem: expect.stringMatching(/no_such_fact/),
    }));
  it("a fact cited but not declared", () =>
    expect(problem(`${head}---\n# T\n\nText {{cite "mika_kast_agreement"}}\n`)).toMatchObject({
      line: 9,
      problem: expect.stringMatching(/facts:/),
    }));
  it("an undeclared input", () =>
    expect(problem(`${head}---\n\n{{input.missing}}\n`)).toMatchObject({
      line: 8,
      problem: expect.stringMatching(/input\.missing/),
    }));
  it("an unclosed block, at its opening", () =>
    expect(problem(`${head}---\n# T\n\n{{#if x}}\nopen\n`)).toMatchObject({
      line: 9,
      column: 1,
      problem: expect.stringMatching(/\{\{\/if\}\}/),
    }));
  it("a Handlebars syntax error", () =>
    expect(problem(`${head}---\n# T\n\n{{cite "x" }\n`)).toMatchObject({ line: 9 }));
  it("an unknown helper", () =>
    expect(problem(`${head}---\n# T\n{{shout "x"}}\n`)).toMatchObject({ problem: expect.stringMatching(/shout/) }));
  it("no front matter", () => expect(problem("# Bara text\n")).toMatchObject({ line: 1 }));
});

describe("escaping for Markdown", () => {
  it("escapes every character that could start structure", () => {
    const s = "1. # *a* _b_ [c](d) <e> `f` | g ~ h & i \\ j";
    expect(markdownToBlocks(escapeInline(s))).toEqual([{ type: "paragraph", children: [{ type: "text", value: s }] }]);
  });
  it("never lets a value start a code block or a list", () => {
    expect(markdownToBlocks(escapeBlock("    indrag\n- punkt\n> citat"))).toEqual([
      {
        type: "paragraph",
        children: [
          { type: "text", value: "indrag" },
          { type: "break" },
          { type: "text", value: "- punkt" },
          { type: "break" },
          { type: "text", value: "> citat" },
        ],
      },
    ]);
  });
});

describe("reading the same Markdown again", () => {
  it("gives the same blocks, each reading its own: changing one draft's blocks changes no other's", () => {
    const md = "# Rubrik\n\nEtt stycke med *betoning*  och  luft.\n\n- att göra\n- att låta bli\n";
    const expected: Block[] = [
      { type: "heading", level: 1, children: [{ type: "text", value: "Rubrik" }] },
      {
        type: "paragraph",
        keepWithNext: true,
        children: [
          { type: "text", value: "Ett stycke med " },
          { type: "emphasis", children: [{ type: "text", value: "betoning" }] },
          { type: "text", value: " och luft." },
        ],
      },
      {
        type: "list",
        ordered: false,
        role: "proposals",
        items: [[{ type: "text", value: "att göra" }], [{ type: "text", value: "att låta bli" }]],
      },
    ];
    const first = markdownToBlocks(md);
    expect(first).toEqual(expected);
    const heading = first[0]!;
    if (heading.type === "heading") heading.children.push({ type: "text", value: " ändrad" });
    expect(markdownToBlocks(md)).toEqual(expected);
  });
});

describe("template topics come from the corpus vocabulary", () => {
  it("refuses an unknown topic, naming it", () => {
    expect(() =>
      parseTemplate(
        "templates/motion/x.hbs",
        "---\nid: x\nkind: motion\ntitle: X\ndescription: X.\ntopics: [KAST, fiske]\n---\n# X\n",
      ),
    ).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ problem: expect.stringMatching(/okänt ämne "fiske"/) }),
      }),
    );
  });
});

describe("arguments from the corpus", () => {
  const doc = {
    id: "2023-02-21-lidingo-debattartikel-l",
    kind: "debattartikel",
    level: "kommun",
    municipality: { code: "0186", name: "Lidingö" },
    county: { code: "01", name: "Stockholms län" },
    parties: ["L"],
    authors: [{ name: "A B", party: "L" }],
    date: "2023-02-21",
    title: "En rubrik",
    summary: "",
    topics: ["kast"],
    arguments: [
      { claim: "Stödet ska inte stanna vid kommungränsen.", stance: "for", type: "cross-border-support" },
      { claim: "Det kostar lite.", stance: "for", type: "cost" },
    ],
    proposals: [],
    questions: [],
    facts: [],
    source: { title: "En rubrik", publisher: "Liberalerna Lidingö", date: "2023-02-21" },
  } as const;
  const documents = new Map([[doc.id, doc as unknown as import("../../src/domain/corpus-document.js").CorpusDocument]]);
  const run = (body: string, refs: string[]) =>
    composeDraft(
      { template: "t", municipality: "Lidingö", authors: [{ name: "A" }], arguments: refs, date: "2026-11-24" },
      { templates: new TemplateLibrary([template(body)]), facts: registry, documents, today: "2026-11-24" },
    );

  it("includes each chosen argument as a paragraph with a note saying where it was made", () => {
    const c = run("Före.\n\n{{corpusArguments}}\n\nEfter.", [`${doc.id}#2`, `${doc.id}#1`]);
    expect(textOf(c.draft.blocks)).toBe("Före.\nDet kostar lite.\nStödet ska inte stanna vid kommungränsen.\nEfter.");
    expect(c.draft.citations.map((x) => [x.kind, x.label, x.source.publisher])).toEqual([
      ["argument", "kostnad", "Liberalerna Lidingö"],
      ["argument", "stöd över kommungränsen", "Liberalerna Lidingö"],
    ]);
    // An argument is cited as itself: the corpus record and the claim, not dressed as a fact.
    expect(c.draft.citations[0]).toEqual({
      kind: "argument",
      n: 1,
      documentId: doc.id,
      ref: `${doc.id}#2`,
      title: "En rubrik",
      label: "kostnad",
      claim: "Det kostar lite.",
      subjectName: "Lidingö",
      date: "2023-02-21",
      source: { title: "En rubrik", publisher: "Liberalerna Lidingö", date: "2023-02-21" },
    });
  });

  it("opens the arguments with the template's lead-in sentence, and writes no lead-in without arguments", () => {
    const body = 'Före.\n\n{{corpusArguments lead="Frågan har också lyfts på andra håll."}}\n\nEfter.';
    expect(textOf(run(body, [`${doc.id}#1`, `${doc.id}#2`]).draft.blocks)).toBe(
      "Före.\nFrågan har också lyfts på andra håll. Stödet ska inte stanna vid kommungränsen.\n" +
        "Det kostar lite.\nEfter.",
    );
    expect(textOf(run(body, []).draft.blocks)).toBe("Före.\nEfter.");
  });

  it("refuses an argument that does not exist, and a template that takes none", () => {
    expect(() => run("{{corpusArguments}}", [`${doc.id}#3`])).toThrow(
      expect.objectContaining({ details: { code: "unknown_argument", ref: `${doc.id}#3` } }),
    );
    expect(() => run("Ingen plats.", [`${doc.id}#1`])).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: "arguments" }) }),
    );
    expect(textOf(run("Före.\n\n{{corpusArguments}}\n\nEfter.", []).draft.blocks)).toBe("Före.\nEfter.");
  });
});
