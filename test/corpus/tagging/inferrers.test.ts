import { describe, it, expect } from "vitest";
import { findDates, findSignatures, layout, partyMentions, tagText } from "../../../src/corpus/tagging/index.js";
import { cueStemOptions } from "../../../src/corpus/tagging/topics.js";
import { sentences } from "../../../src/lang/sentences.js";
import { stem as stemWith } from "../../../src/lang/stem.js";

const stem = (word: string) => stemWith(word, cueStemOptions);

/** A body paragraph long enough to be a lead, about nothing in particular. */
const body =
  "Det här är en text om arbetet mot prostitution, och om hur stödet till de utsatta kan bli bättre under de " +
  "kommande åren.";

describe("kind and level from the text's own markers", () => {
  const cases: [string, string, string, string][] = [
    [
      "Motion till kommunfullmäktige",
      `Motion till kommunfullmäktige\n\nInför en ny mottagning\n\n${body}`,
      "motion",
      "kommun",
    ],
    ["a bare 'Motion' heading", `Motion\n\nInför en ny mottagning\n\n${body}`, "motion", "kommun"],
    ["'Motion:' with the title", `Motion: Inför en ny mottagning\n\n${body}`, "motion", "kommun"],
    [
      "Motion till regionfullmäktige",
      `Motion till regionfullmäktige i Region Skåne\n\nStöd i hela Skåne\n\n${body}`,
      "motion",
      "region",
    ],
    ["Motion till riksdagen", `Motion till riksdagen\n\nEtt europeiskt förbud\n\n${body}`, "motion", "riksdag"],
    ["a Riksdag designation", `2007/08:U211\n\nEtt europeiskt förbud\n\n${body}`, "motion", "riksdag"],
    [
      "Interpellation till …",
      `Interpellation till kommunstyrelsens ordförande Per Holm (M)\n\nVarför dröjer planen?\n\n${body}`,
      "interpellation",
      "kommun",
    ],
    [
      "Enkel fråga",
      `Enkel fråga till socialnämndens ordförande Lena Ek (S)\n\nNär kommer planen?\n\n${body}`,
      "fråga",
      "kommun",
    ],
    ["Fråga till …", `Fråga till kommunalrådet Per Holm (M)\n\nNär kommer planen?\n\n${body}`, "fråga", "kommun"],
    ["Pressmeddelande", `Pressmeddelande\n\nPartiet kräver en plan\n\n${body}`, "pressmeddelande", "kommun"],
    [
      "Pressmeddelanden (a site's label)",
      `Pressmeddelanden\n\nPartiet kräver en plan\n\n${body}`,
      "pressmeddelande",
      "kommun",
    ],
    ["DEBATT:", `DEBATT: Kommunen måste agera\n\n${body}`, "debattartikel", "kommun"],
    [
      "Debatt with a date, glued",
      `Kommunen måste agera\n\nDebatt21 februari 2023 kl 04.03\n\n${body}`,
      "debattartikel",
      "kommun",
    ],
    [
      "Detta är ett debattinlägg",
      `Kommunen måste agera\n\n${body}\n\nDetta är ett debattinlägg. Skribenterna svarar för åsikterna.\n\n${body}`,
      "debattartikel",
      "kommun",
    ],
    [
      "Skribenterna svarar för åsikterna",
      `Kommunen måste agera\n\n${body}\n\nSkribenterna svarar för åsikterna i texten.`,
      "debattartikel",
      "kommun",
    ],
    [
      "debattartikel in the text",
      `Kommunen måste agera\n\nI en debattartikel i dag skriver vi om stödet. ${body}`,
      "debattartikel",
      "kommun",
    ],
  ];
  for (const [name, text, kind, level] of cases) {
    it(name, () => {
      const r = tagText(text);
      expect(r.kind.value).toBe(kind);
      expect(r.level.value).toBe(level);
      expect(r.kind.confidence).toBeGreaterThanOrEqual(0.6);
    });
  }

  it("no marker: 'annat', with low confidence", () => {
    const r = tagText(`En vanlig text\n\n${body}`);
    expect(r.kind.value).toBe("annat");
    expect(r.kind.confidence).toBeLessThanOrEqual(0.2);
  });

  it("a marker at the top counts more than the same marker further down", () => {
    const top = tagText(`Motion\n\nInför en ny mottagning\n\n${body}`);
    const late = tagText(`Inför en ny mottagning\n\n${`${body}\n\n`.repeat(12)}Motion\n\n${body}`);
    expect(late.kind.value).toBe("motion");
    expect(top.kind.confidence).toBeGreaterThan(late.kind.confidence);
  });

  it("an explicit heading counts more than a press contact block alone", () => {
    const explicit = tagText(`Pressmeddelande\n\nPartiet kräver en plan\n\n${body}`);
    const implicit = tagText(
      `Partiet kräver en plan\n\n${body}\n\n${body}\n\nPresskontakt\nLena Ek, gruppledare (V), 070-111 22 33`,
    );
    expect(implicit.kind.value).toBe("pressmeddelande");
    expect(explicit.kind.confidence).toBeGreaterThan(implicit.kind.confidence);
  });

  it("a motion mentioned in an interpellation's body does not make it a motion", () => {
    const r = tagText(
      `Interpellation till Umeå kommunfullmäktige\n\nVad hände med motionen?\n\n2021 lämnade vi in en motion ` +
        `om stöd. ${body}`,
    );
    expect(r.kind.value).toBe("interpellation");
  });
});

