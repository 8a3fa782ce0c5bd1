import { describe, it, expect } from "vitest";
import { tagText } from "../../../src/corpus/tagging/index.js";
import type { TagResult } from "../../../src/corpus/tagging/index.js";
import {
  flenInterpellation,
  goteborgNews,
  karlstadMotion,
  lidingoOpEd,
  riksdagMotion,
  umeaPressRelease,
  vaxjoOpEd,
  wordsNotPlaces,
} from "./documents.js";

interface Expected {
  kind: TagResult["kind"]["value"];
  level: TagResult["level"]["value"];
  municipality: string | null;
  county: string | null;
  parties: string[];
  authors: { name: string; party?: string; role?: string }[];
  addressee: string | null;
  date: string | null;
  title: string;
  proposals: number;
  questions: number;
  topics: string[];
}

const cases: [string, string, Expected][] = [
  [
    "motion to Karlstad's council",
    karlstadMotion,
    {
      kind: "motion",
      level: "kommun",
      municipality: "1780",
      county: "17",
      parties: ["S"],
      authors: [
        { name: "Anna Andersson", party: "S" },
        { name: "Bertil Karlsson", party: "S", role: "ledamot i kommunfullmäktige" },
      ],
      addressee: null,
      date: "2019-10-16",
      title: "Inför en mottagning för sexköpare i Karlstad",
      proposals: 3,
      questions: 0,
      topics: ["sexkop", "handlingsplan", "samverkan"],
    },
  ],
  [
    "interpellation in Flen",
    flenInterpellation,
    {
      kind: "interpellation",
      level: "kommun",
      municipality: "0482",
      county: "04",
      parties: ["V"],
      authors: [{ name: "Karin Berg", party: "V" }],
      addressee: "socialnämndens ordförande Eva Lind (C)",
      date: "2004-03-08",
      title: "Vad gör Flens kommun mot prostitution?",
      proposals: 0,
      questions: 3,
      topics: ["prostitution", "sexkop"],
    },
  ],
  [
    "press release from Vänsterpartiet in Umeå",
    umeaPressRelease,
    {
      kind: "pressmeddelande",
      level: "kommun",
      municipality: "2480",
      county: "24",
      parties: ["V"],
      authors: [
        { name: "Lisa Nordin", party: "V", role: "gruppledare" },
        { name: "Olof Berglund", party: "V", role: "pressekreterare Vänsterpartiet Umeå" },
      ],
      addressee: null,
      date: "2023-05-12",
      title: "Vänsterpartiet vill att Umeå öppnar en mottagning för personer som säljer sex",
      proposals: 0,
      questions: 0,
      topics: ["prostitution", "stod"],
    },
  ],
  [
    "op-ed by the alliance in Växjö, copied from the web",
    vaxjoOpEd,
    {
      kind: "debattartikel",
      level: "kommun",
      municipality: "0780",
      county: "07",
      parties: ["M", "L", "C", "KD"],
      authors: [
        { name: "Anna Svensson", party: "M", role: "kommunstyrelsens ordförande i Växjö" },
        { name: "Per Olsson", party: "C", role: "kommunalråd" },
        { name: "Maria Ek", party: "KD", role: "ordförande i socialnämnden" },
        { name: "Johan Lind", party: "L", role: "gruppledare för Liberalerna i Växjö" },
      ],
      addressee: null,
      date: null,
      title: "Så ska Växjö bli en tryggare stad för alla",
      proposals: 0,
      questions: 0,
      topics: ["prostitution", "manniskohandel", "samverkan", "polis"],
    },
  ],
  [
    "Riksdag motion 2007/08:U211",
    riksdagMotion,
    {
      kind: "motion",
      level: "riksdag",
      municipality: null,
      county: null,
      parties: ["S"],
      authors: [
        { name: "Anna Andersson", party: "S" },
        { name: "Bertil Bengtsson", party: "S" },
      ],
      addressee: null,
      date: "2007-10-05",
      title: "Internationellt arbete mot trafficking",
      proposals: 1, // "Riksdagen tillkännager …" after "Förslag till riksdagsbeslut"
      questions: 0,
      topics: ["manniskohandel"],
    },
  ],
  [
    "news about Göteborg mentioning Stockholm once",
    goteborgNews,
    {
      kind: "nyhet",
      level: "kommun",
      municipality: "1480",
      county: "14",
      parties: [],
      authors: [],
      addressee: null,
      date: "2024-04-03",
      title: "Fler söker hjälp hos Mikamottagningen i Göteborg",
      proposals: 0,
      questions: 0,
      topics: ["mikamottagningen", "stod"],
    },
  ],
  [
    "op-ed naming Lidingö in the genitive",
    lidingoOpEd,
    {
      kind: "debattartikel",
      level: "kommun",
      municipality: "0186",
      county: "01",
      parties: ["L"],
      authors: [{ name: "Kristina Holm", party: "L", role: "ledamot i kommunfullmäktige på Lidingö" }],
      addressee: null,
      date: null,
      title: "Lidingös politiker måste ta ansvar för de utsatta",
      proposals: 0,
      questions: 0,
      topics: ["samverkan"],
    },
  ],
  [
    "words that are also municipality names",
    wordsNotPlaces,
    {
      kind: "annat",
      level: "kommun",
      municipality: null,
      county: null,
      parties: [],
      authors: [],
      addressee: null,
      date: null,
      title: "Ett samhälle utan sexköp",
      proposals: 0,
      questions: 0,
      topics: ["sexkop", "prostitution"],
    },
  ],
];

