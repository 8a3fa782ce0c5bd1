/**
 * The heap policy of a process whose whole job is one batched import (the CLI's `corpus import`).
 *
 * Each batch leaves its records, stored lines and index work to the collector once written. V8 lets the old
 * generation grow to up to four times what is live before it collects it, so an import's peak RSS rose with its
 * length (a sawtooth that a short import never reaches) although what it holds grows far less
 * (bench/riksdagen-import.ts and the README have the figures). Such a process sets the growth to 1.5 times what is
 * live (V8's `heap_growing_percent`, read at every collection, so setting it after start-up takes effect at the
 * next one): more and smaller collections, for a few per cent more CPU. The service keeps V8's default: its heap
 * serves searches and drafts too.
 */
import { setFlagsFromString } from "node:v8";

/** The old generation's growth between collections, in per cent of what is live after one. */
export const importHeapGrowingPercent = 50;

export function collectOftenDuringImport(): void {
  setFlagsFromString(`--heap-growing-percent=${importHeapGrowingPercent}`);
}