describe("municipality: the one the text is about, in any form", () => {
  const cases: [string, string, string | null][] = [
    ["'X kommun'", `Umeå kommun måste agera\n\n${body}`, "2480"],
    ["the genitive", `Lidingös politiker måste agera\n\n${body}`, "0186"],
    ["'X stad'", `Ett beslut för Lidingö stad\n\n${body}`, "0186"],
    ["'Göteborgs Stad'", `Göteborgs Stad måste agera\n\n${body}`, "1480"],
    ["'i X'", `Stödet i Göteborg\n\n${body}`, "1480"],
    ["a dateline", `Stödet måste bli bättre\n\n${body}\n\nKarlstad 2019-10-16\n\nAnna Ek (S)`, "1780"],
    ["'Xs kommunfullmäktige'", `Interpellation till Norrköpings kommunfullmäktige\n\nVad händer?\n\n${body}`, "0581"],
    ["'Xs nätverk'", `Helsingborgs nätverk mot prostitution\n\n${body}`, "1283"],
    ["a name ending in s: 'Borås Stad'", `Borås Stad saknar en plan\n\n${body}`, "1490"],
    ["an official name unlike the name: 'Falu kommun'", `Falu kommun saknar en plan\n\n${body}`, "2080"],
    ["two words: 'Upplands Väsby'", `Upplands Väsby saknar en plan\n\n${body}`, "0114"],
    ["with a hyphen: 'Upplands-Väsby'", `Upplands-Väsby kommun saknar en plan\n\n${body}`, "0114"],
    ["a hyphenated genitive: 'Malung-Sälens kommun'", `Malung-Sälens kommun saknar en plan\n\n${body}`, "2023"],
    ["'Region Gotland' is the municipality", `Region Gotland saknar en plan\n\n${body}`, "0980"],
    ["a word name as a place: 'Vara kommun'", `Vara kommun saknar en plan\n\n${body}`, "1470"],
    ["a word name after 'i'", `Stödet i Vara måste bli bättre\n\n${body} Vi i Vara kräver mer.`, "1470"],
    ["'vara' the verb", `Det ska vara enkelt\n\nDet kan vara svårt att vara ensam. ${body}`, null],
    ["a sentence-initial 'Vara' alone", `Ett enkelt råd\n\nVara ärlig är viktigt. ${body}`, null],
    ["a surname: 'Anna Berg (S)'", `Ett enkelt råd\n\n${body} Det säger Anna Berg (S) och Lars Lund (M).`, null],
    ["a first name: 'Mark Svensson'", `Ett enkelt råd\n\n${body} Det säger Mark Svensson.`, null],
    [
      "part of another proper name: 'Sala Borsa'",
      `Ett enkelt råd\n\n${body} Vi träffades på Sala Borsa i Bologna.`,
      null,
    ],
    [
      "a county is not its chief town: 'Stockholms län'",
      `Arbetet i Stockholms län\n\n${body} Alla kommuner i Stockholms län kan teckna avtal.`,
      null,
    ],
    ["'Region Stockholm' is not Stockholm", `Region Stockholm tar ansvar\n\n${body}`, null],
    ["nothing", `Ett enkelt råd\n\n${body}`, null],
  ];
  for (const [name, text, code] of cases) {
    it(name, () => {
      expect(tagText(text).municipality.value?.code ?? null).toBe(code);
    });
  }

  it("a municipality mentioned in passing loses to the one the text is about", () => {
    const text =
      `Lidingö måste teckna avtal\n\nLidingö stad saknar avtal med mottagningen. Stockholms stad driver ` +
      `verksamheten. ${body}\n\nPå Lidingö finns inget stöd. Lidingös politiker måste agera.\n\nEva Ek (L), ` +
      `ledamot i kommunfullmäktige på Lidingö`;
    const r = tagText(text);
    expect(r.municipality.value?.name).toBe("Lidingö");
    expect(r.county.value?.name).toBe("Stockholms län");
  });

  it("a list of places named in passing does not win", () => {
    const text =
      `Partiet kräver en handlingsplan i Göteborg\n\nBara två kommuner (Trollhättan och Åmål) har en plan. Nu ` +
      `vill partiet att även Göteborg ska ha en. ${body}`;
    expect(tagText(text).municipality.value?.name).toBe("Göteborg");
  });

  it("confidence: clear beats contested beats weak", () => {
    const clear = tagText(`Umeå kommun måste agera\n\n${body} Umeå kommun har inget stöd.`);
    const contested = tagText(`Stödet i Umeå och Luleå\n\n${body} Umeå har en plan, Luleå har en annan.`);
    expect(clear.municipality.confidence).toBeGreaterThan(contested.municipality.confidence);
    expect(clear.municipality.confidence).toBeGreaterThan(0.8);
  });

  it("county from the municipality, or from 'X län' / 'Region X' when there is none", () => {
    expect(tagText(`Umeå kommun måste agera\n\n${body}`).county.value?.name).toBe("Västerbottens län");
    expect(tagText(`Arbetet i Stockholms län\n\n${body}`).county.value?.name).toBe("Stockholms län");
    expect(tagText(`Region Skåne måste agera\n\n${body}`).county.value?.name).toBe("Skåne län");
    expect(tagText(`Västra Götalandsregionen måste agera\n\n${body}`).county.value?.code).toBe("14");
  });

  it("the evidence says why", () => {
    const r = tagText(`Umeå kommun måste agera\n\n${body}`);
    expect(r.municipality.evidence).toContain("Umeå kommun");
  });
});

