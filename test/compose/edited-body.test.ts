/**
 * "Redigera texten": the composed body as editable Markdown (note marks [^n], [FYLL I: …],
 * the form's parts as ⟦…⟧ tokens), read back into the same Draft and rendered: the notes follow
 * the edited text, a deleted mark drops its note, a broken or invented mark is refused with its
 * line, and a change of signer or date reaches an edited text.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { composeDraft, type Composed } from "../../src/compose/compose.js";
import { editedParagraphs } from "../../src/compose/edited-body.js";
import { TemplateLibrary } from "../../src/compose/template-library.js";
import { inlineText, notedCitations, type Block, type Draft } from "../../src/domain/draft.js";
import type { DraftRequest } from "../../src/domain/draft-request.js";
import { isMotioneraError, type MotioneraError } from "../../src/domain/errors.js";
import type { Signer } from "../../src/domain/signer.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { explainError } from "../../src/messages.sv.js";
import { defaultTemplatesDir } from "../../src/project-paths.js";
import { renderDocx } from "../../src/render/docx.js";
import { renderHtml } from "../../src/render/html.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderPdf } from "../../src/render/pdf.js";
import { testFact } from "../helpers/facts.js";
import { hasTool, pdfText, tempDir, writeTemp } from "../render/helpers.js";

const library = TemplateLibrary.load(defaultTemplatesDir);
const first = { title: "Skolverket: Betyg i årskurs 9 (testkälla)", publisher: "Testförlaget", date: "2026-03-01" };
const second = { title: "Kommunens årsredovisning (testkälla)", publisher: "Testkommunen", date: "2025-04-01" };
const registry = new FactRegistry([
  testFact("2480", "kolada_n15419", { type: "number", value: 71.4 }, "2025", first),
  testFact("2480", "kolada_n15436", { type: "number", value: 80.2 }, "2023", second),
]);
const eva: Signer = { name: "Eva Ek", party: "V", role: "ledamot i kommunfullmäktige" };
const per: Signer = { name: "Per Berg", party: "V", role: "gruppledare" };
const date = "2026-11-24";
const inputs = {
  title: "Fler elever ska klara skolan",
  background:
    "I Umeå klarade {fakta:kolada_n15419} av eleverna alla ämnen.\n\n" +
    "Behöriga till gymnasiet var {fakta:kolada_n15436}.",
  proposals: "ge nämnden i uppdrag att ta fram en plan",
};

function request(extra: Partial<DraftRequest> = {}): DraftRequest {
  return { template: "allman-motion", municipality: "Umeå", authors: [eva], inputs, date, ...extra };
}

function compose(extra: Partial<DraftRequest> = {}): Composed {
  return composeDraft(request(extra), { templates: library, facts: registry, today: date });
}

/** The request that sends `text` back as the user's edit of `from`. */
function edit(from: Composed, text: string, extra: Partial<DraftRequest> = {}): Composed {
  return compose({
    editedMarkdown: text,
    editedFrom: { template: "allman-motion", municipality: "Umeå", notes: from.editable.notes },
    ...extra,
  });
}

