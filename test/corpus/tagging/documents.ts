/**
 * Swedish documents written for the tagger's tests, in the shapes real ones take (motions,
 * interpellations, press releases, op-eds copied from the web with their junk, a Riksdag
 * motion, news). Invented people and events; no sentences from the seed texts.
 */

export const karlstadMotion = `Motion till kommunfullmäktige i Karlstad

Inför en mottagning för sexköpare i Karlstad

Karlstads kommun saknar i dag ett samlat stöd för personer som köper sex och vill sluta. Samtidigt visar polisens arbete att sexköparna finns i alla åldrar och i alla delar av kommunen. I Stockholm har en sådan verksamhet funnits i många år.

Socialtjänsten i Karlstad möter också personer som säljer sex, men har ingen handlingsplan för hur de ska få hjälp. Region Värmland erbjuder vård, men samverkan mellan region och kommun behöver bli tydligare.

Med anledning av ovanstående föreslår vi kommunfullmäktige besluta

- att kommunen utreder hur en mottagning för sexköpare kan inrättas i Karlstad,
- att socialnämnden får i uppdrag att ta fram en handlingsplan mot prostitution och människohandel, samt
- att kommunen tecknar avtal med Region Värmland om
  samverkan kring stöd till personer som säljer sex.

Karlstad 2019-10-16

Anna Andersson (S)
Bertil Karlsson (S), ledamot i kommunfullmäktige
`;

export const flenInterpellation = `Interpellation till socialnämndens ordförande Eva Lind (C)

Vad gör Flens kommun mot prostitution?

I Flen har polisen under det senaste året gjort flera tillslag mot lägenheter där sex säljs. I mars 2003 beslutade kommunfullmäktige att socialnämnden skulle kartlägga prostitutionen i kommunen, men någon kartläggning har ännu inte redovisats. Både Katrineholm och Eskilstuna har kommit längre i sitt arbete.

Personer som säljer sex behöver stöd för att ta sig ur sin situation, och sexköparna måste veta att samhället ser dem.

Mina frågor till Eva Lind är därför:

1. Hur många personer som säljer sex har socialtjänsten i Flen haft kontakt med det senaste året?
2. Vilka åtgärder planerar socialnämnden för att nå sexköparna?
3. Kommer nämnden att ta fram en handlingsplan mot prostitution
   under 2004?

Flen den 8 mars 2004

Karin Berg (V)
`;

export const umeaPressRelease = `Pressmeddelande
2023-05-12

Vänsterpartiet vill att Umeå öppnar en mottagning för personer som säljer sex

Vänsterpartiet i Umeå kräver att Umeå kommun inrättar en mottagning där personer som säljer sex kan få stöd och hjälp. Förslaget lämnas till kommunfullmäktige i juni.

– I Luleå har man redan en sådan verksamhet och den har hjälpt många att lämna prostitutionen. Nu är det dags för Umeå, säger Lisa Nordin, gruppledare för Vänsterpartiet i Umeå.

Enligt Vänsterpartiet saknar Umeå kommun i dag både kunskap och resurser för att möta de personer som utnyttjas i prostitution. En mottagning skulle också kunna samverka med polisen och med kvinnojouren.

– Det här är en fråga om människors rätt till sin egen kropp, säger Lisa Nordin.

Presskontakt
Lisa Nordin, gruppledare (V), 070-123 45 67
Olof Berglund, pressekreterare Vänsterpartiet Umeå, olof.berglund@example.se

Dela den här sidan
Kopiera länk
`;

export const vaxjoOpEd = `Annons

Annons

Debatt

Så ska Växjö bli en tryggare stad för alla

Alliansen i Växjö vill att kommunen tar ett samlat grepp mot människohandel och prostitution. Det kräver samverkan mellan kommunen, polisen och civilsamhället.

Detta är ett debattinlägg. Skribenterna svarar för åsikterna.

Annons

Sexhandeln i Växjö har flyttat från gatan till lägenheter och hotell. Polisen har under året gjort flera tillslag, och socialtjänsten möter fler unga som säljer sex. Till skillnad från Kalmar har Växjö ännu ingen handlingsplan mot prostitution.

Vi vill att Växjö kommun bygger upp ett nätverk med hotell, taxibolag och fastighetsägare, så att fler kan upptäcka människohandel och veta vart de ska vända sig.

Att komma åt sexköparna är avgörande. Utan köpare ingen handel.

Anna Svensson (M)

kommunstyrelsens ordförande i Växjö

Per Olsson (C)

kommunalråd

Maria Ek (KD)

ordförande i socialnämnden

Johan Lind (L)

gruppledare för Liberalerna i Växjö

Annons

Kommentera

Din e-postadress kommer inte publiceras. Obligatoriska fält är märkta *

Till toppen av sidan
`;

export const riksdagMotion = `Motion till riksdagen
2007/08:U211
av Anna Andersson och Bertil Bengtsson (s)

Internationellt arbete mot trafficking

Förslag till riksdagsbeslut
Riksdagen tillkännager för regeringen som sin mening vad i motionen anförs om ett samlat europeiskt arbete mot människohandel.

Motivering
Människohandel för sexuella ändamål är en av de grövsta formerna av organiserad brottslighet. Kvinnor och barn förs över gränserna och säljs som varor. Sverige har genom sexköpslagen visat att det går att minska efterfrågan, men trafficking kan bara bekämpas om länderna i Europa samarbetar.

Regeringen bör verka för att fler länder inför ett förbud mot köp av sexuell tjänst och för att polisens samarbete över gränserna stärks.

Stockholm den 5 oktober 2007

Anna Andersson (s)
Bertil Bengtsson (s)
`;

/** No municipality: "vara" the verb, "Vara" at a sentence's start, "Sala Borsa", Latin "mora". */
export const wordsNotPlaces = `Ett samhälle utan sexköp

Det ska vara enkelt att få hjälp, och stödet ska vara tillgängligt för alla som vill lämna prostitution. Vara öppen om problemen är det första steget. Vi har länge sett hur kunskapen brister.

Frågan diskuterades på en konferens i Sala Borsa i Bologna, där forskare talade om prostitution och de facto-legalisering. En gäldenär i mora betalar ränta, men den som köper sex betalar med andras liv. Ad hoc-lösningar räcker inte, status quo är inget alternativ.
`;

export const goteborgNews = `Publicerad 3 april 2024

Fler söker hjälp hos Mikamottagningen i Göteborg

Allt fler personer som säljer sex söker stöd hos Göteborgs Stad, visar nya siffror från socialförvaltningen. Under förra året hade mottagningen kontakt med över 200 personer.

Enligt verksamhetens chef beror ökningen på att fler känner till att det finns hjälp att få. Mottagningen i Göteborg arbetar också uppsökande på nätet, där annonserna blivit fler.

Samma utveckling syns i Stockholm, där antalet kontakter också ökat.

Göteborgs Stad planerar nu att utöka verksamheten med två tjänster under hösten. (TT)
`;

export const lidingoOpEd = `Lidingös politiker måste ta ansvar för de utsatta

Lidingös kommunfullmäktige har ännu inte beslutat om avtal med de specialistmottagningar som Stockholms stad driver. Det betyder att personer på Lidingö som säljer sex inte kan hänvisas dit.

Stockholms stad erbjuder avtal till alla kommuner i länet. Lidingö stad borde teckna ett sådant avtal redan i år.

Kristina Holm (L), ledamot i kommunfullmäktige på Lidingö
`;