describe("parties", () => {
  const mentions: [string, string[]][] = [
    ["Anna Ek (S)", ["S"]],
    ["Anna Ek (v)", ["V"]],
    ["Anna Ek (M)", ["M"]],
    ["Anna Ek (KD)", ["KD"]],
    ["Anna Ek (MP)", ["MP"]],
    ["Anna Ek (SD)", ["SD"]],
    ["Anna Ek (C)", ["C"]],
    ["Anna Ek (L)", ["L"]],
    ["Anna Ek (Fp)", ["L"]],
    ["Folkpartiet vill", ["L"]],
    ["Socialdemokraterna vill", ["S"]],
    ["Vänsterpartiets förslag", ["V"]],
    ["Moderaterna vill", ["M"]],
    ["Liberalerna vill", ["L"]],
    ["Centerpartiet vill", ["C"]],
    ["Kristdemokraterna vill", ["KD"]],
    ["Miljöpartiet vill", ["MP"]],
    ["Sverigedemokraterna vill", ["SD"]],
    ["Umeå S-kvinnor vill", ["S"]],
    ["att gå vänstern till mötes", ["V"]],
    ["Alliansen vill", ["M", "L", "C", "KD"]],
    ["Allians för Helsingborg vill", ["M", "L", "C", "KD"]],
    ["en moderat ökning och en liberal syn", []],
    ["(c) 2023 Tidningen", []],
  ];
  for (const [text, want] of mentions) {
    it(`"${text}"`, () => {
      expect(partyMentions(text).map((m) => m.party)).toEqual(want);
    });
  }

  it("without signers: the parties the text names prominently, by first appearance", () => {
    const r = tagText(
      `Vänsterpartiet kräver en plan\n\nVänsterpartiet och Miljöpartiet vill att kommunen agerar. ${body} ` +
        `Miljöpartiet håller med.`,
    );
    expect(r.parties.value).toEqual(["V", "MP"]);
  });

  it("with signers: their parties, not the parties they argue against", () => {
    const r = tagText(`Kommunen måste agera\n\nModeraterna har sagt nej. ${body}\n\nAnna Ek (S)\nBo Lind (V)`);
    expect(r.parties.value).toEqual(["S", "V"]);
    expect(r.parties.confidence).toBeGreaterThan(0.85);
  });

  it("an alliance among the signers gives its four parties, by first appearance", () => {
    const r = tagText(
      `Alliansen vill ha en plan\n\nAlliansen i Växjö vill att kommunen agerar. ${body}\n\nAnna Ek ` +
        `(M)\nkommunalråd\n\nBo Lind (KD)\nkommunalråd`,
    );
    expect(r.parties.value).toEqual(["M", "L", "C", "KD"]);
    expect(r.parties.evidence).toContain("Alliansen");
  });
});

