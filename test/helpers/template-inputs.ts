/** Values for the inputs a template requires (any template: the list is read from its front matter, not assumed). */
import type { TemplateInput } from "../../src/domain/template.js";

export function requiredInputs(
  inputs: readonly TemplateInput[],
  date: string,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const input of inputs) {
    // An input a claim needs when the registry lacks its fact: given, so every municipality drafts.
    if (!input.required && !input.requiredUnless) continue;
    switch (input.type) {
      case "string":
      case "text":
        out[input.name] = input.name === "addressee" ? "socialnämndens ordförande Anna Andersson (M)" : "Exempeltext";
        break;
      case "number":
        out[input.name] = input.min ?? 1;
        break;
      case "boolean":
        out[input.name] = true;
        break;
      case "date":
        out[input.name] = date;
        break;
      case "choice":
        out[input.name] = input.options[0]!;
        break;
    }
  }
  return out;
}
