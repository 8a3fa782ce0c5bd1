/**
 * The PDF as `motionera draft` writes it: on its writer thread, after the warm-up document
 * that thread renders first — where the lost letters showed ("En h ndlingspl n", "K ST").
 * Every template's PDF reads back exactly the text of the Draft composed from the same
 * request. Needs the built CLI (`npm run build`).
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSigner } from "../../src/domain/signer.js";
import type { Draft } from "../../src/domain/draft.js";
import { Workspace } from "../../src/workspace.js";
import { bin, runCli, tempWorkspace } from "../helpers/cli.js";
import { hasTool } from "./helpers.js";
import { expectedReading, pdfPages, readPages } from "./pdf-reading.js";

const date = "2026-12-02";
const authors = ["Anna Andersson (L), ledamot i kommunfullmäktige", "Per Berg (L)"];
const sets: Record<string, string[]> = {
  "beslut-prostitution": ["addressee=socialnämndens ordförande Anna Andersson (M)", "decisionYear=2022"],
  "allman-motion": [
    "title=Fler elever ska klara grundskolan",
    "background=Bakgrund.",
    "proposals=ge nämnden i uppdrag",
  ],
  "allman-interpellation": [
    "title=Skolan",
    "addressee=nämndens ordförande",
    "background=Bakgrund.",
    "questions=Vad görs",
  ],
  "allman-debattartikel": ["title=Skolan", "lead=Ingress.", "background=Text."],
  "uppfoljning-arende": ["title=Vad har hänt?", "addressee=nämndens ordförande", "status=Läget.", "questions=När"],
  "allman-pressmeddelande": ["title=Skolan", "lead=Ingress.", "firstQuote=Citat"],
  skolresultat: ["committee=barn- och utbildningsnämnden"],
  "vantetid-sarskilt-boende": ["addressee=äldrenämndens ordförande"],
};

describe.skipIf(!hasTool("pdftotext") || !existsSync(join(bin, "..", "..", "dist", "cli")))(
  "PDFs written by motionera draft",
  () => {
    const ws = tempWorkspace();
    let templates: string[] = [];

    beforeAll(async () => {
      templates = (await (await Workspace.open({ db: ws.db, today: date })).templates()).ids();
    });
    afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

    it("read back exactly the Draft's text, for every template", { timeout: 300_000 }, async () => {
      const workspace = await Workspace.open({ db: ws.db, today: date });
      for (const template of templates) {
        const out = join(ws.out, template);
        const args = [
          "draft",
          "--template",
          template,
          "--kommun",
          "Lidingö",
          ...authors.flatMap((a) => ["--author", a]),
          "--date",
          date,
          "--format",
          "pdf",
          "--out",
          out,
          "--db",
          ws.db,
        ];
        for (const set of sets[template] ?? []) args.push("--set", set);
        const r = runCli(args);
        expect(r.code, `${template}: ${r.stderr}`).toBe(0);
        const pdf = readdirSync(out).find((f) => f.endsWith(".pdf"));
        expect(pdf, template).toBeDefined();
        const inputs = Object.fromEntries(
          (sets[template] ?? []).map((set) => set.split(/=(.*)/s).slice(0, 2) as [string, string]),
        );
        const draft: Draft = (
          await workspace.compose({
            template,
            municipality: "Lidingö",
            authors: authors.map((a) => parseSigner(a)!),
            inputs,
            date,
          })
        ).draft;
        expect(readPages(await pdfPages(join(out, pdf!))).text, template).toBe(expectedReading(draft));
      }
    });
  },
);
