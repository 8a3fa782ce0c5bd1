import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { databaseSchema, type Database } from "../../src/store/schema.js";
import { activeFactCatalog, factDefinition, scopeOfSubject } from "../../src/facts/catalog.js";

const factCatalog = activeFactCatalog().list();
import { partyNames } from "../../src/domain/signer.js";

const raw: unknown = JSON.parse(readFileSync(new URL("../../corpus/motionera.json", import.meta.url), "utf8"));

function load(): Database {
  return databaseSchema.parse(raw);
}

describe("the catalog", () => {
  it("declares each key once, in snake_case, with a format only on numbers", () => {
    const keys = factCatalog.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of factCatalog) {
      expect(d.key).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(d.label.length).toBeGreaterThan(0);
      expect(d.description.length).toBeGreaterThan(0);
      expect(d.scopes.length).toBeGreaterThan(0);
      if (d.format !== undefined) expect(d.type).toBe("number");
      expect(factDefinition(d.key)).toBe(d);
    }
    expect(factDefinition("no_such_key")).toBeUndefined();
  });

  it("tells the scope of a subject code", () => {
    expect(scopeOfSubject("0186")).toBe("kommun");
    expect(scopeOfSubject("01")).toBe("lan");
    expect(scopeOfSubject("SE")).toBe("land");
    expect(scopeOfSubject("X")).toBeUndefined();
  });
});

