/**
 * Drafts a politician can file: every shipped template, for municipalities rich in facts, thin
 * and empty, with one and two signers, read the way a political secretary reads them. Nothing
 * the registry cannot back, nothing old stated as current, every placeholder listed, and the
 * municipal particulars right (Region Gotland, "på Lidingö", the seat in the dateline, the
 * committee's real name).
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Composed } from "../../src/compose/compose.js";
import { inlineText, type Block } from "../../src/domain/draft.js";
import { isMotioneraError } from "../../src/domain/errors.js";
import { factDefinition } from "../../src/facts/catalog.js";
import type { Signer } from "../../src/domain/signer.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { Workspace } from "../../src/workspace.js";
import {
  citedSentences,
  misplacedNoteMarks,
  undatedOldClaims,
  unbackedDigits,
  unlistedPlaceholders,
} from "./truth-checks.js";
import { factCitations } from "../fixtures/fact-citations.js";

const corpus = fileURLToPath(new URL("../../corpus/motionera.json", import.meta.url));
const today = "2026-12-02";

/** Rich in local facts, thin, and with none at all; the ten the issue names. */
const municipalities = [
  "Lidingö",
  "Umeå",
  "Göteborg",
  "Norrköping",
  "Helsingborg",
  "Pajala",
  "Gotland",
  "Håbo",
  "Malmö",
  "Falun",
];
const eva: Signer = { name: "Eva Ek", party: "S", role: "ledamot i kommunfullmäktige" };
const per: Signer = { name: "Per Berg", party: "V" };
const signerSets = [[eva], [eva, per]];

const templates: { id: string; inputs: Record<string, string | number | boolean> }[] = [
  { id: "kast-avtal", inputs: {} },
  { id: "handlingsplan-prostitution", inputs: {} },
  { id: "beslut-prostitution", inputs: { addressee: "socialnämndens ordförande Cecilia Ek (M)", decisionYear: 2022 } },
  { id: "natverk-manniskohandel", inputs: {} },
  { id: "nytt-forslag", inputs: { proposal: "handlingsplan" } },
  { id: "nytt-forslag", inputs: { proposal: "KAST" } },
  { id: "nytt-forslag", inputs: { proposal: "nätverk" } },
];

let dir: string;
let ws: Workspace;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "motionera-truth-"));
  const db = join(dir, "motionera.json");
  copyFileSync(corpus, db);
  ws = await Workspace.open({ db, today });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function compose(
  template: string,
  municipality: string,
  authors: Signer[],
  inputs: Record<string, string | number | boolean> = {},
  date = today,
): Promise<Composed> {
  return ws.compose({ template, municipality, authors, inputs, date, arguments: [], strict: false });
}

function text(blocks: readonly Block[]): string {
  return blocks
    .map((b) =>
      b.type === "paragraph" || b.type === "heading"
        ? inlineText(b.children)
        : b.type === "list"
          ? b.items.map(inlineText).join("\n")
          : b.type === "quote"
            ? text(b.children)
            : "",
    )
    .join("\n");
}

const cases = templates.flatMap((t) =>
  municipalities.flatMap((m) => signerSets.map((authors) => ({ ...t, municipality: m, authors }))),
);

describe("every shipped template × ten municipalities × one and two signers reads honestly", () => {
  it.each(
    cases.map(
      (c) =>
        [
          `${c.id}${c.inputs.proposal ? ` (${String(c.inputs.proposal)})` : ""} ` +
            `för ${c.municipality}, ${c.authors.length} undertecknare`,
          c,
        ] as const,
    ),
  )("%s", async (_label, c) => {
    const composed = await compose(c.id, c.municipality, c.authors, c.inputs);
    const { draft } = composed;
    const inputs = Object.values(c.inputs).map(String);
    expect(unbackedDigits(composed, inputs)).toEqual([]);
    expect(undatedOldClaims(composed)).toEqual([]);
    expect(misplacedNoteMarks(draft)).toEqual([]);
    expect(unlistedPlaceholders(composed, renderMarkdown(draft))).toEqual([]);
    // Every claim the template marked is backed by what it names.
    for (const claim of composed.claims) {
      for (const input of claim.inputs) expect(c.inputs[input] ?? "").not.toBe("");
    }
    const body = text(draft.blocks);
    // No unsourced generalisation the review found in earlier drafts.
    expect(body).not.toMatch(
      new RegExp(
        [
          "har visat att de gör skillnad|har beslutat att kommunens arbete mot prostitution",
          " och människohandel ska stärkas|",
          "Det som saknas är en sammanhållen plan",
        ].join(""),
      ),
    );
    // Numbers one to twelve are words in running text.
    expect(body).not.toMatch(/\b(?:[1-9]|1[0-2]) (?:kommuner|personer|händelser|kommun)\b/);
    // The interpellation does not state the answer as a deadline the law does not set.
    expect(body).not.toMatch(/ska lämnas senast/);
    // Op-eds and press releases carry no notes; their sources are in the "Underlag" section.
    if (draft.meta.kind === "debattartikel" || draft.meta.kind === "pressmeddelande") {
      expect(draft.sources).toEqual([]);
      expect(
        JSON.stringify(draft.blocks.slice(0, draft.blocks.findIndex((b) => b.type === "rule") >>> 0)),
      ).not.toContain('"citation"');
      if (draft.citations.length > 0) expect(body).toContain("Underlag för redaktionen");
    }
  });
});

