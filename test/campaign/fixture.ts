/**
 * A temp copy of the shipped database with campaign facts for Stockholms län added: KAST
 * agreements (yes and no, some with history) and population figures, each with a source that
 * names its municipality. Tests compute what a campaign should select from `extraFacts`
 * and the shipped facts directly, not through the code under test.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..", "..");

interface RawFact {
  id: string;
  subject: string;
  key: string;
  value: { type: string; value: unknown };
  asOf: string | null;
  source: { title: string; publisher: string; date: string | null };
  recordedAt: string;
}

const fact = (
  subject: string,
  name: string,
  key: string,
  value: { type: string; value: unknown },
  asOf: string,
): RawFact => ({
  id: `${subject}.${key}.${asOf}.kampanjtest`,
  subject,
  key,
  value,
  asOf,
  source: { title: `Protokoll – kommunstyrelsen i ${name}`, publisher: `${name} kommun`, date: asOf },
  recordedAt: "2026-11-20T12:00:00.000Z",
});
const yes = { type: "boolean", value: true };
const no = { type: "boolean", value: false };
const pop = (n: number) => ({ type: "number", value: n });

export const extraFacts: RawFact[] = [
  fact("0120", "Värmdö", "mika_kast_agreement", no, "2025-03-01"),
  fact("0123", "Järfälla", "mika_kast_agreement", yes, "2025-02-01"),
  fact("0125", "Ekerö", "mika_kast_agreement", yes, "2022-01-01"),
  fact("0125", "Ekerö", "mika_kast_agreement", no, "2025-06-01"), // latest: no
  fact("0126", "Huddinge", "mika_kast_agreement", no, "2021-01-01"),
  fact("0126", "Huddinge", "mika_kast_agreement", yes, "2025-01-01"), // latest: yes
  fact("0127", "Botkyrka", "mika_kast_agreement", no, "2025-04-01"),
  fact("0120", "Värmdö", "population", pop(47_000), "2025"),
  fact("0125", "Ekerö", "population", pop(29_500.5), "2025"),
  fact("0127", "Botkyrka", "population", pop(95_000), "2025"),
  fact("0182", "Nacka", "population", pop(108_000), "2025"),
  fact("0180", "Stockholm", "population", pop(988_943), "2025"),
  fact("1480", "Göteborg", "population", pop(600_000), "2025"),
];

/** All facts the temp database holds. */
export function allFacts(): RawFact[] {
  const db = JSON.parse(readFileSync(join(root, "corpus", "motionera.json"), "utf8")) as { facts: RawFact[] };
  return [...db.facts, ...extraFacts];
}

/** The latest value per municipality for a key (ties: the later recorded), straight from the raw facts. */
export function latestBy(key: string): Map<string, unknown> {
  const out = new Map<string, { asOf: string; value: unknown }>();
  for (const f of allFacts()) {
    if (f.key !== key || !/^\d{4}$/.test(f.subject) || f.asOf === null) continue;
    const prev = out.get(f.subject);
    if (!prev || f.asOf >= prev.asOf) out.set(f.subject, { asOf: f.asOf, value: f.value.value });
  }
  return new Map([...out].map(([k, v]) => [k, v.value]));
}

export function tempDb(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), "motionera-campaign-"));
  const db = join(dir, "db.json");
  copyFileSync(join(root, "corpus", "motionera.json"), db);
  const data = JSON.parse(readFileSync(db, "utf8")) as { facts: RawFact[] };
  data.facts.push(...extraFacts);
  writeFileSync(db, JSON.stringify(data, null, 2));
  return { dir, db };
}

/** The 26 municipalities of Stockholms län, by SCB code (county 01 = codes 01xx). */
export const stockholmCodes = [
  "0114",
  "0115",
  "0117",
  "0120",
  "0123",
  "0125",
  "0126",
  "0127",
  "0128",
  "0136",
  "0138",
  "0139",
  "0140",
  "0160",
  "0162",
  "0163",
  "0180",
  "0181",
  "0182",
  "0183",
  "0184",
  "0186",
  "0187",
  "0188",
  "0191",
  "0192",
];

/**
 * A campaign template that cites the KAST agreement where the registry has it (accepting
 * values up to two years old) and asks the signer to fill it in where it does not: two
 * places to fill in. With today 2026-11-24: Värmdö's value (2025) is fresh, Lidingö's (2023)
 * too old, Nykvarn has none.
 */
export const reviewCampaignTemplate = [
  "---",
  "id: kampanj-fyll-i",
  "kind: motion",
  "title: Kampanj med ställen att fylla i",
  "description: En testmall för kampanjer.",
  "facts:",
  "  - key: mika_kast_agreement",
  "    required: false",
  "maxAge: P2Y",
  "---",
  "# KAST i {{municipality.name}}",
  "",
  '{{#hasFact "mika_kast_agreement"}}Avtal: {{cite "mika_kast_agreement"}}.{{else}}Avtal: {{placeholder "om ' +
    'kommunen har avtal med KAST"}}, sedan {{placeholder "avtalets datum"}}.{{/hasFact}}',
  "",
  "- att testa",
  "",
].join("\n");
