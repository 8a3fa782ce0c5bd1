/**
 * A small interpellation-like Draft for the writer tests of placeholders and keep-with-next:
 * a title long enough to take two lines, "[FYLL I: …]" placeholders in plain, bold, list and
 * quote text, the paragraph that introduces the questions, the dateline and two signatures
 * flagged keepWithNext as compose flags them. Made up for testing.
 */
import type { Block, Draft, Inline } from "../../src/domain/draft.js";
import { sampleDraft } from "../fixtures/sample-draft.js";

const t = (value: string): Inline => ({ type: "text", value });
const ph = (text: string): Inline => ({ type: "placeholder", text });
const br: Inline = { type: "break" };

export const twoLineTitle = "Ge Lidingö ett varaktigt avtal med Mikamottagningen och KAST";
export const placeholders = ["beslutets datum", "nämndens namn", "antal ärenden", "svarets datum"] as const;
export const introduction = "Med anledning av detta vill jag ställa följande frågor till socialnämndens ordförande";
export const dateline = "Lidingö den 2 december 2026";

const blocks: Block[] = [
  { type: "heading", level: 1, children: [t(twoLineTitle)] },
  {
    type: "paragraph",
    children: [t("Kommunfullmäktige beslutade den "), ph(placeholders[0]), t(" att anta en handlingsplan.")],
  },
  {
    type: "paragraph",
    children: [
      { type: "strong", children: [t("Ansvarig nämnd: "), ph(placeholders[1])] },
      t(" har ännu inte redovisat arbetet."),
    ],
  },
  {
    type: "quote",
    children: [
      { type: "paragraph", children: [t("Under året kom "), ph(placeholders[2]), t(" ärenden till socialtjänsten.")] },
    ],
  },
  { type: "paragraph", keepWithNext: true, children: [t(introduction)] },
  {
    type: "list",
    ordered: true,
    role: "questions",
    items: [[t("Hur följs planen upp?")], [t("När svarar nämnden, senast "), ph(placeholders[3]), t("?")]],
  },
  { type: "paragraph", keepWithNext: true, children: [t(dateline)] },
  { type: "paragraph", keepWithNext: true, children: [t("Anna Andersson (L)"), br, t("ledamot i kommunfullmäktige")] },
  { type: "paragraph", children: [t("Per Berg (L)")] },
];

export const placeholderDraft: Draft = {
  ...sampleDraft,
  meta: { ...sampleDraft.meta, title: twoLineTitle, kind: "interpellation" },
  blocks,
  citations: [],
  sources: [],
};
