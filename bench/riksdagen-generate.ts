/**
 * Riksdagen-shaped `dokumentstatus` files for the structured import benchmark: N files of made-up motions,
 * interpellations, written questions and answers, in the shape and size of the real ones (signers in `dokintressent`,
 * att-satser with decisions, the text as HTML with entities, some with the odd shapes real files have). The same N
 * and seed give the same files. Their text is generated from word lists, never copied.
 */
import { prng, pick, type Rng } from "./corpus-generate.js";

const givenNames = ["Anna", "Bo", "Cecilia", "David", "Eva", "Fredrik", "Greta", "Hassan", "Ingrid", "Johan", "Karin"];
const familyNames = ["Exempelsson", "Påhittad", "Provsson", "Testberg", "Låtsasdotter", "Modellström", "Fiktivsson"];
const partyCodes = ["S", "M", "SD", "C", "V", "KD", "L", "MP", "s", "fp", "kd", "mp"];
const committees = ["CU", "TU", "SkU", "UbU", "SoU", "JuU", "MJU", "FiU", "AU", "NU"];
const subjects = [
  "kollektivtrafiken",
  "skolans resurser",
  "vården på landsbygden",
  "bostadsbyggandet",
  "polisens närvaro",
  "cykelvägar",
  "äldreomsorgen",
  "vattnet i sjöarna",
  "bredbandet",
  "kulturskolan",
];
const verbs = ["stärka", "utreda", "förbättra", "se över", "bygga ut", "förenkla", "säkra", "följa upp"];
const fillers = [
  "Många människor i landet påverkas av detta varje dag.",
  "Det finns goda skäl att agera nu i st&auml;llet f&ouml;r senare.",
  "Kostnaderna är små jämfört med vad det kostar att vänta.",
  "Kommunerna efterfrågar tydligare besked från staten.",
  "Flera utredningar har pekat på samma brister under lång tid.",
  "Den som bor utanför storstäderna märker skillnaden tydligast.",
  "Det handlar i grunden om likvärdighet och rättvisa.",
];

const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const name = (r: Rng) => `${pick(r, givenNames)} ${pick(r, familyNames)}`;

function paragraphs(r: Rng, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const sentences = Array.from({ length: int(r, 3, 7) }, () => pick(r, fillers));
    out.push(`<p>${sentences.join(" ")}</p>`);
  }
  return out.join("");
}

/** The i-th file of a run: its name and JSON. */
export function dokumentstatusFile(i: number, seed = 15): { name: string; json: string } {
  const r = prng(seed * 1_000_003 + i);
  const typ = pick(r, ["mot", "mot", "mot", "ip", "fr", "frs"] as const);
  const year = int(r, 1995, 2024);
  const rm = `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
  const dokId = `H${(year % 100).toString().padStart(2, "0")}${String(i).padStart(6, "0")}`;
  const subject = pick(r, subjects);
  const verb = pick(r, verbs);
  const signers = Array.from({ length: typ === "mot" ? int(r, 1, 4) : 1 }, (_, k) => ({
    intressent_id: String(100000 + int(r, 0, 899999)),
    namn: name(r),
    partibet: pick(r, partyCodes),
    ordning: String(k + 1),
    roll: typ === "mot" ? "undertecknare" : typ === "frs" ? "besvaradav" : "fragestallare",
  }));
  const forslag = Array.from({ length: typ === "mot" ? int(r, 1, 4) : 0 }, (_, k) => ({
    nummer: String(k + 1),
    lydelse:
      `Riksdagen ställer sig bakom det som anförs i motionen om att ${verb} ${subject} och tillkännager ` +
      "detta för regeringen.",
    utskottet: pick(r, ["Avslag", " Avslag", "Bifall", "Delvis bifall"]),
    kammaren: pick(r, ["Avslag", "Bifall", " Avslag"]),
    behandlas_i: `${rm}:${pick(r, committees)}${int(r, 1, 30)}`,
  }));
  const month = String(int(r, 1, 12)).padStart(2, "0");
  const day = String(int(r, 1, 28)).padStart(2, "0");
  const doc = {
    dokumentstatus: {
      dokument: {
        dok_id: dokId,
        rm,
        beteckning: typ === "mot" ? String(int(r, 1, 3000)) : String(int(r, 1, 900)),
        typ,
        subtyp: typ === "mot" ? pick(r, ["Enskild motion", "Partimotion", "Kommittémotion", "-"]) : typ,
        organ: pick(r, committees),
        mottagare: typ === "ip" || typ === "fr" ? `Statsrådet ${name(r)} (${pick(r, ["S", "M"])})` : null,
        datum: `${year}-${month}-${day} 00:00:00`,
        titel: `Att ${verb} ${subject}`,
        subtitel: `av ${signers.map((s) => s.namn).join(" och ")}`,
        dokument_url_html: `//data.riksdagen.se/dokument/${dokId}.html`,
        html: `<div><h2>${typ === "mot" ? "Motivering" : "Bakgrund"}</h2>${paragraphs(r, int(r, 3, 8))}</div>`,
      },
      // Some files give one signer as an object, some have no signers at all.
      dokintressent: r() < 0.03 ? null : { intressent: signers.length === 1 && r() < 0.5 ? signers[0] : signers },
      dokforslag: forslag.length ? { forslag: forslag.length === 1 ? forslag[0] : forslag } : null,
      dokuppgift:
        typ === "mot" ? { uppgift: { kod: "motkat", namn: "Motionskategori", text: "Fristående motion" } } : null,
    },
  };
  return { name: `${dokId.toLowerCase()}.json`, json: (r() < 0.05 ? "\ufeff" : "") + JSON.stringify(doc) };
}
