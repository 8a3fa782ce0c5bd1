/**
 * An edited text's DOCX opened by LibreOffice: the edited sentence and the notes in the order of
 * the edited text are in the PDF it makes. Slow, hence its own file; skipped without soffice.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { composeDraft } from "../../src/compose/compose.js";
import { TemplateLibrary } from "../../src/compose/template-library.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { defaultTemplatesDir } from "../../src/project-paths.js";
import { renderDocx } from "../../src/render/docx.js";
import { testFact } from "../helpers/facts.js";
import { hasTool, libreOfficeToPdf, pdfText, tempDir, writeTemp } from "../render/helpers.js";

const haveTools = hasTool("soffice", ["--version"]) && hasTool("pdftotext");

describe.skipIf(!haveTools)("an edited text's DOCX through LibreOffice", () => {
  const tmp = tempDir("motionera-edited-lo-");
  afterAll(() => tmp.cleanup());

  it("shows the edit and its notes", async () => {
    const source = {
      title: "Skolverket: Betyg i årskurs 9 (testkälla)",
      publisher: "Testförlaget",
      date: "2026-03-01",
    };
    const facts = new FactRegistry([
      testFact("2480", "kolada_n15419", { type: "number", value: 71.4 }, "2025", source),
    ]);
    const request = {
      template: "allman-motion",
      municipality: "Umeå",
      authors: [{ name: "Eva Ek", party: "V" }],
      date: "2026-11-24",
      inputs: { title: "Fler ska klara skolan", background: "Det var {fakta:kolada_n15419}.", proposals: "göra mer" },
    };
    const deps = { templates: TemplateLibrary.load(defaultTemplatesDir), facts, today: "2026-11-24" };
    const first = composeDraft(request, deps);
    const editedMarkdown = first.editable.markdown.replace("Det var", "Bara så få klarade alla ämnen:");
    const editedFrom = { template: "allman-motion", municipality: "Umeå", notes: first.editable.notes };
    const { draft } = composeDraft({ ...request, editedMarkdown, editedFrom }, deps);
    const docx = writeTemp(tmp.dir, "redigerad.docx", await renderDocx(draft));
    libreOfficeToPdf(tmp.dir, [docx]);
    const text = pdfText(join(tmp.dir, "redigerad.pdf")).replace(/\s+/g, " ");
    expect(text).toContain("Bara så få klarade alla ämnen:");
    expect(text).not.toContain("Det var 71,4");
    expect(text).toContain("Testförlaget, ”Skolverket: Betyg i årskurs 9 (testkälla)”");
  }, 180_000);
});
