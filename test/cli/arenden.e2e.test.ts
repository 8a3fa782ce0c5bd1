/**
 * `motionera arenden` as a user meets it, on the built CLI and a copy of the database: a motion
 * and an interpellation filed, a step corrected, meeting dates imported, the list with status,
 * deadline and days left (text and --json), the history with the correction, the calendar
 * written, and bad input refused in Swedish with nothing written.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { expectRefused, pdfText, runCli, tempWorkspace } from "../helpers/cli.js";
import { readIcs } from "../helpers/ical.js";

describe("motionera arenden", () => {
  const ws = tempWorkspace();
  const run = (...args: string[]) => runCli([...args, "--db", ws.db]);
  const motion = "2025-11-24-fler-elever-ska-klara-grundskolan";
  const interpellation = "2026-06-20-vad-hande-med-handlingsplanen";

  it("files, corrects, imports meetings, lists with days left, shows the history and writes the calendar", {
    timeout: 120_000,
  }, () => {
    const steps = [
      run(
        "arenden",
        "add",
        "--kind",
        "motion",
        "--title",
        "Fler elever ska klara grundskolan",
        "-k",
        "Lidingö",
        "-a",
        "Eva Ek (V)",
        "--filed",
        "2025-11-24",
        "--dnr",
        "KS 2025/0412",
      ),
      run(
        "arenden",
        "add",
        "--kind",
        "interpellation",
        "--title",
        "Vad hände med handlingsplanen?",
        "-k",
        "0186",
        "-a",
        "Per Berg (V)",
        "-a",
        "Kim Lund (S)",
        "--filed",
        "2026-06-20",
        "--dnr",
        "KS 2026/0190",
      ),
      run("arenden", "refer", motion, "--to", "barn- och ungdomsnämnden", "--date", "2025-12-01"),
      run(
        "arenden",
        "refer",
        motion,
        "--to",
        "utbildningsnämnden",
        "--date",
        "2025-12-01",
        "--corrects",
        "2",
        "--reason",
        "fel nämnd",
      ),
    ];
    for (const r of steps) expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(steps[0]!.stdout).toContain(`Ärendet är sparat som ${motion}.`);
    expect(steps[3]!.stdout).toContain(`Sparat som steg 3 i ${motion}.`);

    const csv = join(ws.dir, "sammantraden.csv");
    writeFileSync(csv, "datum;organ\n2026-06-15;kommunfullmäktige\n2026-09-14;kommunfullmäktige\n");
    const ics = join(ws.dir, "kf.ics");
    writeFileSync(
      ics,
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kommunen//SV\r\n" +
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\n" +
        "DTSTART;VALUE=DATE:20261019\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20260101T000000Z\r\n" +
        "DTSTART;VALUE=DATE:20260914\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    expect(run("arenden", "meetings", "import", csv, "-k", "Lidingö").stdout).toBe("2 sammanträden har lagts till.\n");
    expect(run("arenden", "meetings", "import", ics, "-k", "Lidingö").stdout).toBe(
      "1 sammanträde har lagts till (1 fanns redan).\n",
    );

    const list = run("arenden", "--today", "2026-09-20");
    expect(list.code).toBe(0);
    const lines = list.stdout.split("\n");
    expect(lines[0]).toMatch(/^Id +Slag +Titel +Dnr +Läge +Frist +Dagar kvar$/);
    expect(lines[1]).toMatch(
      new RegExp(`^${interpellation} +interpellation .+ KS 2026/0190 +inlämnad +2026-09-14 +FÖRSENAD 6 dagar$`),
    );
    expect(lines[2]).toMatch(new RegExp(`^${motion} +motion .+ KS 2025/0412 +remitterad +2026-11-24 +65$`));
    expect(list.stdout).toContain("1 ärende är försenat.");

    const json = JSON.parse(run("arenden", "--json", "--today", "2026-09-20", "--party", "S").stdout);
    expect(json).toEqual([
      expect.objectContaining({
        id: interpellation,
        due: "2026-09-14",
        daysLeft: -6,
        overdue: true,
        dnr: "KS 2026/0190",
      }),
    ]);

    const history = run("arenden", "history", motion).stdout;
    expect(history).toContain("1. Inlämnad 24 november 2025 till kommunfullmäktige, dnr KS 2025/0412.");
    expect(history).toContain("2. Remitterad 1 december 2025 till barn- och ungdomsnämnden.");
    expect(history).toContain("3. Rättelse av steg 2 (fel nämnd): Remitterad 1 december 2025 till utbildningsnämnden.");
    expect(history).toMatch(/kommandoraden/);

    const out = join(ws.dir, "frister.ics");
    const cal = run("arenden", "calendar", "--signer", "Eva Ek", "--out", out, "--today", "2026-09-20");
    expect(cal.stdout).toBe(`Skrev ${out} (4 händelser).\n`);
    const parsed = readIcs(readFileSync(out, "utf8"));
    expect(parsed.name).toBe("Motionera: tidsfrister för Eva Ek");
    expect(parsed.events.map((e) => e.start)).toEqual(["2026-11-24", "2026-06-15", "2026-09-14", "2026-10-19"]);
  });

  it("refuses bad input in Swedish, naming what is wrong, and writes nothing", { timeout: 120_000 }, () => {
    const before = readFileSync(ws.db, "utf8");
    const cases: [string[], RegExp][] = [
      [
        [
          "arenden",
          "decide",
          "2025-11-24-fler-elever",
          "--date",
          "2026-10-19",
          "--decision",
          "bifall",
          "--protocol-title",
          "Protokoll",
          "--publisher",
          "Lidingö stad",
        ],
        /Det finns inget ärende med id "2025-11-24-fler-elever"\. Menade du/,
      ],
      [
        ["arenden", "answer", motion, "--date", "2026-01-10", "--by", "Ordföranden"],
        /en motion besvaras genom ett beslut/,
      ],
      [
        ["arenden", "refer", motion, "--to", "x", "--date", "2025-11-01"],
        /datumet ligger före inlämningen \(2025-11-24\)/,
      ],
      [
        [
          "arenden",
          "add",
          "--kind",
          "motoin",
          "--title",
          "T",
          "-k",
          "Lidingö",
          "-a",
          "A (V)",
          "--filed",
          "2026-01-01",
          "--dnr",
          "1",
        ],
        /--kind: .*motion.*interpellation/,
      ],
      [["arenden", "meetings", "add", "-k", "Lidingö", "2026-02-30"], /datumet finns inte i kalendern/],
      [["arenden", "--today", "i morgon"], /--today: datum skrivs ÅÅÅÅ-MM-DD/],
    ];
    for (const [args, message] of cases) {
      expectRefused(run(...args), message, args.join(" "));
    }
    expect(readFileSync(ws.db, "utf8")).toBe(before);
  });

  it("drafts the follow-up of the overdue motion in one step, citing the filing (date, dnr) and its history", {
    timeout: 120_000,
  }, () => {
    const out = join(ws.dir, "uppfoljning");
    const r = run(
      "arenden",
      "follow-up",
      motion,
      "--addressee",
      "kommunstyrelsens ordförande Anna Andersson (M)",
      "--date",
      "2026-12-03",
      "--out",
      out,
      "--format",
      "docx,pdf,md",
      "--json",
    );
    expect(r.stderr).toBe("");
    const result = JSON.parse(r.stdout) as { title: string; files: { path: string }[]; citations: number };
    expect(result.title).toBe("Vad har hänt med motionen ”Fler elever ska klara grundskolan”?");
    expect(result.citations).toBe(2);
    const file = (ext: string) => result.files.find((f) => f.path.endsWith(ext))!.path;

    const docx = unzipSync(readFileSync(file(".docx")));
    const body = strFromU8(docx["word/document.xml"]!).replace(/<[^>]+>/g, "");
    const notes = strFromU8(docx["word/footnotes.xml"]!).replace(/<[^>]+>/g, "");
    expect(body).toContain(
      "Motionen ”Fler elever ska klara grundskolan” lämnades in till kommunfullmäktige den 24 november 2025 " +
        "(dnr KS 2025/0412).",
    );
    // The corrected step, not the one first recorded.
    expect(body).toContain("Den 1 december 2025 remitterades motionen till utbildningsnämnden.");
    expect(body).not.toContain("barn- och ungdomsnämnden");
    expect(body).toContain("Ettårsgränsen passerades den 24 november 2026");
    expect(body).toContain("Varför har beredningen inte kunnat avslutas inom ett år");
    expect(notes).toContain(
      "Motion, dnr KS 2025/0412, inlämnad till kommunfullmäktige: Eva Ek (V), ”Fler elever ska klara grundskolan”, " +
        "24 november 2025.",
    );
    expect(notes).toContain(
      "Ärende KS 2025/0412, remitterat till utbildningsnämnden: Lidingö kommun, 1 december 2025.",
    );

    const pdf = pdfText(file(".pdf")).replace(/\s+/g, " ");
    expect(pdf).toContain("(dnr KS 2025/0412)");
    expect(pdf).toContain("Motion, dnr KS 2025/0412, inlämnad till kommunfullmäktige");
    expect(readFileSync(file(".md"), "utf8")).toMatch(
      /lämnades in till kommunfullmäktige den 24 november 2025 \(dnr KS 2025\/0412\)\.\[\^1\]/,
    );
  });

  it("a follow-up of an interpellation answered is refused: nothing to follow up", () => {
    expect(run("arenden", "answer", interpellation, "--date", "2026-09-14", "--by", "Anna Andersson (M)").code).toBe(0);
    const r = run("arenden", "follow-up", interpellation, "--addressee", "x", "--out", join(ws.dir, "inget"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ärendet är avslutat \(besvarad\)/);
  });

  it("a decided motion goes into the corpus with its outcome, in the same step", { timeout: 120_000 }, () => {
    const r = run(
      "arenden",
      "decide",
      motion,
      "--date",
      "2026-12-14",
      "--decision",
      "bifall",
      "--protocol-title",
      "Protokoll kommunfullmäktige 2026-12-14",
      "--publisher",
      "Lidingö stad",
      "--paragraph",
      "§ 112",
      "--corpus",
    );
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain("Motionen finns nu i korpusen som lidingo-2025-11-24-fler-elever-ska-klara-grundskolan");
    const shown = run("corpus", "show", "lidingo-2025-11-24-fler-elever-ska-klara-grundskolan", "--json");
    expect(JSON.parse(shown.stdout)).toMatchObject({
      title: "Fler elever ska klara grundskolan",
      designation: "KS 2025/0412",
      summary: expect.stringContaining("Den 14 december 2026 beslutade kommunfullmäktige: bifall."),
      source: { title: "Protokoll kommunfullmäktige 2026-12-14", publisher: "Lidingö stad", date: "2026-12-14" },
    });
    expect(run("arenden", "--json").stdout).toContain('"status": "beslutad"');
  });
});
