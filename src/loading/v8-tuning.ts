/**
 * V8's tiering for the short-lived commands: every command but `serve` changes it once its threads have loaded their
 * bundles (tuning-latch.ts; bin/motionera.js and the campaign bench's child).
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

/**
 * Sets the budget, for the whole process; for a command that makes one document (`draft`), V8 also keeps its young
 * generation at the size it starts with (it doubles it as a command allocates, memory the kernel then maps in page by
 * page and takes back at the exit: a fifth of a draft's CPU time went to the kernel's work on memory). One
 * `motionera draft` → DOCX: 110 → 107 ms, peak RSS 65.5 → 62 MB (40 alternating pairs); DOCX + PDF alike. A
 * campaign keeps the growth: it allocates for hundreds of documents, and a young generation that small would
 * promote more.
 */
export function tuneShortLived(oneDocument = false): void {
  setFlagsFromString(`--interrupt-budget=${SHORT_LIVED_INTERRUPT_BUDGET}`);
  if (oneDocument) setFlagsFromString("--semi-space-growth-factor=1");
}

/** Whether a command is tuned: every one but `serve`, which keeps V8's defaults (it lives long enough to repay). */
export const tunesCommand = (argv: readonly string[]): boolean => argv[2] !== "serve";