describe("the shipped facts (corpus/motionera.json)", () => {
  it("parses with the database schema", () => {
    expect(() => load()).not.toThrow();
    expect(load().facts.length).toBeGreaterThan(0);
  });

  it("uses only catalogued keys, with the catalog's value type and an allowed subject scope", () => {
    for (const f of load().facts) {
      const def = factDefinition(f.key);
      expect(def, `${f.id}: key ${f.key} is not in the catalog`).toBeDefined();
      expect(f.value.type, `${f.id}: value type`).toBe(def?.type);
      const scope = scopeOfSubject(f.subject);
      expect(scope, `${f.id}: subject ${f.subject}`).toBeDefined();
      expect(def?.scopes, `${f.id}: scope ${scope}`).toContain(scope);
    }
  });

  it("has unique ids", () => {
    const ids = load().facts.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every fact a source with a publisher, and a title only where it is the source's own", () => {
    for (const f of load().facts) {
      expect(f.source.publisher.trim(), f.id).not.toBe("");
      if (f.source.title !== undefined) expect(f.source.title.trim(), f.id).not.toBe("");
    }
  });

  it("never gives a source a bracketed description of our own in place of its title", () => {
    for (const f of load().facts) {
      expect(f.source.title ?? "", f.id).not.toMatch(/^\s*\[|\]\s*$/);
      expect(f.source.publisher, f.id).not.toMatch(/^\s*\[/);
    }
  });

  it("marks every source a party published with its party letters", () => {
    // A publisher that names a party ("Vänsterpartiet Göteborg", "…, S)", "Allians för Helsingborg") is a party's
    // source.
    const partyWords = [...Object.values(partyNames), "Allians för"];
    const namesParty = (publisher: string) =>
      partyWords.some((w) => publisher.includes(w)) || /, (S|M|SD|C|V|KD|L|MP)\)$/.test(publisher);
    const partySources = load().facts.filter((f) => namesParty(f.source.publisher));
    expect(partySources.length).toBeGreaterThan(0);
    for (const f of partySources) expect(f.source.parties, `${f.id}: ${f.source.publisher}`).toBeDefined();
    for (const f of load().facts) {
      for (const p of f.source.parties ?? []) expect(Object.keys(partyNames), f.id).toContain(p);
    }
    const partiesOf = (title: string) => load().facts.find((f) => f.source.title === title)?.source.parties;
    expect(partiesOf("Lidingö borde bli en del av Stockholms länsövergripande arbete mot prostitution")).toEqual(["L"]);
    expect(partiesOf("Studiebesök hos Mikamottagningen och Mika hälsa")).toEqual(["S"]);
    expect(partiesOf("Vänsterpartiet kräver handlingsplan för insatser till personer som säljer sex")).toEqual(["V"]);
    expect(partiesOf("Vad händer i arbetet mot prostitution?")).toEqual(["V"]);
    expect(partiesOf("Medborgarlöfte mot människohandel: Sexköparna ska lagföras, inte bara betala böter")).toEqual([
      "S",
    ]);
    expect(partiesOf("Helsingborgs stad ska ta tydligare ansvar för att samordna insatser mot prostitution")).toEqual([
      "M",
      "L",
      "KD",
      "C",
    ]);
  });

  it("cites the law itself for the penalty scales and Kommunallagen, with riksdagen's SFS pages", () => {
    const facts = load().facts;
    const law = (id: string) => facts.find((f) => f.id === id)?.source;
    for (const id of [
      "SE.sex_purchase_penalty.2022-08-01",
      "SE.trafficking_penalty.2010-07-01",
      "SE.trafficking_penalty_less_serious.odaterad",
    ]) {
      expect(law(id), id).toMatchObject({ title: "Brottsbalk (1962:700)", publisher: "Sveriges riksdag" });
      expect(law(id)?.url, id).toMatch(/^https:\/\/www\.riksdagen\.se\/.*brottsbalk-1962700_sfs-1962-700/);
    }
    for (const id of ["SE.motion_decision_deadline.2017", "SE.interpellation_answer_deadline.2017"]) {
      expect(law(id), id).toMatchObject({ title: "Kommunallag (2017:725)", publisher: "Sveriges riksdag" });
      expect(law(id)?.url, id).toMatch(/kommunallag-2017725_sfs-2017-725/);
    }
  });

  it("says an interpellation bör (not ska) be answered, as the law does", () => {
    const f = load().facts.find((x) => x.key === "interpellation_answer_deadline");
    expect(f?.value).toEqual({
      type: "text",
      value: "senast vid det sammanträde som följer närmast efter det där interpellationen ställdes",
    });
    expect(f?.note).toMatch(/bör/);
    expect(factDefinition("interpellation_answer_deadline")?.label).toBe(
      "En interpellation bör besvaras (KL 5 kap. 63 §)",
    );
  });

  it("records the Umeå operation's figure as suspects, under the renamed key, citing Sveriges Radio's article", () => {
    const facts = load().facts;
    expect(facts.some((f) => (f.key as string) === "joint_operation_buyers_prosecuted")).toBe(false);
    expect(factDefinition("joint_operation_buyers_prosecuted")).toBeUndefined();
    const f = facts.find((x) => x.key === "joint_operation_suspected_buyers" && x.subject === "2480");
    expect(f?.value).toEqual({ type: "number", value: 24 });
    expect(f?.source).toMatchObject({ publisher: "Sveriges Radio", url: "https://sverigesradio.se/artikel/7059564" });
    expect(factDefinition("joint_operation_suspected_buyers")?.label).toBe(
      "Misstänkta sexköpare efter en gemensam insats av polis och kommun",
    );
    // The corpus documents point at the fact by its new id.
    const ids = load().documents.flatMap((d) => d.facts);
    expect(ids.filter((id) => id.includes("joint_operation_buyers_prosecuted"))).toEqual([]);
  });

  it("dates the start of Helsingborg's 63 incidents (2017–2019) with since", () => {
    const f = load().facts.find((x) => x.key === "trafficking_network_incidents_total" && x.subject === "1283");
    expect(f?.value).toEqual({ type: "number", value: 63 });
    expect([f?.since, f?.asOf]).toEqual(["2017", "2019"]);
    expect(f?.note).toMatch(/2017–2019/);
  });

  it("names the committee responsible for social services in five municipalities, each with its source", () => {
    const facts = load().facts.filter((f) => f.key === "social_services_committee");
    const bySubject = Object.fromEntries(facts.map((f) => [f.subject, f.value.value]));
    expect(bySubject).toEqual({
      "0186": "omsorgs- och socialnämnden",
      "2480": "individ- och familjenämnden",
      "0581": "socialnämnden",
      "1283": "socialnämnden",
      "1480": "socialnämnderna Centrum, Hisingen, Nordost och Sydväst",
    });
    expect(facts.find((f) => f.subject === "1480")?.asOf).toBe("2021-01-01");
    expect(facts.find((f) => f.subject === "1480")?.source.publisher).toBe("Hela Hisingen");
    expect(factDefinition("social_services_committee")).toMatchObject({ type: "text", scopes: ["kommun"] });
  });

  it("keeps at most one value per subject, key and as-of", () => {
    const seen = new Set<string>();
    for (const f of load().facts) {
      const k = `${f.subject}|${f.key}|${f.asOf ?? ""}`;
      expect(seen.has(k), k).toBe(false);
      seen.add(k);
    }
  });

  it(
    "keeps Lidingö's history: not connected in Feb 2023, a trial agreement in Nov 2023 that ended " + "with the year",
    () => {
      const facts = load().facts;
      const history = facts
        .filter((f) => f.subject === "0186" && f.key === "mika_kast_agreement")
        .sort((a, b) => (a.asOf ?? "").localeCompare(b.asOf ?? ""));
      expect(history.map((f) => [f.asOf, f.value])).toEqual([
        ["2023-02-21", { type: "boolean", value: false }],
        ["2023-11-13", { type: "boolean", value: true }],
      ]);
      expect(history[1]?.note).toMatch(/försöksavtal/);
      expect(history[0]?.source.title).not.toBe(history[1]?.source.title);
      const expiry = facts.find((f) => f.subject === "0186" && f.key === "mika_kast_agreement_expires");
      expect(expiry?.value.type).toBe("date");
      expect(expiry?.value.value).toMatch(/^2023/);
    },
  );

  it("records the action plans in Västra Götaland: 49 municipalities, only Trollhättan and Åmål with a plan", () => {
    const facts = load().facts;
    const vg = facts.filter((f) => f.key === "action_plan_sells_sex" && /^14\d\d$/.test(f.subject));
    expect(vg).toHaveLength(49);
    expect(new Set(vg.map((f) => f.subject)).size).toBe(49);
    const withPlan = vg.filter((f) => f.value.value === true).map((f) => f.subject);
    expect(withPlan.sort()).toEqual(["1488", "1492"]);
    for (const f of vg) expect(f.note, f.id).toBeDefined();
    const county = facts.find((f) => f.subject === "14" && f.key === "action_plans_sells_sex_in_county");
    expect(county?.value).toEqual({ type: "number", value: 2 });
  });

  it("keeps national histories: prosecutions 2020 and 2021, the penalty before and after 2022-08-01", () => {
    const facts = load().facts;
    const prosecuted = facts.filter((f) => f.subject === "SE" && f.key === "prosecuted_sex_purchase");
    expect(Object.fromEntries(prosecuted.map((f) => [f.asOf, f.value.value]))).toEqual({ "2020": 456, "2021": 715 });
    const penalty = facts.filter((f) => f.subject === "SE" && f.key === "sex_purchase_penalty").map((f) => f.asOf);
    expect(penalty.sort()).toEqual(["2011-07-01", "2022-08-01"]);
  });

  it("never contradicts the catalog type when read back through the catalog", () => {
    for (const f of load().facts) {
      const def = factDefinition(f.key);
      if (!def) continue;
      switch (def.type) {
        case "boolean":
          expect(typeof f.value.value, f.id).toBe("boolean");
          break;
        case "number":
          expect(typeof f.value.value, f.id).toBe("number");
          break;
        case "text":
        case "date":
          expect(typeof f.value.value, f.id).toBe("string");
          break;
      }
    }
  });
});
