/** The concordance, its export and "who argued what" through the API, and their place in the OpenAPI document. */
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { Workspace } from "../../../src/workspace.js";
import { fixtureDb } from "../../corpus/concordance/fixture.js";
import { expectProblem, paths, token } from "./helpers.js";

let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  app = createApp(await Workspace.open({ db: fixtureDb() }), { token });
});

interface Line {
  left: string;
  keyword: string;
  right: string;
  documentId: string;
  date: string | null;
  parties: string[];
}
interface Result {
  query: string;
  total: number;
  documents: number;
  truncated: boolean;
  lines: Line[];
  counts: {
    years: { year: number; occurrences: number }[];
    undated: number;
    parties: { party: string; occurrences: number }[];
  };
}

const get = async (qs: string) => {
  const res = await app.request(`/api/corpus/concordance?${qs}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Result;
};

describe("GET /api/corpus/concordance", () => {
  it("exact form by default, all inflections when asked", async () => {
    const exact = await get("q=sexk%C3%B6pare");
    expect(exact.lines.map((l) => l.keyword.toLowerCase())).toEqual(["sexköpare", "sexköpare", "sexköpare"]);
    const all = await get("q=sexk%C3%B6pare&inflections=true");
    expect(all.total).toBe(5);
    expect(all.documents).toBe(3);
    expect(all.lines.map((l) => l.keyword)).toContain("sexköparna");
  });

  it("sorts by the word before or after, and pages", async () => {
    const left = await get("q=sexk%C3%B6pare&inflections=1&sort=left");
    expect(left.lines.map((l) => l.left.split(" ").at(-1))).toEqual(["En", "många", "når", "och", "stöd."]);
    const right = await get("q=sexk%C3%B6pare&inflections=1&sort=right");
    expect(right.lines.map((l) => l.right.split(" ")[0])).toEqual(["har", "ska", "ska", "som", "tidigt."]);
    const page = await get("q=sexk%C3%B6pare&inflections=1&sort=right&limit=2&offset=2");
    expect(page.lines).toEqual(right.lines.slice(2, 4));
    expect(page.total).toBe(5);
  });

  it("a phrase, the context width, and the search's filters", async () => {
    const phrase = await get(`q=${encodeURIComponent("köp av sexuell tjänst")}`);
    expect(phrase.lines.map((l) => [l.documentId, l.keyword])).toEqual([["m-2021-s", "Köp av sexuell tjänst"]]);
    const narrow = await get("q=sexk%C3%B6pare&inflections=1&sort=left&context=1");
    expect(narrow.lines[0]!.left).toBe("… En");
    const v = await get("q=sexk%C3%B6pare&inflections=1&party=V");
    expect(v.lines.map((l) => l.documentId)).toEqual(["i-2023-v"]);
    const year = await get("q=sexk%C3%B6pare&inflections=1&from=2023&to=2023&kind=debattartikel");
    expect(year.lines.map((l) => l.documentId)).toEqual(["d-2023-l-kd", "d-2023-l-kd"]);
  });

  it("counts per year and per party over every occurrence, not one page", async () => {
    const r = await get("q=sexk%C3%B6pare&inflections=1&limit=1");
    expect(r.lines.length).toBe(1);
    expect(r.counts.years).toEqual([
      { year: 2021, occurrences: 2, documents: 1 },
      { year: 2022, occurrences: 0, documents: 0 },
      { year: 2023, occurrences: 3, documents: 2 },
    ]);
    expect(r.counts.parties.map((p) => [p.party, p.occurrences])).toEqual([
      ["S", 2],
      ["KD", 2],
      ["L", 2],
      ["V", 1],
    ]);
  });

  it("answers a missing word, a bad sort and an unknown filter with a problem at the parameter", async () => {
    expect(paths(await expectProblem(await app.request("/api/corpus/concordance"), 400))).toEqual(["q"]);
    expect(paths(await expectProblem(await app.request("/api/corpus/concordance?q=%22%22"), 400))).toEqual(["q"]);
    expect(paths(await expectProblem(await app.request("/api/corpus/concordance?q=a&sort=mitt"), 400))).toEqual([
      "sort",
    ]);
    expect(paths(await expectProblem(await app.request("/api/corpus/concordance?q=a&kind=roman"), 422))).toEqual([
      "kind",
    ]);
  });
});

describe("GET /api/corpus/concordance/export", () => {
  it("CSV: every line in the chosen order, with the record's id, title, date and party", async () => {
    const res = await app.request("/api/corpus/concordance/export?format=csv&q=sexk%C3%B6pare&inflections=1&sort=left");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="motionera-konkordans\.csv"/);
    const rows = parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.left!.split(" ").at(-1))).toEqual(["En", "många", "når", "och", "stöd."]);
    expect(rows[0]).toMatchObject({ document_id: "d-2023-l-kd", date: "2023-02-21", party: "L | KD" });
  });

  it("JSON Lines with the same rows", async () => {
    const res = await app.request("/api/corpus/concordance/export?format=jsonl&q=sexk%C3%B6pare&party=V");
    expect(res.headers.get("content-type")).toMatch(/^application\/jsonl/);
    const rows = (await res.text())
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(rows).toEqual([
      {
        left: "Hur många",
        keyword: "sexköpare",
        right: "har polisen lagfört? Vilket stöd får de som …",
        document_id: "i-2023-v",
        title: "Motion i-2023-v",
        date: "2023-10-11",
        party: "V",
      },
    ]);
  });
});

describe("GET /api/corpus/arguments", () => {
  it("groups a topic's arguments by stance and party, with citations", async () => {
    const res = await app.request("/api/corpus/arguments?topic=KAST");
    expect(res.status).toBe(200);
    const w = (await res.json()) as {
      topic: string;
      label: string;
      stances: { stance: string; count: number; parties: { party: string; arguments: { ref: string }[] }[] }[];
    };
    expect(w.topic).toBe("kast");
    expect(w.stances.map((s) => s.stance)).toEqual(["for", "against"]);
    const against = w.stances[1]!;
    expect(against.parties.map((p) => [p.party, p.arguments.map((a) => a.ref)])).toEqual([
      ["S", ["m-2022-s-v#2"]],
      ["V", ["m-2022-s-v#2"]],
    ]);
    expect(w.stances[0]!.parties.map((p) => [p.party, p.arguments.map((a) => a.ref)])).toEqual([
      ["S", ["m-2022-s-v#1"]],
      ["V", ["m-2022-s-v#1"]],
    ]);
  });

  it("one party, and at most perParty arguments with the party's total", async () => {
    type W = { stances: { stance: string; parties: { party: string; arguments: unknown[]; total: number }[] }[] };
    const v = (await (await app.request("/api/corpus/arguments?topic=kast&party=v")).json()) as W;
    expect(v.stances.map((s) => s.parties.map((p) => p.party))).toEqual([["V"], ["V"]]);
    const cut = (await (await app.request("/api/corpus/arguments?topic=kast&perParty=0")).json()) as W;
    expect(cut.stances[0]!.parties.map((p) => [p.party, p.arguments.length, p.total])).toEqual([
      ["S", 0, 1],
      ["V", 0, 1],
    ]);
  });

  it("an unknown topic is a problem at topic", async () => {
    const p = await expectProblem(await app.request("/api/corpus/arguments?topic=rymden"), 422);
    expect(paths(p)).toEqual(["topic"]);
  });
});

describe("OpenAPI", () => {
  it("describes the three paths", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    for (const p of ["/api/corpus/concordance", "/api/corpus/concordance/export", "/api/corpus/arguments"])
      expect(doc.paths[p], p).toBeDefined();
  });
});
