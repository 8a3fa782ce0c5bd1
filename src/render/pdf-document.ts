/**
 * The pdfkit document the PDF writer makes: pdfkit's own, with its streams (page contents, font programs, ToUnicode
 * maps) deflated at zlib's level 1 instead of pdfkit's default level 6.
 *
 * Deflating was the largest single cost of a campaign PDF. Level 1 against 6, the campaign's drafts rendered in
 * alternating batches of 29 (20 each): CPU per PDF 3.87 against 5.06 ms at the minimum, 5.46 against 6.96 ms at the
 * median; the PDF grows by 4 % (33.0 → 34.4 KB). Page contents are long runs of the same operators and compress
 * almost as well at level 1; the font programs barely compress at any level. Both fonts (DejaVu and the built-in
 * baseline) get the same, so the benchmark's comparison stays like for like.
 */
import { deflateSync } from "node:zlib";
import PDFDocument from "pdfkit";

/** zlib's fastest level that still compresses. */
const STREAM_LEVEL = 1;

/** What pdfkit's PDFReference (0.17–0.20) has that this reads and sets. */
interface Reference {
  /** pdfkit deflates the stream in `finalize` when set. */
  compress: boolean;
  /** The stream's chunks so far. */
  buffer: Uint8Array[];
  data: { Filter?: unknown };
  finalize(): void;
}

const isReference = (x: unknown): x is Reference => {
  const r = x as Partial<Reference> | null;
  return typeof r?.compress === "boolean" && Array.isArray(r.buffer) && typeof r.finalize === "function";
};

const PdfkitDocument = PDFDocument as unknown as new (options?: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;

export class PdfDocument extends PdfkitDocument {
  /** Every object of the document is made here, the first page's contents too (in pdfkit's constructor). */
  override ref(data: object): PDFKit.PDFKitReference {
    const made = super.ref(data);
    const ref: unknown = made;
    if (!isReference(ref)) return made;
    const finalize = ref.finalize;
    ref.finalize = function (this: Reference): void {
      // Only a stream pdfkit would deflate (it turns that off for some, such as XMP metadata, after making them).
      if (this.compress && this.buffer.length > 0) {
        this.buffer = [deflateSync(Buffer.concat(this.buffer), { level: STREAM_LEVEL })];
        this.data.Filter = "FlateDecode";
        this.compress = false;
      }
      finalize.call(this);
    };
    return made;
  }
}
