/**
 * One pass over a JSON text that checks it is JSON (RFC 8259) and hands over, one at a time,
 * the entries of the list a file of facts holds — the top-level array, or the array under the
 * root object's `values` (Kolada) — each with the line it starts on and the lines of its
 * fields, and where each field's value stands. Nothing else is kept, so a file of millions of
 * entries costs no more memory than its text; JSON.parse of the whole file would build every
 * entry at once. The caller parses only the values it needs (JSON.parse of a value's span),
 * so an entry carrying millions of values it does not need costs nothing either.
 *
 * Hand-written because no streaming JSON parser that reports lines is among the project's
 * dependencies; the grammar is small. Nesting is limited to `maxJsonDepth` levels.
 */

export type JsonKind = "object" | "array" | "string" | "number" | "literal";

/** Where a value stands in the text (end exclusive), and what it is. */
export interface JsonSpan {
  start: number;
  end: number;
  kind: JsonKind;
}

/**
 * A field of an entry: its name, the line of the name, and its value (the last one, for a name given twice, as
 * JSON.parse keeps).
 */
export interface JsonMember {
  key: string;
  line: number;
  value: JsonSpan;
}

/** An entry of the list: where it stands in the text (end exclusive) and, for an object, its fields. */
export interface JsonEntry {
  /** 0-based position in its array. */
  index: number;
  start: number;
  end: number;
  /** 1-based line where the entry starts. */
  line: number;
  kind: JsonKind;
  /**
   * The fields of an object entry by name, in the order their names first appear, at most
   * `maxEntryFields` different names (`crowded` says there were more).
   */
  members?: Map<string, JsonMember>;
  crowded?: boolean;
}

/** Which list an entry belongs to; `container` tells two `values` members of one object apart. */
export interface JsonList {
  where: "root" | "values";
  /** Offset of the list's `[`. */
  container: number;
}

export interface JsonWalk {
  root: JsonKind;
  /** The root object's last `values` member (JSON.parse keeps the last): its kind and offset. */
  values?: { kind: JsonKind; start: number };
}

export const maxJsonDepth = 1000;
export const maxEntryFields = 1000;

