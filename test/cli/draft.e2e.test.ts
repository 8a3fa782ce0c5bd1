import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import mammoth from "mammoth";
import { pdfText, runCli, tempWorkspace, templatesFolder } from "../helpers/cli.js";
import { runCliAsync } from "../helpers/cli-async.js";
import { reviewTemplates as sharedReviewTemplates } from "../server/review-fixture.js";

const author = ["--author", "Anna Exempel (L), ledamot i kommunfullmäktige"];
/** A signer of the party that published Lidingö's agreement source: no "another party's source" check. */
const sameParty = ["--author", "Anna Exempel (S), ledamot i kommunfullmäktige"];

describe("motionera draft", () => {
  it("writes a cited DOCX and PDF for Lidingö with readable names", async () => {
    const ws = tempWorkspace();
    const r = runCli([
      "draft",
      "--template",
      "kast-avtal",
      "--kommun",
      "Lidingö",
      ...author,
      "--date",
      "2026-11-24",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(r.stderr).not.toMatch(/oväntat fel/);
    expect(r.code).toBe(0);
    const files = readdirSync(ws.out).sort();
    expect(files).toEqual(["2026-11-24-lidingo-motion-kast-avtal.docx", "2026-11-24-lidingo-motion-kast-avtal.pdf"]);
    for (const f of files) expect(r.stdout).toContain(join(ws.out, f));

    const docx = await mammoth.extractRawText({ path: join(ws.out, files[0]!) });
    expect(docx.value).toMatch(/Motion till kommunfullmäktige i Lidingö stad/);
    expect(docx.value).toMatch(/^att /m);
    expect(docx.value).toContain("Anna Exempel (L)");

    const pdf = pdfText(join(ws.out, files[1]!));
    expect(pdf).toContain("Lidingö");
    expect(pdf).toMatch(/Källor/);
    expect(pdf).toMatch(/kommunfullmäktige/);
  });

  it("writes Markdown and HTML on request, with vi for two signers", () => {
    const ws = tempWorkspace();
    const r = runCli([
      "draft",
      "-t",
      "kast-avtal",
      "-k",
      "0186",
      ...author,
      "--author",
      "Bo Berg (L)",
      "--format",
      "md,html",
      "--date",
      "2026-11-24",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(r.code).toBe(0);
    const md = readFileSync(join(ws.out, "2026-11-24-lidingo-motion-kast-avtal.md"), "utf8");
    expect(md).toMatch(/föreslår vi kommunfullmäktige/);
    expect(md).toMatch(/\[\^1\]:/);
    const html = readFileSync(join(ws.out, "2026-11-24-lidingo-motion-kast-avtal.html"), "utf8");
    expect(html).toContain('lang="sv"');
  });

  it("names the nearest municipalities when one is unknown, and writes nothing", () => {
    const ws = tempWorkspace();
    const r = runCli(["draft", "-t", "kast-avtal", "-k", "Lidngö", ...author, "--out", ws.out, "--db", ws.db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Okänd kommun: "Lidngö"\. Menade du "Lidingö"/);
    expect(existsSync(ws.out)).toBe(false);
  });

  it("suggests templates for an unknown id", () => {
    const r = runCli(["draft", "-t", "kast-avtl", "-k", "Lidingö", ...author]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Okänd mall: "kast-avtl"\. Menade du "kast-avtal"/);
  });

  it("names the field of an invalid or unknown input", () => {
    const ws = tempWorkspace();
    const unknown = runCli([
      "draft",
      "-t",
      "kast-avtal",
      "-k",
      "Lidingö",
      ...author,
      "--set",
      "nonsense=1",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/inget fält "nonsense"/);
    const bad = runCli([
      "draft",
      "-t",
      "kast-avtal",
      "-k",
      "Lidingö",
      "--author",
      "(L)",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/undertecknaren "\(L\)"/);
    const badDate = runCli([
      "draft",
      "-t",
      "kast-avtal",
      "-k",
      "Lidingö",
      ...author,
      "--date",
      "2026-02-30",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--date/);
    const badFormat = runCli([
      "draft",
      "-t",
      "kast-avtal",
      "-k",
      "Lidingö",
      ...author,
      "--format",
      "docx,odt",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/okänt format "odt"/);
    expect(existsSync(ws.out)).toBe(false);
  });

  const factTemplates = templatesFolder({
    "motion/kraver-fakta.hbs": [
      "---",
      "id: kraver-fakta",
      "kind: motion",
      "title: Kräver fakta",
      "description: En testmall som kräver en uppgift.",
      "inputs:",
      "  - name: antal",
      "    type: number",
      "    label: Antal",
      "facts:",
      "  - key: mika_kast_agreement",
      "maxAge: P1Y",
      "---",
      "# Test för {{municipality.name}}",
      "",
      'Avtal: {{cite "mika_kast_agreement"}}. Antal: {{#if input.antal}}{{number input.antal}}{{/if}}',
      "",
      "- att testa",
      "",
    ].join("\n"),
  });

  it("stops when a required fact is missing, naming the fact, the municipality and how to add it", () => {
    const ws = tempWorkspace();
    const r = runCli([
      "draft",
      "-t",
      "kraver-fakta",
      "-k",
      "Ale",
      ...author,
      "--templates",
      factTemplates,
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mika_kast_agreement/);
    expect(r.stderr).toMatch(/saknas för Ale/);
    expect(r.stderr).toMatch(/motionera facts add 1440 mika_kast_agreement/);
    expect(existsSync(ws.out)).toBe(false);
  });

  it("warns about a fact older than the template accepts, and --strict makes it an error", () => {
    const ws = tempWorkspace();
    const warn = runCli([
      "draft",
      "-t",
      "kraver-fakta",
      "-k",
      "Lidingö",
      ...author,
      "--templates",
      factTemplates,
      "--set",
      "antal=12 345",
      "--format",
      "md",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(warn.code).toBe(0);
    expect(warn.stdout).toMatch(/Att göra innan du lämnar in:\n {2}– Kontrollera: .*äldre än mallen godtar/);
    const md = readFileSync(join(ws.out, readdirSync(ws.out)[0]!), "utf8");
    expect(md).toContain("Antal: 12\u00a0345");
    const strictOut = join(ws.dir, "strict");
    const strict = runCli([
      "draft",
      "-t",
      "kraver-fakta",
      "-k",
      "Lidingö",
      ...author,
      "--templates",
      factTemplates,
      "--strict",
      "--out",
      strictOut,
      "--db",
      ws.db,
    ]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/äldre än mallen godtar/);
    expect(existsSync(strictOut)).toBe(false);
    const badNumber = runCli([
      "draft",
      "-t",
      "kraver-fakta",
      "-k",
      "Lidingö",
      ...author,
      "--templates",
      factTemplates,
      "--set",
      "antal=många",
      "--out",
      strictOut,
      "--db",
      ws.db,
    ]);
    expect(badNumber.code).toBe(1);
    expect(badNumber.stderr).toMatch(/Ogiltigt värde för antal/);
  });

  const reviewTemplates = sharedReviewTemplates();

  it("lists what to fill in and check before filing on stdout, and marks the places in the files", () => {
    const ws = tempWorkspace();
    const r = runCli([
      "draft",
      "-t",
      "fyll-i",
      "-k",
      "Lidingö",
      ...sameParty,
      "--templates",
      reviewTemplates,
      "--format",
      "md,html",
      "--date",
      "2026-11-24",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(r.stderr).not.toMatch(/oväntat fel/);
    expect(r.code).toBe(0);
    const [, after] = r.stdout.split("Skrev:");
    expect(after).toMatch(
      new RegExp(
        [
          String.raw`\n\nAtt göra innan du lämnar in:\n {2}– Fyll i: beslutets datum\n {2}– Fyll i: n`,
          String.raw`ämndens namn\n {2}– Kontrollera: Uppgiften "Avtal med Mikamottagningen och KAST `,
          `i Stockholm" för Lidingö är från .* äldre än mallen godtar`,
        ].join(""),
      ),
    );
    expect(r.stdout).not.toContain("Inget att fylla i");
    expect(readFileSync(join(ws.out, "2026-11-24-lidingo-motion-fyll-i.md"), "utf8")).toContain(
      "\\[FYLL I: beslutets datum\\]",
    );
    expect(readFileSync(join(ws.out, "2026-11-24-lidingo-motion-fyll-i.html"), "utf8")).toContain(
      '<mark class="placeholder">[FYLL I: beslutets datum]</mark>',
    );

    const json = runCli([
      "draft",
      "-t",
      "fyll-i",
      "-k",
      "Lidingö",
      ...sameParty,
      "--templates",
      reviewTemplates,
      "--format",
      "md",
      "--json",
      "--out",
      join(ws.dir, "json"),
      "--db",
      ws.db,
    ]);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { placeholders: string[]; checks: { code: string; message: string }[] };
    expect(out.placeholders).toEqual(["beslutets datum", "nämndens namn"]);
    expect(out.checks).toHaveLength(1);
    expect(out.checks[0]!.code).toBe("fact_stale");
    expect(out.checks[0]!.message).toMatch(
      /^Uppgiften "Avtal med Mikamottagningen och KAST i Stockholm" för Lidingö .*äldre än mallen godtar/,
    );
  });

  it("says in one line when there is nothing to fill in or check", () => {
    const ws = tempWorkspace();
    const r = runCli([
      "draft",
      "-t",
      "klar",
      "-k",
      "Lidingö",
      ...author,
      "--templates",
      reviewTemplates,
      "--format",
      "md",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("Inget att fylla i eller kontrollera i utkastet.");
    expect(r.stdout).not.toContain("Att göra");
    const json = runCli([
      "draft",
      "-t",
      "klar",
      "-k",
      "Lidingö",
      ...author,
      "--templates",
      reviewTemplates,
      "--format",
      "md",
      "--json",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({ placeholders: [], checks: [] });
  });

  it("--strict refuses a draft with places to fill in: exit code 1, the reason, no file", () => {
    const ws = tempWorkspace();
    const r = runCli([
      "draft",
      "-t",
      "bara-fyll-i",
      "-k",
      "Lidingö",
      ...author,
      "--templates",
      reviewTemplates,
      "--strict",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        [
          String.raw`^motionera: Utkastet har 2 ställen att fylla i \("beslutets datum" och "nämndens`,
          String.raw` namn"\), och --strict godtar inga\.`,
        ].join(""),
      ),
    );
    expect(r.stdout).toBe("");
    expect(existsSync(ws.out)).toBe(false);
    const loose = runCli([
      "draft",
      "-t",
      "bara-fyll-i",
      "-k",
      "Lidingö",
      ...author,
      "--templates",
      reviewTemplates,
      "--format",
      "md",
      "--out",
      ws.out,
      "--db",
      ws.db,
    ]);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toMatch(/– Fyll i: beslutets datum\n {2}– Fyll i: nämndens namn\n/);
    const help = runCli(["draft", "--help"]);
    // The help wraps at the terminal's width: compare the words, not where the lines break.
    expect(help.stdout.replace(/\s+/g, " ")).toContain(
      "--strict vägra skriva utkastet om en uppgift är äldre än mallen godtar eller om det har ställen att fylla i",
    );
  });

  it("ends with its message and exit code 1 when it fails while the PDF thread is still starting, every time", async () => {
    // A race once let the stopping thread be unreferenced, and Node ended with 13 and no message.
    // Six runs, three at a time: processes side by side make the thread's start slower, the race likelier.
    for (let batch = 0; batch < 2; batch++) {
      const runs = await Promise.all(
        [0, 1, 2].map(() =>
          runCliAsync([
            "draft",
            "-t",
            "kast-avtal",
            "-k",
            "Lidngö",
            ...author,
            "--out",
            join(tempWorkspace().dir, "ut"),
          ]),
        ),
      );
      for (const [i, r] of runs.entries()) {
        expect(r.code, `run ${batch * 3 + i}: ${r.stderr}`).toBe(1);
        expect(r.stderr).toContain("Menade du");
      }
    }
  });

  it("reports a broken template with its file and line", () => {
    const broken = templatesFolder({
      "motion/trasig.hbs": [
        "---",
        "id: trasig",
        "kind: motion",
        "title: Trasig",
        "description: Trasig mall.",
        "---",
        "# Rubrik",
        "",
        "{{#if input.x}}",
        "text",
        "",
      ].join("\n"),
    });
    const r = runCli(["templates", "--templates", broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Fel i mallen .*motion\/trasig\.hbs:9/);
  });

  it("has --help on every command", () => {
    for (const args of [
      ["--help"],
      ["draft", "--help"],
      ["facts", "--help"],
      ["facts", "add", "--help"],
      ["facts", "keys", "--help"],
      ["templates", "--help"],
      ["templates", "show", "--help"],
    ]) {
      const r = runCli(args);
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.stdout, args.join(" ")).toMatch(/Usage|Användning/);
    }
  });
});
