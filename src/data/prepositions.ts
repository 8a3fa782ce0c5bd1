/**
 * The preposition a municipality's name takes when it says where something is: "på Lidingö",
 * "på Gotland", but "i Umeå". Only the municipalities listed here take "på"; all others "i".
 *
 * Rule (sources, facts only; consulted 2026-12-02 through stored copies):
 *   - Wikipedia (Swedish), "I eller på" <https://sv.wikipedia.org/wiki/I_eller_p%C3%A5> (read as
 *     revision 34897647 in a mirror): islands, capes
 *     and necks take "på", administrative units such as municipalities take "i"; where a place is
 *     both, the established use decides, and where the administrative sense has taken over it is
 *     always "i" (the article's example: "i Djursholm").
 *   - Göteborgs-Posten, "På öar men i stater" (date not shown in the stored copy),
 *     <https://www.gp.se/debatt/p%C3%A5-%C3%B6ar-men-i-stater-1.3832117>: "på" for islands,
 *     "i" for states; "på Gotland" dominates in newspaper text.
 *
 * Listed: municipalities named after the island they stand on, or made of islands, where "på"
 * is the established use for the municipality itself. Evidence of use: "på Lidingö", "på
 * Gotland" (both sources above); "på Hammarö" (the local paper hammaronytt.se, on the
 * municipality's house owners); "på Ekerö", "på Värmdö", "på Öckerö" (public web texts about
 * the municipalities).
 * Tjörn and Orust are island municipalities named after their main island ("på Tjörn", "på
 * Orust" in standard use).
 *
 * Left at "i", doubtful or often asked:
 *   - Vaxholm (0187): the town stands on an island, but the municipality (Vaxholms stad) is "i
 *     Vaxholm" in established use; the administrative sense has taken over.
 *   - Borgholm (0885), Mörbylånga (0840): on Öland, which is "på Öland"; the municipalities and
 *     their seats are "i Borgholm", "i Mörbylånga".
 *   - Sotenäs (1427): "på Sotenäset" is the peninsula; the municipality is "i Sotenäs". Doubtful.
 *   - Tyresö (0138), Danderyd (0162), Nacka (0182): names ending in -ö or seats once estates
 *     ("i Djursholm"), but not islands as municipalities: "i".
 *   - Stenungsund, Lysekil, Strömstad, Kungälv: coastal, not islands: "i".
 */
export const paMunicipalityCodes: ReadonlySet<string> = new Set([
  "0120", // Värmdö
  "0125", // Ekerö
  "0186", // Lidingö
  "0980", // Gotland
  "1407", // Öckerö
  "1419", // Tjörn
  "1421", // Orust
  "1761", // Hammarö
]);
