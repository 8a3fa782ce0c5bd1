/**
 * The general templates (one per kind, any subject): the user's title, background, att-satser
 * or questions, lead and quotes, in the form of the shipped templates; facts cited in the
 * user's text with {fakta:key}, with their notes; unknown keys and missing facts; hostile text.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { renderDocx } from "../../src/render/docx.js";
import { renderPdf } from "../../src/render/pdf.js";
import { hasTool, pdfText, tempDir, writeTemp } from "../render/helpers.js";
import { composeDraft, type Composed } from "../../src/compose/compose.js";
import { TemplateLibrary } from "../../src/compose/template-library.js";
import { defaultTemplatesDir } from "../../src/project-paths.js";
import { inlineText, type Block, type Draft } from "../../src/domain/draft.js";
import { isMotioneraError, type MotioneraError } from "../../src/domain/errors.js";
import type { Signer } from "../../src/domain/signer.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { explainError } from "../../src/messages.sv.js";
import { testFact } from "../helpers/facts.js";

const library = TemplateLibrary.load(defaultTemplatesDir);
const kolada = {
  title: "Kolada: Elever i år 9 som uppnått kunskapskraven i alla ämnen (N15419)",
  publisher: "RKA",
  date: "2026-03-01",
};
const registry = new FactRegistry([
  testFact("2480", "kolada_n15419", { type: "number", value: 71.4 }, "2025", kolada),
  testFact("2480", "kolada_n15436", { type: "number", value: 80.2 }, "2023", kolada),
]);
const eva: Signer = { name: "Eva Ek", party: "V", role: "ledamot i kommunfullmäktige" };
const per: Signer = { name: "Per Berg", party: "V", role: "gruppledare" };
const date = "2026-11-24";

function compose(
  template: string,
  inputs: Record<string, unknown>,
  authors: Signer[] = [eva],
  municipality = "Umeå",
): Composed {
  return composeDraft({ template, municipality, authors, inputs, date } as never, {
    templates: library,
    facts: registry,
    today: date,
  });
}

function text(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case "paragraph":
        case "heading":
          return inlineText(b.children);
        case "list":
          return b.items.map((i) => `• ${inlineText(i)}`).join("\n");
        case "quote":
          return text(b.children);
        default:
          return "";
      }
    })
    .join("\n")
    .replace(/\u00a0/g, " ");
}

const lists = (d: Draft) => d.blocks.filter((b): b is Extract<Block, { type: "list" }> => b.type === "list");
const failure = (f: () => unknown): MotioneraError => {
  try {
    f();
  } catch (e) {
    if (isMotioneraError(e)) return e;
    throw e;
  }
  throw new Error("no error");
};

const motionInputs = {
  title: "Fler elever ska klara grundskolan",
  background: "I Umeå klarade {fakta:kolada_n15419} av eleverna i kommunala skolor alla ämnen.\n\nDet räcker inte.",
  proposals: "ge barn- och utbildningsnämnden i uppdrag att ta fram en plan\natt nämnden återrapporterar årligen",
};

describe("general motion", () => {
  it("writes the user's title, background and att-satser in the motion's form, jag or vi by signers", () => {
    for (const [authors, pronoun] of [
      [[eva], "jag"],
      [[eva, per], "vi"],
    ] as const) {
      const { draft } = compose("allman-motion", motionInputs, [...authors]);
      const all = text(draft.blocks);
      expect(draft.meta.title).toBe("Fler elever ska klara grundskolan");
      expect(all).toContain("Motion till kommunfullmäktige i Umeå kommun");
      expect(all).toContain(`föreslår ${pronoun} kommunfullmäktige besluta`);
      const [list] = lists(draft);
      expect(list?.role).toBe("proposals");
      expect(list!.items.map(inlineText)).toEqual([
        "att ge barn- och utbildningsnämnden i uppdrag att ta fram en plan",
        "att nämnden återrapporterar årligen",
      ]);
      expect(all).toMatch(/Umeå den 24 november 2026/);
      expect(all).toContain("Eva Ek (V)");
    }
  });

  it("cites a fact in the user's text as {{cite}} does, with its source in a note", () => {
    const { draft, cited } = compose("allman-motion", motionInputs);
    expect(text(draft.blocks)).toContain("klarade 71,4 procent av eleverna");
    expect(draft.citations).toHaveLength(1);
    expect(draft.citations[0]).toMatchObject({
      kind: "fact",
      key: "kolada_n15419",
      value: "71,4\u00a0procent",
      asOf: "2025",
    });
    expect(draft.sources[0]?.title).toBe(kolada.title);
    expect(cited.map((c) => c.fact.key)).toEqual(["kolada_n15419"]);
    // The note mark follows the sentence.
    const para = draft.blocks.find((b) => b.type === "paragraph" && inlineText(b.children).includes("71,4"));
    expect(para && para.type === "paragraph" && para.children.at(-1)?.type).toBe("citation");
  });

  it("gives an old value its year, since the user's sentence cannot", () => {
    const { draft } = compose("allman-motion", { ...motionInputs, background: "Behöriga var {fakta:kolada_n15436}." });
    expect(text(draft.blocks)).toContain("Behöriga var 80,2 procent (2023).");
  });

  it("numbers notes in reading order across the user's text and att-satser", () => {
    const { draft } = compose("allman-motion", {
      ...motionInputs,
      background: "Först {fakta:kolada_n15436}.",
      proposals: "ge nämnden i uppdrag att höja andelen från {fakta:kolada_n15419}",
    });
    expect(draft.citations.map((c) => c.kind === "fact" && c.key)).toEqual(["kolada_n15436", "kolada_n15419"]);
  });

  it("refuses an unknown key with a problem naming the field and the nearest key", () => {
    const e = failure(() => compose("allman-motion", { ...motionInputs, background: "Se {fakta:kolada_n1541}." }));
    expect(e.details).toMatchObject({ code: "input_invalid", field: "background" });
    const message = explainError(e.details);
    expect(message).toContain('okänd faktanyckel "kolada_n1541"');
    expect(message).toContain('menade du "kolada_n15419"');
  });

  it("writes a listed placeholder with the fetch command for a key without a value, never a figure", () => {
    const { draft, review } = compose("allman-motion", motionInputs, [eva], "Pajala");
    const all = text(draft.blocks);
    expect(all).not.toMatch(/71,4/);
    expect(review.placeholders).toHaveLength(1);
    expect(review.placeholders[0]).toContain("Elever i år 9 som uppnått kunskapskraven i alla ämnen");
    expect(review.placeholders[0]).toContain("motionera facts fetch kolada --kpi N15419 --kommun Pajala");
    expect(draft.citations).toHaveLength(0);
  });

  it("keeps hostile text as text: no structure, no Handlebars, no fake references", () => {
    const hostile =
      "# Rubrik\n\n- att lista\n\n**fet** [länk](http://x.se) <b>html</b> {{officialName}} {{{x}}} " +
      "\uE0001\uE001 {fakta {fakta:}";
    const e = failure(() => compose("allman-motion", { ...motionInputs, background: hostile }));
    // "{fakta:}" names no key: a problem, not a silent pass.
    expect(e.details).toMatchObject({ code: "input_invalid", field: "background" });
    const { draft, markdown } = compose("allman-motion", {
      ...motionInputs,
      background: hostile.replace("{fakta:}", ""),
    });
    const all = text(draft.blocks);
    expect(all).toContain("# Rubrik");
    expect(all).toContain("**fet** [länk](http://x.se) <b>html</b> {{officialName}} {{{x}}}");
    expect(draft.blocks.filter((b) => b.type === "heading")).toHaveLength(1);
    expect(lists(draft)).toHaveLength(1);
    expect(draft.citations).toHaveLength(0);
    expect(markdown).not.toContain("\uE0001");
  });
});

describe("general interpellation", () => {
  it("asks the user's questions, numbered and ending with a question mark, of the addressee", () => {
    const { draft } = compose("allman-interpellation", {
      title: "Skolresultaten",
      addressee: "barn- och utbildningsnämndens ordförande Kim Lund (S)",
      background: "Andelen var {fakta:kolada_n15419}.",
      questions: "1. Vad gör nämnden för att fler ska klara alla ämnen\nNär får fullmäktige en redovisning?",
    });
    const all = text(draft.blocks);
    expect(all).toContain("Interpellation till barn- och utbildningsnämndens ordförande Kim Lund (S)");
    expect(all).toContain("ställa följande frågor till");
    const [list] = lists(draft);
    expect(list).toMatchObject({ ordered: true, role: "questions" });
    expect(list!.items.map(inlineText)).toEqual([
      "Vad gör nämnden för att fler ska klara alla ämnen?",
      "När får fullmäktige en redovisning?",
    ]);
    expect(draft.citations).toHaveLength(1);
  });

  it("questions or att-satser that are only list marks keep the list, with the place to fill in", () => {
    const asked = compose("allman-interpellation", {
      title: "Skolresultaten",
      addressee: "nämndens ordförande",
      background: "Bakgrund.",
      questions: "1. \n2.",
    });
    const [questions] = lists(asked.draft);
    expect(questions).toMatchObject({ ordered: true, role: "questions" });
    expect(questions!.items.map(inlineText)).toEqual(["[FYLL I: frågorna, en per rad]?"]);
    expect(asked.review.placeholders).toEqual(["frågorna, en per rad"]);
    const proposed = compose("allman-motion", { title: "Skolan", background: "Bakgrund.", proposals: "- \n1)" });
    const [proposals] = lists(proposed.draft);
    expect(proposals).toMatchObject({ role: "proposals" });
    expect(proposals!.items.map(inlineText)).toEqual(["att [FYLL I: att-satserna, en per rad]"]);
  });
});

describe("general op-ed and press release", () => {
  it("op-ed: bold lead, the user's text, a quote only with its speaker, sources under Underlag", () => {
    const { draft } = compose(
      "allman-debattartikel",
      {
        title: "Skolan måste lyfta",
        lead: "Bara {fakta:kolada_n15419} klarade alla ämnen.",
        background: "Stycke ett.\n\nStycke två.",
        demands: "fler speciallärare\nläxhjälp på alla skolor",
        quote: "Alla elever har rätt till stöd",
      },
      [eva, per],
    );
    const all = text(draft.blocks);
    expect(all).toContain("Bara 71,4 procent klarade alla ämnen.");
    expect(all).not.toContain("Alla elever har rätt till stöd");
    expect(all).toContain("Vi föreslår därför:");
    expect(all).toContain("fler speciallärare");
    expect(all).toContain("Eva Ek (V)");
    expect(all).toContain("ledamot i kommunfullmäktige i Umeå");
    expect(draft.sources).toEqual([]);
    expect(all).toContain("Underlag för redaktionen");
    expect(all).toContain(kolada.title);
  });

  it("press release: sender, bold lead, quotes attributed to the signers, press contact", () => {
    const { draft, review } = compose(
      "allman-pressmeddelande",
      {
        title: "V vill lyfta skolan",
        lead: "Vi lämnar en motion om skolresultaten.",
        firstQuote: "Varje elev ska klara skolan",
        secondQuote: "Det här är en fråga om rättvisa",
      },
      [eva, per],
    );
    const all = text(draft.blocks);
    expect(all).toContain("Pressmeddelande 24 november 2026");
    expect(all).toContain("Vänsterpartiet i Umeå: Vi lämnar en motion om skolresultaten.");
    expect(all).toContain("– Varje elev ska klara skolan, säger Eva Ek (V), ledamot i kommunfullmäktige i Umeå.");
    expect(all).toContain("– Det här är en fråga om rättvisa, säger Per Berg (V), gruppledare i Umeå.");
    expect(all).toContain("Presskontakt");
    expect(review.placeholders).toEqual(["presskontaktens telefonnummer", "presskontaktens e-postadress"]);
  });
});

describe("general motion rendered", () => {
  it("to DOCX (att-satser, the cited value and its note) and to PDF", async () => {
    const { draft } = compose("allman-motion", motionInputs, [eva, per]);
    const files = unzipSync(new Uint8Array(await renderDocx(draft)));
    const doc = strFromU8(files["word/document.xml"]!);
    expect(doc).toContain("att ge barn- och utbildningsnämnden i uppdrag att ta fram en plan");
    expect(doc).toContain("71,4");
    expect(strFromU8(files["word/footnotes.xml"]!)).toContain(kolada.title);
    const pdf = await renderPdf(draft);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    if (hasTool("pdftotext")) {
      const { dir, cleanup } = tempDir("general-motion-");
      try {
        const text = pdfText(writeTemp(dir, "m.pdf", pdf)).replace(/\s+/g, " ");
        expect(text).toContain("Fler elever ska klara grundskolan");
        expect(text).toContain("att nämnden återrapporterar årligen");
      } finally {
        cleanup();
      }
    }
  });
});

describe("a question that begins with att", () => {
  it("stays a question of the interpellation, not an att-sats", () => {
    const { draft } = compose("allman-interpellation", {
      title: "Skolresultaten",
      addressee: "barn- och utbildningsnämndens ordförande Kim Lund (S)",
      background: "Bakgrund.",
      questions: "att !\nAtt nämnden redovisar när",
    });
    const [list, ...rest] = lists(draft);
    expect(rest).toEqual([]);
    expect(list).toMatchObject({ ordered: true, role: "questions" });
    expect(list!.items.map(inlineText)).toEqual(["att?", "Att nämnden redovisar när?"]);
  });
});
