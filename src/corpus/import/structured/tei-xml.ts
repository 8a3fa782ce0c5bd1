/**
 * Reading TEI XML with @xmldom/xmldom: the parse (a malformed file is refused with the parser's reason, a file nested
 * deeper than any text is refused before it is parsed), and the few ways of walking the tree the TEI readers need.
 * Elements are matched by their local name, so a file with or without the TEI namespace reads alike.
 */
import { DOMParser, type Element, type Node } from "@xmldom/xmldom";
import { xmlDepthExceeds } from "../docx-zip.js";

export const maxXmlDepth = 1000;

export class XmlError extends Error {}

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const ELEMENT_NODE = 1;

/** The root element of an XML text; throws XmlError with the reason when it is not well-formed. */
export function parseXml(text: string): Element {
  if (xmlDepthExceeds(text, maxXmlDepth)) throw new XmlError(`nästlad mer än ${maxXmlDepth} nivåer`);
  let doc: ReturnType<DOMParser["parseFromString"]>;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new XmlError(message);
      },
    }).parseFromString(text, "text/xml");
  } catch (e) {
    throw new XmlError(((e as Error).message.split("\n")[0] ?? "").slice(0, 200));
  }
  const root = doc.documentElement;
  if (!root) throw new XmlError("inget rotelement");
  return root;
}

const isElement = (n: Node): n is Element => n.nodeType === ELEMENT_NODE;

/** The element children of an element, those with the local name given if one is. */
export function children(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < el.childNodes.length; i++) {
    const n = el.childNodes.item(i);
    if (n && isElement(n) && (name === undefined || n.localName === name)) out.push(n);
  }
  return out;
}

/** Every descendant with the local name, in document order. */
export function descendants(el: Element, name: string): Element[] {
  return Array.from(el.getElementsByTagNameNS("*", name));
}

export const first = (el: Element | undefined, name: string): Element | undefined =>
  el ? descendants(el, name)[0] : undefined;

/** The element's text, whitespace folded (in TEI, whitespace inside `<p>` is layout, not content). */
export const textOf = (el: Element | undefined): string => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

export const attr = (el: Element | undefined, name: string): string | undefined =>
  el?.getAttribute(name)?.trim() || undefined;

export const xmlId = (el: Element | undefined): string | undefined =>
  el?.getAttributeNS(XML_NS, "id")?.trim() || el?.getAttribute("xml:id")?.trim() || undefined;

/** The `<div>`s with `type` given, anywhere below. */
export const divs = (el: Element, type: string): Element[] =>
  descendants(el, "div").filter((d) => d.getAttribute("type") === type);
