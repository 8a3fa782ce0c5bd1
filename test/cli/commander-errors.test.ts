/** Commander's own errors reach the user in Swedish, naming the command and what to do; unknown lines pass through. */
import { describe, expect, it } from "vitest";
import { swedishCommanderError } from "../../src/cli/commander-errors.js";
import type { Command } from "commander";
import { commandTable } from "../../src/cli/command-table.js";
import { buildProgram } from "../../src/cli/main.js";
import { runCli } from "../helpers/cli.js";

describe("commander's errors in Swedish", () => {
  it("rewords each known message", () => {
    const cases: [string, string][] = [
      [
        "error: required option '-a, --author <text>' not specified",
        "motionera: -a, --author <text> måste anges. Se motionera draft --help.",
      ],
      ["error: option '--db <file>' argument missing", "motionera: --db <file> saknar sitt värde."],
      ["error: unknown option '--kommn'", "motionera: okänd flagga --kommn. Se motionera draft --help."],
      ["error: missing required argument 'id'", "motionera: id saknas."],
      [
        "error: option '--format <f>' value 'x' is invalid. Välj pdf.",
        'motionera: ogiltigt värde "x" för --format <f>. Välj pdf.',
      ],
      [
        "error: option '--json' cannot be used with option '--quiet'",
        "motionera: --json kan inte användas tillsammans med --quiet.",
      ],
      [
        "error: unknown option '--kommn'\n(Did you mean --kommun?)",
        "motionera: okänd flagga --kommn. Se motionera draft --help.\nMenade du --kommun?",
      ],
    ];
    for (const [english, swedish] of cases) expect(swedishCommanderError(english, "motionera draft")).toBe(swedish);
    expect(
      swedishCommanderError(
        "error: too many arguments for 'keys'. Expected 0 arguments but got 1.",
        "motionera facts keys",
        ["add", "edit"],
      ),
    ).toBe(
      "motionera: okänt kommando eller för många argument till motionera facts keys (kommandon: add, edit). " +
        "Se motionera facts keys --help.",
    );
    expect(swedishCommanderError("something commander says one day")).toBe("something commander says one day");
  });

  it("the command line prints them, with exit code 2 and no English", () => {
    const runs = [
      runCli(["draft", "--template", "skolresultat", "--kommun", "Pajala"]),
      runCli(["drfat"]),
      runCli(["facts", "keys", "ad"]),
      runCli(["draft", "-t", "skolresultat", "-a", "A (S)", "-k", "Pajala", "--kommn", "x"]),
    ];
    expect(runs.map((r) => r.stderr.trim())).toEqual([
      "motionera: -a, --author <text> måste anges. Se motionera draft --help.",
      "motionera: okänt kommando drfat. Se motionera --help.\nMenade du draft?",
      "motionera: okänt kommando eller för många argument till motionera facts keys (kommandon: add, edit, remove). " +
        "Se motionera facts keys --help.",
      "motionera: okänd flagga --kommn. Se motionera draft --help.\nMenade du --kommun?",
    ]);
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\berror\b|\bunknown\b|\bmissing\b/i);
    }
  });

  it("the help is in Swedish: titles, usage and notes", () => {
    const help = runCli(["facts", "--help"]).stdout;
    expect(help).toMatch(/^Användning: motionera facts \[flaggor\] \[kommando\] \[kommun\]$/m);
    for (const title of ["Argument:", "Flaggor:", "Kommandon:"]) expect(help).toContain(`\n${title}\n`);
    expect(help).toMatch(/add \[flaggor\] <subject>/);
    const draft = runCli(["draft", "--help"]).stdout;
    expect(draft).toContain('(standard: "output")');
    expect(`${help}${draft}`).not.toMatch(/Usage:|Options:|Commands:|\[options\]|default:|\(standard: false\)/);
  });

  it("every command's help, at every level, has none of commander's English words", async () => {
    const program = await buildProgram({ startService: () => Promise.reject(new Error("not started")) }, commandTable);
    const english = /\b(Usage|Options|Commands|Arguments|default|choices|preset|display help|help for command)\b/;
    const found: string[] = [];
    let seen = 0;
    const walk = (command: Command, path: string) => {
      seen++;
      for (const line of command.helpInformation().split("\n")) if (english.test(line)) found.push(`${path}: ${line}`);
      for (const sub of command.commands) walk(sub, `${path} ${sub.name()}`);
    };
    walk(program, "motionera");
    expect(seen).toBeGreaterThan(20);
    expect(found).toEqual([]);
    expect(program.commands.find((c) => c.name() === "db")?.helpInformation()).toMatch(
      /help \[kommando\] +visa hjälp för ett kommando/,
    );
  });

  it("motionera with no arguments shows a short getting-started guide, not the bare usage", () => {
    const r = runCli([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Kom i gång:");
    for (const step of [
      "motionera templates",
      "motionera facts Lidingö",
      "motionera draft --template",
      "motionera serve",
    ])
      expect(r.stdout).toContain(step);
    expect(r.stdout).not.toMatch(/Användning:|Usage:/);
    expect(r.stdout.split("\n").length).toBeLessThan(30);
  });
});
