/**
 * The draft command's entry in the command table, in a module of its own: the draft's bundle (src/draft-line.ts)
 * takes only this, so it holds none of the other commands' code (command-table.ts lists them all).
 */
import type { CommandTable, Register } from "./main.js";

export const registerDraftCommand: Register = async (p) => (await import("./commands/draft.js")).registerDraft(p);

/** A program of the draft command alone, for `motionera draft …`. */
export const draftCommandTable: CommandTable = new Map([["draft", registerDraftCommand]]);
