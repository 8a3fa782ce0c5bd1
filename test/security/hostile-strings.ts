/**
 * Known-bad strings for every field a user can fill, and fast-check arbitraries that mix them
 * with arbitrary Unicode. Shared by the security tests.
 */
import fc from "fast-check";

/** name → value. Each entry is a way a careless writer or template engine has been broken. */
export const hostileStrings: Record<string, string> = {
  // Characters XML 1.0 forbids: one of them makes Word refuse the whole file.
  "C0 controls":
    "a\u0000b\u0001c\u0002\u0003\u0004\u0005\u0006\u0007\u0008d\u000Be\u000Cf\u000E\u000F\u0010\u0011" +
    "\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001Fg",
  "U+FFFE and U+FFFF": "före\uFFFE mitt \uFFFFefter",
  "lone high surrogate": "hög \uD800 ensam",
  "lone low surrogate": "låg \uDC00 ensam",
  "surrogates reversed": "\uDC00\uD800 omvänd",
  "lone surrogate at end": "slut \uD83D",
  "C1 controls and NEL": "c1 \u0080\u0085\u009F slut",
  "NUL only": "\u0000",
  // Text direction.
  "right-to-left Arabic": "مرحبا بالعالم — Lidingö",
  "Hebrew with numbers": "שלום 123 עולם",
  "bidi override": "Anna \u202Egnissab\u202C Andersson \u2066isolerad\u2069 \u200F\u200E",
  "zero-width and BOM": "noll\u200Bbredd\u200C\u200D\u2060\uFEFFtecken",
  "line and paragraph separators": "rad\u2028separator\u2029stycke",
  // Astral planes.
  "emoji and ZWJ sequences": "👩‍👩‍👧‍👦 🏳️‍🌈 🇸🇪 ✊🏾 😀",
  "astral letters": "𝕸𝖔𝖙𝖎𝖔𝖓 𐍈 𠜎 𝄞",
  "combining marks": "Z̷̢̛̲̪̈́a̵͙̓l̸̰̒g̶̩̿o̴̠͆ Å (A\u030A)",
  // Handlebars.
  mustaches: '{{cite "mika_kast_agreement"}} {{{raw}}} {{> partial}} {{#each this}}x{{/each}}',
  "lone braces": "{{ }} }} {{ {",
  "proto lookup": '{{constructor.constructor "return process"}} {{lookup this "__proto__"}}',
  // HTML.
  "script tag": "<script>alert(1)</script>",
  "img onerror": "<img src=x onerror=alert(1)>",
  "attribute breakout": '" onmouseover="alert(1)" x=\' <a href="javascript:alert(1)">',
  entities: "&amp; &lt;script&gt; &#0; &#x1; &#xD800; &nbsp;",
  "html block": "<div>\n<script>alert(1)</script>\n</div>",
  "html comment and cdata": '<!-- kommentar --> <![CDATA[ x ]]> <?xml version="1.0"?>',
  // Markdown.
  heading: "# Rubrik",
  "setext heading": "Rubrik\n======",
  "bullet list": "* punkt\n- punkt\n+ punkt",
  "ordered list": "1. första\n2) andra",
  "att list": "- att kommunen avskaffar allt",
  "javascript link": "[klicka](javascript:alert(1))",
  autolink: "<javascript:alert(1)> <https://example.se> www.example.se",
  "reference link": "[x][1]\n\n[1]: javascript:alert(1)",
  image: "![bild](https://example.se/x.png)",
  backticks: "`kod` ```\nblock\n``` ~~~",
  table: "| a | b |\n|---|---|\n| 1 | 2 |",
  "thematic break": "---",
  "front matter fence": "---\nid: x\n---",
  blockquote: "> citat\n>> djupare",
  emphasis: "*kursiv* **fet** _under_ ~~struken~~",
  "indented code": "    kod med fyra mellanslag",
  backslashes: "\\ \\\\ \\* \\# \\n slut\\",
  "hard break": "rad ett  \nrad två\\\nrad tre",
  "footnote syntax": "[^1] [^1]: falsk fotnot",
  "citation marker": "\uE0001\uE001 \uE000999\uE001 privat",
  // SQL and JSON: what a store that built its statements or its JSON from strings would run or break on.
  "SQL injection": "'; DROP TABLE facts; --",
  "SQL tautology and comment": "' OR '1'='1' /* kommentar */ -- ",
  "SQL dollar quoting and placeholders": "$$; DELETE FROM facts; $$ $tag$x$tag$ $1 $2::text ?",
  "SQL backslash escapes": "E'\\x00' \\' \\\\ \\0",
  "JSON breaking": '"}], "id": "kapad", "value": {"type": "number", "value": 1}, "x": ["',
  "JSON escapes as text": '\\u0000 \\ud800 \\" \\n \\/',
  "NUL in the middle": "före\u0000efter",
  "store's own escape marker": "\uF8FE0 \uF8FEe \uF8FEsd800 \uF8FE",
  "huge unicode": "👩‍👩‍👧‍👦 𝕸 ﷽ Å".repeat(400),
  // Assorted.
  "only whitespace": " \t\n\r\n ",
  "tabs and CRs": "a\tb\rc\r\nd",
  "very long word": "x".repeat(5000),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal "${x}" is one of the hostile inputs under test
  "percent and dollar": "100 % $& $1 $$ ${x}",
  "Windows path": "..\\..\\Windows\\System32",
  "Unix path": "../../../../etc/passwd",
};

/** The entries whose value fits on one line (for single-line fields, after validation). */
export function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, " ");
}

/** Hostile strings in a form every field accepts: one line, trimmed, not empty, at most `max` long. */
export function forField(s: string, max: number): string {
  const v = oneLine(s).trim().slice(0, max);
  return v.length > 0 ? v : "x";
}

/** Arbitrary strings: full Unicode (lone surrogates included) mixed with pieces of the table. */
export function hostileArbitrary(maxLength = 60): fc.Arbitrary<string> {
  const pieces = Object.values(hostileStrings).map((s) => s.slice(0, 80));
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
    { weight: 2, arbitrary: fc.constantFrom(...pieces) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "!",
        "![",
        "#",
        "# ",
        "* ",
        "- ",
        "1. ",
        "> ",
        "`",
        "|",
        "---",
        "{{",
        "}}",
        "<",
        ">",
        "&",
        "\\",
        "[",
        "](",
        ")",
        "\n",
        "\n\n",
        "att ",
        "?",
        "\uE000",
        "\uE001",
        "\u0000",
        "\uFFFE",
        "\uD800",
        "\uDC00",
        "😀",
        "\u202E",
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  );
  return fc.array(piece, { maxLength: 8 }).map((xs) => xs.join("").slice(0, maxLength));
}
