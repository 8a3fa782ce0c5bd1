/** Templates that would make the parsers explode, shared by the library, CLI and service tests. */

export const bombHead = ["---", "id: bomb", "kind: motion", "title: Bomb", "description: En mall som spränger."];

/**
 * Nine levels of nine aliases each: 9^9 (387 million) strings when expanded; the first alias is on line 7, column 8.
 */
export const aliasBomb = [
  ...bombHead,
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ..."bcdefghi".split("").map((n, i) => `${n}: &${n} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(",")}]`),
  "---",
  "# Rubrik",
  "",
].join("\n");
