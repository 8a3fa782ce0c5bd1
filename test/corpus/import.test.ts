import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importFiles } from "../../src/corpus/import/import-files.js";
import { parseOverrides } from "../../src/corpus/import/overrides.js";
import { decodeText } from "../../src/lang/decode-text.js";
import { renderDocx } from "../../src/render/docx.js";
import { renderPdf } from "../../src/render/pdf.js";
import { LowdbStore } from "../../src/store/lowdb-store.js";
import type { Draft } from "../../src/domain/draft.js";

const motion = [
  "Motion till kommunfullmäktige i Karlstad",
  "",
  "Inför ett stöd för sexköpare som vill sluta",
  "",
  "Karlstads kommun har sedan några år en mottagning för personer som köper sex. Sexköparna som söker hjälp " +
    "blir fler, men väntetiderna är långa.",
  "Prostitutionen i Värmland är en del av den organiserade brottsligheten och människohandeln.",
  "",
  "Med anledning av ovanstående föreslår vi kommunfullmäktige besluta",
  "",
  "att kommunstyrelsen utreder hur mottagningen kan byggas ut",
  "att socialnämnden får i uppdrag att samverka med polisen",
  "",
  "Karlstad den 16 oktober 2019",
  "",
  "Eva Exempelsson (S)",
  "Olle Provsson (V)",
].join("\n");

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "motionera-import-"));
}

async function store(dir: string): Promise<LowdbStore> {
  return LowdbStore.open(join(dir, "db.json"));
}

const draftOf = (text: string): Draft => ({
  meta: {
    title: "Inför ett stöd för sexköpare som vill sluta",
    kind: "motion",
    templateId: "t",
    language: "sv-SE",
    date: "2019-10-16",
    municipality: { code: "1780", name: "Karlstad", selfName: "Karlstads kommun" },
    authors: [{ name: "Eva Exempelsson", party: "S" }],
    keywords: [],
  },
  blocks: text
    .split("\n\n")
    .map((p) => ({ type: "paragraph" as const, children: [{ type: "text" as const, value: p }] })),
  citations: [],
  sources: [],
});

describe("reading files", () => {
  it("reads UTF-8 with or without a BOM and Latin-1 (Windows-1252)", () => {
    expect(decodeText(new TextEncoder().encode("\uFEFFÅsa på Öland")).text).toBe("Åsa på Öland");
    const latin1 = Uint8Array.from([0xc5, 0x73, 0x61, 0x20, 0x70, 0xe5, 0x20, 0xd6, 0x6c, 0x61, 0x6e, 0x64]);
    expect(decodeText(latin1)).toEqual({ text: "Åsa på Öland", encoding: "windows-1252" });
  });

  it("imports .txt, .md, Latin-1 .txt, .docx and .pdf, tagging each", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "motion.txt"), motion);
    writeFileSync(
      join(dir, "motion.md"),
      `# ${motion.replace("Motion till kommunfullmäktige i Karlstad\n\n", "")}\n\nMotion till ` +
        `kommunfullmäktige i Karlstad`,
    );
    writeFileSync(join(dir, "latin1.txt"), Buffer.from(motion.replace("16 oktober", "17 oktober"), "latin1"));
    writeFileSync(join(dir, "motion.docx"), await renderDocx(draftOf(motion.replace("16 oktober", "18 oktober"))));
    writeFileSync(join(dir, "motion.pdf"), await renderPdf(draftOf(motion.replace("16 oktober", "19 oktober"))));
    const s = await store(dir);
    const outcomes = await importFiles(
      s,
      ["motion.txt", "motion.md", "latin1.txt", "motion.docx", "motion.pdf"].map((f) => join(dir, f)),
    );
    for (const o of outcomes) {
      expect(o.ok, o.file).toBe(true);
      if (!o.ok) continue;
      expect(o.action).toBe("added");
      expect(o.record.kind).toBe("motion");
      expect(o.record.municipality?.name).toBe("Karlstad");
      expect(o.record.proposals.length).toBeGreaterThanOrEqual(2);
      expect(o.record.fullText).toContain("Sexköparna");
      expect(o.record.topics).toContain("sexkop");
    }
    expect(outcomes.find((o) => o.file.endsWith("latin1.txt"))).toMatchObject({ encoding: "windows-1252" });
    expect(await s.documents()).toHaveLength(5);
  });
});

