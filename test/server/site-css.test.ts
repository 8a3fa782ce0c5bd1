/**
 * The stylesheet is plain CSS without nesting: a rule left unclosed would silently nest every
 * rule after it (browsers read CSS nesting), so they would apply nowhere. This happened once
 * (`.staff-tools p {` without its `}`): the statistics pages and everything after lost their style.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

/** Each block's kind as opened: "@media …" or a selector; a selector's block inside another's is a fault. */
function nestedRules(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "").replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const open: string[] = [];
  const faults: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "{") {
      const head = text.slice(start, i).trim().split(/[;}]/).at(-1)!.trim();
      if (!head.startsWith("@") && open.some((h) => !h.startsWith("@"))) faults.push(`${open.at(-1)} { ${head} {`);
      open.push(head);
      start = i + 1;
    } else if (ch === "}") {
      open.pop();
      start = i + 1;
    } else if (ch === ";") {
      start = i + 1;
    }
  }
  if (open.length > 0) faults.push(`unclosed: ${open.join(" { ")}`);
  return faults;
}

describe("site.css", () => {
  it("closes every rule, and no rule sits inside another", () => {
    const css = readFileSync(join(repoRoot, "src", "server", "assets", "site.css"), "utf8");
    expect(nestedRules(css)).toEqual([]);
  });

  it("the check finds a rule left open", () => {
    expect(nestedRules(".a {\n  margin: 0;\n.b {\n  color: red;\n}\n")).toEqual([".a { .b {", "unclosed: .a"]);
    expect(nestedRules("@media (max-width: 40rem) {\n  .a {\n    margin: 0;\n  }\n}\n")).toEqual([]);
  });
});
