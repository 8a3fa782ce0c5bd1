/** The motionera command line: parses argv and hands each command to the core. */
import { Command, CommanderError } from "commander";
import "../messages.sv.js";
import { registerDraft } from "./commands/draft.js";
import { registerCampaign } from "./commands/campaign.js";
import { registerFacts } from "./commands/facts.js";
import { registerTemplates } from "./commands/templates.js";
import { registerCorpus } from "./commands/corpus.js";
import { registerDb } from "./commands/db.js";
import { registerTokens } from "./commands/tokens.js";
import { registerServe, type StartService } from "./commands/serve.js";
import { registerArenden } from "./commands/arenden.js";
import { exitCodes, reportFailure } from "./run.js";
import { closeEarlyPdfThread } from "../render/pdf-thread.js";
import { texts } from "./messages.sv.js";
import { swedishErrors } from "./commander-errors.js";

/** What the command line needs from the rest of the program: the web service `serve` starts. */
export interface ProgramEdges {
  startService: StartService;
}

/** A command and all its subcommands, at every level. */
const everyCommand = (c: Command): Command[] => [c, ...c.commands.flatMap(everyCommand)];

export function buildProgram(edges: ProgramEdges): Command {
  const program = new Command("motionera")
    .description(texts.program)
    .version("0.1.0", "-V, --version", texts.version)
    .helpOption("-h, --help", texts.help)
    .helpCommand(false)
    .enablePositionalOptions()
    .showSuggestionAfterError(true);
  registerDraft(program);
  registerCampaign(program);
  registerFacts(program);
  registerTemplates(program);
  registerCorpus(program);
  registerDb(program);
  registerTokens(program);
  registerArenden(program);
  registerServe(program, edges.startService);
  for (const c of program.commands.flatMap(everyCommand)) c.helpOption("-h, --help", texts.help);
  swedishErrors(program);
  return program;
}

/** `motionera facts keys | head`: a reader that stops reading is no error. */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

export async function main(argv: string[], edges: ProgramEdges): Promise<number> {
  quietOnClosedPipe();
  const program = buildProgram(edges);
  for (const c of everyCommand(program)) c.exitOverride();
  try {
    if (argv.length <= 2) {
      process.stdout.write(`${texts.gettingStarted}\n`);
      return exitCodes.ok;
    }
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : exitCodes.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    return reportFailure(e);
  } finally {
    await closeEarlyPdfThread();
  }
}
