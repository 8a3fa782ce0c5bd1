/**
 * The command line holds free text to the same limits: `facts add` with a too long value,
 * note or source, a `facts import` row, `corpus import --set title=…`; each exits 1 with a
 * Swedish message naming the field, and nothing is written. Runs the built CLI (npm run build).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempWorkspace } from "../helpers/cli.js";

const x = (n: number) => "x".repeat(n);
const plain = (s: string) => s.replace(/\u00a0/g, " ");
const add = ["facts", "add", "Lidingö", "prostitution_unit_name"];
const source = ["--as-of", "2026-01-01", "--source-title", "Titel", "--publisher", "Utgivare"];

describe("motionera facts add", () => {
  const cases: [string, string[], string][] = [
    [
      "value",
      [...add, x(2001), ...source],
      "Ogiltig uppgift i värde: värdet får vara högst 2 000 tecken, men är 2 001",
    ],
    [
      "--note",
      [...add, "Mottagningen", ...source, "--note", x(1001)],
      "Ogiltig uppgift i note: förbehållet (note) får vara högst 1 000 tecken, men är 1 001",
    ],
    [
      "--source-title",
      [...add, "Mottagningen", "--as-of", "2026-01-01", "--source-title", x(501), "--publisher", "Utgivare"],
      "Ogiltig uppgift i source.title: källans titel får vara högst 500 tecken, men är 501",
    ],
    [
      "--publisher",
      [...add, "Mottagningen", "--as-of", "2026-01-01", "--source-title", "Titel", "--publisher", x(201)],
      "Ogiltig uppgift i source.publisher: källans utgivare får vara högst 200 tecken, men är 201",
    ],
    [
      "--url",
      [...add, "Mottagningen", ...source, "--url", `https://example.se/${x(1990)}`],
      "Ogiltig uppgift i source.url: källans webbadress får vara högst 2 000 tecken, men är 2 009",
    ],
  ];

  it.each(cases)("a too long %s: exit 1, the field named, nothing written", (_, args, message) => {
    const ws = tempWorkspace();
    const before = readFileSync(ws.db);
    const r = runCli([...args, "--db", ws.db]);
    expect(r.code, r.stderr).toBe(1);
    expect(plain(r.stderr)).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(ws.db).equals(before)).toBe(true);
  });
});

describe("motionera facts import", () => {
  it("a row with a too long value: exit 1, its line and column, nothing written", () => {
    const ws = tempWorkspace();
    const file = join(ws.dir, "namn.csv");
    writeFileSync(file, `Kommun;Värde\nLidingö;Mottagningen\nSolna;${x(2001)}\n`);
    const before = readFileSync(ws.db);
    const r = runCli([
      "facts",
      "import",
      file,
      "--key",
      "prostitution_unit_name",
      "--as-of",
      "2026",
      "--source-title",
      "Titel",
      "--publisher",
      "Utgivare",
      "--db",
      ws.db,
    ]);
    expect(r.code, r.stderr).toBe(1);
    expect(plain(r.stderr)).toContain('rad 3, kolumn "Värde": värdet får vara högst 2 000 tecken, men är 2 001.');
    expect(readFileSync(ws.db).equals(before)).toBe(true);
  });
});

describe("motionera corpus import", () => {
  it("--set title= over 500 characters: the file is refused, naming the field", () => {
    const ws = tempWorkspace();
    const file = join(ws.dir, "motion.txt");
    writeFileSync(file, "Motion om KAST\n\natt kommunen tecknar avtal med KAST\n\nAnna Andersson (L)\n");
    const before = readFileSync(ws.db);
    const r = runCli(["corpus", "import", file, "--set", `title=${x(501)}`, "--db", ws.db]);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain("titeln får vara högst 500 tecken, men är 501");
    expect(readFileSync(ws.db).equals(before)).toBe(true);
  });
});
