/**
 * Values made only of characters the documents drop (private-use citation markers, XML-
 * forbidden controls, lone surrogates) or of white space are no values: a signer of that kind
 * is refused, an optional input counts as empty, so "**{{name}} lämnar …**" keeps its bold.
 * (Found by the fast-check property in writers.property.test.ts: a name of U+E000 left "** lämnar".)
 */
import { describe, expect, it } from "vitest";
import { isMotioneraError } from "../../src/domain/errors.js";
import { errorProblems } from "../../src/domain/field-problem.js";
import { hasVisibleText, visibleText } from "../../src/domain/visible-text.js";
import { validateInputs } from "../../src/compose/inputs.js";
import { composeWith, library } from "./pipeline.js";

const invisible = ["\uE000", "\uE000\uE001", "\u0000", "\uD800", " \uFFFE ", "\u0007\t"];

describe("invisible values", () => {
  it("visibleText drops what the documents would drop", () => {
    expect(visibleText("A\uE000n\u0000na\uD800")).toBe("Anna");
    for (const v of invisible) expect(hasVisibleText(v), JSON.stringify(v)).toBe(false);
    expect(hasVisibleText("Å")).toBe(true);
  });

  it("a signer named only with invisible characters is refused, naming the field", () => {
    for (const v of invisible) {
      let error: unknown;
      try {
        composeWith("nytt-forslag", v);
      } catch (e) {
        error = e;
      }
      // Among every problem the check finds (other fields get the same value), the signer's name at its path.
      const problems = isMotioneraError(error) ? errorProblems(error) : [];
      const name = problems.find((p) => p.path.join(".") === "authors.0.name")?.details;
      expect(name?.code === "input_invalid" && name.field, JSON.stringify(v)).toBe("authors.0.name");
    }
  });

  it(
    "an optional text input of invisible characters counts as empty, and visible text is kept as it " + "will be shown",
    () => {
      const fm = library.get("nytt-forslag").frontMatter;
      const values = validateInputs(fm, { sender: "\uE000\u0000", contactName: "Ann\uE000a" });
      expect(values.sender).toBeNull();
      expect(values.contactName).toBe("Anna");
    },
  );
});
