/**
 * Checks a composed draft the way a political secretary reads it before filing: every figure
 * backed by a cited fact, every old fact dated in its sentence, no "i dag" about the past,
 * every note mark after its sentence, every placeholder listed. Each function returns the
 * problems it found (empty when the draft reads honestly), so a failing test names them.
 */
import type { Composed } from "../../src/compose/compose.js";
import { splitSentences } from "../../src/compose/sentences.js";
import { inlineText, type Block, type Draft, type Inline } from "../../src/domain/draft.js";
import type { Fact } from "../../src/domain/fact.js";
import { partialDateEnd } from "../../src/domain/partial-date.js";
import { factDefinition } from "../../src/facts/catalog.js";
import { oldestAcceptable } from "../../src/facts/staleness.js";
import { monthNames } from "../../src/lang/dates.js";

/** A sentence of running text with the facts that support it. */
export interface CitedSentence {
  text: string;
  facts: Fact[];
}

/** The body's paragraphs and list items (not headings, not the "Underlag" section itself). */
function bodyInlines(draft: Draft): Inline[][] {
  const out: Inline[][] = [];
  const walk = (bs: readonly Block[]): boolean => {
    for (const b of bs) {
      if (b.type === "rule") return true;
      if (b.type === "paragraph") out.push(b.children);
      else if (b.type === "list") out.push(...b.items);
      else if (b.type === "quote" && walk(b.children)) return true;
    }
    return false;
  };
  walk(draft.blocks);
  return out;
}

/** Every sentence of running text with the facts behind it (from the notes, or the "Underlag"). */
export function citedSentences(composed: Composed): CitedSentence[] {
  const support = new Map(composed.support.map((s) => [s.sentence, s.facts.map((f) => f.fact)]));
  const out: CitedSentence[] = [];
  for (const inlines of bodyInlines(composed.draft)) {
    for (const s of splitSentences(inlines)) {
      const text = inlineText(s.inlines).trim();
      if (text) out.push({ text, facts: support.get(text) ?? [] });
    }
  }
  return out;
}

const dateExpression = new RegExp(`\\b\\d{1,2} (?:${monthNames.join("|")}) \\d{4}\\b`, "g");

/**
 * Digits in running text come from somewhere: a date, a cited figure, a value's note or the
 * source's title (a report number, a case number), a user's input. Anything else is a
 * figure nobody backs.
 */
export function unbackedDigits(composed: Composed, inputs: readonly string[] = []): string[] {
  const problems: string[] = [];
  const dateYear = composed.draft.meta.date.slice(0, 4);
  for (const s of citedSentences(composed)) {
    const withoutDates = s.text.replace(dateExpression, " ");
    const backing = [
      ...s.facts.flatMap((f) => [
        String(f.value.value),
        f.note ?? "",
        f.asOf ?? "",
        f.since ?? "",
        f.source.title ?? "",
        f.source.date ?? "",
      ]),
      ...inputs,
      dateYear,
    ].join(" ");
    const backingDigits = new Set(backing.replace(/(\d)[\s\u00a0](?=\d{3}\b)/g, "$1").match(/\d+/g) ?? []);
    for (const m of withoutDates.replace(/(\d)[\s\u00a0](?=\d{3}\b)/g, "$1").matchAll(/\d+/g)) {
      if (!backingDigits.has(m[0])) problems.push(`"${m[0]}" in: ${s.text}`);
    }
  }
  return problems;
}

/** Whether a cited value is older than a year at the draft's date (or undated) and must say when. */
function mustCarryYear(f: Fact, draftDate: string): boolean {
  const def = factDefinition(f.key);
  if (def?.inForce || def?.type === "date") return false;
  if (f.asOf === null) return true;
  return partialDateEnd(f.asOf).toISOString().slice(0, 10) < oldestAcceptable("P1Y", draftDate);
}

/**
 * Old facts read as old: a sentence citing a value older than a year names its year (or says
 * the value is undated), and never says "i dag" or "nu".
 */
export function undatedOldClaims(composed: Composed): string[] {
  const problems: string[] = [];
  for (const s of citedSentences(composed)) {
    for (const f of s.facts) {
      if (!mustCarryYear(f, composed.draft.meta.date)) continue;
      const when = f.asOf ?? f.source.date;
      const ok =
        when === null
          ? /odaterad/.test(s.text)
          : s.text.includes(when.slice(0, 4)) || (f.since !== undefined && s.text.includes(f.since.slice(0, 4)));
      if (!ok) problems.push(`${f.key} (${when ?? "odaterad"}) without its year: ${s.text}`);
      if (/(^|\s)(i dag|I dag|idag|nu)(\s|[.,]|$)/.test(s.text))
        problems.push(`${f.key} (${when ?? "odaterad"}) said of today: ${s.text}`);
    }
  }
  return problems;
}

/** Every note mark stands after the punctuation that ends its sentence (or at an item's end). */
export function misplacedNoteMarks(draft: Draft): string[] {
  const problems: string[] = [];
  for (const inlines of bodyInlines(draft)) {
    inlines.forEach((x, i) => {
      if (x.type !== "citation") return;
      const before = inlines[i - 1];
      const after = inlines[i + 1];
      const atEnd =
        after === undefined || after.type === "citation" || (after.type === "text" && /^\s/.test(after.value));
      const afterStop =
        before?.type === "citation" ||
        (before?.type === "text" && /[.!?…”)]$/.test(before.value)) ||
        after === undefined;
      if (!atEnd || !afterStop) problems.push(`note ${x.n} inside a sentence: ${inlineText(inlines)}`);
    });
  }
  return problems;
}

/** Every placeholder in the document is in the review list, and the review lists nothing else. */
export function unlistedPlaceholders(composed: Composed, rendered: string): string[] {
  const shown = [...rendered.matchAll(/\[FYLL I: ([^\]]+)\]/g)].map((m) => m[1]!.replace(/\\/g, ""));
  const listed = composed.review.placeholders;
  const problems: string[] = [];
  if (shown.length !== listed.length) problems.push(`${shown.length} placeholders shown, ${listed.length} listed`);
  for (const p of listed) if (!shown.includes(p)) problems.push(`listed but not shown: ${p}`);
  return problems;
}
