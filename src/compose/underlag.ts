/**
 * Op-eds and press releases carry no notes: newspapers do not print them. Their sources go to
 * an "Underlag för redaktionen" section after the text instead, claim by claim: each sentence
 * that cited something, then where it comes from. The text keeps every word; only the note
 * marks move.
 */
import type { Block, Citation, Inline } from "../domain/draft.js";
import { citationNote, webUrl } from "../render/citation-text.js";
import { labels } from "../render/messages.sv.js";
import { supportedSentences, type SupportedSentence } from "./sentences.js";

function stripCitations(xs: readonly Inline[]): Inline[] {
  return xs
    .filter((x) => x.type !== "citation")
    .map((x) => ("children" in x ? { ...x, children: stripCitations(x.children) } : x));
}

function strip(blocks: readonly Block[]): Block[] {
  return blocks.map((b): Block => {
    switch (b.type) {
      case "paragraph":
      case "heading":
        return { ...b, children: stripCitations(b.children) };
      case "list":
        return { ...b, items: b.items.map(stripCitations) };
      case "quote":
        return { ...b, children: strip(b.children) };
      default:
        return b;
    }
  });
}

/** One list item: the claim in quotation marks, then each of its sources on a line of its own. */
function claimItem(claim: SupportedSentence, citations: readonly Citation[]): Inline[] {
  const item: Inline[] = [{ type: "text", value: `${labels.quoteOpen}${claim.sentence}${labels.quoteClose}` }];
  for (const n of claim.notes) {
    const c = citations[n - 1];
    if (!c) continue;
    const note = citationNote(c);
    item.push({ type: "break" }, { type: "text", value: `${labels.source}: ${note.text}` });
    // Only a web address becomes a link; anything else a source calls its URL stays text.
    const href = webUrl(note.url);
    if (note.url)
      item.push(
        { type: "text", value: " " },
        href
          ? { type: "link", url: href, children: [{ type: "text", value: note.url }] }
          : { type: "text", value: note.url },
      );
  }
  return item;
}

/** The blocks without note marks, followed by the "Underlag" section (when anything was cited). */
export function moveNotesToUnderlag(blocks: readonly Block[], citations: readonly Citation[]): Block[] {
  const claims = supportedSentences(blocks);
  const body = strip(blocks);
  if (claims.length === 0) return body;
  return [
    ...body,
    { type: "rule" },
    { type: "heading", level: 2, children: [{ type: "text", value: labels.underlag }] },
    { type: "paragraph", children: [{ type: "text", value: labels.underlagIntro }] },
    { type: "list", ordered: false, role: "plain", items: claims.map((c) => claimItem(c, citations)) },
  ];
}