describe("tagText on whole documents", () => {
  for (const [name, text, want] of cases) {
    describe(name, () => {
      const r = tagText(text);
      it("kind and level", () => {
        expect(r.kind.value).toBe(want.kind);
        expect(r.level.value).toBe(want.level);
      });
      it("municipality and county", () => {
        expect(r.municipality.value?.code ?? null).toBe(want.municipality);
        expect(r.county.value?.code ?? null).toBe(want.county);
      });
      it("parties and authors", () => {
        expect(r.parties.value).toEqual(want.parties);
        expect(r.authors.value).toEqual(want.authors);
      });
      it("addressee, date and title", () => {
        expect(r.addressee.value).toBe(want.addressee);
        expect(r.date.value).toBe(want.date);
        expect(r.title.value).toBe(want.title);
      });
      it("proposals, questions and topics", () => {
        expect(r.proposals.value).toHaveLength(want.proposals);
        expect(r.questions.value).toHaveLength(want.questions);
        for (const t of want.topics) expect(r.topics.value).toContain(t);
      });
      it("every field has a confidence in 0–1 and short evidence", () => {
        for (const [field, v] of Object.entries(r)) {
          expect(v.confidence, field).toBeGreaterThanOrEqual(0);
          expect(v.confidence, field).toBeLessThanOrEqual(1);
          expect(v.evidence.length, field).toBeGreaterThan(0);
          expect(v.evidence.length, field).toBeLessThanOrEqual(120);
        }
      });
    });
  }
});

