/** POST /api/corpus/import takes Riksdagen's JSON, TEI and zips of them, as the command line does. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { auth, makeApp } from "./helpers.js";

const fixtures = join(import.meta.dirname, "../../fixtures");
const bytes = (f: string) => new Uint8Array(readFileSync(join(fixtures, f)));

let app: Awaited<ReturnType<typeof makeApp>>["app"];
beforeAll(async () => {
  ({ app } = await makeApp());
});

type Results = {
  results: (
    | { file: string; ok: true; note?: string; record: { id: string; kind: string; designation?: string } }
    | { file: string; ok: false; error: string }
  )[];
};

const form = (files: [string, Uint8Array][]) => {
  const fd = new FormData();
  for (const [name, content] of files) fd.append("files", new File([content], name));
  return fd;
};

describe("POST /api/corpus/import of structured files", () => {
  it("a dokumentstatus file, a TEI interpellation, a zip and a list: one result per document", async () => {
    const zip = zipSync({ "a.json": bytes("riksdagen/ip.json"), "b.json": bytes("riksdagen/trasig.json") });
    const res = await app.request("/api/corpus/import", {
      method: "POST",
      headers: auth,
      body: form([
        ["mot.json", bytes("riksdagen/mot-enskild.json")],
        ["ipq.xml", bytes("tei/ipq-2007-08--39.xml")],
        ["bulk.zip", zip],
        ["lista.json", bytes("riksdagen/dokumentlista.json")],
      ]),
    });
    expect(res.status).toBe(207);
    const out = (await res.json()) as Results;
    expect(out.results.map((r) => [r.file, r.ok])).toEqual([
      ["mot.json", true],
      ["ipq.xml", true],
      ["bulk.zip/a.json", true],
      ["bulk.zip/b.json", false],
      ["lista.json#1", true],
      ["lista.json#2", true],
    ]);
    const [mot, ipq, , broken, listed] = out.results;
    expect(mot).toMatchObject({ record: { kind: "motion", designation: "2014/15:1148" } });
    expect(ipq).toMatchObject({ record: { kind: "interpellation", designation: "2007/08:39" } });
    expect(broken).toMatchObject({ error: expect.stringMatching(/^filen är inte giltig JSON/) });
    expect(listed).toMatchObject({ note: expect.stringContaining("dokumentstatus") });
    const found = (await (await app.request("/api/corpus/search?kind=interpellation")).json()) as {
      hits: { id: string }[];
    };
    expect(found.hits.map((h) => h.id)).toContain(ipq!.ok ? ipq!.record.id : "");
    // The record's page shows the designation, the committee and the decisions on the att-satser.
    const page = await (await app.request(`/korpus/${mot!.ok ? mot!.record.id : ""}`)).text();
    expect(page).toContain("<dt>Beteckning</dt><dd>2014/15:1148</dd>");
    expect(page).toContain("<dt>Utskott</dt><dd>CU</dd>");
    expect(page).toMatch(/<table class="key-table decisions">[\s\S]*?>Avslag<\/td><td [^>]*>Avslag<span/);
    expect(page).toContain("motion");
  });
});
