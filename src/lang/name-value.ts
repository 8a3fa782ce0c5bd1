/**
 * "name=value" as a command line (`--set committee=socialnämnden`) or a form's text area
 * (one per line) gives a template's inputs: the name before the first "=", trimmed; the value
 * after it. A line without a name before "=" is refused, and the caller says how.
 */
export type NameValue = { name: string; value: string };

/** One "name=value"; undefined when there is no "=" or nothing before it. */
export function parseNameValue(text: string, options: { trimValue?: boolean } = {}): NameValue | undefined {
  const eq = text.indexOf("=");
  if (eq <= 0) return undefined;
  const name = text.slice(0, eq).trim();
  if (!name) return undefined;
  const value = text.slice(eq + 1);
  return { name, value: options.trimValue ? value.trim() : value };
}

/** Many "name=value" texts as a record (a later name wins), and the texts that could not be read. */
export function parseNameValues(
  texts: readonly string[],
  options: { trimValue?: boolean } = {},
): { values: Record<string, string>; unreadable: string[] } {
  const values: Record<string, string> = {};
  const unreadable: string[] = [];
  for (const t of texts) {
    const nv = parseNameValue(t, options);
    if (nv) values[nv.name] = nv.value;
    else unreadable.push(t);
  }
  return { values, unreadable };
}
