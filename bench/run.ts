/** `npm run bench`: every benchmark, each printing its table of figure, baseline and ratio. */
import "../src/messages.sv.js";
import { benchDraftPipeline } from "./draft-pipeline.js";

const runs = Number(process.env.BENCH_RUNS ?? 300);
process.stdout.write(`Motionera benchmarks — Node ${process.version}, ${new Date().toISOString()}\n`);
if (process.env.BENCH_DRAFT !== "0") await benchDraftPipeline(runs);

// Campaigns: 290 municipalities × DOCX + PDF, worker pool vs one thread (BENCH_CAMPAIGN=0 skips it).
if (process.env.BENCH_CAMPAIGN !== "0") {
  const { benchCampaign } = await import("./campaign.js");
  await benchCampaign();
  const { benchCampaignCeiling } = await import("./campaign-ceiling.js");
  await benchCampaignCeiling();
}

// Corpus search (BENCH_CORPUS=0 skips it; BENCH_CORPUS_SIZES="1000,10000" picks the sizes;
// BENCH_CORPUS_MINISEARCH=0 and BENCH_CORPUS_STORE=0 skip the MiniSearch and lowdb comparisons).
if (process.env.BENCH_CORPUS !== "0") {
  const { benchCorpusSearch } = await import("./corpus-search.js");
  const sizes = (process.env.BENCH_CORPUS_SIZES ?? "1000,10000,100000")
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((x) => Number.isInteger(x) && x > 0);
  await benchCorpusSearch(sizes);
}

// Corpus search on PostgreSQL beside the embedded index (BENCH_SEARCH_PG=0 skips it; it needs
// MOTIONERA_BENCH_DATABASE_URL or MOTIONERA_DATABASE_URL; BENCH_SEARCH_PG_SIZES picks the sizes).
if (process.env.BENCH_SEARCH_PG !== "0") {
  const { benchSearchPostgres } = await import("./search-postgres.js");
  await benchSearchPostgres();
}

// The largest facts import while the service answers (BENCH_IMPORT=0 skips it).
if (process.env.BENCH_IMPORT !== "0") {
  const { benchImport } = await import("./import.js");
  await benchImport();
}

// Issue 15: importing N Riksdagen dokumentstatus files (BENCH_RIKSDAGEN=0 skips it; BENCH_RIKSDAGEN_DOCS sets N).
if (process.env.BENCH_RIKSDAGEN !== "0") {
  const { benchRiksdagenImport } = await import("./riksdagen-import.js");
  await benchRiksdagenImport();
}

// Issue 15: the concordance at 20 000 records (BENCH_CONCORDANCE=0 skips it; BENCH_CONCORDANCE_DOCS sets N).
if (process.env.BENCH_CONCORDANCE !== "0") {
  const { benchConcordance } = await import("./concordance.js");
  await benchConcordance();
}

// The search page's query with open facets and date order (BENCH_WORKBENCH=0 skips it; BENCH_WORKBENCH_DOCS sets N).
if (process.env.BENCH_WORKBENCH !== "0") {
  const { benchWorkbenchSearch } = await import("./workbench-search.js");
  await benchWorkbenchSearch();
}

// The web service under load (BENCH_WEB=0 skips it; BENCH_WEB_SECONDS sets each run's length).
if (process.env.BENCH_WEB !== "0") {
  const { benchWebLoad } = await import("./web-load.js");
  await benchWebLoad();
}

// Store writes with and without fsync (BENCH_STORE=0 skips it; BENCH_STORE_RUNS, BENCH_STORE_DOCS,
// BENCH_STORE_DIR: see bench/store-write.ts).
if (process.env.BENCH_STORE !== "0") {
  const { benchStoreWrite } = await import("./store-write.js");
  await benchStoreWrite();
}

// A named token's lookup per request, file and PostgreSQL (BENCH_TOKENS=0 skips it; BENCH_DATABASE_URL:
// see bench/token-lookup.ts).
if (process.env.BENCH_TOKENS !== "0") {
  const { benchTokenLookup } = await import("./token-lookup.js");
  await benchTokenLookup();
}

// The store on PostgreSQL beside the file: writes/s with one and two processes, fact lookup, drafts over
// HTTP (BENCH_PG=0 skips it; needs MOTIONERA_BENCH_DATABASE_URL or MOTIONERA_DATABASE_URL, else one line says so).
if (process.env.BENCH_PG !== "0") {
  const { benchStorePostgres } = await import("./store-postgres.js");
  await benchStorePostgres();
}

// Fetching from Kolada and SCB against the loopback stand-in (BENCH_FETCH=0 skips it).
if (process.env.BENCH_FETCH !== "0") {
  const { benchStatisticsFetch } = await import("./statistics-fetch.js");
  await benchStatisticsFetch();
}
