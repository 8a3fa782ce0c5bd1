/** `npm run bench`: every benchmark, each printing its table of figure, baseline and ratio. */
import "../src/messages/sv.js";
import { benchDraftPipeline } from "./draft-pipeline.js";

const runs = Number(process.env["BENCH_RUNS"] ?? 300);
process.stdout.write(`Motionera benchmarks — Node ${process.version}, ${new Date().toISOString()}\n`);
await benchDraftPipeline(runs);
