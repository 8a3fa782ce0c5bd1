/**
 * A strict iCalendar (RFC 5545) reader for the tests: no iCalendar library is installed, so the
 * feed is checked against the rules it must keep. Refuses (throws, naming the line) a bare LF,
 * a line over 75 octets, a continuation without its space, a malformed content line, a
 * component not closed in order, a VCALENDAR without VERSION:2.0 and PRODID, a VEVENT without
 * UID, DTSTAMP and DTSTART, a DATE or DATE-TIME value of the wrong form, an unescaped
 * comma or semicolon in a TEXT value, a UID used twice. Gives the components with their
 * properties' values unescaped.
 */
export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}
export interface IcsComponent {
  name: string;
  properties: IcsProperty[];
  components: IcsComponent[];
}

const textProperties = new Set(["SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME", "COMMENT"]);

function unescapeText(raw: string, where: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === "\\") {
      const next = raw[++i];
      if (next === "n" || next === "N") out += "\n";
      else if (next === "\\" || next === ";" || next === ",") out += next;
      else throw new Error(`${where}: bad escape \\${next ?? ""}`);
    } else if (ch === ";" || ch === ",") throw new Error(`${where}: unescaped ${ch} in a TEXT value`);
    else out += ch;
  }
  return out;
}

export function parseIcsStrict(text: string): IcsComponent {
  if (!text.endsWith("\r\n")) throw new Error("the last line does not end with CRLF");
  const physical = text.slice(0, -2).split("\r\n");
  physical.forEach((l, i) => {
    if (l.includes("\n") || l.includes("\r")) throw new Error(`line ${i + 1}: bare LF or CR`);
    if (Buffer.byteLength(l, "utf8") > 75) throw new Error(`line ${i + 1}: longer than 75 octets`);
  });
  const logical: { text: string; line: number }[] = [];
  physical.forEach((l, i) => {
    if (l.startsWith(" ") || l.startsWith("\t")) {
      const last = logical.at(-1);
      if (!last) throw new Error(`line ${i + 1}: continuation with nothing before it`);
      last.text += l.slice(1);
    } else logical.push({ text: l, line: i + 1 });
  });
  const stack: IcsComponent[] = [];
  let root: IcsComponent | undefined;
  for (const { text: l, line } of logical) {
    const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*))*):(.*)$/.exec(l);
    if (!m) throw new Error(`line ${line}: not a content line: ${l}`);
    const name = m[1]!.toUpperCase();
    const params = Object.fromEntries(
      [...m[2]!.matchAll(/;([A-Za-z0-9-]+)=("[^"]*"|[^";:,]*)/g)].map((p) => [p[1]!.toUpperCase(), p[2]!]),
    );
    const value = m[3]!;
    if (name === "BEGIN") {
      const c: IcsComponent = { name: value, properties: [], components: [] };
      if (stack.length) stack.at(-1)!.components.push(c);
      else if (root) throw new Error(`line ${line}: a second top-level component`);
      else root = c;
      stack.push(c);
      continue;
    }
    if (name === "END") {
      if (stack.pop()?.name !== value) throw new Error(`line ${line}: END:${value} does not close the open component`);
      continue;
    }
    const current = stack.at(-1);
    if (!current) throw new Error(`line ${line}: a property outside any component`);
    const where = `line ${line}`;
    const isDate = params.VALUE === "DATE";
    if (name === "DTSTART" || name === "DTEND") {
      if (isDate ? !/^\d{8}$/.test(value) : !/^\d{8}T\d{6}Z?$/.test(value))
        throw new Error(`${where}: ${name} "${value}" is not a ${isDate ? "DATE" : "DATE-TIME"}`);
    }
    if (name === "DTSTAMP" && !/^\d{8}T\d{6}Z$/.test(value)) throw new Error(`${where}: DTSTAMP is not UTC`);
    current.properties.push({ name, params, value: textProperties.has(name) ? unescapeText(value, where) : value });
  }
  if (stack.length || !root) throw new Error("a component is not closed");
  const one = (c: IcsComponent, n: string) => c.properties.filter((p) => p.name === n);
  if (root.name !== "VCALENDAR") throw new Error("not a VCALENDAR");
  if (one(root, "VERSION")[0]?.value !== "2.0" || one(root, "PRODID").length !== 1)
    throw new Error("VCALENDAR lacks VERSION:2.0 or PRODID");
  const uids = new Set<string>();
  for (const e of root.components.filter((c) => c.name === "VEVENT")) {
    for (const required of ["UID", "DTSTAMP", "DTSTART"])
      if (one(e, required).length !== 1) throw new Error(`a VEVENT has not exactly one ${required}`);
    const uid = one(e, "UID")[0]!.value;
    if (uids.has(uid)) throw new Error(`UID ${uid} twice`);
    uids.add(uid);
  }
  return root;
}

/** A property's value of a component, by name. */
export const prop = (c: IcsComponent, name: string): string | undefined =>
  c.properties.find((p) => p.name === name)?.value;
