/**
 * Where each part of a JSON text starts: the line of every array item and object member, so
 * an error can name the line as the user sees it in the file. Runs only on text that
 * JSON.parse has accepted; values are read with JSON.parse from each node's span.
 */

export interface JsonNode {
  /** Offsets of the value in the text, end exclusive. */
  start: number;
  end: number;
  /** 1-based line where the value starts. */
  line: number;
  items?: JsonNode[];
  members?: JsonMember[];
}

export interface JsonMember {
  key: string;
  /** Line of the key. */
  line: number;
  value: JsonNode;
}

const space = new Set([" ", "\t", "\r", "\n", "\uFEFF"]);

export function scanJson(text: string): JsonNode {
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  let i = 0;
  const skipSpace = () => {
    while (i < text.length && space.has(text[i]!)) i++;
  };
  const string = (): string => {
    const s = i;
    i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(s, i)) as string;
  };
  const value = (): JsonNode => {
    skipSpace();
    const start = i;
    const line = lineAt(i);
    const c = text[i];
    if (c === "{") {
      i++;
      const members: JsonMember[] = [];
      skipSpace();
      if (text[i] === "}") i++;
      else
        for (;;) {
          skipSpace();
          const keyLine = lineAt(i);
          const key = string();
          skipSpace();
          i++; // :
          members.push({ key, line: keyLine, value: value() });
          skipSpace();
          if (text[i++] === "}") break; // else ","
        }
      return { start, end: i, line, members };
    }
    if (c === "[") {
      i++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[i] === "]") i++;
      else
        for (;;) {
          items.push(value());
          skipSpace();
          if (text[i++] === "]") break; // else ","
        }
      return { start, end: i, line, items };
    }
    if (c === '"') {
      string();
      return { start, end: i, line };
    }
    while (i < text.length && !space.has(text[i]!) && text[i] !== "," && text[i] !== "]" && text[i] !== "}") i++;
    return { start, end: i, line };
  };
  return value();
}

/** The member of an object node with this key (the last one, as JSON.parse keeps). */
export function member(node: JsonNode | undefined, key: string): JsonMember | undefined {
  const ms = node?.members?.filter((m) => m.key === key) ?? [];
  return ms[ms.length - 1];
}
