/**
 * Phrase checking: a quoted phrase becomes the varint bytes of its term ids in a row, and a
 * document holds it when those bytes occur in its token stream at a token boundary, so the
 * check is a byte search with no decoding.
 */
import { VarintWriter } from "./columns.js";
import type { Vocabulary } from "./vocabulary.js";

/** Each phrase as the varint bytes of its term ids in a row; undefined when a word is nowhere in the corpus. */
export function phraseBytes(vocab: Vocabulary, phrases: readonly string[][]): Buffer[] | undefined {
  const out: Buffer[] = [];
  for (const ph of phrases) {
    const w = new VarintWriter();
    for (const s of ph) {
      const id = vocab.id(s);
      if (!id) return undefined;
      w.write(id);
    }
    out.push(Buffer.from(w.bytes()));
  }
  return out;
}

/**
 * The phrases' byte patterns in the document's token stream, each at a token boundary (the
 * byte before is the last of a varint, < 0x80), which makes a byte match a token match.
 */
export function hasPhrases(
  tokOff: Uint32Array,
  tokBytes: Uint8Array,
  doc: number,
  phrases: readonly Buffer[],
): boolean {
  const from = tokOff[doc]!;
  const to = tokOff[doc + 1]!;
  const stream = Buffer.from(tokBytes.buffer, tokBytes.byteOffset + from, to - from);
  for (const ph of phrases) {
    let at = stream.indexOf(ph);
    while (at > 0 && stream[at - 1]! >= 0x80) at = stream.indexOf(ph, at + 1);
    if (at < 0) return false;
  }
  return true;
}