function refused(fn: () => unknown): MotioneraError {
  try {
    fn();
  } catch (e) {
    if (isMotioneraError(e)) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

function text(blocks: readonly Block[]): string {
  return blocks
    .map((b): string =>
      b.type === "paragraph" || b.type === "heading"
        ? inlineText(b.children)
        : b.type === "list"
          ? b.items.map((i) => inlineText(i)).join("\n")
          : b.type === "quote"
            ? text(b.children)
            : "",
    )
    .join("\n")
    .replace(/\u00a0/g, " ");
}

/** Text with its no-break spaces as plain ones ("71,4 procent"). */
const plain = (s: string) => s.replace(/\u00a0/g, " ");

const notes = (d: Draft) => notedCitations(d).map((c) => `${c.n}:${c.source.title}`);

describe("the editable text", () => {
  const original = compose();

  it("shows notes as marks, the form's parts as tokens, and reads back into the same Draft", () => {
    const md = plain(original.editable.markdown);
    expect(md).toContain("alla ämnen.[^1]");
    expect(md).toContain("till gymnasiet var 80,2 procent (2023).[^2]");
    expect(md).toContain("⟦ort och datum⟧");
    expect(md).toContain("⟦underskrifter⟧");
    expect(md).not.toContain("Eva Ek");
    expect(md).not.toMatch(/[\uE000-\uF8FF]/);
    const same = edit(original, original.editable.markdown);
    expect(same.draft).toEqual(original.draft);
    expect(same.editable.edited).toBe(true);
  });

  it("renders an edited sentence in every format, with the notes in the order of the edited text", async () => {
    const md = original.editable.markdown;
    const para1 = md.split("\n\n").find((p) => p.includes("[^1]"))!;
    const para2 = md.split("\n\n").find((p) => p.includes("[^2]"))!;
    // The user swaps the two paragraphs and rewrites the first sentence.
    const edited = md
      .replace(para1, "\u0000P1")
      .replace(para2, para1.replace("I Umeå klarade", "Bara"))
      .replace("\u0000P1", para2);
    const c = edit(original, edited);
    const all = text(c.draft.blocks);
    expect(all).toContain("Bara 71,4 procent av eleverna alla ämnen.");
    expect(all.indexOf("Behöriga")).toBeLessThan(all.indexOf("Bara 71,4"));
    // The note of the paragraph that now comes first is note 1.
    expect(notes(c.draft)).toEqual([`1:${second.title}`, `2:${first.title}`]);
    expect(plain(c.editable.markdown)).toContain("80,2 procent (2023).[^1]");
    expect(plain(renderMarkdown(c.draft))).toContain("Bara 71,4 procent av eleverna alla ämnen.[^2]");

    const docx = unzipSync(await renderDocx(c.draft));
    const body = plain(strFromU8(docx["word/document.xml"]!));
    const footnotes = strFromU8(docx["word/footnotes.xml"]!);
    expect(body).toContain("Bara 71,4 procent av eleverna alla ämnen.");
    expect(footnotes.indexOf("Kommunens årsredovisning")).toBeLessThan(footnotes.indexOf("Skolverket"));
    if (hasTool("pdftotext")) {
      const { dir, cleanup } = tempDir("edited-");
      const pdf = pdfText(writeTemp(dir, "edited.pdf", await renderPdf(c.draft)));
      cleanup();
      expect(plain(pdf).replace(/\s+/g, " ")).toContain("Bara 71,4 procent av eleverna alla ämnen.");
    }
  });

  it("drops the note of a deleted mark, and its source", () => {
    const c = edit(original, original.editable.markdown.replace("alla ämnen.[^1]", "alla ämnen."));
    expect(notes(c.draft)).toEqual([`1:${second.title}`]);
    expect(c.draft.sources.map((s) => s.title)).toEqual([second.title]);
    expect(c.cited.map((f) => f.fact.key)).toEqual(["kolada_n15436"]);
    // The note left out is still offered to the editor, after the ones in use.
    expect(c.editable.notes).toEqual([...original.editable.notes].reverse());
  });

  it("keeps a note mark moved or repeated, as long as it names a note of the draft", () => {
    const md = original.editable.markdown.replace("alla ämnen.[^1]", "alla ämnen.").replace("[^2]", "[^2][^1]");
    const c = edit(original, md);
    expect(notes(c.draft)).toEqual([`1:${second.title}`, `2:${first.title}`]);
  });

  it("refuses a broken or invented note mark, naming its line", () => {
    const md = original.editable.markdown;
    const lineOf = (needle: string) => md.split("\n").findIndex((l) => l.includes(needle)) + 1;
    const line = lineOf("[^1]");
    for (const [broken, says] of [
      ["[^1", "är trasig"],
      ["^1]", "är trasig"],
      ["[^x]", "är trasig"],
      ["[^7]", "finns inte i utkastet"],
    ] as const) {
      const e = refused(() => edit(original, md.replace("[^1]", broken)));
      expect(e.path).toEqual(["editedMarkdown"]);
      // The line by its number and its first words ("Behöriga till gymnasiet …" is no line of its own here).
      expect(explainError(e.details)).toMatch(new RegExp(`rad ${line} \\(”I Umeå klarade [^”]*”\\): `));
      expect(explainError(e.details)).toContain(says);
    }
    // A hidden marker typed into the text is no citation.
    const hidden = edit(original, md.replace("alla ämnen.[^1]", "alla ämnen.\uE0001\uE001"));
    expect(notes(hidden.draft)).toEqual([`1:${second.title}`]);
    // A token for a part the form does not give is refused too.
    const token = refused(() => edit(original, md.replace("⟦underskrifter⟧", "⟦min chef⟧")));
    expect(explainError(token.details)).toMatch(
      /rad \d+ \(”⟦min chef⟧”\): ⟦min chef⟧ är ingen uppgift från formuläret/,
    );
  });

  it("refuses a note whose source is no longer in the draft", () => {
    const md = original.editable.markdown;
    const notes = [...original.editable.notes];
    notes[0] = "fact:2480.kolada_n15419.2019";
    const e = refused(() =>
      compose({ editedMarkdown: md, editedFrom: { template: "allman-motion", municipality: "Umeå", notes } }),
    );
    expect(explainError(e.details)).toContain("källan bakom noten [^1] finns inte längre");
  });

  it("keeps the edits when a signer or the date changes: the form's parts follow the form", () => {
    const md = original.editable.markdown.replace("I Umeå klarade", "Bara");
    const c = edit(original, md, { authors: [eva, per], date: "2026-12-01" });
    const all = text(c.draft.blocks);
    expect(all).toContain("Bara 71,4 procent");
    expect(all).toContain("Per Berg (V)");
    expect(all).toContain("Umeå den 1 december 2026");
    expect(all).not.toContain("24 november");
  });

  it("refuses an edit made for another template or municipality", () => {
    const e = refused(() =>
      compose({
        editedMarkdown: original.editable.markdown,
        editedFrom: { template: "allman-motion", municipality: "Lidingö" },
      }),
    );
    expect(explainError(e.details)).toContain("texten redigerades för mallen allman-motion och Lidingö");
  });

  it("turns [FYLL I: …] back into a place to fill in, and takes the filled-in text as it is", () => {
    const c = compose({ inputs: { ...inputs, background: "Läget: {fakta:kolada_n15419}." }, municipality: "Umeå" });
    const withPlaceholder = `${c.editable.markdown}\n\n[FYLL I: antal elever]\n`;
    expect(edit(c, withPlaceholder).review.placeholders).toEqual(["antal elever"]);
  });

  it("names the paragraphs an edit changed or deleted", () => {
    const md = original.editable.markdown;
    const edited = md.replace("I Umeå klarade", "Bara").replace(/\n\nBehöriga[^\n]*\n/, "\n");
    const diff = editedParagraphs(edited, md);
    expect(diff.changed.map(plain)).toEqual([expect.stringContaining("Bara 71,4 procent")]);
    // The paragraph the user rewrote is named once, as changed; the one deleted, as removed.
    expect(diff.removed).toEqual([expect.stringContaining("Behöriga till gymnasiet")]);
    expect(editedParagraphs(md.replace("[^1]", ""), md).changed).toHaveLength(1);
  });

  it("in a press release, a quote stays with the signer the form names, and the notes stay in the Underlag", () => {
    const press = {
      template: "allman-pressmeddelande",
      inputs: {
        title: "Fler elever ska klara skolan",
        lead: "Vänsterpartiet vill att fler elever klarar skolan. {fakta:kolada_n15419} klarade alla ämnen.",
        firstQuote: "Det här är en fråga om rättvisa",
        secondQuote: "Vi kan inte vänta",
      },
    };
    const c = compose({ ...press, authors: [eva, per] });
    const md = c.editable.markdown;
    expect(md).toContain("säger ⟦undertecknare 1, citerad⟧");
    expect(md).toContain("säger ⟦undertecknare 2, citerad⟧");
    const notes = c.editable.notes;
    const edited = md.replace("Det här är en fråga om rättvisa", "Det här handlar om rättvisa");
    const signers: Signer[] = [{ ...eva, name: "Eva Lind" }, per];
    const e = compose({
      ...press,
      authors: signers,
      editedMarkdown: edited,
      editedFrom: { template: "allman-pressmeddelande", municipality: "Umeå", notes },
    });
    const all = text(e.draft.blocks);
    expect(all).toContain("Det här handlar om rättvisa");
    expect(all).toContain("Eva Lind (V), ledamot i kommunfullmäktige i Umeå");
    expect(all).not.toContain("Eva Ek");
    // A press release prints no notes: the edited sentence's source is in the Underlag.
    expect(notedCitations(e.draft)).toEqual([]);
    expect(all).toContain("Källa: Testförlaget");
  });

  it("keeps the user's HTML and unsafe links as text: the edited text adds no markup a writer would run", () => {
    const hostile = "<script>alert(1)</script> [klicka](javascript:alert(1)) ![bild](https://example.org/x.png)";
    const c = edit(original, original.editable.markdown.replace("I Umeå klarade", `${hostile} I Umeå klarade`));
    const html = renderHtml(c.draft, { fragment: true });
    expect(html).not.toContain("<script");
    expect(html).not.toMatch(/href="javascript:/);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });
});
