/**
 * The JSON face of a template: what API clients and scripts need to fill it (its inputs, and
 * the facts it cites with their labels). `motionera templates --json` and GET /api/templates
 * both give this shape.
 */
import { factDefinition } from "../facts/catalog.js";
import type { Template } from "./template-library.js";

export function templateSummary(tpl: Template) {
  const fm = tpl.frontMatter;
  return {
    id: fm.id,
    kind: fm.kind,
    title: fm.title,
    description: fm.description,
    topics: fm.topics,
    inputs: fm.inputs,
    facts: fm.facts.map((f) => ({ ...f, label: factDefinition(f.key)?.label ?? f.key })),
    maxAge: fm.maxAge,
  };
}
