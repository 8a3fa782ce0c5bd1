/**
 * Swedish number forms: "12 345" (a no-break space groups thousands, as Swedish typography
 * does), "7,5", "7,5 procent". Years are never grouped.
 *
 * Formats without Intl: creating an sv-SE Intl.NumberFormat loads ICU locale data, 15 ms of
 * every process's start for two rules this simple. Up to two decimals, trailing zeros dropped.
 */
function digits(n: number, group: boolean): string {
  const fixed = Math.abs(n)
    .toFixed(2)
    .replace(/\.?0+$/, "");
  const [int = "0", frac] = fixed.split(".");
  const grouped =
    group && int.length > 4
      ? int.replace(/\B(?=(\d{3})+$)/g, "\u00a0")
      : group && int.length === 4
        ? int.replace(/^(\d)/, "$1\u00a0")
        : int;
  const sign = n < 0 && fixed !== "0" ? "–" : "";
  return `${sign}${grouped}${frac ? `,${frac}` : ""}`;
}

/** 12345 → "12 345" (U+00A0 between groups, so a number never breaks across lines). */
export function formatNumber(n: number): string {
  return digits(n, true);
}

/** 7.5 → "7,5 procent". */
export function formatPercent(n: number): string {
  return `${formatNumber(n)}\u00a0procent`;
}

/** 2021 → "2021": for years and other numbers that are names rather than quantities. */
export function formatPlainNumber(n: number): string {
  return digits(n, false);
}

/** Parses a number the way a Swedish user writes it: "12 345", "7,5", "-3". Undefined if not a number. */
export function parseSwedishNumber(s: string): number | undefined {
  const t = s
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/[\u2212–]/g, "-");
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return undefined;
  return Number(t.replace(",", "."));
}

const smallNumberWords = [
  "noll",
  "en",
  "två",
  "tre",
  "fyra",
  "fem",
  "sex",
  "sju",
  "åtta",
  "nio",
  "tio",
  "elva",
  "tolv",
] as const;

/**
 * A count in running text: one to twelve as words ("sju kommuner", "ett nätverk"), larger
 * counts as figures ("16 kommuner", "2 000 män"), as Swedish style guides ask. `neuter`
 * gives "ett" for one of a neuter noun. Measurements (percent, money) keep their figures.
 */
export function formatCountInText(n: number, neuter = false): string {
  if (Number.isInteger(n) && n >= 1 && n <= 12) return n === 1 && neuter ? "ett" : smallNumberWords[n]!;
  return formatNumber(n);
}
