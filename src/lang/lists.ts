/** Swedish enumerations: "Trollhättan och Åmål", "A, B och C" (no comma before "och"). */
export function formatList(items: readonly string[], conjunction = "och"): string {
  const xs = items.filter((s) => s.length > 0);
  if (xs.length <= 1) return xs[0] ?? "";
  return `${xs.slice(0, -1).join(", ")} ${conjunction} ${xs[xs.length - 1]}`;
}
