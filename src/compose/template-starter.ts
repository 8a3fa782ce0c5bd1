/**
 * `motionera templates new`: a commented starting template of a kind, which passes
 * `motionera templates check` as it is. The comments ({{!-- … --}} and YAML #) say where the
 * rules of docs/templates.md apply; they never reach a document.
 */
import type { DocumentKind } from "../domain/draft.js";

const frontMatter = (id: string, kind: DocumentKind, extraInputs: string) => `---
# Mallens id är filens namn: ${id}.hbs i mappen ${kind}/. Se docs/writing-templates.md.
id: ${id}
kind: ${kind}
title: Ny mall
description: Beskriv i en mening vad mallen föreslår eller frågar.
topics: []                     # ämnen ur korpusens ordlista (motionera corpus search visar dem)
inputs:                        # det användaren fyller i (--set namn=…, API:t och formuläret)
  - name: background
    type: text
    label: Egen bakgrund
    help: Ett eller flera stycken. {fakta:nyckel} citerar ett värde ur faktaregistret med källa.
${extraInputs}facts:                         # varje faktanyckel mallen läser, en gång (motionera facts keys)
  - key: kolada_n15419
    required: false            # true: utkastet stoppas om uppgiften saknas
maxAge: P3Y                    # äldre uppgifter listas som "kontrollera"
---
`;

const claim = `{{!-- Ett påstående om kommunen står alltid i {{#claim}}: meningen visas bara när uppgiften finns,
och den måste citera uppgiften med {{cite}} eller {{source}}. Siffror kommer bara från {{cite}}.
{{else}} skriver en ärlig mening eller en markering att fylla i ({{missingFact}} säger hur
uppgiften hämtas). Gamla uppgifter skrivs i dåtid med sin tid: {{asOf}}, {{when}}, {{year}}. --}}
{{#claim "kolada_n15419"}}
{{asOf "kolada_n15419" capital=true}} hade {{cite "kolada_n15419"}} av eleverna i årskurs nio
nått kunskapskraven i alla ämnen.
{{else}}
{{missingFact "kolada_n15419"}}
{{/claim}}

{{#if input.background}}
{{input.background}}

{{/if}}
`;

const bodies: Record<DocumentKind, string> = {
  motion: `# Rubrik för motionen {{inPlace}}

Motion till {{fullmaktige}} i {{officialName}}

{{!-- {{pronoun "Jag" "Vi" capital=true}} blir "Jag" med en undertecknare och "Vi" med flera. --}}
{{pronoun "Jag" "Vi" capital=true}} anser att …

${claim}Med anledning av ovanstående föreslår {{pronoun}} {{fullmaktige}} besluta

- att ge {{styrelsen}} i uppdrag att …
- att {{styrelsen}} återrapporterar till {{fullmaktige}}

{{placeAndDate}}

{{signatures}}
`,
  interpellation: `# Rubrik för interpellationen

Interpellation till {{input.addressee}}

${claim}Med anledning av detta vill {{pronoun}} ställa följande frågor till {{input.addressee}}:

{{!-- Frågorna numreras och slutar med frågetecken. --}}
1. Vad …?
2. När …?

{{placeAndDate}}

{{signatures}}
`,
  debattartikel: `# Rubrik för debattartikeln

{{!-- Ingressen i fetstil. Debattartiklar har inga noter: källorna hamnar under "Underlag för redaktionen". --}}
**{{pronoun "Jag" "Vi" capital=true}} anser att {{officialName}} ska …**

${claim}{{signatures withPlace=true}}
`,
  pressmeddelande: `# Rubrik för pressmeddelandet

Pressmeddelande {{date}}

**{{signerParties}} {{inPlace}} lämnar i dag ett förslag till {{fullmaktige}} i {{officialName}}.**

${claim}> – Citatet, säger {{quoteBy 1}}.

## Presskontakt

{{signer 1}}\\
Telefon: {{placeholder "presskontaktens telefonnummer"}}\\
E-post: {{placeholder "presskontaktens e-postadress"}}
`,
};

const addressee = `  - name: addressee
    type: string
    label: Till vem
    help: Den som ska svara, till exempel ”kommunstyrelsens ordförande”.
    required: true
`;

/** The text of a new template `id` of `kind`. */
export function starterTemplate(id: string, kind: DocumentKind): string {
  return frontMatter(id, kind, kind === "interpellation" ? addressee : "") + bodies[kind];
}
