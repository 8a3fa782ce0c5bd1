/**
 * One whole search process, as the CLI would run it, for the benchmark to time:
 *   node dist/bench/corpus-query.js index <index file> <query> [filters JSON]
 *   node dist/bench/corpus-query.js scan  <records JSON file> <query> [filters JSON]   (the baseline)
 * Prints one line of JSON: total, the first ids, and the process's RSS.
 */
import { readFileSync } from "node:fs";
import type { SearchFilters } from "../src/corpus/search/index.js";

const [mode, file, text = "", filtersJson = "{}"] = process.argv.slice(2);
const filters = JSON.parse(filtersJson) as SearchFilters;
let out: { total: number; ids: string[]; facets: number };

if (mode === "index") {
  const { readIndexFile } = await import("../src/corpus/search/index.js");
  const index = await readIndexFile(file!);
  if (!index) throw new Error(`no index in ${file}`);
  const r = index.search({ text, filters, limit: 10 });
  out = {
    total: r.total,
    ids: r.hits.map((h) => h.id),
    facets: Object.values(r.facets).reduce((n, v) => n + v.length, 0),
  };
} else if (mode === "scan") {
  const { haystacks, scan } = await import("./corpus-scan.js");
  const docs = JSON.parse(readFileSync(file!, "utf8")) as import("../src/domain/corpus-document.js").CorpusDocument[];
  const r = scan(docs, haystacks(docs), text, filters, 10);
  out = { total: r.total, ids: r.ids, facets: Object.values(r.facets).reduce((n, v) => n + v.size, 0) };
} else {
  throw new Error("mode: index | scan");
}
process.stdout.write(`${JSON.stringify({ ...out, rssMB: Math.round(process.memoryUsage().rss / 1048576) })}\n`);
