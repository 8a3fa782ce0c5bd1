/**
 * The concordance at N synthetic records (BENCH_CONCORDANCE_DOCS, default 20 000; a quarter
 * with full texts): a whole concordance as the page and the API ask for it (the index chooses
 * the records, the texts are read, every occurrence counted per year and party, the lines
 * sorted, one page given), for exact words, all inflections, phrases and filtered queries,
 * beside the same concordance over every record without the index's choice, in the same run.
 */
import { performance } from "node:perf_hooks";
import { concordance, corpusConcordance, parsePattern, type Pattern } from "../src/corpus/concordance/index.js";
import { CorpusIndex, type SearchFilters } from "../src/corpus/search/index.js";
import { generateCorpus } from "./corpus-generate.js";
import { ms, printTable, timePair, type Row } from "./stats.js";

interface Case {
  name: string;
  text: string;
  inflections: boolean;
  filters: SearchFilters;
  sort: "date" | "left" | "right";
}

const cases: Case[] = [
  { name: "one word, exact", text: "sexköpare", inflections: false, filters: {}, sort: "date" },
  { name: "one word, inflections", text: "sexköpare", inflections: true, filters: {}, sort: "left" },
  { name: "phrase, exact", text: "köp av sexuell tjänst", inflections: false, filters: {}, sort: "right" },
  { name: "common word, inflections", text: "kommun", inflections: true, filters: {}, sort: "left" },
  {
    name: "word, party and years",
    text: "polisen",
    inflections: false,
    filters: { party: ["S"], from: 2018 },
    sort: "date",
  },
];

/** A concordance page should answer within this (p95), at the default size. */
const targetMs = 250;

export async function benchConcordance(): Promise<void> {
  const n = Number(process.env.BENCH_CONCORDANCE_DOCS ?? 20_000);
  const runs = Number(process.env.BENCH_CONCORDANCE_RUNS ?? 30);
  const docs = generateCorpus(n);
  const t0 = performance.now();
  const index = CorpusIndex.build(docs);
  const built = performance.now() - t0;
  const corpus = { index, documents: docs };
  const rows: Row[] = [];
  for (const c of cases) {
    const pattern = parsePattern(c.text, c.inflections) as Pattern;
    const options = { sort: c.sort, limit: 50 } as const;
    const filtered = Object.keys(c.filters).length ? index.filter(c.filters) : undefined;
    const everyRecord = filtered ? docs.filter((d) => new Set(filtered).has(d.id)) : docs;
    const first = corpusConcordance(corpus, pattern, c.filters, options);
    const [fig, base] = await timePair(
      () => corpusConcordance(corpus, pattern, c.filters, options),
      () => concordance(everyRecord, pattern, options),
      runs,
      3,
    );
    rows.push({
      measure: `${c.name} (${first.total} occurrences in ${first.documents} records), p95`,
      figure: ms(fig.p95),
      baseline: "every record read",
      baselineFigure: ms(base.p95),
      ratio: fig.p95 / base.p95,
      target: `≤ ${targetMs} ms`,
      ok: fig.p95 <= targetMs,
    });
  }
  printTable(
    `Concordance at ${n.toLocaleString("sv-SE")} records (index built in ${ms(built)}; ${runs} runs each)`,
    rows,
  );
}
