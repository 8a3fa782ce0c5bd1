/**
 * Templates that would make the parsers explode (issue 11, point 4): a YAML alias bomb
 * ("billion laughs") in the front matter, deep YAML, blocks and subexpressions nested
 * thousands deep, a huge file. Each is a located template error (template_invalid with file
 * and line, in Swedish), never a crash: through parseTemplate, the library, and the CLI
 * (`motionera templates` / `draft` with --templates, exit 1 as other template errors).
 * The web service with such a folder: test/server/broken-templates.test.ts.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { maxNesting, maxTemplateBytes, parseTemplate, TemplateLibrary } from "../../src/compose/template-library.js";
import { isMotioneraError, type ErrorDetails } from "../../src/domain/errors.js";
import { repoRoot, runCli, tempWorkspace, templatesFolder } from "../helpers/cli.js";
import { aliasBomb, bombHead } from "./hostile-templates.js";

const head = bombHead;

function refusal(text: string): Extract<ErrorDetails, { code: "template_invalid" }> {
  try {
    parseTemplate("motion/bomb.hbs", text);
  } catch (e) {
    if (isMotioneraError(e) && e.details.code === "template_invalid") return e.details;
    throw e;
  }
  throw new Error("the template was accepted");
}

const bodyOf = (body: string) => `${head.join("\n")}\n---\n${body}\n`;

describe("templates that would explode the parsers are located template errors", () => {
  it("a YAML alias bomb: refused at its first alias (line 7), before anything is expanded", () => {
    const d = refusal(aliasBomb);
    expect(d).toMatchObject({ file: "motion/bomb.hbs", line: 7 });
    expect(d.problem).toContain("alias (*a) används inte i mallar");
  });

  it("any alias, a merge key included, is refused where it stands", () => {
    expect(refusal(`${head.join("\n")}\nx: &t {a: 1}\ny:\n  <<: *t\n---\ntext\n`)).toMatchObject({ line: 8 });
    const d = refusal(
      ["---", "id: bomb", "kind: motion", "title: &t Bomb", "description: *t", "---", "text", ""].join("\n"),
    );
    expect(d).toMatchObject({ line: 5 });
  });

  it("YAML nested 5 000 deep", () => {
    const d = refusal(`${head.join("\n")}\nz: ${"[".repeat(5000)}${"]".repeat(5000)}\n---\ntext\n`);
    expect(d.line).toBe(6);
    expect(d.problem).toContain("nästlad för djupt");
  });

  it(
    `blocks nested deeper than ${maxNesting}: refused at the block that goes too deep, before Handlebars parses ` +
      `(5 000 levels took it 51 s)`,
    () => {
      const d = refusal(bodyOf(`${"{{#if input.a}}".repeat(5000)}x${"{{/if}}".repeat(5000)}`));
      expect(d.line).toBe(7);
      expect(d.column).toBe(maxNesting * "{{#if input.a}}".length + 1);
      expect(d.problem).toContain(`nästlade i mer än ${maxNesting} nivåer`);
      // As deep as allowed is fine.
      expect(() =>
        parseTemplate(
          "motion/bomb.hbs",
          bodyOf(`${"{{#if @root}}".repeat(maxNesting)}x${"{{/if}}".repeat(maxNesting)}`),
        ),
      ).not.toThrow();
    },
  );

  it("subexpressions nested thousands deep (4 000 took Handlebars 26 s)", () => {
    const d = refusal(bodyOf(`{{lower ${"(lower ".repeat(4000)}'x'${")".repeat(4000)}}}`));
    expect(d.line).toBe(7);
    expect(d.problem).toContain("deluttryck");
  });

  it("65 000 unclosed {{ (the most a file under the cap holds): Handlebars' own parse error, located", () => {
    const d = refusal(bodyOf("{{".repeat(65_000)));
    expect(d.line).toBe(7);
    expect(d.problem).toMatch(/^Handlebars: /);
  });

  it(`a file over ${maxTemplateBytes / 1024} kB is refused unread, and a broken template is parsed once`, () => {
    const dir = templatesFolder({ "motion/bomb.hbs": bodyOf("x".repeat(maxTemplateBytes)) });
    const lib = TemplateLibrary.load(dir);
    const caught = () => {
      try {
        lib.get("bomb");
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const first = caught();
    expect(isMotioneraError(first) && first.details).toMatchObject({
      code: "template_invalid",
      line: 1,
      problem: expect.stringContaining("en mall får vara högst 128 kB"),
    });
    expect(caught()).toBe(first);
  });

  it("a folder named like a template is a template error, not a crash", () => {
    const dir = templatesFolder({ "motion/mapp.hbs/x.txt": "x" });
    let details: ErrorDetails | undefined;
    try {
      TemplateLibrary.load(dir).get("mapp");
    } catch (e) {
      if (isMotioneraError(e)) details = e.details;
    }
    expect(details).toMatchObject({
      code: "template_invalid",
      file: expect.stringMatching(/motion\/mapp\.hbs$/),
      problem: "filen kunde inte läsas (EISDIR)",
    });
  });

  it("usable(): the others are served, the broken one named with its error", () => {
    const dir = templatesFolder({ "motion/bomb.hbs": aliasBomb });
    copyFileSync(join(repoRoot, "templates", "motion", "kast-avtal.hbs"), join(dir, "motion", "kast-avtal.hbs"));
    const { templates, broken } = TemplateLibrary.load(dir).usable();
    expect(templates.map((t) => t.frontMatter.id)).toEqual(["kast-avtal"]);
    expect(broken.map((b) => [b.id, b.error.details.code])).toEqual([["bomb", "template_invalid"]]);
  });
});

describe("the CLI with an alias bomb in --templates", () => {
  const dir = templatesFolder({ "motion/bomb.hbs": aliasBomb });
  copyFileSync(join(repoRoot, "templates", "motion", "kast-avtal.hbs"), join(dir, "motion", "kast-avtal.hbs"));
  const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |ReferenceError|Excessive alias/);

  it(
    "motionera templates: the located Swedish error, exit 1 (was ReferenceError: Excessive alias " + "count, exit 70)",
    () => {
      const r = runCli(["templates", "--templates", dir]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^motionera: Fel i mallen .*motion\/bomb\.hbs:7:8: YAML: alias \(\*a\) används inte i mallar/,
      );
      noStack(r.stderr);
    },
  );

  it(
    "motionera draft --template bomb: the same error, exit 1, nothing written; another template in the folder " +
      "still drafts",
    () => {
      const ws = tempWorkspace();
      const args = [
        "--db",
        ws.db,
        "--templates",
        dir,
        "--kommun",
        "Lidingö",
        "--author",
        "Anna Andersson (L)",
        "--format",
        "md",
        "--out",
        ws.out,
      ];
      const r = runCli(["draft", "--template", "bomb", ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/Fel i mallen .*motion\/bomb\.hbs:7:8: YAML: alias/);
      noStack(r.stderr);
      const ok = runCli(["draft", "--template", "kast-avtal", ...args]);
      expect(ok.code, ok.stderr).toBe(0);
    },
  );
});
