/**
 * Draft → HTML: a whole page (lang="sv", small print-friendly stylesheet) or, with
 * `fragment`, just the `<article>` for the web preview. Every piece of text passes one
 * function, `escapeHtml`. Citations are `<sup><a href="#not-1">1</a></sup>` linking to the
 * notes; only http(s) (and, in running text, mailto) addresses become links.
 */
import { draftSources, notedCitations, placeholderText, type Block, type Draft, type Inline } from "../domain/draft.js";
import { citationNote, citationOf, linkUrl, sourceEntry, webUrl, type NoteText } from "./citation-text.js";
import { labels } from "./messages.sv.js";
import { xmlSafe } from "../domain/xml-safe.js";

export interface HtmlOptions {
  /** Only the `<article>`, for embedding in a page (the web preview). */
  fragment?: boolean;
}

/** The one escape: text and attribute values (characters HTML forbids are dropped too). */
export function escapeHtml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function renderHtml(draft: Draft, opts: HtmlOptions = {}): string {
  const article = new HtmlWriter(draft).article();
  if (opts.fragment) return article;
  const { meta } = draft;
  const head = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(meta.title)}</title>`,
    meta.authors.length
      ? `<meta name="author" content="${escapeHtml(meta.authors.map((a) => a.name).join(", "))}">`
      : "",
    meta.description ? `<meta name="description" content="${escapeHtml(meta.description)}">` : "",
    meta.keywords.length ? `<meta name="keywords" content="${escapeHtml(meta.keywords.join(", "))}">` : "",
    `<style>${CSS}</style>`,
  ].filter(Boolean);
  return (
    `<!doctype html>\n<html ` +
    `lang="sv">\n<head>\n${head.join("\n")}\n</head>\n<body>\n${article}\n</body>\n</html>\n`
  );
}

const CSS = [
  "body{margin:0;background:#fff;color:#1a1a1a}",
  ".draft{max-width:42rem;margin:2rem auto;padding:0 1.25rem;font:1.05rem/1.55 Georgia,'Times New Roman',serif}",
  ".draft h1,.draft h2,.draft h3{font-family:Arial,Helvetica,sans-serif;line-height:1.25;margin:1.6em 0 .5em}",
  ".draft h1{font-size:1.6rem;margin-top:0}.draft h2{font-size:1.25rem}.draft h3{font-size:1.05rem}",
  ".draft p{margin:0 0 .8em}.draft li{margin:.25em 0}",
  ".draft ul.proposals{list-style:none;padding-left:1.5em}",
  ".draft ul.proposals>li::before{content:'–';display:inline-block;width:1.2em;margin-left:-1.2em}",
  ".draft blockquote{margin:1em 1.5em;padding-left:1em;border-left:3px solid #999;font-style:italic;color:#404040}",
  ".draft hr{border:0;border-top:1px solid #999;margin:1.5em 0}",
  ".draft a{color:#1a4f8b}.draft sup{line-height:0}.draft sup a{text-decoration:none}",
  ".draft .notes,.draft .sources{font-size:.9rem}",
  ".draft mark.placeholder{background:#fff3a0;color:inherit;padding:0 " +
    ".1em;print-color-adjust:exact;-webkit-print-color-adjust:exact}",
  "@media print{.draft{max-width:none;margin:0;padding:0;font-size:11pt}.draft a{color:inherit}" +
    ".draft h1,.draft h2,.draft h3,.draft .keep-with-next{break-after:avoid}.draft li,.draft " +
    "blockquote{break-inside:avoid}}",
].join("");

class HtmlWriter {
  /** How many times each note has been referenced so far (for unique ids of the references). */
  private readonly refs = new Map<number, number>();

  constructor(private readonly draft: Draft) {}

  article(): string {
    const { draft } = this;
    const parts = [`<article class="draft draft-${escapeHtml(draft.meta.kind)}" lang="sv">`];
    for (const block of draft.blocks) parts.push(this.block(block));
    const notes = notedCitations(draft);
    if (notes.length > 0) {
      parts.push(
        `<section class="notes" aria-labelledby="noter">`,
        `<h2 id="noter">${escapeHtml(labels.notes)}</h2>`,
        `<ol>`,
      );
      for (const c of notes) {
        const back = this.refs.has(c.n)
          ? ` <a class="back" href="#ref-${c.n}" aria-label="${escapeHtml(labels.backToText)}">↩</a>`
          : "";
        parts.push(`<li id="not-${c.n}" value="${c.n}">${note(citationNote(c))}${back}</li>`);
      }
      parts.push(`</ol>`, `</section>`);
    }
    const sources = draftSources(draft);
    if (sources.length > 0) {
      parts.push(
        `<section class="sources" aria-labelledby="kallor">`,
        `<h2 id="kallor">${escapeHtml(labels.sources)}</h2>`,
        `<ul>`,
      );
      for (const s of sources) parts.push(`<li>${note(sourceEntry(s))}</li>`);
      parts.push(`</ul>`, `</section>`);
    }
    parts.push(`</article>`);
    return parts.join("\n");
  }

  private block(block: Block): string {
    switch (block.type) {
      case "heading":
        return `<h${block.level}>${this.inlines(block.children)}</h${block.level}>`;
      case "paragraph":
        return block.keepWithNext
          ? `<p class="keep-with-next">${this.inlines(block.children)}</p>`
          : `<p>${this.inlines(block.children)}</p>`;
      case "list": {
        const tag = block.ordered ? "ol" : "ul";
        const cls = block.role === "plain" ? "" : ` class="${block.role}"`;
        const items = block.items.map((item) => `<li>${this.inlines(item)}</li>`).join("\n");
        return `<${tag}${cls}>\n${items}\n</${tag}>`;
      }
      case "quote":
        return `<blockquote>\n${block.children.map((b) => this.block(b)).join("\n")}\n</blockquote>`;
      case "rule":
        return `<hr>`;
    }
  }

  private inlines(nodes: readonly Inline[]): string {
    let out = "";
    nodes.forEach((node, i) => {
      switch (node.type) {
        case "text":
          out += escapeHtml(node.value);
          break;
        case "strong":
          out += `<strong>${this.inlines(node.children)}</strong>`;
          break;
        case "emphasis":
          out += `<em>${this.inlines(node.children)}</em>`;
          break;
        case "break":
          out += "<br>";
          break;
        case "link": {
          const url = linkUrl(node.url);
          out += url ? `<a href="${escapeHtml(url)}">${this.inlines(node.children)}</a>` : this.inlines(node.children);
          break;
        }
        case "placeholder":
          out += `<mark class="placeholder">${escapeHtml(placeholderText(node.text))}</mark>`;
          break;
        case "citation": {
          const c = citationOf(this.draft, node.n);
          const k = (this.refs.get(c.n) ?? 0) + 1;
          this.refs.set(c.n, k);
          const id = k === 1 ? `ref-${c.n}` : `ref-${c.n}-${k}`;
          const sep = nodes[i - 1]?.type === "citation" ? "<sup>,</sup>" : "";
          out +=
            `${sep}<sup><a href="#not-${c.n}" id="${id}" ` +
            `aria-label="${escapeHtml(labels.note)} ${c.n}">${c.n}</a></sup>`;
          break;
        }
      }
    });
    return out;
  }
}

function note(n: NoteText): string {
  if (!n.url) return escapeHtml(n.text);
  const href = webUrl(n.url);
  return `${escapeHtml(n.text)} ${href ? `<a href="${escapeHtml(href)}">${escapeHtml(n.url)}</a>` : escapeHtml(n.url)}`;
}
