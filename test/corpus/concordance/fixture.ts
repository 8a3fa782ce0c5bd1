/** Records of our own for the concordance and "who argued what": short texts in the corpus's real shape. */
import { readFileSync, writeFileSync } from "node:fs";
import type { CorpusDocument } from "../../../src/domain/corpus-document.js";
import { tempWorkspace } from "../../helpers/cli.js";

export function record(over: Partial<CorpusDocument> & Pick<CorpusDocument, "id">): CorpusDocument {
  return {
    kind: "motion",
    level: "kommun",
    municipality: { code: "0186", name: "Lidingö" },
    county: { code: "01", name: "Stockholms län" },
    parties: [],
    authors: [],
    date: null,
    title: `Motion ${over.id}`,
    summary: "",
    topics: [],
    arguments: [],
    proposals: [],
    questions: [],
    facts: [],
    source: { title: "Egen testpost", publisher: "Motionera", date: null },
    ...over,
  };
}

/** Three records with full texts, and one without (its summary is read instead). */
export const records: CorpusDocument[] = [
  record({
    id: "m-2021-s",
    date: "2021-03-02",
    parties: ["S"],
    topics: ["sexkop", "stod"],
    fullText:
      "Kommunen behöver ett avtal om stöd. Sexköpare ska mötas av samtal, och sexköparna ska få hjälp att sluta. " +
      "Köp av sexuell tjänst är ett brott.",
  }),
  record({
    id: "i-2023-v",
    kind: "interpellation",
    date: "2023-10-11",
    parties: ["V"],
    topics: ["sexkop"],
    fullText: "Hur många sexköpare har polisen lagfört? Vilket stöd får de som säljer sex? Stödet räcker inte.",
  }),
  record({
    id: "d-2023-l-kd",
    kind: "debattartikel",
    date: "2023-02-21",
    parties: ["L", "KD"],
    topics: ["sexkop", "kast"],
    fullText: "KAST når sexköparen tidigt. En sexköpare som får samtal köper mer sällan sex igen.",
  }),
  record({
    id: "p-odaterad-m",
    kind: "pressmeddelande",
    parties: ["M"],
    topics: ["stod"],
    title: "Mer stöd till kvinnojourerna",
    summary: "Moderaterna vill ge kvinnojourerna stöd i tre år.",
  }),
];

/** Arguments on KAST from a record signed by two parties: one for, one against. */
export const argued = record({
  id: "m-2022-s-v",
  date: "2022-05-04",
  parties: ["V", "S"],
  topics: ["kast"],
  title: "Motion om samtal med köpare",
  arguments: [
    { claim: "Köparna måste nås tidigt.", stance: "for", type: "demand-reduction" },
    { claim: "Ett förbud flyttar handeln.", stance: "against", type: "law-enforcement" },
  ],
});

/** A database file (the shipped one's facts and keys) whose corpus is these records only. */
export function fixtureDb(docs: readonly CorpusDocument[] = [...records, argued]): string {
  const { db } = tempWorkspace();
  const data = JSON.parse(readFileSync(db, "utf8")) as { documents: unknown[] };
  data.documents = [...docs];
  writeFileSync(db, JSON.stringify(data));
  return db;
}
