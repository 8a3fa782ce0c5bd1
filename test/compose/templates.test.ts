/**
 * The shipped templates, composed for municipalities with many, few and no local facts, with
 * one and with two signers: the Swedish document form holds and nothing of the template or
 * Markdown syntax leaks into the text.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Workspace } from "../../src/workspace.js";
import type { Composed } from "../../src/compose/compose.js";
import { inlineText, type Block, type Draft, type Inline } from "../../src/domain/draft.js";
import type { Signer } from "../../src/domain/signer.js";
import { factCitations } from "../fixtures/fact-citations.js";

const corpus = fileURLToPath(new URL("../../corpus/motionera.json", import.meta.url));
const date = "2026-11-24";

const anna: Signer = { name: "Anna Andersson", party: "L", role: "ledamot i kommunfullmäktige" };
const bertil: Signer = { name: "Bertil Berg", party: "L", role: "ersättare i socialnämnden" };
const signerSets: { label: string; authors: Signer[]; pronoun: "jag" | "vi" }[] = [
  { label: "en undertecknare", authors: [anna], pronoun: "jag" },
  { label: "två undertecknare", authors: [anna, bertil], pronoun: "vi" },
];

/** Name → the name the municipality uses for itself, as the motion's address line shows it. */
const places: Record<string, string> = {
  Lidingö: "Lidingö stad",
  Göteborg: "Göteborgs Stad",
  Norrköping: "Norrköpings kommun",
  Helsingborg: "Helsingborgs stad",
  Umeå: "Umeå kommun",
  Ale: "Ale kommun",
};
/** Name → the seat the dateline names, and the place after a preposition. */
const seats: Record<string, string> = {
  Lidingö: "Lidingö",
  Göteborg: "Göteborg",
  Norrköping: "Norrköping",
  Helsingborg: "Helsingborg",
  Umeå: "Umeå",
  Ale: "Nödinge",
};
const inPlace = (m: string) => (m === "Lidingö" ? "på Lidingö" : `i ${m}`);

const templates: { id: string; kind: Draft["meta"]["kind"]; inputs: Record<string, string | boolean> }[] = [
  { id: "kast-avtal", kind: "motion", inputs: {} },
  { id: "handlingsplan-prostitution", kind: "motion", inputs: { organisations: "Kvinnojouren & Tjejjouren" } },
  {
    id: "beslut-prostitution",
    kind: "interpellation",
    inputs: { addressee: "socialnämndens ordförande Cecilia Ek (M)", decisionYear: "2022" },
  },
  {
    id: "natverk-manniskohandel",
    kind: "debattartikel",
    inputs: { outlet: "Lokaltidningen", partners: "Frälsningsarmén och Kvinnojouren" },
  },
  { id: "nytt-forslag", kind: "pressmeddelande", inputs: { proposal: "handlingsplan", contactPhone: "070-123 45 67" } },
  { id: "nytt-forslag", kind: "pressmeddelande", inputs: { proposal: "KAST" } },
  { id: "nytt-forslag", kind: "pressmeddelande", inputs: { proposal: "nätverk", sender: "Liberalerna i kommunen" } },
];

let dir: string;
let ws: Workspace;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "motionera-templates-"));
  const db = join(dir, "motionera.json");
  copyFileSync(corpus, db);
  ws = await Workspace.open({ db, today: date });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function compose(
  template: string,
  municipality: string,
  authors: Signer[],
  inputs: Record<string, string | boolean> = {},
): Promise<Composed> {
  return ws.compose({ template, municipality, authors, inputs, date });
}

/** Every block's text, one string per paragraph, heading or list item (quotes included). */
function texts(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === "heading" || b.type === "paragraph") out.push(inlineText(b.children));
    else if (b.type === "list") out.push(...b.items.map(inlineText));
    else if (b.type === "quote") out.push(...texts(b.children));
  }
  return out;
}

function citationNumbers(blocks: readonly Block[]): number[] {
  const fromInlines = (xs: readonly Inline[]): number[] =>
    xs.flatMap((x) => (x.type === "citation" ? [x.n] : "children" in x ? fromInlines(x.children) : []));
  return blocks.flatMap((b) =>
    b.type === "heading" || b.type === "paragraph"
      ? fromInlines(b.children)
      : b.type === "list"
        ? b.items.flatMap(fromInlines)
        : b.type === "quote"
          ? citationNumbers(b.children)
          : [],
  );
}

function lists(draft: Draft) {
  return draft.blocks.filter((b): b is Extract<Block, { type: "list" }> => b.type === "list");
}

