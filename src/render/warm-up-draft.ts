/**
 * A small document rendered once while a writer thread waits for real work: it brings
 * docx's, pdfkit's and fontkit's code paths up to speed (the JIT) and shapes the common
 * Swedish letters. Never written anywhere.
 */
import type { Draft } from "../domain/draft.js";

export const warmUpDraft: Draft = {
  meta: {
    title: "Förberedelse",
    kind: "motion",
    templateId: "warm-up",
    language: "sv-SE",
    date: "2026-01-01",
    municipality: { code: "0000", name: "Å", selfName: "Å" },
    authors: [{ name: "Å Ä Ö" }],
    keywords: [],
  },
  blocks: [
    { type: "heading", level: 1, children: [{ type: "text", value: "Motion till kommunfullmäktige – ÅÄÖ åäö “” €" }] },
    {
      type: "paragraph",
      children: [
        { type: "text", value: "abcdefghijklmnopqrstuvwxyzåäöé ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 ,.;:!?()%" },
        { type: "citation", n: 1 },
        { type: "strong", children: [{ type: "text", value: "kommunen" }] },
      ],
    },
    {
      type: "list",
      ordered: false,
      role: "proposals",
      items: [[{ type: "text", value: "att kommunen" }], [{ type: "text", value: "att nämnden" }]],
    },
    { type: "list", ordered: true, role: "questions", items: [[{ type: "text", value: "Vad?" }]] },
    {
      type: "paragraph",
      children: [{ type: "text", value: "Namn (L)" }, { type: "break" }, { type: "text", value: "ledamot" }],
    },
  ],
  citations: [
    {
      kind: "fact",
      n: 1,
      factId: "x",
      key: "x",
      label: "Uppgift",
      subjectName: "Å",
      value: "ja",
      asOf: "2026",
      source: { title: "Källa", publisher: "Utgivare", date: "2026" },
    },
  ],
  sources: [{ title: "Källa", publisher: "Utgivare", date: "2026" }],
};
