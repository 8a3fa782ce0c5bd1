/**
 * The import benchmark's baseline, in a fresh process (bench/import.ts): the first step the
 * import took before issue 11, and nothing else — for a CSV file, the text decoded whole, its
 * line endings made LF, and every record parsed at once by csv-parse's synchronous parser with
 * its line info; for a JSON file, JSON.parse of the whole text. Prints its time and its peak
 * RSS over the RSS before (from /proc: Linux).
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parse } from "csv-parse/sync";

const kb = (field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync("/proc/self/status", "utf8"))![1]);

const bytes = readFileSync(process.argv[2]!);
const before = kb("VmRSS");
const t0 = performance.now();
const text = new TextDecoder("utf-8").decode(bytes);
const records = process.argv[2]!.endsWith(".json")
  ? (JSON.parse(text) as unknown[])
  : (parse(text.replace(/\r\n?/g, "\n"), {
      delimiter: ";",
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown[]);
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ ms, records: records.length, peakOverKb: kb("VmHWM") - before })}\n`);
