/** `motionera facts keys add|edit|remove` (runs dist/: `npm run build` first). */
import { describe, expect, it } from "vitest";
import { runCli, tempWorkspace } from "../helpers/cli.js";

describe("motionera facts keys", () => {
  it("adds a key a fact can then be recorded for, refuses its type change and its removal, naming why", () => {
    const ws = tempWorkspace();
    const db = ["--db", ws.db];
    const add = ["facts", "keys", "add", "snow_cost", "--label", "Kostnad för snöröjning", "--description", "Kronor."];
    const bad = runCli([...add, "--type", "numbr", "--scope", "kommun", ...db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/type.*Menade du "number"\?/);
    expect(runCli([...add, "--type", "number", "--scope", "kommun", ...db]).code).toBe(0);
    expect(runCli(["facts", "keys", ...db]).stdout).toMatch(/snow_cost {2}\(number; kommun\)/);
    const fact = [
      "facts",
      "add",
      "Pajala",
      "snow_cost",
      "1234",
      "--as-of",
      "2024",
      "--source-title",
      "T",
      "--publisher",
      "P",
    ];
    expect(runCli([...fact, ...db]).code).toBe(0);
    const edit = runCli(["facts", "keys", "edit", "snow_cost", "--type", "text", ...db]);
    expect(edit.code).toBe(1);
    expect(edit.stderr).toMatch(/kan inte få typen text.*2521 2024: 1\s234/);
    const remove = runCli(["facts", "keys", "remove", "snow_cost", ...db]);
    expect(remove.code).toBe(1);
    expect(remove.stderr).toMatch(/används och kan inte tas bort: 1 uppgift i faktaregistret/);
    const typo = runCli(["facts", "keys", "remove", "snow_cots", ...db]);
    expect(typo.stderr).toMatch(/Menade du "snow_cost"/);
  });
});
