/** The CLI names every problem of a request at once, each with its option (runs dist/: build first). */
import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli, tempWorkspace } from "../helpers/cli.js";

describe("every problem at once on the command line", () => {
  it(
    "draft: an unreadable signer, an unknown municipality and an unknown field, each on its own line with its " +
      "option; nothing written",
    () => {
      const ws = tempWorkspace();
      const r = runCli([
        "draft",
        "-t",
        "kast-avtal",
        "-k",
        "Lidngö",
        "-a",
        "Anna Exempel (L)",
        "-a",
        "(M)",
        "--set",
        "comittee=x",
        "--out",
        ws.out,
        "--db",
        ws.db,
      ]);
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split("\n");
      expect(lines[0]).toBe("motionera: 3 fel:");
      expect(lines[1]).toMatch(/^ {2}--author: .*"\(M\)"/);
      expect(lines[2]).toMatch(/^ {2}--kommun: Okänd kommun: "Lidngö"\. Menade du "Lidingö"/);
      expect(lines[3]).toMatch(/^ {2}--set comittee: Mallen har inget fält "comittee"/);
      expect(existsSync(ws.out) ? readdirSync(ws.out) : []).toEqual([]);
    },
  );

  it("draft: unknown {fakta:…} references in the user's text, each field on its line with the other problems", () => {
    const ws = tempWorkspace();
    const r = runCli([
      "draft",
      "-t",
      "allman-motion",
      "-k",
      "Umeåå",
      "-a",
      "Eva Ek (V)",
      "--set",
      "title=Skolan",
      "--set",
      "background=I Umeå klarade {fakta:kolada_n1541} och {fakta:populaton} det.",
      "--set",
      "proposals=göra något åt {fakta:kast_cleints}",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toBe("motionera: 3 fel:");
    expect(lines[1]).toMatch(/^ {2}--kommun: Okänd kommun: "Umeåå"/);
    expect(lines[2]).toMatch(/^ {2}--set background: .*okänd faktanyckel "kolada_n1541".*menade du "kolada_n15419"/);
    expect(lines[2]).toContain('okänd faktanyckel "populaton"; menade du "population"');
    expect(lines[3]).toMatch(/^ {2}--set proposals: .*okänd faktanyckel "kast_cleints".*"kast_clients"/);
    expect(existsSync(ws.out) ? readdirSync(ws.out) : []).toEqual([]);
  });

  it("campaign: an unknown county, municipality and fact key in a condition", () => {
    const ws = tempWorkspace();
    const r = runCli([
      "campaign",
      "-t",
      "kast-avtal",
      "-l",
      "Narnia",
      "-k",
      "Lidngö",
      "-w",
      "no_such_key=ja",
      "-a",
      "Anna Exempel (L)",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        [
          String.raw`^motionera: 3 fel:\n {2}--lan: Okänt län: "Narnia"\..*\n {2}--kommun: Okänd komm`,
          String.raw`un: "Lidngö"\..*\n {2}--where: Okänd faktanyckel: "no_such_key"`,
        ].join(""),
      ),
    );
  });

  it("one problem reads as before, without a list", () => {
    const ws = tempWorkspace();
    const r = runCli([
      "draft",
      "-t",
      "kast-avtal",
      "-k",
      "Lidngö",
      "-a",
      "Anna Exempel (L)",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^motionera: Okänd kommun: "Lidngö"\./);
  });

  it("option problems are all named too (usage, exit 2)", () => {
    const r = runCli([
      "facts",
      "add",
      "Lidingö",
      "mika_kast_agreement",
      "ja",
      "--as-of",
      "2023-13",
      "--source-title",
      "T",
      "--publisher",
      "P",
      "--source-date",
      "igår",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--as-of: /);
    expect(r.stderr).toMatch(/--source-date: /);
  });
});
