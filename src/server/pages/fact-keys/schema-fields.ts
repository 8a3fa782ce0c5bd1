/**
 * The key form's fields, read off the definition's schema (factDefinitionSchema): each field
 * of the schema becomes a control by its kind — a string a text box, a closed vocabulary a
 * select, a list of one a set of checkboxes, a flag a checkbox, an object a group — so a field
 * added to the schema appears in the form. A literal (`derived.count`) is set, not asked.
 */
import { factDefinitionSchema } from "../../../domain/fact-key.js";

export type FieldKind = "text" | "longText" | "choice" | "choices" | "flag" | "value" | "group";

export interface SchemaField {
  /** The schema path, which is also the form field's name ("unit.one"). */
  path: string;
  kind: FieldKind;
  required: boolean;
  /** A closed vocabulary (choice, choices). */
  options?: readonly string[];
  maxLength?: number;
  /** A group's fields. */
  children?: SchemaField[];
  /** A literal's value, set whenever its group is given. */
  literal?: unknown;
}

/** The bits of a zod 4 schema read here. */
interface Schema {
  def: { type: string; innerType?: Schema; element?: Schema; values?: unknown[] };
  shape?: Record<string, Schema>;
  options?: readonly string[];
  maxLength?: number | null;
}

/** Text longer than this gets a text area. */
const longText = 500;

function fieldOf(path: string, given: Schema): SchemaField {
  let s = given;
  let required = true;
  while (s.def.type === "optional" || s.def.type === "default") {
    required = false;
    s = s.def.innerType!;
  }
  const maxLength = s.maxLength ?? undefined;
  switch (s.def.type) {
    case "string":
      return {
        path,
        kind: (maxLength ?? 0) > longText ? "longText" : "text",
        required,
        ...(maxLength ? { maxLength } : {}),
      };
    case "enum":
      return { path, kind: "choice", required, options: s.options ?? [] };
    case "array":
      return { path, kind: "choices", required, options: s.def.element?.options ?? [] };
    case "boolean":
      return { path, kind: "flag", required };
    case "literal":
      return { path, kind: "value", required, literal: s.def.values?.[0] };
    case "object":
      return { path, kind: "group", required, children: fieldsOfShape(s.shape ?? {}, path) };
    default:
      // A fact value (a union of types): typed as text, read against the key it is compared with.
      return { path, kind: "value", required };
  }
}

function fieldsOfShape(shape: Record<string, Schema>, prefix: string): SchemaField[] {
  return Object.entries(shape).map(([name, s]) => fieldOf(prefix ? `${prefix}.${name}` : name, s));
}

/** The definition's fields, in the schema's order. */
export const definitionFields: readonly SchemaField[] = fieldsOfShape(
  (factDefinitionSchema as unknown as Schema).shape ?? {},
  "",
);

/** Every field and group, depth first (the form's order). */
export function flatFields(fields: readonly SchemaField[] = definitionFields): SchemaField[] {
  return fields.flatMap((f) => [f, ...flatFields(f.children ?? [])]);
}

/** Whether a field is asked for (a literal is not). */
export const isAsked = (f: SchemaField) => f.literal === undefined;
