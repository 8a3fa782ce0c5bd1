/**
 * A label inside a sentence: "Nämnd" → "nämnd", but an abbreviation or a name-like word keeps
 * its capital ("KAST", "SCB", "Lidingö stad" stays as it is when its second letter is a capital).
 */
export function lowerFirst(label: string): string {
  const [first, second] = [...label];
  if (!first || (second && second === second.toUpperCase() && second !== second.toLowerCase())) return label;
  return first.toLowerCase() + label.slice(first.length);
}

/** The first letter as a capital, to start a sentence: "sju dokument" → "Sju dokument". */
export function upperFirst(text: string): string {
  const [first] = [...text];
  return first ? first.toUpperCase() + text.slice(first.length) : text;
}
