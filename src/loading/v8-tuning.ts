/**
 * V8's tiering for the short-lived commands (bin/motionera.js calls this before anything else loads; the campaign
 * bench's child does too, as the bin does).
 *
 * V8 optimizes a function once it has run for an "interrupt budget" of bytecode. A command lives one or a few seconds,
 * and at the default budget it spends much of that optimizing functions it will not run long enough to repay: in a
 * 290-municipality campaign, TurboFan compiled 530 functions per thread for 2.5 s of CPU, a third of the campaign's
 * CPU time (V8's --trace-opt; its platform threads' CPU in /proc). A budget eight times the default optimizes only
 * what stays hot: the campaign took 16–20 % less CPU and wall time, and one draft about 8 % less (bench/campaign.ts;
 * README, "Speed"). The service keeps V8's default: it lives long enough for every optimization to pay.
 */
import { setFlagsFromString } from "node:v8";

/** Eight times V8's default interrupt budget (V8 11, Node 20: 66 KB of bytecode); 4, 16 and 32 times measured alike. */
const SHORT_LIVED_INTERRUPT_BUDGET = 8 * 67_584;

/** Sets the budget, for the whole process. */
export function tuneShortLived(): void {
  setFlagsFromString(`--interrupt-budget=${SHORT_LIVED_INTERRUPT_BUDGET}`);
}

/**
 * Tunes V8 before anything else loads, for every command but `serve` (it keeps V8's defaults) and `draft`, which
 * tunes once its bundles have loaded (tuning-latch.ts).
 */
export function tuneForCommand(argv: readonly string[]): void {
  if (argv[2] !== "serve" && argv[2] !== "draft") tuneShortLived();
}
