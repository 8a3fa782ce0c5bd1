/**
 * The search page's query at 20 000 synthetic records (BENCH_WORKBENCH_DOCS sets the number):
 * the page asks for its hits and then, for each facet its filters narrow, that facet's counts
 * without its own filter (src/corpus/facet-search.ts), so ticking S and V in a year range costs
 * up to three searches. Set beside one plain search with the same query and filters, timed in
 * alternation in the same process; the target is the issue's: p95 ≤ 10 ms with facets. Also the
 * date order (sort=newest) beside relevance.
 */
import { searchWithOpenFacets } from "../src/corpus/facet-search.js";
import { CorpusIndex, type SearchQuery } from "../src/corpus/search/index.js";
import { generateCorpus, pick, prng, queryWords } from "./corpus-generate.js";
import { ms, printTable, timePair, type Row } from "./stats.js";

export async function benchWorkbenchSearch(): Promise<void> {
  const n = Number(process.env.BENCH_WORKBENCH_DOCS ?? 20_000);
  const runs = Number(process.env.BENCH_WORKBENCH_RUNS ?? 500);
  const index = CorpusIndex.build(generateCorpus(n));
  const r = prng(15);
  const texts = ["", ...queryWords.single, ...queryWords.phrases.map((p) => `"${p}"`)];
  const queries: SearchQuery[] = Array.from({ length: 64 }, () => {
    const from = 2005 + Math.floor(r() * 15);
    return {
      text: pick(r, texts),
      filters: { party: ["S", "V"], from, to: from + 5 },
      limit: 10,
      offset: 0,
    };
  });
  let k = 0;
  let m = 0;
  const next = () => queries[k++ % queries.length]!;
  const same = () => queries[m++ % queries.length]!;
  const [page, plain] = await timePair(
    () => searchWithOpenFacets(index, next()),
    () => index.search(same()),
    runs,
  );
  k = 0;
  m = 0;
  const [byDate, byScore] = await timePair(
    () => searchWithOpenFacets(index, { ...next(), sort: "newest" }),
    () => searchWithOpenFacets(index, same()),
    runs,
  );
  const target = 10;
  const rows: Row[] = [
    {
      measure: "page search p95 (S or V, 6 years, open facets)",
      figure: ms(page.p95),
      baseline: "one plain search, same query",
      baselineFigure: ms(plain.p95),
      ratio: page.p95 / plain.p95,
      target: `p95 ≤ ${target} ms`,
      ok: page.p95 <= target,
    },
    {
      measure: "page search median",
      figure: ms(page.median),
      baseline: "one plain search, same query",
      baselineFigure: ms(plain.median),
      ratio: page.median / plain.median,
    },
    {
      measure: "page search p95, newest first",
      figure: ms(byDate.p95),
      baseline: "page search p95, by relevance",
      baselineFigure: ms(byScore.p95),
      ratio: byDate.p95 / byScore.p95,
      target: `p95 ≤ ${target} ms`,
      ok: byDate.p95 <= target,
    },
  ];
  printTable(`The search page's query — ${n} synthetic records, ${runs} queries each`, rows);
}
