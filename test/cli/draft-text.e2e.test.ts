/**
 * motionera draft --write-text / --text: the draft's text written to a file, edited there and
 * read back: the edit is in the document, a signer given later still signs it, and a made-up
 * note mark is refused with its line and the flag's name.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempWorkspace } from "../helpers/cli.js";

const sentence = "Det här borde inte vara en fråga som delar partierna.";
const edited = "Frågan har väntat länge nog.";

describe("motionera draft --text", () => {
  it("writes the text to edit, and drafts from the edited text", () => {
    const ws = tempWorkspace();
    const text = join(ws.dir, "text.md");
    const base = ["draft", "--template", "kast-avtal", "--kommun", "Lidingö", "--date", "2026-11-24"];
    const files = ["--format", "md", "--out", ws.out, "--db", ws.db];
    const first = runCli([...base, "--author", "Anna Exempel (L)", "--write-text", text, ...files]);
    expect(first.code, first.stderr).toBe(0);
    const body = readFileSync(text, "utf8");
    expect(body).toContain(sentence);
    expect(body).toContain("⟦underskrifter⟧");
    writeFileSync(text, body.replace(sentence, edited));

    const second = runCli([...base, "--author", "Bertil Berg (L)", "--text", text, ...files]);
    expect(second.code, second.stderr).toBe(0);
    const md = readFileSync(join(ws.out, "2026-11-24-lidingo-motion-kast-avtal.md"), "utf8");
    expect(md).toContain(edited);
    expect(md).not.toContain(sentence);
    expect(md).toContain("Bertil Berg (L)");
    expect(md).toMatch(/^\[\^1\]: /m);

    writeFileSync(text, `${body}\nPåhittat.[^99]\n`);
    const line = `${body}\nPåhittat.[^99]\n`.split("\n").findIndex((l) => l.includes("[^99]")) + 1;
    const bad = runCli([...base, "--author", "Bertil Berg (L)", "--text", text, ...files]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("den redigerade texten (editedMarkdown)");
    expect(bad.stderr).toContain(`rad ${line} (”Påhittat.”): noten [^99] finns inte i utkastet`);

    const missing = runCli([...base, "--author", "Bertil Berg (L)", "--text", join(ws.dir, "saknas.md"), ...files]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("filen finns inte");
  });
});