describe("every template × municipality × signers", () => {
  for (const t of templates) {
    for (const municipality of Object.keys(places)) {
      for (const s of signerSets) {
        const label =
          `${t.id}${t.inputs.proposal ? ` (${String(t.inputs.proposal)})` : ""} ` + `för ${municipality}, ${s.label}`;
        it(label, async () => {
          const c = await compose(t.id, municipality, s.authors, t.inputs);
          const { draft } = c;
          const all = texts(draft.blocks);
          const body = all.join("\n");

          // One level-1 heading, and it is the title.
          const h1 = draft.blocks.filter((b) => b.type === "heading" && b.level === 1);
          expect(h1).toHaveLength(1);
          expect(draft.meta.title).toBe(all[0]);
          expect(draft.meta.title.length).toBeGreaterThan(10);
          expect(draft.meta.kind).toBe(t.kind);

          // Nothing of Handlebars, Markdown or missing facts leaks into the text.
          expect(body).not.toContain("[uppgift saknas");
          for (const leak of ["{{", "}}", "**", "__", "\\", "](", "<", "\uE000", "\uE001"])
            expect(body).not.toContain(leak);
          for (const line of all) expect(line).not.toMatch(/^(#|>|- |\d+\. )/);
          expect(body).not.toMatch(/ {2}| [,.]/);

          // Citations: present, each with a source, each referenced in the text (motions and
          // interpellations) or listed in the "Underlag" section (op-eds and press releases).
          expect(draft.citations.length).toBeGreaterThan(0);
          for (const ci of draft.citations) {
            expect((ci.source.title ?? ci.source.publisher).length).toBeGreaterThan(0);
            expect(ci.source.publisher.length).toBeGreaterThan(0);
            const said = ci.kind === "fact" ? ci.value : ci.kind === "argument" ? ci.claim : ci.label;
            expect(said.length).toBeGreaterThan(0);
          }
          const used = citationNumbers(draft.blocks);
          if (t.kind === "motion" || t.kind === "interpellation")
            expect(new Set(used)).toEqual(new Set(draft.citations.map((ci) => ci.n)));
          else {
            expect(used).toEqual([]);
            expect(all).toContain("Underlag för redaktionen");
          }

          // The signer(s): "Namn (Parti)" with the role on the next line; an op-ed's role names the place.
          if (t.kind === "motion" || t.kind === "interpellation") {
            for (const a of s.authors) expect(body).toContain(`${a.name} (${a.party}) ${a.role}`);
          }
          if (t.kind === "debattartikel") {
            for (const a of s.authors)
              expect(body).toContain(`${a.name} (${a.party}) ${a.role} ${inPlace(municipality)}`);
          }

          if (t.kind === "motion") {
            expect(all[1]).toBe(`Motion till kommunfullmäktige i ${places[municipality]}`);
            expect(all).toContain(`Med anledning av ovanstående föreslår ${s.pronoun} kommunfullmäktige besluta`);
            const proposals = lists(draft).filter((l) => l.role === "proposals");
            expect(proposals).toHaveLength(1);
            expect(proposals[0]!.items.length).toBeGreaterThanOrEqual(2);
            for (const item of proposals[0]!.items) expect(inlineText(item)).toMatch(/^att /);
            expect(all).toContain(`${seats[municipality]} den 24 november 2026`);
            expect(body.length).toBeGreaterThan(1500);
          }

          if (t.kind === "interpellation") {
            expect(all[1]).toBe("Interpellation till socialnämndens ordförande Cecilia Ek (M)");
            expect(body).toContain(`vill ${s.pronoun} ställa följande frågor`);
            const questions = lists(draft).filter((l) => l.role === "questions");
            expect(questions).toHaveLength(1);
            expect(questions[0]!.ordered).toBe(true);
            expect(questions[0]!.items.length).toBeGreaterThanOrEqual(4);
            for (const item of questions[0]!.items) expect(inlineText(item)).toMatch(/\?$/);
            expect(factCitations(draft.citations).map((ci) => ci.key)).not.toContain("interpellation_answer_deadline");
            expect(all).toContain(`${seats[municipality]} den 24 november 2026`);
          }

          if (t.kind === "debattartikel") {
            expect(all).toContain("Debattartikel till Lokaltidningen");
            const ingress = draft.blocks.find((b) => b.type === "paragraph" && b.children[0]?.type === "strong");
            expect(ingress).toBeDefined();
            expect(body).toContain("Frälsningsarmén och Kvinnojouren");
            const article = texts(draft.blocks.slice(0, draft.blocks.findIndex((b) => b.type === "rule") >>> 0)).join(
              "\n",
            );
            expect(article.length).toBeGreaterThan(2500);
            expect(article.length).toBeLessThan(6000);
          }

          if (t.kind === "pressmeddelande") {
            expect(all[1]).toBe("Pressmeddelande 24 november 2026");
            const quotes = draft.blocks.filter((b) => b.type === "quote");
            expect(quotes.length).toBeGreaterThanOrEqual(1);
            expect(quotes.length).toBeLessThanOrEqual(2);
            const quoted = quotes.flatMap((q) => (q.type === "quote" ? texts(q.children) : []));
            expect(quoted[0]).toMatch(
              new RegExp(
                `^– .*, säger Anna Andersson \\(L\\), ledamot i kommunfullmäktige ${inPlace(municipality)}\\.$`,
              ),
            );
            const contact = draft.blocks.findIndex(
              (b) => b.type === "heading" && b.level === 2 && inlineText(b.children) === "Presskontakt",
            );
            expect(contact).toBeGreaterThan(0);
            expect(draft.blocks[contact + 1]?.type).toBe("paragraph");
            const sender = t.inputs.sender ?? `Liberalerna ${inPlace(municipality)}`;
            expect(body).toContain(
              `${sender} lämnar i dag en motion till kommunfullmäktige i ${places[municipality]}.`,
            );
          }
        });
      }
    }
  }
});

describe("what the facts change", () => {
  it(
    "Lidingö: the time-limited agreement that ran out at the end of 2023 leads to a motion for a " + "lasting one",
    async () => {
      const composed = await compose("kast-avtal", "Lidingö", [anna]);
      const { draft } = composed;
      expect(draft.meta.title).toBe("Ge Lidingö ett varaktigt avtal med Mikamottagningen och KAST");
      const body = texts(draft.blocks).join("\n");
      expect(body).toContain("Avtalet gällde till och med den 31 december 2023.");
      expect(body).toContain("har inte hittat någon uppgift om att avtalet har ersatts av ett nytt");
      expect(body).toContain("Stockholms stad");
      const keys = composed.cited.map((c) => c.fact.key);
      expect(keys).toEqual(
        expect.arrayContaining([
          "mika_kast_agreement",
          "mika_kast_agreement_expires",
          "mika_kast_agreements_in_county",
          "mika_kast_offer_since",
        ]),
      );
      expect(composed.cited.find((c) => c.fact.key === "mika_kast_agreements_in_county")?.subjectName).toBe(
        "Stockholms län",
      );
      const proposals = lists(draft).find((l) => l.role === "proposals")!;
      expect(inlineText(proposals.items[0]!)).toContain("nytt avtal med Stockholms stad");
    },
  );

  it("a municipality with its own Mikamottagning and KAST (Göteborg) is asked to open them to the county", async () => {
    const { draft } = await compose("kast-avtal", "Göteborg", [anna, bertil]);
    expect(draft.meta.title).toBe("Öppna Göteborgs Mikamottagning och KAST för fler kommuner i länet");
    expect(texts(draft.blocks).join("\n")).toMatch(/KAST-mottagning öppnade 1997 och var år 2017 i drift/);
  });

  it(
    "a municipality outside Stockholms län with no local facts (Ale) gets a motion that still " + "makes sense",
    async () => {
      const c = await compose("kast-avtal", "Ale", [anna]);
      expect(c.draft.meta.title).toBe(
        "Specialiserat stöd för den som säljer sex och den som vill sluta köpa sex i Ale",
      );
      // The local facts are optional: their absence is a warning, not an error.
      expect(c.warnings.some((w) => w.code === "fact_optional_missing" && w.key === "mika_kast_agreement")).toBe(true);
      const body = texts(c.draft.blocks).join("\n");
      expect(body).toContain("Västra Götalands län");
      expect(body).toContain(
        "har inte hittat någon uppgift om att det finns en Mikamottagning eller en KAST-mottagning som " +
          "invånarna i Ale kan vända sig till",
      );
      expect(body).not.toContain("Ale kommun har haft");
    },
  );

  it("a municipality that has an open-ended agreement (Upplands Väsby) is asked to keep it", async () => {
    const { draft } = await compose("kast-avtal", "Upplands Väsby", [anna]);
    expect(draft.meta.title).toBe("Värna Upplands Väsbys avtal med Mikamottagningen och KAST");
    const proposals = lists(draft).find((l) => l.role === "proposals")!;
    expect(inlineText(proposals.items[0]!)).toContain("ska gälla tills vidare");
  });

  it(
    "the action plan motion cites the national share, the county count and the municipality's " + "own status",
    async () => {
      const { draft } = await compose("handlingsplan-prostitution", "Göteborg", [anna], {
        organisations: "Kvinnojouren & Tjejjouren",
      });
      const keys = factCitations(draft.citations).map((c) => c.key);
      expect(keys).toEqual(
        expect.arrayContaining([
          "action_plan_sells_sex_share",
          "action_plans_sells_sex_in_county",
          "action_plan_sells_sex",
        ]),
      );
      const body = texts(draft.blocks).join("\n");
      expect(body).toContain("ungefär en tredjedel av landets kommuner");
      expect(body).toContain("Enligt uppgifter från mars 2020 hade Göteborgs Stad ingen sådan plan.");
      expect(body).toContain("Enligt uppgifter från mars 2020 hade två kommuner i Västra Götalands län en sådan plan.");
      expect(body).toContain("Kvinnojouren & Tjejjouren");
    },
  );

  it("a municipality that has an action plan (Trollhättan) is asked to renew it", async () => {
    const { draft } = await compose("handlingsplan-prostitution", "Trollhättan", [anna]);
    expect(draft.meta.title).toBe("Förnya Trollhättans handlingsplan för personer som säljer sex");
    const proposals = lists(draft).find((l) => l.role === "proposals")!;
    expect(inlineText(proposals.items[0]!)).toContain("reviderad plan");
  });

  it("the interpellation in Norrköping cites the decision, the inquiry and the missing funding", async () => {
    const { draft } = await compose("beslut-prostitution", "Norrköping", [anna], {
      addressee: "socialnämndens ordförande Cecilia Ek (M)",
    });
    const body = texts(draft.blocks).join("\n");
    expect(body).toContain("I februari 2022 gav kommunfullmäktige i Norrköpings kommun socialnämnden i uppdrag");
    expect(body).toContain("SN 2023/0048");
    expect(body).toContain("Hur ska arbetet finansieras när det saknas medel i budgeten?");
    expect(factCitations(draft.citations).map((c) => c.key)).toEqual(
      expect.arrayContaining([
        "prostitution_assignment_decided",
        "prostitution_work_in_budget",
        "proposed_prostitution_hub",
      ]),
    );
  });

  it("the interpellation takes the decision from the inputs when given", async () => {
    const { draft } = await compose("beslut-prostitution", "Ale", [anna], {
      addressee: "kommunstyrelsens ordförande Cecilia Ek (M)",
      decisionDate: "2024-03-12",
      decision: "Socialnämnden fick i uppdrag att ta fram en plan.\n\nUppdraget skulle redovisas inom ett år.",
      fundingMissing: true,
    });
    const all = texts(draft.blocks);
    expect(all).toContain("Socialnämnden fick i uppdrag att ta fram en plan.");
    expect(all).toContain("Uppdraget skulle redovisas inom ett år.");
    const body = all.join("\n");
    expect(body).toContain("Den 12 mars 2024 fattade kommunfullmäktige i Ale kommun");
    expect(body).toContain("inga pengar avsatta");
    expect(body).toContain("Hur ska arbetet finansieras när det saknas medel i budgeten?");
  });

  it("fundingMissing = nej overrides the registry", async () => {
    const { draft } = await compose("beslut-prostitution", "Norrköping", [anna], {
      addressee: "socialnämndens ordförande Cecilia Ek (M)",
      fundingMissing: false,
    });
    const body = texts(draft.blocks).join("\n");
    expect(body).not.toContain("inga pengar avsatta");
  });

  it("the op-ed in Helsingborg builds on the existing network", async () => {
    const { draft } = await compose("natverk-manniskohandel", "Helsingborg", [anna, bertil]);
    const body = texts(draft.blocks).join("\n");
    expect(body).toContain("Frälsningsarmén");
    expect(body).toContain("fastighetsägare");
    expect(factCitations(draft.citations).map((c) => c.key)).toEqual(
      expect.arrayContaining(["trafficking_network_formed", "trafficking_network_initiator", "sex_trade_shift"]),
    );
  });

  it("the press release names the sender from the first signer's party and the contact from the inputs", async () => {
    const { draft } = await compose("nytt-forslag", "Lidingö", [{ name: "Cecilia Ek", party: "S" }], {
      proposal: "KAST",
      contactName: "Dan Dahl",
      contactRole: "pressekreterare",
      contactPhone: "070-123 45 67",
    });
    const all = texts(draft.blocks);
    expect(draft.meta.title).toBe("Invånarna på Lidingö ska kunna få hjälp av Mikamottagningen och KAST");
    expect(all.join("\n")).toContain("Socialdemokraterna på Lidingö lämnar i dag en motion");
    expect(all.join("\n")).toContain("säger Cecilia Ek (S).");
    const contact = all.slice(all.indexOf("Presskontakt") + 1, all.indexOf("Underlag för redaktionen"));
    expect(contact).toEqual([
      "Dan Dahl, pressekreterare Telefon: 070-123 45 67 E-post: [FYLL I: presskontaktens e-postadress]",
    ]);
  });

  it("an unknown proposal is refused", async () => {
    await expect(compose("nytt-forslag", "Lidingö", [anna], { proposal: "annat" })).rejects.toThrow();
  });
});
