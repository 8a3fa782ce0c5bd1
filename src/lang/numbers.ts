/**
 * Swedish number forms: "12 345" (a narrow no-break space groups thousands, as Swedish
 * typography and Intl's sv-SE do), "7,5", "7,5 procent". Years are never grouped.
 */
const grouping = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2, useGrouping: false });

/** Intl's sv-SE writes U+2212 for minus; documents read better with the en dash Swedish style uses. */
function tidy(s: string): string {
  return s.replace(/\u2212/g, "–");
}

/** 12345 → "12 345" (U+00A0 between groups, so a number never breaks across lines). */
export function formatNumber(n: number): string {
  return tidy(grouping.format(n)).replace(/[\u202f\u00a0 ]/g, "\u00a0");
}

/** 7.5 → "7,5 procent". */
export function formatPercent(n: number): string {
  return `${formatNumber(n)}\u00a0procent`;
}

/** 2021 → "2021": for years and other numbers that are names rather than quantities. */
export function formatPlainNumber(n: number): string {
  return tidy(plain.format(n));
}

/** Parses a number the way a Swedish user writes it: "12 345", "7,5", "-3". Undefined if not a number. */
export function parseSwedishNumber(s: string): number | undefined {
  const t = s.trim().replace(/[\s\u00a0\u202f]/g, "").replace(/[\u2212–]/g, "-");
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return undefined;
  return Number(t.replace(",", "."));
}