describe("authors and roles from the signature block", () => {
  const sign = (block: string) => findSignatures(layout(`Rubriken här\n\n${body}\n\n${block}`)).authors;

  it("'Name (P)'", () => {
    expect(sign("Anna Andersson (S)")).toEqual([{ name: "Anna Andersson", party: "S" }]);
  });
  it("'Name (P), role'", () => {
    expect(sign("Anna Andersson (S), kommunalråd")).toEqual([
      { name: "Anna Andersson", party: "S", role: "kommunalråd" },
    ]);
  });
  it("'Name (P) role' without a comma", () => {
    expect(sign("Bertil Östberg (L) ledamot omsorgs- och socialnämnden Lidingö")).toEqual([
      { name: "Bertil Östberg", party: "L", role: "ledamot omsorgs- och socialnämnden Lidingö" },
    ]);
  });
  it("three names and a lower-case party letter", () => {
    expect(sign("Maria Wall Petrini (v), ersättare")).toEqual([
      { name: "Maria Wall Petrini", party: "V", role: "ersättare" },
    ]);
  });
  it("a name line followed by a role line", () => {
    expect(
      sign("Birgitta Ek (S)\nOrdförande, Umeå S-kvinnor\nAndreas Lund (S)\nOrdförande, Individ- och familjenämnden"),
    ).toEqual([
      { name: "Birgitta Ek", party: "S", role: "Ordförande, Umeå S-kvinnor" },
      { name: "Andreas Lund", party: "S", role: "Ordförande, Individ- och familjenämnden" },
    ]);
  });
  it("a role after an empty line", () => {
    expect(
      sign("Peter Dahl (M)\n\nkommunstyrelsens ordförande i Helsingborg\n\nLena Nord (L)\n\nkommunalråd i Helsingborg"),
    ).toEqual([
      { name: "Peter Dahl", party: "M", role: "kommunstyrelsens ordförande i Helsingborg" },
      { name: "Lena Nord", party: "L", role: "kommunalråd i Helsingborg" },
    ]);
  });
  it("two signers on one line", () => {
    expect(sign("Anna Andersson (S) och Bo Ek (V)")).toEqual([
      { name: "Anna Andersson", party: "S" },
      { name: "Bo Ek", party: "V" },
    ]);
  });
  it("a place and date line above the names", () => {
    expect(sign("Flen den 8 mars 2004\n\nKarin Holm (V)")).toEqual([{ name: "Karin Holm", party: "V" }]);
  });
  it("ignores trailing web junk and comment forms", () => {
    const junk =
      "Anna Andersson (S), kommunalråd\n\nAnnons\n\nKommentera\n\nAnge korrekt namn. Kommentarer granskas " +
      "innan de publiceras.\n\nDela den här sidan\n\nTill toppen av sidan";
    expect(sign(junk)).toEqual([{ name: "Anna Andersson", party: "S", role: "kommunalråd" }]);
  });
  it("a photo credit after the signers is not a signer", () => {
    expect(sign("Anna Andersson (S)\nkommunalråd\n\nSimon Lindqvist\n\nEn kommentar")).toEqual([
      { name: "Anna Andersson", party: "S", role: "kommunalråd" },
    ]);
  });
  it("a kind label moved after the signers is not a role", () => {
    expect(sign("Eva Holm (S)\nOlle Berg (V)\n\nMotion till kommunfullmäktige i Karlstad")).toEqual([
      { name: "Eva Holm", party: "S" },
      { name: "Olle Berg", party: "V" },
    ]);
  });
  it("signers run together on one line", () => {
    expect(sign("Eva Holm (S) Olle Berg (V)")).toEqual([
      { name: "Eva Holm", party: "S" },
      { name: "Olle Berg", party: "V" },
    ]);
  });
  it("the last paragraph of the text is not a signature", () => {
    expect(sign("Det är dags att agera nu, innan fler far illa.")).toEqual([]);
  });
  it("a Presskontakt block: name, role, party; phone and e-mail dropped", () => {
    expect(
      sign(
        "Presskontakt\nGrete Holm, kommunalråd i opposition Vänsterpartiet, 073-111 22 33\n\nJon Berg, " +
          "pressekreterare, jon.berg@example.se",
      ),
    ).toEqual([
      { name: "Grete Holm", party: "V", role: "kommunalråd i opposition Vänsterpartiet" },
      { name: "Jon Berg", role: "pressekreterare" },
    ]);
  });
  it("a press release without contacts: the people quoted", () => {
    const r = tagText(
      `Pressmeddelande\n\nPartiet kräver en plan\n\n– Nu måste kommunen agera, säger Lena Holm, gruppledare ` +
        `för Vänsterpartiet.\n\n${body}`,
    );
    expect(r.authors.value).toEqual([{ name: "Lena Holm", party: "V", role: "gruppledare för Vänsterpartiet" }]);
    expect(r.authors.confidence).toBeLessThan(0.8);
  });
});

