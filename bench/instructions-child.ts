/**
 * One case of the draft bench under valgrind, for bench/instructions.ts: the case run
 * `warmup` times, then `runs` times more. The parent runs this twice (runs = N and runs = 0)
 * and divides the difference by N: instructions of one document, without start and warm-up.
 */
import "../src/messages.sv.js";
import { draftCases, type DraftCase } from "./draft-pipeline.js";

const [name, runs, warmup] = process.argv.slice(2);
const cases = await draftCases();
const fn = cases[name as DraftCase];
if (typeof fn !== "function") throw new Error(`no such case: ${name}`);
for (let i = 0; i < Number(warmup); i++) await fn();
for (let i = 0; i < Number(runs); i++) await fn();
