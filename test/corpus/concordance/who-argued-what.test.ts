/** "Who argued what": a topic's arguments by stance and party, each with its citation. */
import { describe, expect, it } from "vitest";
import { whoArguedWhat } from "../../../src/corpus/argument-groups.js";
import { record } from "./fixture.js";

const docs = [
  record({
    id: "m-2022-s-v",
    date: "2022-05-04",
    parties: ["V", "S"],
    topics: ["sexkop"],
    arguments: [
      { claim: "Köparna måste nås tidigt.", stance: "for", type: "demand-reduction" },
      { claim: "Ett förbud flyttar handeln.", stance: "against", type: "law-enforcement" },
    ],
  }),
  record({
    id: "d-2024-m",
    kind: "debattartikel",
    date: "2024-01-15",
    parties: ["M"],
    topics: ["sexkop", "polis"],
    arguments: [{ claim: "Polisen behöver fler utredare.", stance: "for", type: "law-enforcement" }],
  }),
  record({
    id: "d-2019-lokalt",
    kind: "debattartikel",
    date: "2019-09-01",
    parties: ["Lidingöpartiet"],
    topics: ["sexkop"],
    arguments: [{ claim: "Kommunen ska inte ta på sig statens ansvar.", stance: "against", type: "cost" }],
  }),
  record({
    id: "p-2020-inget-parti",
    kind: "pressmeddelande",
    date: "2020",
    topics: ["sexkop"],
    arguments: [{ claim: "Stödet ska följa personen.", stance: "for", type: "victim-support" }],
  }),
  record({
    id: "m-2021-annat-amne",
    date: "2021",
    parties: ["S"],
    topics: ["polis"],
    arguments: [{ claim: "Fler poliser i centrum.", stance: "for", type: "law-enforcement" }],
  }),
];

describe("whoArguedWhat", () => {
  const w = whoArguedWhat("sexkop", docs);

  it("takes the records on the topic, for before against, parties in their usual order", () => {
    expect(w.documents).toBe(4);
    expect(w.stances.map((s) => [s.stance, s.count])).toEqual([
      ["for", 3],
      ["against", 2],
    ]);
    expect(w.stances[0]!.parties.map((p) => p.party)).toEqual(["S", "M", "V", ""]);
    expect(w.stances[1]!.parties.map((p) => p.party)).toEqual(["S", "V", "Lidingöpartiet"]);
  });

  it("cites each argument with its record, date and the claim, under each party that signed it", () => {
    const s = w.stances[0]!.parties[0]!;
    expect(s.arguments).toEqual([
      {
        ref: "m-2022-s-v#1",
        claim: "Köparna måste nås tidigt.",
        type: "demand-reduction",
        documentId: "m-2022-s-v",
        title: "Motion m-2022-s-v",
        kind: "motion",
        date: "2022-05-04",
        citation: expect.stringContaining("4 maj 2022") as unknown as string,
      },
    ]);
    const v = w.stances[0]!.parties.find((p) => p.party === "V")!;
    expect(v.arguments.map((a) => a.ref)).toEqual(["m-2022-s-v#1"]);
    expect(w.stances[1]!.parties[0]!.arguments.map((a) => a.ref)).toEqual(["m-2022-s-v#2"]);
  });

  it("leaves out a stance no one took, and a topic no record has gives nothing", () => {
    const polis = whoArguedWhat("polis", docs);
    expect(polis.stances.map((s) => s.stance)).toEqual(["for"]);
    expect(polis.stances[0]!.parties.map((p) => [p.party, p.arguments.map((a) => a.documentId)])).toEqual([
      ["S", ["m-2021-annat-amne"]],
      ["M", ["d-2024-m"]],
    ]);
    expect(whoArguedWhat("kast", docs)).toEqual({ topic: "kast", documents: 0, stances: [] });
  });
});

describe("whoArguedWhat, cut and for one party", () => {
  it("gives at most `perParty` arguments per party, with the party's total", () => {
    const w = whoArguedWhat("sexkop", docs, { perParty: 0 });
    expect(w.stances[0]!.parties.map((p) => [p.party, p.arguments.length, p.total])).toEqual([
      ["S", 0, 1],
      ["M", 0, 1],
      ["V", 0, 1],
      ["", 0, 1],
    ]);
  });

  it("one party only, its records and arguments counted", () => {
    const v = whoArguedWhat("sexkop", docs, { party: "v" });
    expect(v.documents).toBe(1);
    expect(v.stances.map((s) => [s.stance, s.count, s.parties.map((p) => p.party)])).toEqual([
      ["for", 1, ["V"]],
      ["against", 1, ["V"]],
    ]);
    expect(whoArguedWhat("sexkop", docs, { party: "Lidingöpartiet" }).stances.map((s) => s.stance)).toEqual([
      "against",
    ]);
  });
});