describe("addressee", () => {
  it("from the interpellation's heading", () => {
    const r = tagText(
      `Interpellation till socialnämndens ordförande Anna Andersson (M)\n\nVad gör nämnden?\n\n${body}`,
    );
    expect(r.addressee.value).toBe("socialnämndens ordförande Anna Andersson (M)");
  });
  it("from 'vill jag fråga …:'", () => {
    const r = tagText(
      `Interpellation till Umeå kommunfullmäktige\n\nVad händer?\n\n${body}\n\nDärför vill jag fråga Per ` +
        `Persson och Lena Larsson:\n\n- Vad händer nu?\n- När kommer planen?\n\nOla Ek (V)`,
    );
    expect(r.addressee.value).toBe("Per Persson och Lena Larsson");
    expect(r.questions.value).toEqual(["Vad händer nu?", "När kommer planen?"]);
  });
  it("a council is not an addressee", () => {
    expect(tagText(`Interpellation till Umeå kommunfullmäktige\n\nVad händer?\n\n${body}`).addressee.value).toBeNull();
  });
  it("a motion has none", () => {
    expect(tagText(`Motion till kommunfullmäktige\n\nEn plan\n\n${body}`).addressee.value).toBeNull();
  });
});

describe("date", () => {
  const cases: [string, string, string | null][] = [
    ["ISO at the signature", `Rubriken här\n\n${body}\n\nKarlstad 2019-10-16\n\nAnna Ek (S)`, "2019-10-16"],
    ["day month year near the title", `Rubriken här\n\n21 februari 2023\n\n${body}`, "2023-02-21"],
    ["'Debatt 21 februari 2023 kl 04.03'", `Rubriken här\n\nDebatt 21 februari 2023 kl 04.03\n\n${body}`, "2023-02-21"],
    ["'Flen den 8 mars 2004'", `Rubriken här\n\n${body}\n\nFlen den 8 mars 2004\n\nAnna Ek (S)`, "2004-03-08"],
    ["month and year: a partial date", `Rubriken här\n\nfebruari 2022\n\n${body}`, "2022-02"],
    ["a year in a heading", `## Vänsterpartiet 2023\n\n## Vad händer?\n\n${body}`, "2023"],
    [
      "'den 8 mars' with the year from the heading",
      `## Budget 2004\n\nVad händer?\n\n${body}\n\nden 8 mars\n\nAnna Ek (S)`,
      "2004-03-08",
    ],
    [
      "only a body date: none",
      `Rubriken här\n\n${body} I februari 2022 beslutade kommunfullmäktige att utreda frågan. ${body}`,
      null,
    ],
    [
      "the dateline over a body date",
      `Rubriken här\n\n${body} I februari 2022 beslutade fullmäktige att utreda frågan.\n\nUmeå den 3 maj ` +
        `2023\n\nAnna Ek (S)`,
      "2023-05-03",
    ],
  ];
  for (const [name, text, want] of cases) {
    it(name, () => {
      expect(tagText(text).date.value).toBe(want);
    });
  }

  it("finds dates in their forms and rejects impossible ones", () => {
    expect(findDates("2023-02-30").map((d) => d.value)).toEqual([]);
    expect(findDates("Den 1:a maj 2020 och 7 dec 2019").map((d) => d.value)).toEqual(["2020-05-01", "2019-12-07"]);
    expect(findDates("2007/08:U211 och 1970-talet").map((d) => d.value)).toEqual([]);
  });

  it("a dateline is surer than a year in a heading", () => {
    const dateline = tagText(`Rubriken här\n\n${body}\n\nFlen den 8 mars 2004\n\nAnna Ek (S)`);
    const year = tagText(`## Vänsterpartiet 2023\n\n## Vad händer?\n\n${body}`);
    expect(dateline.date.confidence).toBeGreaterThan(year.date.confidence);
  });
});

