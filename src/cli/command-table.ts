/**
 * The commands, in the order the help lists them, each loaded when registered: a command run by name loads only its
 * own module (and what it imports), not the other eight. Loading all of them was a tenth of a `motionera draft`
 * (bench/draft-pipeline.ts, one command).
 */
import { registerDraftCommand } from "./draft-command-table.js";
import type { CommandTable, Register } from "./main.js";

export const commandTable: CommandTable = new Map<string, Register>([
  ["draft", registerDraftCommand],
  ["campaign", async (p) => (await import("./commands/campaign.js")).registerCampaign(p)],
  ["facts", async (p) => (await import("./commands/facts.js")).registerFacts(p)],
  ["templates", async (p) => (await import("./commands/templates.js")).registerTemplates(p)],
  ["corpus", async (p) => (await import("./commands/corpus.js")).registerCorpus(p)],
  ["db", async (p) => (await import("./commands/db.js")).registerDb(p)],
  ["tokens", async (p) => (await import("./commands/tokens.js")).registerTokens(p)],
  ["arenden", async (p) => (await import("./commands/arenden.js")).registerArenden(p)],
  ["serve", async (p, edges) => (await import("./commands/serve.js")).registerServe(p, edges.startService)],
]);
