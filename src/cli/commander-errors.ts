/**
 * Commander's own words are English: its error lines ("error: unknown option '--kommn'") and
 * the help's titles and notes ("Usage:", "Options:", "(default: …)"). A Swedish user reads
 * them in Swedish. Each known line is matched and reworded (texts.commander); a line that is
 * not known passes through unchanged rather than being lost.
 */
import { Help, type Argument, type Command, type Option } from "commander";
import { texts } from "./messages.sv.js";

const t = texts.commander;

const rules: [RegExp, (m: RegExpExecArray, command: string, subcommands: string[]) => string][] = [
  [/^error: required option '(.+)' not specified$/, (m, command) => t.requiredOption(m[1]!, command)],
  [/^error: option '(.+)' argument missing$/, (m) => t.optionArgumentMissing(m[1]!)],
  [/^error: unknown option '(.+)'$/, (m, command) => t.unknownOption(m[1]!, command)],
  [/^error: unknown command '(.+)'$/, (m, command) => t.unknownCommand(m[1]!, command)],
  [/^error: missing required argument '(.+)'$/, (m) => t.missingArgument(m[1]!)],
  [
    /^error: too many arguments(?: for '(.+)')?\..*$|^error: too many arguments$/,
    (_m, command, subcommands) => t.tooManyArguments(command, subcommands),
  ],
  [/^error: option '(.+)' value '(.*)' is invalid\.?(.*)$/, (m) => t.invalidOptionValue(m[1]!, m[2]!, m[3]!.trim())],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.+)'\.?(.*)$/,
    (m) => t.invalidArgumentValue(m[2]!, m[1]!, m[3]!.trim()),
  ],
  [/^error: option '(.+)' cannot be used with option '(.+)'$/, (m) => t.conflictingOptions(m[1]!, m[2]!)],
  [/^\(Did you mean (.+)\?\)$/, (m) => t.didYouMean(m[1]!)],
];

/** One of commander's error messages (one or more lines) in Swedish. */
export function swedishCommanderError(message: string, command = "motionera", subcommands: string[] = []): string {
  return message
    .split("\n")
    .map((line) => {
      for (const [re, say] of rules) {
        const m = re.exec(line);
        if (m) return say(m, command, subcommands);
      }
      return line;
    })
    .join("\n");
}

/** "motionera facts keys": the command as typed. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

const plainHelp = new Help();

/** An option's help text with commander's notes in Swedish; "(default: false)" of a plain flag left out. */
function optionDescription(option: Option): string {
  const text = plainHelp.optionDescription(option);
  const flag = option.isBoolean() && option.defaultValue === false && !option.negate;
  return swedishNotes(text.replace(flag ? / ?\(default: false\)$/ : /$^/, ""));
}

/** An argument's help text with commander's notes in Swedish. */
function argumentDescription(argument: Argument): string {
  return swedishNotes(plainHelp.argumentDescription(argument));
}

/** Commander's own "help [command]" described in Swedish; every other subcommand as it describes itself. */
function subcommandDescription(cmd: Command): string {
  const text = plainHelp.subcommandDescription(cmd);
  return cmd.name() === "help" && text === "display help for command" ? t.helpCommand : text;
}

/** "(default: …)", "(choices: …)", "(preset: …)" in Swedish. */
const swedishNotes = (text: string) =>
  text.replace(/\((default|choices|preset): /g, (_m, word: keyof typeof t.notes) => `(${t.notes[word]}: `);

/** "[options] [command]" in a usage line as "[flaggor] [kommando]". */
const swedishUsage = (usage: string) =>
  usage.replace(/\[(options|command)\]/g, (_m, word: keyof typeof t.usage) => `[${t.usage[word]}]`);

/** Every command of the program writes commander's errors and help in Swedish. */
export function swedishErrors(command: Command): void {
  command.configureHelp({
    sortSubcommands: false,
    styleTitle: (title) => t.titles[title] ?? title,
    optionDescription,
    argumentDescription,
    subcommandDescription,
    commandUsage: (cmd) => swedishUsage(plainHelp.commandUsage(cmd)),
    subcommandTerm: (cmd) => swedishUsage(plainHelp.subcommandTerm(cmd)),
  });
  command.configureOutput({
    outputError: (message, write) =>
      write(
        `${swedishCommanderError(
          message.trimEnd(),
          commandPath(command),
          command.commands.map((c) => c.name()),
        )}\n`,
      ),
  });
  for (const sub of command.commands) swedishErrors(sub);
}