describe("att-satser", () => {
  const cases: [string, string, string[]][] = [
    [
      "numbered, after 'föreslår … besluta:'",
      `Härmed föreslår jag kommunfullmäktige besluta:\n\n1. att kommunen tecknar avtal med mottagningen\n2. ` +
        `att uppdraget redovisas i december`,
      ["att kommunen tecknar avtal med mottagningen", "att uppdraget redovisas i december"],
    ],
    [
      "bullets '•', after 'yrkar'",
      `Vi yrkar därför\n\n• att socialnämnden tar fram en plan;\n• att planen följs upp årligen.`,
      ["att socialnämnden tar fram en plan", "att planen följs upp årligen"],
    ],
    [
      "dashes '–' and no blank line",
      `Med anledning av ovanstående föreslås fullmäktige besluta\n– att kommunen inrättar en mottagning\n– ` +
        `att mottagningen finansieras inom befintlig ram`,
      ["att kommunen inrättar en mottagning", "att mottagningen finansieras inom befintlig ram"],
    ],
    [
      "no bullets at all",
      `Jag föreslår kommunfullmäktige besluta\natt kommunen utreder frågan\natt utredningen klar senast 2025`,
      ["att kommunen utreder frågan", "att utredningen klar senast 2025"],
    ],
    [
      "inline, after 'besluta att'",
      `Vi föreslår att kommunfullmäktige beslutar att kommunen tecknar avtal med mottagningen.`,
      ["att kommunen tecknar avtal med mottagningen"],
    ],
    [
      "two att-satser run together when the line break was lost (DOCX, PDF)",
      `Vi föreslår kommunfullmäktige besluta\n\natt kommunstyrelsen utreder hur mottagningen kan byggas ut ` +
        `att socialnämnden får i uppdrag att samverka med polisen`,
      [
        "att kommunstyrelsen utreder hur mottagningen kan byggas ut",
        "att socialnämnden får i uppdrag att samverka med polisen",
      ],
    ],
    [
      "a body line that happens to start with 'att' is no att-sats",
      `Det är viktigt\natt kommunen tar ansvar för frågan, men det har den inte gjort.\nDärför skriver vi.`,
      [],
    ],
  ];
  for (const [name, block, want] of cases) {
    it(name, () => {
      expect(tagText(`Motion om en mottagning\n\n${body}\n\n${block}\n\nAnna Ek (S)`).proposals.value).toEqual(want);
    });
  }
});

