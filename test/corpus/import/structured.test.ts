/**
 * Structured imports: Riksdagen's dokumentstatus and dokumentlista JSON, Swerik's and ParlaMint's TEI, and zips of
 * them, with the odd shapes real files have. Fixtures in test/fixtures/riksdagen and test/fixtures/tei are ours: the
 * real shapes, made-up text.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../src/corpus/import/html-text.js";
import { importFiles, type ImportOutcome } from "../../../src/corpus/import/import-files.js";
import { readStructured } from "../../../src/corpus/import/structured/read-structured.js";
import { riksdagenParty } from "../../../src/corpus/import/structured/riksdagen.js";
import type { CorpusDocument } from "../../../src/domain/corpus-document.js";
import { explainReadProblem } from "../../../src/messages.sv.js";
import { LowdbStore } from "../../../src/store/lowdb-store.js";

const riksdagen = join(import.meta.dirname, "../../fixtures/riksdagen");
const tei = join(import.meta.dirname, "../../fixtures/tei");

const tempDir = () => mkdtempSync(join(tmpdir(), "motionera-structured-"));
const store = (dir: string) => LowdbStore.open(join(dir, "db.json"));

type Ok = Extract<ImportOutcome, { ok: true }>;
type Failed = Extract<ImportOutcome, { ok: false }>;

async function importOne(path: string): Promise<CorpusDocument> {
  const [o, ...rest] = await importFiles(await store(tempDir()), [path]);
  expect(rest).toEqual([]);
  expect(o?.ok, o && !o.ok ? JSON.stringify(o.problem) : "").toBe(true);
  return (o as Ok).record;
}

const problemText = (o: ImportOutcome) => {
  const p = (o as Failed).problem;
  return p.kind === "read" ? explainReadProblem(p.problem) : p.details.code;
};

describe("Riksdagen dokumentstatus", () => {
  it("a motion: kind, category, designation, signers with today's party letters, att-satser, decisions", async () => {
    const d = await importOne(join(riksdagen, "mot-enskild.json"));
    expect(d.kind).toBe("motion");
    expect(d.level).toBe("riksdag");
    expect(d.municipality).toBeNull();
    expect(d.county).toBeNull();
    expect(d.category).toBe("Enskild motion");
    expect(d.designation).toBe("2014/15:1148");
    expect(d.externalId).toBe("HZ01TEST1");
    expect(d.committee).toBe("CU");
    expect(d.date).toBe("2014-11-07");
    expect(d.title).toBe("Fler cykelbanor i småorter");
    expect(d.authors).toEqual([
      { name: "Påhittad Person", party: "S", role: "undertecknare" },
      { name: "Annan Påhittad", party: "L", role: "undertecknare" },
    ]);
    expect(d.parties).toEqual(["S", "L"]);
    expect(d.proposals).toHaveLength(2);
    expect(d.proposals[0]).toMatch(/^Riksdagen ställer sig bakom .* cykelbanor/);
    // Leading spaces in the decisions are gone.
    expect(d.decisions).toEqual([
      { number: "1", committee: "Avslag", chamber: "Avslag", handledIn: "2014/15:CU7" },
      { number: "2", committee: "Avslag", chamber: "Avslag", handledIn: "2014/15:CU7" },
    ]);
    expect(d.source.url).toBe("https://data.riksdagen.se/dokument/HZ01TEST1.html");
    expect(d.source.publisher).toBe("Sveriges riksdag");
  });

  it("the text from html: entities decoded, paragraphs kept, a <br> a line break; a BOM read past", async () => {
    const d = await importOne(join(riksdagen, "mot-enskild.json"));
    expect(d.fullText).toContain("I många småorter saknas säkra vägar för den som cyklar.\nBarn och unga cyklar");
    expect(d.fullText).toContain("\n\nEn cykelbana är billigare än en olycka.");
    expect(d.fullText).not.toMatch(/&\w+;|<\w/);
  });

  it("the structure fills the record, the tagger only what the structure lacks; provenance says which", async () => {
    const d = await importOne(join(riksdagen, "mot-enskild.json"));
    for (const f of ["kind", "level", "authors", "parties", "date", "title", "proposals", "designation", "decisions"])
      expect(d.provenance?.[f], f).toBe("structure");
    for (const f of ["topics", "arguments", "summary"]) expect(d.provenance?.[f], f).toBe("tagger");
    expect(d.tagging?.kind).toBeUndefined();
    expect(d.tagging?.topics).toBeDefined();
    expect(d.topics.length).toBeGreaterThan(0);
  });

  it("one signer and one att-sats as objects, a '-' subtype (the category from dokuppgift), kd → KD", async () => {
    const d = await importOne(join(riksdagen, "mot-en-undertecknare.json"));
    expect(d.category).toBe("Fristående motion");
    expect(d.authors).toEqual([{ name: "Exempel Exempelsson", party: "KD", role: "undertecknare" }]);
    expect(d.proposals).toEqual(["Riksdagen ställer sig bakom det som anförs i motionen om tågstopp."]);
    expect(d.decisions).toEqual([
      { number: "1", committee: "Bifall", chamber: "Delvis bifall", handledIn: "2016/17:TU2" },
    ]);
    expect(d.designation).toBe("2016/17:T405");
    expect(d.fullText).toBe("Tågen ska stanna oftare i glesbygden – det är en fråga om rättvisa.");
  });

  it("an interpellation: the asker as author (mp → MP), the addressee from mottagare", async () => {
    const d = await importOne(join(riksdagen, "ip.json"));
    expect(d.kind).toBe("interpellation");
    expect(d.authors).toEqual([{ name: "Grön Interpellant", party: "MP", role: "frågeställare" }]);
    expect(d.parties).toEqual(["MP"]);
    expect(d.addressee).toBe("Statsrådet Påhittad Minister (S)");
    expect(d.committee).toBe("MJU");
  });

  it("a written question with dokintressent null: no signers, the addressee still from mottagare", async () => {
    const d = await importOne(join(riksdagen, "fr-utan-intressent.json"));
    expect(d.kind).toBe("fråga");
    expect(d.designation).toBe("2008/09:77");
    expect(d.addressee).toBe("Justitieminister Tänkt Namn (M)");
    expect(d.provenance?.authors).toBe("structure");
    expect(d.authors).toEqual([]);
  });

  it("an answer given as a list where one object is expected: kind svar, the minister who answered", async () => {
    const d = await importOne(join(riksdagen, "frs-dokument-som-lista.json"));
    expect(d.kind).toBe("svar");
    expect(d.authors).toEqual([{ name: "Tänkt Namn", party: "M", role: "besvarad av" }]);
    expect(d.date).toBe("2008-10-22");
  });

  it("party codes: lower case and historic letters to today's", () => {
    const codes = { fp: "L", kd: "KD", mp: "MP", s: "S", m: "M", c: "C", v: "V", sd: "SD", FP: "L", kds: "KD" };
    for (const [code, party] of Object.entries(codes)) expect(riksdagenParty(code), code).toBe(party);
    expect(riksdagenParty("-")).toBeUndefined();
    expect(riksdagenParty("nyd")).toBe("NYD");
    expect(riksdagenParty("Lidingöpartiet")).toBe("Lidingöpartiet");
    expect(riksdagenParty(undefined)).toBeUndefined();
  });

  it("htmlToText: entities, scripts left out, whitespace folded", () => {
    expect(htmlToText("<p>R&auml;ksm&ouml;rg&aring;s &amp; &#229;</p><script>x()</script><p>  två\n  rader </p>")).toBe(
      "Räksmörgås & å\n\ntvå rader",
    );
  });
});

describe("Riksdagen dokumentlista", () => {
  it("gives each listed document's metadata, marked as without text", async () => {
    const outcomes = await importFiles(await store(tempDir()), [join(riksdagen, "dokumentlista.json")]);
    expect(outcomes.map((o) => o.file)).toEqual([
      join(riksdagen, "dokumentlista.json#1"),
      join(riksdagen, "dokumentlista.json#2"),
    ]);
    const [a, b] = outcomes as Ok[];
    expect(a!.metadataOnly).toBe(true);
    expect(a!.record.fullText).toBeUndefined();
    expect(a!.record.kind).toBe("motion");
    expect(a!.record.category).toBe("Kommittémotion");
    expect(a!.record.authors).toEqual([{ name: "Listad Ledamot", party: "V", role: "undertecknare" }]);
    expect(a!.record.date).toBe("2021-10-05");
    expect(b!.record.title).toBe("Skolans påhittade reform");
    expect(b!.record.summary).toBe("");
  });

  it("a list's metadata never replaces the record of a document's own file", async () => {
    const dir = tempDir();
    const s = await store(dir);
    const [full] = (await importFiles(s, [join(riksdagen, "mot-enskild.json")])) as Ok[];
    const list = join(dir, "lista.json");
    writeFileSync(
      list,
      JSON.stringify({ dokumentlista: { dokument: { dok_id: "HZ01TEST1", typ: "mot", titel: "Annan titel" } } }),
    );
    const [again] = (await importFiles(s, [list])) as Ok[];
    expect(again!.action).toBe("unchanged");
    expect((await s.document(full!.record.id))?.fullText).toBe(full!.record.fullText);
  });
});

describe("TEI", () => {
  it("a Swerik interpellation: heading, author, addressee, date sent, dok_id, the closing questions", async () => {
    const d = await importOne(join(tei, "ipq-2007-08--39.xml"));
    expect(d.kind).toBe("interpellation");
    expect(d.level).toBe("riksdag");
    expect(d.designation).toBe("2007/08:39");
    expect(d.externalId).toBe("GVZTEST39");
    expect(d.title).toBe("Kollektivtrafik på påhittade landsbygden");
    expect(d.authors).toEqual([{ name: "Anna Exempelsson", party: "S" }]);
    expect(d.addressee).toBe("statsrådet Bertil Påhittad (M)");
    expect(d.date).toBe("2007-10-05");
    expect(d.questions).toEqual([
      "Vilka åtgärder avser statsrådet att vidta för bussarna?",
      "Avser statsrådet att ta initiativ till fler turer?",
    ]);
    // Whitespace inside <p> is layout.
    expect(d.fullText).toContain("Bussarna på den påhittade landsbygden går allt mer sällan.");
    expect(d.source.url).toBe("https://data.riksdagen.se/dokument/GVZTEST39.html");
  });

  it("a Swerik motion: att-satser, committee, authors; one record with its dokumentstatus (same dok_id)", async () => {
    const s = await store(tempDir());
    const [fromTei] = (await importFiles(s, [join(tei, "mot-2014-15-CU-1148.xml")])) as Ok[];
    const d = fromTei!.record;
    expect(d.kind).toBe("motion");
    expect(d.committee).toBe("CU");
    expect(d.designation).toBe("2014/15:1148");
    expect(d.proposals).toHaveLength(2);
    expect(d.authors).toEqual([
      { name: "Påhittad Person", party: "S" },
      { name: "Annan Påhittad", party: "L" },
    ]);
    const [fromJson] = (await importFiles(s, [join(riksdagen, "mot-enskild.json")])) as Ok[];
    expect(fromJson!.record.id).toBe(d.id);
    expect(fromJson!.action).toBe("updated");
    expect(await s.documents()).toHaveLength(1);
  });

  it("ParlaMint-SE: one record per speech, speakers from listPerson or the speaker note", async () => {
    const outcomes = (await importFiles(await store(tempDir()), [
      join(tei, "ParlaMint-SE_2020-01-14-test.xml"),
    ])) as Ok[];
    expect(outcomes).toHaveLength(2);
    const [a, b] = outcomes.map((o) => o.record);
    expect(a!.kind).toBe("anförande");
    expect(a!.authors).toEqual([{ name: "Anna Exempelsson", party: "S", role: "talare" }]);
    expect(a!.date).toBe("2020-01-14");
    expect(a!.title).toBe("Debatt om påhittad skolpolitik – Anna Exempelsson");
    expect(a!.fullText).toBe(
      "Fru talman! Skolan behöver fler lärare i de påhittade orterna.\n\nDärför föreslår vi mer resurser.",
    );
    expect(a!.externalId).toBe("ParlaMint-SE_2020-01-14-test.u1");
    expect(b!.authors).toEqual([{ name: "Exempel Talare", party: "L", role: "talare" }]);
  });

  it("a ParlaMint file of another parliament is refused with its reason", () => {
    const other = readFileSync(join(tei, "ParlaMint-SE_2020-01-14-test.xml"), "utf8").replaceAll(
      "ParlaMint-SE",
      "ParlaMint-DK",
    );
    const [r] = readStructured("dk.xml", new TextEncoder().encode(other));
    expect(r?.ok).toBe(false);
  });
});

describe("a Riksdag document as plain text", () => {
  it("the tagger reads its heading; provenance says the tagger gave every field", async () => {
    const dir = tempDir();
    const file = join(dir, "ip.txt");
    writeFileSync(
      file,
      "Interpellation 2007/08:39 Påhittade bussar\n\nav Anna Exempelsson (s)\n\ntill statsrådet Bo Påhittad (m)\n\n" +
        "den 5 oktober\n\nBussarna går allt mer sällan.\n\nVilka åtgärder avser statsrådet att vidta?\n",
    );
    const d = await importOne(file);
    expect(d).toMatchObject({ kind: "interpellation", level: "riksdag", designation: "2007/08:39", parties: ["S"] });
    expect(d.addressee).toBe("statsrådet Bo Påhittad (M)");
    expect(d.date).toBe("2007-10-05");
    expect(d.provenance).toMatchObject({ kind: "tagger", designation: "tagger", topics: "tagger" });
  });
});

describe("a file that cannot be read", () => {
  it("is reported with its reason in Swedish and does not stop the rest (folder)", async () => {
    const dir = tempDir();
    const folder = join(dir, "riksdagen");
    cpSync(riksdagen, folder, { recursive: true });
    writeFileSync(join(folder, "trasig.xml"), "<TEI><text>");
    writeFileSync(join(folder, ".dold.json"), "{}");
    writeFileSync(join(folder, "bild.png"), "x");
    const outcomes = await importFiles(await store(dir), [folder]);
    const failed = outcomes.filter((o) => !o.ok);
    expect(failed.map((o) => o.file.slice(folder.length + 1)).sort()).toEqual([
      "okand-form.json",
      "trasig.json",
      "trasig.xml",
    ]);
    expect(problemText(failed.find((o) => o.file.endsWith("trasig.json"))!)).toMatch(/^filen är inte giltig JSON/);
    expect(problemText(failed.find((o) => o.file.endsWith("trasig.xml"))!)).toMatch(/^filen är inte giltig XML/);
    expect(problemText(failed.find((o) => o.file.endsWith("okand-form.json"))!)).toMatch(/varken en dokumentstatus/);
    // Five dokumentstatus files and a list of two.
    expect(outcomes.filter((o) => o.ok)).toHaveLength(7);
  });

  it("a field of the wrong kind is named", () => {
    const [r] = readStructured("x.json", new TextEncoder().encode('{"dokumentstatus": {"dokument": 7}}'));
    expect(r?.ok).toBe(false);
    if (r && !r.ok) {
      expect(r.problem.reason).toBe("structure_invalid");
      expect(explainReadProblem(r.problem)).toContain("dokumentstatus.dokument");
    }
  });
});

describe("a zip of dokumentstatus files, as Riksdagen's bulk downloads come", () => {
  it("imports every entry; a broken entry is reported by its name in the zip and the rest go on", async () => {
    const dir = tempDir();
    const zip = join(dir, "mot-2014-2017.json.zip");
    const entry = (f: string) => new Uint8Array(readFileSync(join(riksdagen, f)));
    writeFileSync(
      zip,
      zipSync({
        "hz01test1.json": entry("mot-enskild.json"),
        "hz02test2.json": entry("mot-en-undertecknare.json"),
        "trasig.json": entry("trasig.json"),
        "läsmig.txt": new TextEncoder().encode("inte ett dokument"),
      }),
    );
    const outcomes = await importFiles(await store(dir), [zip]);
    expect(outcomes.map((o) => [o.file.slice(dir.length + 1), o.ok])).toEqual([
      ["mot-2014-2017.json.zip/hz01test1.json", true],
      ["mot-2014-2017.json.zip/hz02test2.json", true],
      ["mot-2014-2017.json.zip/trasig.json", false],
    ]);
    expect((outcomes[0] as Ok).record.imported?.file).toBe("mot-2014-2017.json.zip/hz01test1.json");
  });

  it("an entry that inflates past what its header declares (a zip bomb) is refused, the others read", async () => {
    const zip = zipSync({
      "ok.json": new Uint8Array(readFileSync(join(riksdagen, "ip.json"))),
      "bomb.json": new Uint8Array(200_000).fill(32),
    });
    // The central directory's entry for bomb.json declares 10 bytes.
    const view = new DataView(zip.buffer);
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      if (new TextDecoder().decode(zip.subarray(i + 46, i + 46 + nameLength)) === "bomb.json")
        view.setUint32(i + 24, 10, true);
    }
    const readings = readStructured("bulk.zip", zip);
    expect(readings.map((r) => r.ok)).toEqual([true, false]);
    const bomb = readings[1]!;
    if (!bomb.ok) {
      expect(bomb.name).toBe("bulk.zip/bomb.json");
      expect(explainReadProblem(bomb.problem)).toContain("zip-bomb");
    }
  });

  it("a file named .zip that is none is reported", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "inte.zip"), "hej");
    const [o] = await importFiles(await store(dir), [join(dir, "inte.zip")]);
    expect(problemText(o!)).toBe("inte en giltig zip-fil");
  });
});