describe("importing", () => {
  it("re-importing the same file updates its record instead of adding a duplicate", async () => {
    const dir = tempDir();
    const file = join(dir, "motion.txt");
    writeFileSync(file, motion);
    const s = await store(dir);
    const [first] = await importFiles(s, [file]);
    const [again] = await importFiles(s, [file]);
    expect(again).toMatchObject({ ok: true, action: "unchanged" });
    const [changed] = await importFiles(s, [file], {
      overrides: parseOverrides({ outlet: "Nya Wermlands-Tidningen" }),
    });
    expect(changed).toMatchObject({ ok: true, action: "updated" });
    expect(first?.ok && changed?.ok && first.record.id === changed.record.id).toBe(true);
    expect(await s.documents()).toHaveLength(1);
    expect((await s.documents())[0]!.outlet).toBe("Nya Wermlands-Tidningen");
  });

  it("stated values win over inferred ones and are marked as stated", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.txt"), motion);
    const s = await store(dir);
    const [o] = await importFiles(s, [join(dir, "a.txt")], {
      overrides: parseOverrides({ kommun: "Hammarö", parties: "s,v", date: "2019-10" }),
    });
    expect(o).toMatchObject({
      ok: true,
      record: {
        municipality: { code: "1761", name: "Hammarö" },
        county: { code: "17" },
        parties: ["S", "V"],
        date: "2019-10",
      },
    });
    expect(o?.ok && o.record.tagging?.municipality).toMatchObject({ confidence: 1 });
  });

  it("refuses an unknown field or value in --set, naming it", () => {
    expect(() => parseOverrides({ colour: "red" })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ code: "unknown_input", field: "colour" }) }),
    );
    expect(() => parseOverrides({ kind: "roman" })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: "kind" }) }),
    );
    expect(() => parseOverrides({ topics: "fiske" })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: "topics" }) }),
    );
  });

  it(
    "lets each file fail on its own: empty, binary, too large, unknown kind, undecodable, missing — and " +
      "stores the rest",
    async () => {
      const dir = tempDir();
      writeFileSync(join(dir, "good.txt"), motion);
      writeFileSync(join(dir, "empty.txt"), "");
      writeFileSync(join(dir, "blank.md"), "  \n\n ");
      writeFileSync(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
      writeFileSync(join(dir, "huge.txt"), "x");
      truncateSync(join(dir, "huge.txt"), 21 * 1024 * 1024);
      // Under the file limit, over the text limit: refused before it is tagged (tagging's memory grows with the text).
      writeFileSync(join(dir, "long.txt"), "Motion om ordet. ".repeat(Math.ceil(3_000_001 / 17)));
      writeFileSync(join(dir, "photo.jpg"), "not really");
      writeFileSync(join(dir, "garbled.txt"), Buffer.from([0x48, 0x65, 0x6a, 0x20, 0x81, 0x8d, 0x8f, 0x90, 0x9d]));
      writeFileSync(join(dir, "broken.docx"), "PK not a zip");
      const s = await store(dir);
      const names = [
        "good.txt",
        "empty.txt",
        "blank.md",
        "binary.txt",
        "huge.txt",
        "long.txt",
        "photo.jpg",
        "garbled.txt",
        "broken.docx",
        "missing.txt",
      ];
      const outcomes = await importFiles(
        s,
        names.map((n) => join(dir, n)),
      );
      const reasons = Object.fromEntries(
        outcomes.map((o) => [
          o.file.split("/").pop(),
          o.ok ? "ok" : o.problem.kind === "read" ? o.problem.problem.reason : o.problem.kind,
        ]),
      );
      expect(reasons).toEqual({
        "good.txt": "ok",
        "empty.txt": "empty",
        "blank.md": "empty",
        "binary.txt": "binary",
        "huge.txt": "too_large",
        "long.txt": "text_too_long",
        "photo.jpg": "unknown_extension",
        "garbled.txt": "undecodable",
        "broken.docx": "not_docx",
        "missing.txt": "unreadable",
      });
      expect(await s.documents()).toHaveLength(1);
    },
  );

  it("a dry run stores nothing", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.txt"), motion);
    const s = await store(dir);
    const [o] = await importFiles(s, [join(dir, "a.txt")], { dryRun: true });
    expect(o).toMatchObject({ ok: true, action: "added" });
    expect(await s.documents()).toHaveLength(0);
    expect(() => readFileSync(join(dir, "db.json"))).toThrow();
  });
});