describe("questions", () => {
  const cases: [string, string, string[]][] = [
    [
      "numbered '1)' after 'vill jag fråga'",
      `Jag vill därför fråga kommunalrådet:\n\n1) Hur många har fått stöd?\n2) Vad kostar det?`,
      ["Hur många har fått stöd?", "Vad kostar det?"],
    ],
    [
      "bullets after 'Mina frågor är:'",
      `Mina frågor är:\n\n- Hur många har fått stöd?\n- Vad kostar det?`,
      ["Hur många har fått stöd?", "Vad kostar det?"],
    ],
    [
      "numbered without a trigger",
      `1. Hur många har fått stöd?\n2. Vad kostar det?`,
      ["Hur många har fått stöd?", "Vad kostar det?"],
    ],
    ["a rhetorical question in the body is none", `Vad kan vi då göra? Vi kan göra mycket.`, []],
  ];
  for (const [name, block, want] of cases) {
    it(name, () => {
      expect(
        tagText(`Interpellation till kommunalrådet Per Holm (M)\n\nVad händer?\n\n${body}\n\n${block}\n\nAnna Ek (S)`)
          .questions.value,
      ).toEqual(want);
    });
  }
});

describe("topics, with Swedish stemming", () => {
  it("stems inflections together", () => {
    expect(stem("sexköparna")).toBe(stem("sexköpare"));
    expect(stem("sexköparen")).toBe(stem("sexköpare"));
    expect(stem("prostituerade")).toBe(stem("prostituerad"));
    expect(stem("stödet")).toBe(stem("stöd"));
    expect(stem("människohandeln")).toBe(stem("människohandel"));
  });

  const topicsOf = (text: string) => tagText(`En rubrik utan ämne\n\n${text}`).topics.value;

  it("'sexköparna' and 'sexköparen' are the cue 'sexköpare'", () => {
    expect(topicsOf("Sexköparna måste nås. Sexköparen ska lagföras.")).toContain("sexkop");
  });
  it("'prostituerade' is the cue 'prostituerad'", () => {
    expect(topicsOf("Många prostituerade far illa. De prostituerade behöver hjälp.")).toContain("prostitution");
  });
  it("multi-word cues on stemmed word sequences", () => {
    expect(topicsOf("Köp av sexuella tjänster är ett brott. Den som köper sex ska straffas.")).toContain("sexkop");
    expect(topicsOf("Organiserad brottslighet ligger bakom. Den organiserade brottsligheten tjänar pengar.")).toContain(
      "organiserad-brottslighet",
    );
  });
  it("compounds hold their cue", () => {
    expect(
      topicsOf(
        "Sexköpslagen fungerar och sexköpen har minskat. Gatuprostitutionen har minskat. Prostitutionsarbetet " +
          "fortsätter.",
      ),
    ).toEqual(expect.arrayContaining(["sexkop", "prostitution"]));
  });
  it("names match only as names: 'KAST', not 'kasta'", () => {
    expect(topicsOf("Vi ska inte kasta bort pengar. Att kasta ut folk hjälper inte.")).not.toContain("kast");
    expect(topicsOf("KAST finns i Stockholm. KAST-mottagningen hjälper köpare.")).toContain("kast");
  });
  it("one hit is not enough, unless it is in the title", () => {
    expect(topicsOf("Polisen har gjort sitt.")).not.toContain("polis");
    expect(tagText(`Polisen måste agera\n\nDet har gjorts för lite.`).topics.value).toContain("polis");
  });
  it("confidence grows with hits", () => {
    const few = tagText(`En rubrik\n\nSexköpare finns. Sexköpare ska nås.`);
    const many = tagText(`En rubrik\n\n${"Sexköparna måste nås. ".repeat(8)}`);
    expect(many.topics.confidence).toBeGreaterThan(few.topics.confidence);
  });
});