describe("the municipality's own particulars", () => {
  it(
    "Region Gotland reads as a region, with Visby in the dateline and no other municipalities in " + "its county",
    async () => {
      for (const t of templates.slice(0, 3)) {
        const { draft } = await compose(t.id, "Gotland", [per], t.inputs);
        const body = text(draft.blocks);
        expect(body).not.toMatch(/kommunfullmäktige|kommunstyrelsen|övriga kommuner|kommuner i Gotlands län/);
        if (draft.meta.kind === "motion") expect(body).toContain("Motion till regionfullmäktige i Region Gotland");
        expect(body).toMatch(/^Visby den 2 december 2026$/m);
        if (draft.meta.kind === "motion") expect(body).toContain("på Gotland");
        expect(body).not.toMatch(/\bi Gotland\b/);
      }
    },
  );

  it("islands take 'på', and the dateline names the seat", async () => {
    const lidingo = text((await compose("handlingsplan-prostitution", "Lidingö", [eva])).draft.blocks);
    expect(lidingo).toContain("på Lidingö");
    expect(lidingo).not.toMatch(/\bi Lidingö\b(?! stad)/);
    const habo = text((await compose("kast-avtal", "Håbo", [eva])).draft.blocks);
    expect(habo).toMatch(/^Bålsta den 2 december 2026$/m);
  });

  it("an op-ed's and a press release's roles name the municipality", async () => {
    const oped = text((await compose("natverk-manniskohandel", "Lidingö", [eva])).draft.blocks);
    expect(oped).toContain("ledamot i kommunfullmäktige på Lidingö");
    const press = text((await compose("nytt-forslag", "Umeå", [eva], { proposal: "KAST" })).draft.blocks);
    expect(press).toContain("säger Eva Ek (S), ledamot i kommunfullmäktige i Umeå");
  });

  it("uses the committee the registry knows, and lists the default as something to check", async () => {
    const umea = await compose("handlingsplan-prostitution", "Umeå", [eva]);
    expect(text(umea.draft.blocks)).toContain("att ge individ- och familjenämnden i uppdrag");
    expect(umea.review.checks.map((c) => c.code)).not.toContain("committee_default");
    const pajala = await compose("handlingsplan-prostitution", "Pajala", [eva]);
    expect(text(pajala.draft.blocks)).toContain("att ge socialnämnden i uppdrag");
    expect(pajala.review.checks).toContainEqual({
      code: "committee_default",
      committee: "socialnämnden",
      subjectName: "Pajala",
      inPlace: "i Pajala",
    });
    const given = await compose("handlingsplan-prostitution", "Pajala", [eva], {
      committee: "vård- och omsorgsnämnden",
    });
    expect(text(given.draft.blocks)).toContain("att ge vård- och omsorgsnämnden i uppdrag");
  });
});

