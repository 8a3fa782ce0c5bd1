/** `motionera campaign` as a user runs it: the built CLI on a temp database and output folder. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { runCli, templatesFolder } from "../helpers/cli.js";
import { reviewCampaignTemplate, tempDb } from "../campaign/fixture.js";

let db: string;
let dir: string;
const common = [
  "--template",
  "kast-avtal",
  "--author",
  "Anna Andersson (L), ledamot i kommunfullmäktige",
  "--date",
  "2026-11-24",
];

beforeAll(() => {
  ({ db, dir } = tempDb());
});

describe("motionera campaign", () => {
  it("prints one plain line per municipality when stdout is not a terminal, on worker threads", () => {
    const out = join(dir, "plain");
    const r = runCli([
      "campaign",
      ...common,
      "--lan",
      "AB",
      "--where",
      "mika_kast_agreement=nej",
      "--out",
      out,
      "--db",
      db,
      "--workers",
      "2",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("3 kommuner i urvalet; 2 trådar.");
    expect(
      lines.filter((l) =>
        new RegExp(
          [
            String.raw`^\[\d\/3\] (Värmdö|Ekerö|Botkyrka): skrev 2 filer \(\d+ uppgifter? med källa\)(; .*at` +
              "t (fylla i|",
            "kontrollera))?$",
          ].join(""),
        ).test(l),
      ),
    ).toHaveLength(3);
    expect(r.stdout).toMatch(/Klart på [\d,]+ s: utkast för 3 av 3 kommuner \(6 filer\)\./);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(readdirSync(out).sort()).toEqual([
      "2026-11-24-botkyrka-motion-kast-avtal.docx",
      "2026-11-24-botkyrka-motion-kast-avtal.pdf",
      "2026-11-24-ekero-motion-kast-avtal.docx",
      "2026-11-24-ekero-motion-kast-avtal.pdf",
      "2026-11-24-varmdo-motion-kast-avtal.docx",
      "2026-11-24-varmdo-motion-kast-avtal.pdf",
      "sammanstallning.csv",
      "sammanstallning.json",
    ]);
    const docx = unzipSync(readFileSync(join(out, "2026-11-24-ekero-motion-kast-avtal.docx")));
    expect(strFromU8(docx["word/document.xml"]!)).toContain("Ekerö");

    // A campaign's draft is filed from the summary, naming the municipality; without one, or for one the
    // campaign did not write, nothing is filed and the message says why.
    const summary = join(out, "sammanstallning.json");
    const file = (...more: string[]) => runCli(["arenden", "add", "--utkast", summary, "--dnr", "KS 2026/77", ...more]);
    const filed = file("--kommun", "Ekerö", "--db", db, "--json");
    expect([filed.code, filed.stderr]).toEqual([0, ""]);
    expect(JSON.parse(filed.stdout)).toMatchObject({
      kind: "motion",
      municipality: { code: "0125", name: "Ekerö" },
      events: [{ step: { kind: "filed", date: "2026-11-24", dnr: "KS 2026/77" } }],
    });
    expect(file("--db", db).stderr).toMatch(/sammanställning med 3 kommuner: ange vilken med --kommun/);
    expect(file("--kommun", "Nacka", "--db", db).stderr).toMatch(/har inget utkast för Nacka/);
  });

  it("--json prints only the summary; skipped municipalities give exit code 3", () => {
    const out = join(dir, "json");
    const r = runCli([
      "campaign",
      ...common,
      "--kommun",
      "Värmdö",
      "--kommun",
      "Nacka,Lidingö",
      "--require",
      "population",
      "--format",
      "md",
      "--out",
      out,
      "--db",
      db,
      "--json",
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe("");
    const s = JSON.parse(r.stdout);
    expect(s.counts).toEqual({ selected: 3, written: 2, skipped: 1, failed: 0, documents: 2 });
    const lidingo = s.municipalities.find((m: { code: string }) => m.code === "0186");
    expect(lidingo).toMatchObject({ status: "skipped", missingFacts: ["population"], files: [] });
    expect(s.files.csv).toBe(join(out, "sammanstallning.csv"));
    expect(existsSync(join(out, "2026-11-24-lidingo-motion-kast-avtal.md"))).toBe(false);
  });

  it("--zip writes one zip with the drafts and the summary", () => {
    const out = join(dir, "zip");
    const r = runCli([
      "campaign",
      ...common,
      "--lan",
      "01",
      "--where",
      "population>50000",
      "--format",
      "docx,pdf",
      "--out",
      out,
      "--db",
      db,
      "--zip",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Zip-fil: ${join(out, "kampanj-2026-11-24-kast-avtal.zip")}`);
    const entries = unzipSync(readFileSync(join(out, "kampanj-2026-11-24-kast-avtal.zip")));
    expect(Object.keys(entries).sort()).toEqual([
      "2026-11-24-botkyrka-motion-kast-avtal.docx",
      "2026-11-24-botkyrka-motion-kast-avtal.pdf",
      "2026-11-24-nacka-motion-kast-avtal.docx",
      "2026-11-24-nacka-motion-kast-avtal.pdf",
      "2026-11-24-stockholm-motion-kast-avtal.docx",
      "2026-11-24-stockholm-motion-kast-avtal.pdf",
      "sammanstallning.csv",
      "sammanstallning.json",
    ]);
    expect(strFromU8(entries["2026-11-24-nacka-motion-kast-avtal.pdf"]!.slice(0, 5))).toBe("%PDF-");
    expect(readdirSync(out).sort()).toEqual([
      "kampanj-2026-11-24-kast-avtal.zip",
      "sammanstallning.csv",
      "sammanstallning.json",
    ]);
  });

  it.each([
    [["--lan", "Stokholm"], 1, /Okänt län: "Stokholm"\. Menade du "Stockholms län"/],
    [["--kommun", "Lidngö"], 1, /Okänd kommun: "Lidngö"\. Menade du "Lidingö"/],
    [
      ["--where", "mika_kast_agrement=nej"],
      1,
      /Okänd faktanyckel: "mika_kast_agrement"\. Menade du "mika_kast_agreement"/,
    ],
    [["--where", "population>många"], 1, /Villkoret "population>många" går inte att använda/],
    [["--where", "population>99999999"], 1, /Ingen kommun uppfyller urvalet/],
    [["--template", "kast"], 1, /Okänd mall: "kast"/],
    [["--format", "docx,odt"], 2, /okänt format "odt"/],
    [["--workers", "0"], 2, /--workers "0": ange ett heltal/],
  ])("bad input %j: a Swedish message, exit %i, nothing written", (extra, code, message) => {
    const out = join(dir, `fel-${Math.random().toString(36).slice(2)}`);
    const args = ["campaign", ...common, "--out", out, "--db", db, ...extra];
    const r = runCli(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it(
    "says per municipality what to fill in and check, sums it up, and --strict skips drafts with places " +
      "to fill in",
    () => {
      // The CLI judges age against today: a limit of a hundred years keeps Värmdö's 2025 value fresh.
      const template = reviewCampaignTemplate.replace("maxAge: P2Y", "maxAge: P100Y");
      expect(template).toContain("maxAge: P100Y");
      const templates = templatesFolder({ "motion/kampanj-fyll-i.hbs": template });
      const args = [
        "campaign",
        ...common,
        "--template",
        "kampanj-fyll-i",
        "--kommun",
        "Värmdö,Nykvarn",
        "--format",
        "md",
        "--templates",
        templates,
        "--db",
        db,
        "--workers",
        "1",
      ];
      const out = join(dir, "granska");
      const r = runCli([...args, "--out", out]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^\[\d\/2\] Nykvarn: skrev 1 fil \(0 uppgifter med källa\); 2 ställen att fylla i$/m);
      expect(r.stdout).toMatch(/^\[\d\/2\] Värmdö: skrev 1 fil \(1 uppgift med källa\)$/m);
      expect(r.stdout).toContain(
        "1 utkast har ställen att fylla i eller saker att kontrollera innan det lämnas in (kolumnerna " +
          "placeholders och checks i sammanställningen).",
      );
      const rows = parse(readFileSync(join(out, "sammanstallning.csv"), "utf8").slice(1), { columns: true }) as Record<
        string,
        string
      >[];
      expect(rows.map((x) => [x.municipality, x.placeholders])).toEqual([
        ["Värmdö", ""],
        ["Nykvarn", "om kommunen har avtal med KAST | avtalets datum"],
      ]);

      const strictOut = join(dir, "granska-strikt");
      const strict = runCli([...args, "--out", strictOut, "--strict"]);
      expect(strict.code).toBe(3);
      expect(strict.stdout).toMatch(
        new RegExp(
          [
            String.raw`^\[\d\/2\] Nykvarn: hoppades över – Utkastet har 2 ställen att fylla i \("om kom`,
            String.raw`munen har avtal med KAST" och "avtalets datum"\), och --strict godtar inga\.`,
          ].join(""),
          "m",
        ),
      );
      expect(readdirSync(strictOut).filter((f) => f.endsWith(".md"))).toEqual([
        "2026-11-24-varmdo-motion-kampanj-fyll-i.md",
      ]);
      const json = JSON.parse(readFileSync(join(strictOut, "sammanstallning.json"), "utf8")) as {
        municipalities: { code: string; status: string; placeholders: string[] }[];
      };
      expect(json.municipalities.find((m) => m.code === "0140")).toMatchObject({
        status: "skipped",
        placeholders: ["om kommunen har avtal med KAST", "avtalets datum"],
      });
      expect(runCli(["campaign", "--help"]).stdout).toMatch(
        new RegExp(
          [
            String.raw`--strict\s+hoppa\s+över\s+kommuner\s+vars\s+uppgifter\s+är\s+äldre\s+än\s+mallen`,
            String.raw`\s+godtar\s+eller\s+vars\s+utkast\s+har\s+ställen\s+att\s+fylla\s+i`,
          ].join(""),
        ),
      );
    },
  );

  it("an output path under a file is refused, naming the folder", () => {
    const r = runCli(["campaign", ...common, "--kommun", "Nacka", "--out", join(db, "ut"), "--db", db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /Kunde inte skriva filerna i .*ut: det finns redan en fil med det namnet .*Inga filer skrevs\./,
    );
  });
});
