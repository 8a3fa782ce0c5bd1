/**
 * A campaign as one zip, built as it goes (fflate's streaming Zip): each draft is added the
 * moment it is rendered and its bytes flow out in chunks, to a file (CLI) or an HTTP
 * response (web), so a whole county's drafts are never held in memory at once. DOCX and PDF
 * are already compressed and are stored; text formats and the summaries are deflated.
 */
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

export type ChunkSink = (chunk: Uint8Array, final: boolean) => void;

const stored = /\.(docx|pdf|zip)$/i;
const encoder = new TextEncoder();

export class StreamingZip {
  readonly #zip: Zip;
  #failed: Error | undefined;

  constructor(sink: ChunkSink) {
    this.#zip = new Zip((err, chunk, final) => {
      if (err) {
        this.#failed = err;
        return;
      }
      sink(chunk, final);
    });
  }

  add(name: string, data: Uint8Array | string): void {
    if (this.#failed) throw this.#failed;
    const bytes = typeof data === "string" ? encoder.encode(data) : data;
    const entry = stored.test(name) ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    this.#zip.add(entry);
    entry.push(bytes, true);
  }

  end(): void {
    if (this.#failed) throw this.#failed;
    this.#zip.end();
  }
}

/** "kampanj-2026-11-24-kast-avtal.zip" */
export function zipName(template: string, date: string): string {
  return `kampanj-${date}-${template.replace(/[^a-z0-9-]+/gi, "-")}.zip`;
}
