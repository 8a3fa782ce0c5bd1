/**
 * The concordance's counts as small pictures, drawn on the server as SVG: occurrences per
 * year as columns, per party as horizontal bars. Each is an image with a Swedish title and a
 * description that gives every figure (role="img", aria-labelledby), so a screen reader
 * hears the numbers the picture shows (an image's shapes and labels are not read one by one).
 */
import type { ConcordanceCounts } from "../../../corpus/concordance/index.js";
import { formatNumber } from "../../../lang/numbers.js";
import { sv } from "../../messages.sv.js";

const t = sv.concordance;

/** A round top for the axis: 1, 2 or 5 times a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/** The pictures' own units: drawn at this width on a wide screen, scaled down on a narrow one. */
const width = 480;

export function YearChart({ counts, query, id }: { counts: ConcordanceCounts; query: string; id: string }) {
  const years = counts.years;
  if (years.length === 0) return null;
  const top = 16;
  const bottom = 28;
  const left = 40;
  const right = 8;
  const height = 200;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(...years.map((y) => y.occurrences)));
  const step = plotW / years.length;
  const barW = Math.max(2, Math.min(40, step * 0.7));
  // Every year labelled when they fit, else every 2nd, 5th or 10th.
  const every = [1, 2, 5, 10, 20].find((k) => years.length / k <= 12) ?? 25;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  return (
    <svg
      class="chart chart-years"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{t.yearChart.title(query)}</title>
      <desc id={`${id}-desc`}>{t.yearChart.desc(years, counts.undated)}</desc>
      <g>
        <line class="chart-axis" x1={left} x2={width - right} y1={y(0)} y2={y(0)} />
        <line class="chart-grid" x1={left} x2={width - right} y1={y(max)} y2={y(max)} />
        <text class="chart-tick" x={left - 6} y={y(max) + 4} text-anchor="end">
          {formatNumber(max)}
        </text>
        <text class="chart-tick" x={left - 6} y={y(0) + 4} text-anchor="end">
          0
        </text>
        {years.map((yr, i) => {
          const x = left + i * step + (step - barW) / 2;
          const h = y(0) - y(yr.occurrences);
          return (
            <g>
              <rect
                class="chart-bar"
                x={x.toFixed(1)}
                y={y(yr.occurrences).toFixed(1)}
                width={barW.toFixed(1)}
                height={h.toFixed(1)}
                data-year={String(yr.year)}
                data-value={String(yr.occurrences)}
              />
              {yr.occurrences > 0 && years.length <= 24 && (
                <text class="chart-value" x={(x + barW / 2).toFixed(1)} y={(y(yr.occurrences) - 4).toFixed(1)}>
                  {formatNumber(yr.occurrences)}
                </text>
              )}
              {(i % every === 0 || (i === years.length - 1 && i % every >= every / 2)) && (
                <text class="chart-label" x={(x + barW / 2).toFixed(1)} y={height - 8}>
                  {String(yr.year)}
                </text>
              )}
            </g>
          );
        })}
      </g>
    </svg>
  );
}

/** Bars in the party chart at most; the rest are summed in one bar. */
export const maxPartyBars = 12;

export function PartyChart({ counts, query, id }: { counts: ConcordanceCounts; query: string; id: string }) {
  const all = counts.parties.map((p) => ({
    party: p.party,
    occurrences: p.occurrences,
    label: p.party ? p.label : t.noParty,
  }));
  if (all.length === 0) return null;
  const parties = all.length <= maxPartyBars ? all : all.slice(0, maxPartyBars - 1);
  if (all.length > maxPartyBars) {
    const rest = all.slice(maxPartyBars - 1);
    parties.push({
      party: "",
      label: t.partyChart.others(rest.length),
      occurrences: rest.reduce((n, p) => n + p.occurrences, 0),
    });
  }
  const row = 28;
  const labelW = 200;
  const valueW = 44;
  const top = 4;
  const height = top * 2 + parties.length * row;
  const plotW = width - labelW - valueW;
  const max = Math.max(...parties.map((p) => p.occurrences), 1);
  return (
    <svg
      class="chart chart-parties"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{t.partyChart.title(query)}</title>
      <desc id={`${id}-desc`}>{t.partyChart.desc(all)}</desc>
      <g>
        {parties.map((p, i) => {
          const y = top + i * row;
          const w = Math.max(1, (p.occurrences / max) * plotW);
          const label = p.party && p.label !== p.party ? `${p.label} (${p.party})` : p.label;
          return (
            <g>
              <text class="chart-label chart-label-party" x={labelW - 8} y={y + row / 2 + 5} text-anchor="end">
                {label.length > 24 ? `${label.slice(0, 23)}…` : label}
              </text>
              <rect
                class="chart-bar"
                x={labelW}
                y={y + 4}
                width={w.toFixed(1)}
                height={row - 8}
                data-party={p.party}
                data-value={String(p.occurrences)}
              />
              <text class="chart-value chart-value-end" x={(labelW + w + 6).toFixed(1)} y={y + row / 2 + 5}>
                {formatNumber(p.occurrences)}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
