/**
 * `motionera facts sources` and `facts add --party/--since` as a user runs them: the built CLI on a temp copy of the
 * database.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { databaseSchema } from "../../src/store/schema.js";
import { registrySources } from "../../src/facts/sources.js";
import { runCli, tempWorkspace } from "../helpers/cli.js";

interface SourceOut {
  title?: string;
  publisher: string;
  date: string | null;
  url?: string;
  parties?: string[];
  missing: string[];
  facts: number;
  keys: string[];
  factIds: string[];
}

const shippedFacts = (db: string) => databaseSchema.parse(JSON.parse(readFileSync(db, "utf8"))).facts;
/** The blocks of the text output: one per source, separated by blank lines, after the heading. */
const blocks = (stdout: string) => stdout.trim().split(/\n\n/).slice(1);

describe("motionera facts sources", () => {
  it("lists each distinct source once with its facts and keys; --json says the same", () => {
    const ws = tempWorkspace();
    const facts = shippedFacts(ws.db);
    const expected = registrySources(facts);
    const r = runCli(["facts", "sources", "--db", ws.db]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(`${expected.length} källor för ${facts.length} uppgifter:`);
    expect(blocks(r.stdout)).toHaveLength(expected.length);
    // A source of a party, with its title, date, address and party.
    expect(r.stdout).toContain(
      "Vänsterpartiet kräver handlingsplan för insatser till personer som säljer sex, Vänsterpartiet Göteborg " +
        "(pressmeddelande), 6 mars 2020, " +
        "https://goteborg.vansterpartiet.se/2020/03/06/" +
        "vansterpartiet-kraver-handlingsplan-for-insatser-till-personer-som-saljer-sex/ " +
        "(parti: V)",
    );
    // An untitled, undated one says so instead of inventing either.
    expect(r.stdout).toMatch(
      new RegExp(
        [
          String.raw`^\(titel saknas\), Malmö stad, odaterad\n {2}1 uppgift: prostitution_unit_name\n`,
          " {2}saknar titel, datum och webbadress$",
        ].join(""),
        "m",
      ),
    );
    expect(r.stdout).not.toMatch(/\[Om |\[Artikel /);

    const json = JSON.parse(runCli(["facts", "sources", "--json", "--db", ws.db]).stdout) as {
      total: number;
      sources: SourceOut[];
    };
    expect(json.total).toBe(expected.length);
    expect(json.sources.map((s) => s.factIds)).toEqual(expected.map((e) => e.factIds));
    expect(json.sources.reduce((n, s) => n + s.facts, 0)).toBe(facts.length);
    const law = json.sources.find((s) => s.title === "Brottsbalk (1962:700)");
    expect(law).toMatchObject({
      publisher: "Sveriges riksdag",
      date: null,
      missing: ["date"],
      keys: ["sex_purchase_penalty", "trafficking_penalty", "trafficking_penalty_less_serious"],
    });
  });

  it("--incomplete prints exactly the sources that lack a title, a date or a URL, and which", () => {
    const ws = tempWorkspace();
    const facts = shippedFacts(ws.db);
    const incomplete = registrySources(facts, { incomplete: true });
    const all = registrySources(facts);
    expect(incomplete.length).toBeGreaterThan(0);
    expect(incomplete.length).toBeLessThan(all.length);

    const r = runCli(["facts", "sources", "--incomplete", "--db", ws.db]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(
      `${incomplete.length} av ${all.length} källor saknar titel, datum eller webbadress:`,
    );
    const printed = blocks(r.stdout);
    expect(printed).toHaveLength(incomplete.length);
    const gap: Record<string, string> = { title: "titel", date: "datum", url: "webbadress" };
    incomplete.forEach((s, i) => {
      const block = printed[i]!;
      expect(block.startsWith(s.source.title ?? "(titel saknas)"), block).toBe(true);
      expect(block).toContain(`, ${s.source.publisher}, `);
      for (const m of s.missing) expect(block, block).toMatch(new RegExp(`saknar .*${gap[m]}`));
    });
    // Complete sources are left out: NCK's article has a title, a date and an address.
    expect(r.stdout).not.toContain("Norrlandslän samarbetar mot prostitution");
    expect(r.stdout).toMatch(
      new RegExp(
        [
          String.raw`\(titel saknas\), TT Nyhetsbyrån, 27 juni 2022\n {2}1 uppgift: prosecuted_sex_pu`,
          String.raw`rchase\n {2}saknar titel och webbadress`,
        ].join(""),
      ),
    );

    const json = JSON.parse(runCli(["facts", "sources", "--incomplete", "--json", "--db", ws.db]).stdout) as {
      total: number;
      sources: SourceOut[];
    };
    expect(json.total).toBe(all.length);
    expect(json.sources.map((s) => [s.publisher, s.missing])).toEqual(
      incomplete.map((s) => [s.source.publisher, s.missing]),
    );
  });

  it("says when every source is complete, and when there are none", () => {
    const ws = tempWorkspace();
    const db = JSON.parse(readFileSync(ws.db, "utf8")) as {
      facts: { source: { title?: string; date: string | null; url?: string } }[];
    };
    db.facts = db.facts.filter((f) => f.source.title && f.source.date && f.source.url);
    writeFileSync(ws.db, JSON.stringify(db));
    const r = runCli(["facts", "sources", "--incomplete", "--db", ws.db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Alla \d+ källor har titel, datum och webbadress\.\n$/);
    db.facts = [];
    writeFileSync(ws.db, JSON.stringify(db));
    expect(runCli(["facts", "sources", "--db", ws.db]).stdout).toBe(
      "Registret har inga uppgifter och alltså inga källor.\n",
    );
  });
});

describe("motionera facts add --party and --since", () => {
  it("records the parties of a source (letters upper-cased, each once) and the start of a period", () => {
    const ws = tempWorkspace();
    const add = runCli([
      "facts",
      "add",
      "Helsingborg",
      "trafficking_network_incidents_total",
      "80",
      "--as-of",
      "2021",
      "--since",
      "2017-11",
      "--source-title",
      "Motion om nätverket",
      "--publisher",
      "Socialdemokraterna Helsingborg",
      "--party",
      "s",
      "--party",
      "S",
      "--party",
      "v",
      "--json",
      "--db",
      ws.db,
    ]);
    expect(add.stderr).toBe("");
    expect(add.code).toBe(0);
    const fact = JSON.parse(add.stdout) as { since: string; source: { parties: string[] } };
    expect(fact.since).toBe("2017-11");
    expect(fact.source.parties).toEqual(["S", "V"]);

    const shown = runCli(["facts", "Helsingborg", "--all", "--db", ws.db]);
    expect(shown.stdout).toMatch(/dokumenterat totalt: 80, från november 2017 till och med 2021/);
    expect(shown.stdout).toMatch(
      /Källa: Motion om nätverket, Socialdemokraterna Helsingborg, odaterad \(parti: S, V\)/,
    );
    const sources = JSON.parse(runCli(["facts", "sources", "--json", "--db", ws.db]).stdout) as {
      sources: SourceOut[];
    };
    expect(sources.sources.find((s) => s.title === "Motion om nätverket")).toMatchObject({
      parties: ["S", "V"],
      missing: ["date", "url"],
    });
  });

  it("refuses a period that starts after the date it runs to", () => {
    const ws = tempWorkspace();
    const before = readFileSync(ws.db, "utf8");
    const r = runCli([
      "facts",
      "add",
      "Helsingborg",
      "trafficking_network_incidents_total",
      "80",
      "--as-of",
      "2019",
      "--since",
      "2020",
      "--source-title",
      "X",
      "--publisher",
      "Y",
      "--db",
      ws.db,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/since.*perioden kan inte börja \(2020\) efter datumet den avser \(2019\)/);
    expect(readFileSync(ws.db, "utf8")).toBe(before);
  });
});
