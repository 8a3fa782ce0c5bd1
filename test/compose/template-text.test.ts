/**
 * A template given as text: checked as the folder would load it, composed without being saved,
 * and saved to the folder only when it has no error and its id is its own.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TemplateLibrary } from "../../src/compose/template-library.js";
import { starterTemplate } from "../../src/compose/template-starter.js";
import { previewInputs } from "../../src/compose/template-text.js";
import { Workspace } from "../../src/workspace.js";
import { repoRoot, tempWorkspace } from "../helpers/cli.js";

async function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "motionera-mallar-"));
  cpSync(join(repoRoot, "templates"), dir, { recursive: true });
  return { dir, ws: await Workspace.open({ db: tempWorkspace().db, templatesDir: dir, today: "2026-11-24" }) };
}

describe("a template given as text", () => {
  it("is checked by the linter: errors stop it, the guide's rules warn", async () => {
    const { ws } = await workspace();
    const good = await ws.checkTemplateText(starterTemplate("ny", "motion"));
    expect(good.errors).toEqual([]);
    expect(good.warnings).toEqual([]);
    expect(good.target).toEqual({ id: "ny", kind: "motion", file: "motion/ny.hbs" });
    const warned = await ws.checkTemplateText(
      starterTemplate("ny", "motion").replace("anser att …", "vill ha 3 av 4 platser."),
    );
    expect(warned.errors).toEqual([]);
    expect(warned.warnings.map((w) => w.problem)).toEqual([
      expect.stringContaining('siffran "3"'),
      expect.stringContaining('siffran "4"'),
    ]);
    const bad = await ws.checkTemplateText(
      starterTemplate("ny", "motion").replace("kolada_n15419\n", "kolada_n1541\n"),
    );
    expect(bad.template).toBeUndefined();
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]!.problem).toContain('okänd faktanyckel "kolada_n1541"; menade du "kolada_n15419"');
    expect(bad.errors[0]!.line).toBeGreaterThan(1);
  });

  it("may not take another template's id, may keep its own, and moves when its kind changes", async () => {
    const { ws } = await workspace();
    const taken = await ws.checkTemplateText(starterTemplate("kast-avtal", "motion"));
    expect(taken.errors).toEqual([
      {
        file: "ny-mall.hbs",
        line: 3,
        column: 1,
        problem: 'id "kast-avtal" används redan av motion/kast-avtal.hbs; ge mallen ett eget id (det blir filens namn)',
      },
    ]);
    expect(taken.template?.frontMatter.id).toBe("kast-avtal"); // a preview can still be shown
    expect(taken.target).toBeUndefined();
    expect((await ws.checkTemplateText(starterTemplate("kast-avtal", "motion"), "kast-avtal")).errors).toEqual([]);
    const moved = await ws.checkTemplateText(starterTemplate("kast-avtal", "interpellation"), "kast-avtal");
    expect(moved.target?.file).toBe("interpellation/kast-avtal.hbs");
    expect(moved.replaces?.file).toBe("motion/kast-avtal.hbs");
  });

  it("is composed without being saved, and fills required text inputs with a marker for a preview", async () => {
    const { dir, ws } = await workspace();
    const text = starterTemplate("fraga", "interpellation");
    const check = await ws.checkTemplateText(text);
    const { values, filled } = previewInputs(check.template!, {}, (label) => `[FYLL I: ${label}]`);
    expect(values).toEqual({ addressee: "[FYLL I: Till vem]" });
    expect(filled).toEqual(["Till vem"]);
    const composed = await ws.composeTemplateText(text, {
      municipality: "Lidingö",
      authors: [{ name: "Anna Andersson" }],
      inputs: values,
    });
    expect(composed.draft.meta.templateId).toBe("fraga");
    expect(composed.markdown).toContain("Interpellation till \\[FYLL I\\: Till vem\\]");
    expect(existsSync(join(dir, "interpellation", "fraga.hbs"))).toBe(false);
    await expect(ws.composeTemplateText("---\nid: x\n", { municipality: "Lidingö", authors: [] })).rejects.toThrow();
  });

  it("is saved atomically to <kind>/<id>.hbs, and the library lists it at once", async () => {
    const { dir, ws } = await workspace();
    expect((await ws.templates()).ids()).not.toContain("ny");
    const saved = await ws.saveTemplate(starterTemplate("ny", "debattartikel"));
    expect(saved).toMatchObject({ saved: true, id: "ny", kind: "debattartikel", file: "debattartikel/ny.hbs" });
    expect(readFileSync(join(dir, "debattartikel", "ny.hbs"), "utf8")).toBe(starterTemplate("ny", "debattartikel"));
    expect(readdirSync(join(dir, "debattartikel")).filter((f) => !f.endsWith(".hbs"))).toEqual([]);
    expect((await ws.templates()).get("ny").frontMatter.kind).toBe("debattartikel");
    // Its kind changed while editing it: one file, in the new kind's folder.
    const moved = await ws.saveTemplate(starterTemplate("ny", "pressmeddelande"), "ny");
    expect(moved.saved).toBe(true);
    expect(existsSync(join(dir, "debattartikel", "ny.hbs"))).toBe(false);
    expect((await ws.templates()).get("ny").frontMatter.kind).toBe("pressmeddelande");
  });

  it("two saves of one new id at once: the first is written, the second refused", async () => {
    const { dir, ws } = await workspace();
    const a = starterTemplate("samma", "motion");
    const b = a.replace("title: Ny mall", "title: Den andra");
    const [first, second] = await Promise.all([ws.saveTemplate(a), ws.saveTemplate(b)]);
    expect(first.saved).toBe(true);
    expect(second.saved).toBe(false);
    expect(second.check.errors[0]!.problem).toContain('id "samma" används redan');
    expect(readFileSync(join(dir, "motion", "samma.hbs"), "utf8")).toBe(a);
  });

  it("keeps one code path with the folder: a library of the saved file loads what the text check loaded", async () => {
    const { dir, ws } = await workspace();
    const text = starterTemplate("samma-vag", "motion");
    const checked = (await ws.checkTemplateText(text)).template!;
    await ws.saveTemplate(text);
    const loaded = TemplateLibrary.load(dir).get("samma-vag");
    expect(loaded.frontMatter).toEqual(checked.frontMatter);
    expect(loaded.body).toBe(checked.body);
  });
});
