/**
 * Swedish documents written for the tagger's tests, in the shapes real ones take (motions,
 * interpellations, press releases, op-eds copied from the web with their junk, a Riksdag
 * motion, news). Invented people and events; no sentences from the seed texts.
 */

import { readFileSync } from "node:fs";

/** A document's text, kept byte for byte in test/fixtures/documents/. */
const document = (name: string) =>
  readFileSync(new URL(`../../fixtures/documents/${name}.txt`, import.meta.url), "utf8");

export const karlstadMotion = document("karlstad-motion");

export const flenInterpellation = document("flen-interpellation");

export const umeaPressRelease = document("umea-press-release");

export const vaxjoOpEd = document("vaxjo-op-ed");

export const riksdagMotion = document("riksdag-motion");

/** No municipality: "vara" the verb, "Vara" at a sentence's start, "Sala Borsa", Latin "mora". */
export const wordsNotPlaces = document("words-not-places");

export const goteborgNews = document("goteborg-news");

export const lidingoOpEd = document("lidingo-op-ed");
