/**
 * `motionera templates new` writes a commented template that passes `templates check`;
 * `templates check` reports each problem with its file, line and column, and exits 1.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintTemplateText } from "../../src/compose/template-lint.js";
import { starterTemplate } from "../../src/compose/template-starter.js";
import { documentKinds } from "../../src/domain/template.js";
import { runCli, templatesFolder } from "../helpers/cli.js";

const head = (body: string, facts = "  - key: kolada_n15419\n    required: false\n") =>
  `---\nid: t\nkind: motion\ntitle: T\ndescription: D.\nfacts:\n${facts}---\n${body}`;

describe("templates check (the lints)", () => {
  it("passes every shipped template and every starting template", () => {
    for (const kind of documentKinds)
      expect(lintTemplateText(`${kind}/ny.hbs`, starterTemplate("ny", kind))).toEqual([]);
  });

  it("finds a citation outside a claim and a figure in the text, at their line and column", () => {
    const problems = lintTemplateText(
      "motion/t.hbs",
      head('# Rubrik\n\nAndelen är {{cite "kolada_n15419"}}.\nDet är 40 procent.\n'),
    );
    expect(problems).toEqual([
      {
        file: "motion/t.hbs",
        line: 12,
        column: 12,
        problem: expect.stringContaining('cite "kolada_n15419" står utanför {{#claim}}'),
      },
      { file: "motion/t.hbs", line: 13, column: 8, problem: expect.stringContaining('siffran "40"') },
    ]);
  });

  it("allows figures inside a claim and list numbers", () => {
    const body = '{{#claim "kolada_n15419"}}\nI åldern 18–65 år: {{cite "kolada_n15419"}}.\n{{/claim}}\n\n1. Vad?\n';
    expect(lintTemplateText("motion/t.hbs", head(body))).toEqual([]);
  });

  it("reports an unknown fact key with did you mean, and bad YAML, with their places", () => {
    const [key] = lintTemplateText("motion/t.hbs", head("x\n", "  - key: kolada_n1541\n"));
    expect(key).toMatchObject({ file: "motion/t.hbs", problem: expect.stringContaining('menade du "kolada_n15419"') });
    const [yaml] = lintTemplateText("motion/t.hbs", "---\nid: [t\n---\nx\n");
    expect(yaml).toMatchObject({
      file: "motion/t.hbs",
      line: expect.any(Number),
      problem: expect.stringMatching(/^YAML/),
    });
    const [hbs] = lintTemplateText("motion/t.hbs", head("{{#if x}}\n"));
    expect(hbs).toMatchObject({ line: 10, problem: expect.stringContaining("{{#if}}") });
    const [helper] = lintTemplateText("motion/t.hbs", head('{{cit "kolada_n15419"}}\n'));
    expect(helper).toMatchObject({
      line: 10,
      column: 1,
      problem: expect.stringContaining('okänd hjälpfunktion "cit"'),
    });
  });
});

describe("motionera templates new|check (CLI)", () => {
  it("new writes a template that check passes (exit 0); a broken one exits 1 with file:line:column", () => {
    const dir = templatesFolder({});
    const made = runCli(["templates", "new", "skolmat", "--kind", "motion", "--dir", dir]);
    expect(made.code, made.stderr).toBe(0);
    const file = join(dir, "motion", "skolmat.hbs");
    expect(readFileSync(file, "utf8")).toContain("{{!--");
    const ok = runCli(["templates", "check", dir]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain("1 mall granskade: inga fel.");
    const again = runCli(["templates", "new", "skolmat", "--kind", "motion", "--dir", dir]);
    expect(again.code).toBe(2);

    const bad = templatesFolder({ "motion/t.hbs": head('Det är 40 procent. {{cite "kolada_n15419"}}\n') });
    const r = runCli(["templates", "check", bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/motion\/t\.hbs:10:8: siffran "40"/);
    expect(r.stdout).toMatch(/motion\/t\.hbs:10:20: cite "kolada_n15419" står utanför/);
    expect(r.stdout).toContain("2 fel i 1 mall.");
  });
});
