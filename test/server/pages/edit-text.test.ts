/**
 * "Redigera texten" as plain form posts: the editor opens with the composed text, an edited
 * download uses it, a broken mark is shown at the field, and a change of template asks first
 * (naming the edited paragraph) and keeps or discards the edits as chosen; an edit that changed
 * nothing is dropped without asking.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { Workspace } from "../../../src/workspace.js";

const root = join(import.meta.dirname, "..", "..", "..");
const origin = "http://localhost";
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const db = join(mkdtempSync(join(tmpdir(), "motionera-edit-text-")), "db.json");
  copyFileSync(join(root, "corpus", "motionera.json"), db);
  app = createApp(await Workspace.open({ db }));
});

const post = (form: Record<string, string>) =>
  app.request("/utkast", {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
  });

const lidingoForm = {
  template: "kast-avtal",
  kommun: "Lidingö",
  "name.0": "Anna Andersson",
  "party.0": "L",
  date: "2026-03-01",
  "input.committee": "socialnämnden",
};

/** The textarea's text and the hidden fields, as the browser would send them back. */
function editorFields(html: string): { editedMarkdown: string } & Record<string, string> {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  const area = /<textarea[^>]*name="editedMarkdown"[^>]*>([\s\S]*?)<\/textarea>/.exec(html);
  const hidden = (name: string) => decode(new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "");
  return {
    editedMarkdown: decode(area?.[1] ?? ""),
    "editedFrom.template": hidden("editedFrom.template"),
    "editedFrom.kommun": hidden("editedFrom.kommun"),
    "editedFrom.notes": hidden("editedFrom.notes"),
  };
}

const sentence = "Det här borde inte vara en fråga som delar partierna.";
const edit = "Frågan har väntat länge nog.";

describe("Redigera texten without script", () => {
  it("opens the editor, downloads the edit, refuses a broken mark, and asks before another template", async () => {
    const opened = await post({ ...lidingoForm, editText: "1" });
    expect(opened.status).toBe(200);
    const openedPage = await opened.text();
    const fields = editorFields(openedPage);
    // What each note mark stands for is listed under the field.
    expect(openedPage).toMatch(/<code>\[\^1\]<\/code> [^<]*”[^<]+”/);
    expect(fields.editedMarkdown).toContain(sentence);
    expect(fields.editedMarkdown).toContain("⟦underskrifter⟧");
    expect(fields["editedFrom.template"]).toBe("kast-avtal");
    expect(fields["editedFrom.notes"]).toMatch(/^fact:\S+( \S+)*$/);
    const edited = { ...lidingoForm, ...fields, editedMarkdown: fields.editedMarkdown.replace(sentence, edit) };

    const docx = await post({ ...edited, format: "docx" });
    expect(docx.status).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))["word/document.xml"]!);
    expect(xml).toContain(edit);
    expect(xml).not.toContain(sentence);

    const broken = await post({
      ...edited,
      editedMarkdown: edited.editedMarkdown.replace("[^1]", "[^1"),
      format: "md",
    });
    expect(broken.status).toBe(422);
    const page = await broken.text();
    expect(page).toMatch(/<a href="#f-editedMarkdown">Utkastets text: Rad \d+ \(”[^”]+”\): notmarkeringen/);
    expect(page).toContain('aria-invalid="true"');

    // Another template: nothing is discarded before the user says so.
    const asked = await post({ ...edited, template: "allman-motion", format: "md" });
    expect(asked.status).toBe(200);
    const question = await asked.text();
    expect(question).toContain("Dina ändringar i texten försvinner");
    expect(question).toContain("Dina ändringar i stycket ”Frågan har väntat länge nog.");
    expect(question).toContain("Behåll ändringarna (Avtal med Mikamottagningen och KAST, Lidingö)");
    expect(editorFields(question).editedMarkdown).toContain(edit);

    const kept = await post({ ...edited, template: "allman-motion", keepEdits: "1", format: "preview" });
    const keptPage = await kept.text();
    expect(keptPage).toMatch(/<option value="kast-avtal" selected/);
    expect(editorFields(keptPage).editedMarkdown).toContain(edit);
    expect(keptPage).not.toContain("Dina ändringar i texten försvinner");

    const discarded = await post({ ...edited, template: "allman-motion", discardEdits: "1", format: "preview" });
    const discardedPage = await discarded.text();
    expect(discardedPage).toMatch(/<option value="allman-motion" selected/);
    expect(discardedPage).not.toContain('name="editedMarkdown"');
    expect(discardedPage).not.toContain(edit);

    // An "edit" that changed nothing goes without a question.
    const unchanged = await post({ ...lidingoForm, ...fields, template: "allman-motion", format: "preview" });
    const unchangedPage = await unchanged.text();
    expect(unchangedPage).not.toContain("Dina ändringar i texten försvinner");
    expect(unchangedPage).not.toContain('name="editedMarkdown"');

    // "Återställ texten" drops the edits.
    const reset = await (await post({ ...edited, resetText: "1", format: "preview" })).text();
    expect(reset).not.toContain('name="editedMarkdown"');
    expect(reset).toContain(sentence);
  }, 60_000);
});
