/**
 * Templates of our own for the review tests: one with two places to fill in and a fact older
 * than it accepts (Lidingö's KAST agreement, from 2023, against a one-year limit), one with
 * only places to fill in (for strict), and one with nothing to do. So the tests do not depend
 * on what the shipped templates say.
 */
import { templatesFolder } from "../helpers/cli.js";

export const reviewTemplates = () =>
  templatesFolder({
    "motion/fyll-i.hbs": [
      "---",
      "id: fyll-i",
      "kind: motion",
      "title: Fyll i",
      "description: En testmall med två ställen att fylla i och en uppgift som är för gammal.",
      "facts:",
      "  - key: mika_kast_agreement",
      "maxAge: P1Y",
      "---",
      "# Beslut i {{municipality.name}}",
      "",
      'Kommunstyrelsen beslutade den {{placeholder "beslutets datum"}} att utreda frågan. Avtal: {{cite ' +
        '"mika_kast_agreement"}}.',
      "",
      '- att {{placeholder "nämndens namn"}} får i uppdrag att testa',
      "",
    ].join("\n"),
    "motion/bara-fyll-i.hbs": [
      "---",
      "id: bara-fyll-i",
      "kind: motion",
      "title: Bara fyll i",
      "description: Två ställen att fylla i.",
      "---",
      "# Beslut",
      "",
      'Den {{placeholder "beslutets datum"}} av {{placeholder "nämndens namn"}}.',
      "",
      "- att testa",
      "",
    ].join("\n"),
    "motion/klar.hbs": [
      "---",
      "id: klar",
      "kind: motion",
      "title: Klar",
      "description: En testmall utan något att fylla i.",
      "---",
      "# Klart i {{municipality.name}}",
      "",
      "- att testa",
      "",
    ].join("\n"),
  });
