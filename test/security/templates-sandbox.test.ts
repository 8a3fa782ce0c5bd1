/**
 * Templates cannot reach prototypes, the file system or the process: hostile template bodies
 * are refused when the template is validated, with a message naming the file, line and what
 * is wrong; what validation lets through renders nothing dangerous (Handlebars' runtime
 * prototype protection is on, strict mode and knownHelpersOnly are used).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { composeDraft } from "../../src/compose/compose.js";
import { parseTemplate, TemplateLibrary } from "../../src/compose/template-library.js";
import { isMotioneraError, type ErrorDetails } from "../../src/domain/errors.js";
import { explainError } from "../../src/messages.sv.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { draftText } from "./checks.js";
import { repoRoot } from "../helpers/cli.js";

const header = [
  "---",
  "id: t",
  "kind: motion",
  "title: Test",
  "description: Testmall.",
  "inputs:",
  "  - name: line",
  "    type: string",
  "    label: Rad",
  "facts:",
  "  - key: mika_kast_agreement",
  "    required: false",
  "---",
].join("\n");

const file = "templates/motion/t.hbs";

function refusal(body: string): ErrorDetails | undefined {
  try {
    parseTemplate(file, `${header}\n# Rubrik\n\n${body}\n`);
    return undefined;
  } catch (e) {
    if (isMotioneraError(e)) return e.details;
    throw e;
  }
}

function render(body: string, line = "värde"): string {
  const t = parseTemplate(file, `${header}\n# Rubrik\n\n${body}\n`);
  const composed = composeDraft(
    {
      template: "t",
      municipality: "Lidingö",
      authors: [{ name: "Anna Andersson" }],
      date: "2026-11-24",
      inputs: { line },
    },
    { templates: new TemplateLibrary([t]), facts: new FactRegistry([]), today: "2026-11-24" },
  );
  return draftText(composed.draft);
}

const hostileTemplates: Record<string, string> = {
  "constructor call": '{{constructor.constructor "return process"}}',
  "constructor call in a subexpression": '{{#if (constructor.constructor "return process")}}x{{/if}}',
  "__proto__ block": "{{#with __proto__}}{{polluted}}{{/with}}",
  "__proto__ path": "{{input.__proto__}}",
  "constructor path": "{{input.line.constructor.name}}",
  "prototype path": "{{municipality.constructor.prototype}}",
  "lookup constructor": '{{lookup this "constructor"}}',
  "lookup __proto__": '{{#with (lookup this "__proto__")}}{{toString}}{{/with}}',
  "lookup __defineGetter__": '{{lookup input "__defineGetter__"}}',
  "partial to /etc/passwd": "{{> ../../etc/passwd}}",
  "dynamic partial": "{{> (lookup this 'x')}}",
  "partial block": "{{#> layout}}x{{/layout}}",
  "inline partial": '{{#*inline "p"}}x{{/inline}}{{> p}}',
  decorator: "{{* decorator}}",
  "internal state": "{{@motionera.signers.[0].name}}",
  "internal registry": "{{#each @motionera.registry}}{{this}}{{/each}}",
  "unknown helper": '{{require "fs"}}',
  helperMissing: '{{helperMissing "x"}}',
  blockHelperMissing: "{{#blockHelperMissing this}}x{{/blockHelperMissing}}",
  "log helper": '{{log "x" level="error"}}',
};

describe("hostile templates are refused at validation", () => {
  for (const [name, body] of Object.entries(hostileTemplates)) {
    it(name, () => {
      const details = refusal(body);
      expect(details, `${name} was accepted`).toMatchObject({ code: "template_invalid", file, line: 16 });
      // The message is Swedish, names the file and line, and says what is wrong.
      const message = explainError(details!);
      expect(message).toContain(file);
      expect(message).toMatch(/rad 16|:16/);
    });
  }

  it("the shipped templates all pass the same validation", () => {
    const lib = TemplateLibrary.load(join(repoRoot, "templates"));
    expect(lib.all().length).toBeGreaterThanOrEqual(5);
  });
});

describe("what validation lets through renders nothing dangerous", () => {
  it("an input cannot be named after a property every object has", () => {
    for (const name of ["constructor", "toString", "valueOf", "hasOwnProperty"]) {
      const text = header.replace("  - name: line", `  - name: ${name}`);
      try {
        parseTemplate(file, `${text}\n# Rubrik\n`);
        expect.unreachable(name);
      } catch (e) {
        expect(isMotioneraError(e) ? explainError(e.details) : String(e), name).toMatch(
          /inputs\.0\.name: namnet är reserverat/,
        );
      }
    }
  });

  it("dynamic lookups of prototype properties give nothing", () => {
    // The key comes from a user value at render time: validation cannot see it.
    for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty", "__defineGetter__"]) {
      expect(render("[{{lookup municipality input.line}}]", key)).toBe("Rubrik []");
    }
  });

  it("user values that look like Handlebars are never compiled", () => {
    const text = render("{{input.line}}", '{{constructor.constructor "return process"}} {{> ../../etc/passwd}}');
    expect(text).toContain('{{constructor.constructor "return process"}} {{> ../../etc/passwd}}');
  });
});

describe("Handlebars runs with its protections on", () => {
  const sources: string[] = [];
  const walk = (dir: string): void => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(f)) sources.push(readFileSync(p, "utf8"));
    }
  };
  walk(join(repoRoot, "src"));
  const all = sources.join("\n");

  it("no source turns prototype access back on or registers partials", () => {
    for (const option of [
      "allowProtoPropertiesByDefault",
      "allowProtoMethodsByDefault",
      "allowedProtoProperties",
      "allowedProtoMethods",
      "registerPartial",
      "registerDecorator",
    ]) {
      expect(all, option).not.toContain(option);
    }
  });

  it("templates compile in strict mode with knownHelpersOnly", () => {
    const lib = readFileSync(join(repoRoot, "src/compose/template-library.ts"), "utf8");
    expect(lib).toMatch(/strict: true/);
    expect(lib).toMatch(/knownHelpersOnly: true/);
    // A misspelt path is an error, not an empty string (strict mode).
    try {
      render("{{municipality.nmae}}");
      expect.unreachable();
    } catch (e) {
      expect(isMotioneraError(e) && e.details.code === "template_invalid" && e.details.problem).toMatch(/nmae/);
    }
  });
});