describe("title", () => {
  const cases: [string, string, string][] = [
    [
      "skips a site label and an image caption",
      `Pressmeddelanden\nkvinna som håller upp en skylt. Bilden är arrangerad.\n\nPartiet kräver en plan mot ` +
        `sexhandeln\n\n${body}`,
      "Partiet kräver en plan mot sexhandeln",
    ],
    [
      "skips 'Annons' and takes a quoted headline without its quotes",
      `Annons\n\nAnnons\n\nopinionUmeå\n\n”Staden ska ta ansvar för stödet”\n\n${body}`,
      "Staden ska ta ansvar för stödet",
    ],
    ["takes off 'DEBATT:'", `DEBATT: Medborgarlöfte mot sexhandel\n\n${body}`, "Medborgarlöfte mot sexhandel"],
    [
      "skips Markdown marks, a party-and-year heading and a kind header",
      `## Vänsterpartiet 2023\n\n### Interpellation till Umeå kommunfullmäktige\n\n## Vad händer med ` +
        `arbetet?\n\n${body}`,
      "Vad händer med arbetet?",
    ],
    [
      "skips a dateline",
      `Debatt 21 februari 2023 kl 04.03\n\nKommunen måste ta ansvar\n\n${body}`,
      "Kommunen måste ta ansvar",
    ],
  ];
  for (const [name, text, want] of cases) {
    it(name, () => {
      expect(tagText(text).title.value).toBe(want);
    });
  }
});

describe("text handling", () => {
  it("splits sentences but not at abbreviations", () => {
    expect(sentences("Det finns bl.a. stöd och t.ex. jourer. Nästa mening börjar här! Och en fråga?")).toEqual([
      "Det finns bl.a. stöd och t.ex. jourer.",
      "Nästa mening börjar här!",
      "Och en fråga?",
    ]);
  });
  it("reads Windows line ends and non-breaking spaces", () => {
    const r = tagText(
      "Motion till kommunfullmäktige\r\n\r\nEn plan för Umeå\r\n\r\nUmeå\u00a0kommun saknar en plan. Umeå " +
        "kommun måste agera.\r\n\r\nAnna\u00a0Ek (S)\r\n",
    );
    expect(r.kind.value).toBe("motion");
    expect(r.municipality.value?.name).toBe("Umeå");
    expect(r.authors.value).toEqual([{ name: "Anna Ek", party: "S" }]);
  });
});