/** Not JSON: the line and what is wrong, in Swedish. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const escapes = new Set([...'"\\/bfnrtu'].map((c) => c.charCodeAt(0)));

class Walker {
  i = 0;
  line = 1;
  depth = 0;

  constructor(
    readonly text: string,
    readonly onEntry: (entry: JsonEntry, list: JsonList) => void,
  ) {}

  /** Moves to `i` (where a problem is). */
  at(i: number): this {
    this.i = i;
    return this;
  }

  fail(problem: string): never {
    throw new JsonSyntaxError(this.line, problem);
  }

  /** "X ska stå här men det står Y" / "texten tar slut där X ska stå". */
  expected(what: string): never {
    if (this.i >= this.text.length) this.fail(`texten tar slut där ${what} skulle stå`);
    const c = this.text[this.i]!;
    const shown =
      c.charCodeAt(0) < 32 ? `tecknet U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : `"${c}"`;
    this.fail(`${what} skulle stå där det står ${shown}`);
  }

  space(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 13) this.i++;
      else if (c === 10) {
        this.i++;
        this.line++;
      } else return;
    }
  }

  enter(): void {
    if (++this.depth > maxJsonDepth) this.fail(`filen är nästlad mer än ${maxJsonDepth} nivåer djupt`);
  }

  /** A string at `i` (which is `"`); returns whether it holds escapes. */
  string(): boolean {
    const t = this.text;
    let i = this.i + 1;
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === QUOTE) {
        this.i = i + 1;
        return escaped;
      }
      if (c === BACKSLASH) {
        escaped = true;
        const n = t.charCodeAt(i + 1);
        if (!escapes.has(n)) {
          this.at(i).fail('en text har ett \\ som inte inleder en giltig teckenkod (\\n, \\", \\\\, \\u00e5 …)');
        }
        if (n === 117) {
          for (let k = 2; k < 6; k++)
            if (!isHex(t.charCodeAt(i + k))) this.at(i).fail("en \\u-kod i en text ska ha fyra hexadecimala siffror");
          i += 6;
        } else i += 2;
        continue;
      }
      if (Number.isNaN(c)) this.at(i).fail("en text tar aldrig slut (citattecknet som avslutar den saknas)");
      if (c < 32) {
        this.at(i).fail("en text innehåller ett styrtecken (en radbrytning eller tab ska skrivas \\n eller \\t)");
      }
      i++;
    }
  }

  /** A field name at `i`: the name, decoded. */
  key(): string {
    if (this.text.charCodeAt(this.i) !== QUOTE) this.expected("ett fältnamn inom citattecken");
    const start = this.i;
    const escaped = this.string();
    return escaped ? (JSON.parse(this.text.slice(start, this.i)) as string) : this.text.slice(start + 1, this.i - 1);
  }

  colon(): void {
    this.space();
    if (this.text.charCodeAt(this.i) !== 58) this.expected('":"');
    this.i++;
    this.space();
  }

  number(): void {
    const t = this.text;
    let i = this.i;
    if (t.charCodeAt(i) === 45) i++;
    if (t.charCodeAt(i) === 48) i++;
    else if (isDigit(t.charCodeAt(i))) while (isDigit(t.charCodeAt(i))) i++;
    else this.at(i).expected("en siffra");
    if (t.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(t.charCodeAt(i))) this.at(i).expected("en decimal");
      while (isDigit(t.charCodeAt(i))) i++;
    }
    if (t.charCodeAt(i) === 101 || t.charCodeAt(i) === 69) {
      i++;
      if (t.charCodeAt(i) === 43 || t.charCodeAt(i) === 45) i++;
      if (!isDigit(t.charCodeAt(i))) this.at(i).expected("en exponent");
      while (isDigit(t.charCodeAt(i))) i++;
    }
    this.i = i;
  }

  /** Any value at `i` (not space); returns its kind. */
  value(): JsonKind {
    const t = this.text;
    const c = t.charCodeAt(this.i);
    if (c === 123) {
      this.object();
      return "object";
    }
    if (c === 91) {
      this.array();
      return "array";
    }
    if (c === QUOTE) {
      this.string();
      return "string";
    }
    if (c === 45 || isDigit(c)) {
      this.number();
      return "number";
    }
    for (const word of ["true", "false", "null"]) {
      if (t.startsWith(word, this.i)) {
        this.i += word.length;
        return "literal";
      }
    }
    this.expected("ett värde (text inom citattecken, tal, true, false, null, [ eller {)");
  }

  /** `{ … }`; `onMember` sees each field after its name, and reads its value itself when it returns true. */
  object(
    onMember?: (key: string, line: number) => boolean,
    onValue?: (key: string, line: number, value: JsonSpan) => void,
  ): void {
    this.enter();
    this.i++;
    this.space();
    if (this.text.charCodeAt(this.i) === 125) this.i++;
    else
      for (;;) {
        this.space();
        const line = this.line;
        const key = this.key();
        this.colon();
        const start = this.i;
        if (!onMember?.(key, line)) {
          const kind = this.value();
          onValue?.(key, line, { start, end: this.i, kind });
        }
        this.space();
        const c = this.text.charCodeAt(this.i);
        if (c === 44) this.i++;
        else if (c === 125) {
          this.i++;
          break;
        } else this.expected('"," eller "}"');
      }
    this.depth--;
  }

  /** `[ … ]`; `onItem` reads each item itself when given. */
  array(onItem?: (index: number) => void): void {
    this.enter();
    this.i++;
    this.space();
    if (this.text.charCodeAt(this.i) === 93) this.i++;
    else
      for (let index = 0; ; index++) {
        this.space();
        if (onItem) onItem(index);
        else this.value();
        this.space();
        const c = this.text.charCodeAt(this.i);
        if (c === 44) this.i++;
        else if (c === 93) {
          this.i++;
          break;
        } else this.expected('"," eller "]"');
      }
    this.depth--;
  }

  /** The entries of a list: each read with its fields' lines, then handed over. */
  entries(list: JsonList["where"]): void {
    const container = this.i;
    this.array((index) => {
      const start = this.i;
      const line = this.line;
      if (this.text.charCodeAt(start) === 123) {
        const members = new Map<string, JsonMember>();
        let crowded = false;
        this.object(undefined, (key, keyLine, value) => {
          if (members.size < maxEntryFields || members.has(key)) members.set(key, { key, line: keyLine, value });
          else crowded = true;
        });
        this.onEntry(
          { index, start, end: this.i, line, kind: "object", members, ...(crowded ? { crowded } : {}) },
          { where: list, container },
        );
      } else {
        const kind = this.value();
        this.onEntry({ index, start, end: this.i, line, kind }, { where: list, container });
      }
    });
  }

  walk(): JsonWalk {
    this.space();
    const c = this.text.charCodeAt(this.i);
    let result: JsonWalk;
    if (c === 91) {
      this.entries("root");
      result = { root: "array" };
    } else if (c === 123) {
      let values: JsonWalk["values"];
      this.object((key) => {
        if (key !== "values" || this.depth !== 1) return false;
        const start = this.i;
        if (this.text.charCodeAt(start) === 91) {
          this.entries("values");
          values = { kind: "array", start };
        } else values = { kind: this.value(), start };
        return true;
      });
      result = { root: "object", ...(values ? { values } : {}) };
    } else result = { root: this.value() };
    this.space();
    if (this.i < this.text.length) this.fail("efter JSON-värdet står mer text");
    return result;
  }
}

/** Checks `text` as JSON and hands over the entries of its list (see the module comment); throws JsonSyntaxError. */
export function walkJson(text: string, onEntry: (entry: JsonEntry, list: JsonList) => void): JsonWalk {
  return new Walker(text, onEntry).walk();
}

/** The field of an entry with this name (its last value, as JSON.parse keeps). */
export function member(entry: JsonEntry | undefined, key: string): JsonMember | undefined {
  return entry?.members?.get(key);
}

/** A value, parsed from its span (only the values a reader needs are ever parsed). */
export function valueAt(text: string, span: JsonSpan): unknown {
  return JSON.parse(text.slice(span.start, span.end));
}
