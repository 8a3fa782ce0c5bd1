/** The motionera command line: parses argv and hands each command to the core. */
import { Command, CommanderError } from "commander";
import "../messages.sv.js";
import type { StartService } from "./commands/serve.js";
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

/** Registers one command (and its subcommands) on the program: loads the command's module when called. */
export type Register = (program: Command, edges: ProgramEdges) => Promise<void>;

/** The commands a program offers, by name, in the order the help lists them (command-table.ts). */
export type CommandTable = ReadonlyMap<string, Register>;

/**
 * The program with the commands `argv` can reach: only the one it names, or every command when
 * it names none or one that does not exist (the help, the version, "Menade du …").
 */
export async function buildProgram(
  edges: ProgramEdges,
  commands: CommandTable,
  argv: readonly string[] = [],
): Promise<Command> {
  const program = new Command("motionera")
    .description(texts.program)
    .version("0.1.0", "-V, --version", texts.version)
    .helpOption("-h, --help", texts.help)
    .helpCommand(false)
    .enablePositionalOptions()
    .showSuggestionAfterError(true);
  const named = commands.get(argv[2] ?? "");
  if (named) await named(program, edges);
  else for (const register of commands.values()) await register(program, edges);
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

export async function main(argv: string[], edges: ProgramEdges, commands: CommandTable): Promise<number> {
  quietOnClosedPipe();
  const program = await buildProgram(edges, commands, argv);
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