describe("details of whole documents", () => {
  it("joins an att-sats wrapped over two lines and drops the list's commas and 'samt'", () => {
    const r = tagText(karlstadMotion);
    expect(r.proposals.value).toEqual([
      "att kommunen utreder hur en mottagning för sexköpare kan inrättas i Karlstad",
      "att socialnämnden får i uppdrag att ta fram en handlingsplan mot prostitution och människohandel",
      "att kommunen tecknar avtal med Region Värmland om samverkan kring stöd till personer som säljer sex",
    ]);
  });

  it("numbered questions, one wrapped over two lines, without their numbers", () => {
    const r = tagText(flenInterpellation);
    expect(r.questions.value).toEqual([
      "Hur många personer som säljer sex har socialtjänsten i Flen haft kontakt med det senaste året?",
      "Vilka åtgärder planerar socialnämnden för att nå sexköparna?",
      "Kommer nämnden att ta fram en handlingsplan mot prostitution under 2004?",
    ]);
  });

  it("a body date ('I mars 2003 beslutade…') is not the document's date", () => {
    expect(tagText(flenInterpellation).date.value).toBe("2004-03-08");
  });

  it("the addressee's party is not the document's party", () => {
    expect(tagText(flenInterpellation).parties.value).not.toContain("C");
  });

  it("a press contact's phone number and e-mail are dropped", () => {
    const json = JSON.stringify(tagText(umeaPressRelease).authors.value);
    expect(json).not.toMatch(/070|@/);
  });

  it("a place named in passing loses to the one the text is about", () => {
    expect(tagText(umeaPressRelease).municipality.value?.name).toBe("Umeå"); // Luleå in a quote
    expect(tagText(vaxjoOpEd).municipality.value?.name).toBe("Växjö"); // Kalmar in passing
    expect(tagText(goteborgNews).municipality.value?.name).toBe("Göteborg"); // Stockholm once
    expect(tagText(lidingoOpEd).municipality.value?.name).toBe("Lidingö"); // "Stockholms stad driver…"
  });

  it("the web junk around an op-ed is neither title, author nor summary", () => {
    const r = tagText(vaxjoOpEd);
    expect(r.summary.value).toMatch(/^Alliansen i Växjö vill/);
    expect(r.summary.value).not.toMatch(/Annons|Kommentera/);
    expect(r.authors.value.map((a) => a.name)).not.toContain("Till toppen");
  });

  it("the summary is the lead, taken from the text, at most 600 characters", () => {
    for (const text of [karlstadMotion, flenInterpellation, umeaPressRelease, vaxjoOpEd, goteborgNews]) {
      const s = tagText(text).summary.value;
      expect(s.length).toBeGreaterThan(40);
      expect(s.length).toBeLessThanOrEqual(600);
      expect(text.replace(/\s+/g, " ")).toContain(s.replace(/…$/, ""));
    }
  });

  it("cue-based arguments: sentences of the text, stance 'for', low confidence", () => {
    const r = tagText(vaxjoOpEd);
    expect(r.arguments.value.length).toBeGreaterThan(0);
    for (const a of r.arguments.value) {
      expect(a.stance).toBe("for");
      expect(a.claim.length).toBeLessThanOrEqual(300);
      expect(vaxjoOpEd.replace(/\s+/g, " ")).toContain(a.claim.replace(/…$/, ""));
    }
    expect(r.arguments.confidence).toBeLessThanOrEqual(0.4);
    expect(r.arguments.value.map((a) => a.type)).toContain("coordination");
  });

  it("explicit markers give more confidence than guesses", () => {
    const motion = tagText(karlstadMotion);
    const unmarked = tagText(lidingoOpEd);
    const none = tagText(wordsNotPlaces);
    expect(motion.kind.confidence).toBeGreaterThan(0.9);
    expect(unmarked.kind.confidence).toBeLessThan(motion.kind.confidence);
    expect(none.kind.confidence).toBeLessThan(unmarked.kind.confidence);
    expect(tagText(flenInterpellation).date.confidence).toBeGreaterThan(0.8);
    expect(tagText(karlstadMotion).title.confidence).toBeGreaterThan(
      tagText("", { fileName: "motion_om_kast.docx" }).title.confidence,
    );
    expect(tagText(riksdagMotion).level.confidence).toBeGreaterThan(tagText(wordsNotPlaces).level.confidence);
  });

  it("falls back to the file name for the title and date", () => {
    const r = tagText("bara lite text utan rubrik som fortsätter en stund utan att säga mycket alls om någonting.", {
      fileName: "2021-06-01_motion_om_kast.docx",
    });
    expect(r.title.value).toBe("2021-06-01 motion om kast");
    expect(r.title.confidence).toBeLessThan(0.3);
    expect(r.date.value).toBe("2021-06-01");
  });

  it("text hard-wrapped like a PDF's gives the same tags", () => {
    const wrap = (t: string, width = 60) =>
      t
        .split("\n")
        .map((line) => {
          const out: string[] = [];
          let cur = "";
          for (const word of line.split(" ")) {
            if (cur && `${cur} ${word}`.length > width) {
              out.push(cur);
              cur = word;
            } else cur = cur ? `${cur} ${word}` : word;
          }
          out.push(cur);
          return out.join("\n");
        })
        .join("\n");
    for (const text of [karlstadMotion, flenInterpellation, umeaPressRelease, vaxjoOpEd]) {
      const a = tagText(text);
      const b = tagText(wrap(text));
      expect(b.kind.value).toBe(a.kind.value);
      expect(b.municipality.value).toEqual(a.municipality.value);
      expect(b.authors.value).toEqual(a.authors.value);
      expect(b.date.value).toBe(a.date.value);
      expect(b.title.value).toBe(a.title.value);
      expect(b.proposals.value).toEqual(a.proposals.value);
      expect(b.questions.value).toEqual(a.questions.value);
    }
  });

  it("an empty text gives empty, unconfident results", () => {
    const r = tagText("");
    expect(r.kind.value).toBe("annat");
    expect(r.municipality.value).toBeNull();
    expect(r.authors.value).toEqual([]);
    expect(r.title.confidence).toBe(0);
  });
});