describe("claims need their backing", () => {
  it("an interpellation about a decision the registry does not hold asks for the decision", async () => {
    const err = await compose("beslut-prostitution", "Pajala", [eva], {
      addressee: "socialnämndens ordförande Cecilia Ek (M)",
    }).catch((e: unknown) => e);
    expect(isMotioneraError(err) && err.details.code === "input_needed" && err.details.field).toBe("decisionDate");
    const norrkoping = await compose("beslut-prostitution", "Norrköping", [eva], {
      addressee: "socialnämndens ordförande Cecilia Ek (M)",
    });
    expect(text(norrkoping.draft.blocks)).toMatch(
      /I februari 2022 gav kommunfullmäktige i Norrköpings kommun socialnämnden i uppdrag/,
    );
  });

  it("says what the fact says: a range of years stays a range, suspects stay suspects", async () => {
    const helsingborg = citedSentences(await compose("natverk-manniskohandel", "Helsingborg", [eva]))
      .map((s) => s.text)
      .join("\n");
    expect(helsingborg).toContain("åren 2017–2019 sammanlagt 63 händelser");
    const umea = citedSentences(await compose("natverk-manniskohandel", "Umeå", [eva]))
      .map((s) => s.text)
      .join("\n");
    expect(umea).toContain("24 misstänkta sexköpare");
    expect(umea).not.toMatch(/lagfördes 24|24 sexköpare/);
  });

  it(
    "an interpellation with two signers is flagged; the press release names both parties and quotes " + "both signers",
    async () => {
      const two = await compose("beslut-prostitution", "Norrköping", [eva, per], {
        addressee: "socialnämndens ordförande Cecilia Ek (M)",
      });
      expect(two.review.checks).toContainEqual({ code: "several_interpellants", count: 2 });
      const press = text(
        (await compose("nytt-forslag", "Göteborg", [eva, per], { proposal: "handlingsplan" })).draft.blocks,
      );
      expect(press).toContain("Socialdemokraterna och Vänsterpartiet i Göteborg lämnar i dag");
      expect(press).toMatch(/säger Eva Ek \(S\)/);
      expect(press).toMatch(/säger Per Berg \(V\)/);
    },
  );

  it("press contact phone and e-mail are asked for, or become listed placeholders", async () => {
    const without = await compose("nytt-forslag", "Falun", [eva], { proposal: "KAST" });
    expect(without.review.placeholders).toEqual(["presskontaktens telefonnummer", "presskontaktens e-postadress"]);
    const withBoth = await compose("nytt-forslag", "Falun", [eva], {
      proposal: "KAST",
      contactPhone: "070-123 45 67",
      contactEmail: "eva@example.se",
    });
    expect(withBoth.review.placeholders).toEqual([]);
    const strict = await ws
      .compose({
        template: "nytt-forslag",
        municipality: "Falun",
        authors: [eva],
        inputs: { proposal: "KAST" },
        date: today,
        arguments: [],
        strict: true,
      })
      .catch((e: unknown) => e);
    expect(isMotioneraError(strict) && strict.details.code).toBe("draft_has_placeholders");
  });
});

describe("sources", () => {
  it("'Källor' lists each work once: an argument from an op-ed the facts also cite is one entry", async () => {
    const c = await ws.compose({
      template: "kast-avtal",
      municipality: "Lidingö",
      authors: [eva],
      inputs: {},
      date: today,
      arguments: ["2023-02-21-lidingo-debattartikel-l#1"],
      strict: false,
    });
    const titles = c.draft.sources.map((s) => s.title);
    expect(
      titles.filter((t) => t === "Lidingö borde bli en del av Stockholms länsövergripande arbete mot prostitution"),
    ).toHaveLength(1);
    expect(new Set(titles).size).toBe(titles.length);
    expect(c.draft.citations.some((x) => x.kind === "argument")).toBe(true);
  });

  it("a source another party published is listed to check", async () => {
    const c = await compose("kast-avtal", "Lidingö", [{ name: "Lisa Lund", party: "L" }]);
    expect(c.review.checks).toContainEqual(
      expect.objectContaining({ code: "source_other_party", parties: ["Socialdemokraterna"] }),
    );
    expect(c.review.checks).not.toContainEqual(
      expect.objectContaining({ code: "source_other_party", parties: ["Liberalerna"] }),
    );
    const s = await compose("kast-avtal", "Lidingö", [{ name: "Sara Sund", party: "S" }]);
    const parties = s.review.checks.flatMap((x) => (x.code === "source_other_party" ? x.parties : []));
    expect(parties).toContain("Liberalerna");
    expect(parties).not.toContain("Socialdemokraterna");
  });
});

describe("a back-dated draft knows only what was known on its date", () => {
  it.each(templates.slice(0, 4).map((t) => [t.id, t] as const))(
    "%s dated 15 January 2020 cites nothing later",
    async (_id, t) => {
      for (const m of ["Lidingö", "Norrköping", "Helsingborg", "Göteborg"]) {
        const composed = await compose(
          t.id,
          m,
          [eva],
          { ...t.inputs, ...(t.inputs.decisionYear ? { decisionYear: 2019 } : {}) },
          "2020-01-15",
        );
        const { draft } = composed;
        for (const c of factCitations(draft.citations)) {
          if (factDefinition(c.key)?.inForce) {
            // A law's wording: in force by the draft's date (its source is the law as it stands).
            expect(c.asOf !== null && c.asOf <= "2020-01-15", `${m}: ${c.key} in force from ${c.asOf}`).toBe(true);
            continue;
          }
          expect(c.source.date, `${m}: ${c.key}`).not.toBeNull();
          expect(
            c.source.date!.slice(0, 4) <= "2019" || c.source.date! <= "2020-01-15",
            `${m}: ${c.key} from ${c.source.date}`,
          ).toBe(true);
          if (c.asOf) expect(c.asOf.slice(0, 4) <= "2019", `${m}: ${c.key} as of ${c.asOf}`).toBe(true);
        }
        expect(undatedOldClaims(composed)).toEqual([]);
        expect(text(draft.blocks)).not.toMatch(/\b202[1-9]\b/);
      }
    },
  );
});
