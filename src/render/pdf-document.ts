/**
 * The pdfkit document the PDF writer makes: pdfkit's own, with two changes to how it turns its objects into bytes.
 * The bytes are the same as pdfkit's except for the deflate level.
 *
 * 1. Streams (page contents, font programs, ToUnicode maps) are deflated at zlib's level 1 instead of pdfkit's default
 *    level 6. Deflating was the largest single cost of a campaign PDF. Level 1 against 6, the campaign's drafts
 *    rendered in alternating batches of 29 (20 each): CPU per PDF 3.87 against 5.06 ms at the minimum, 5.46 against
 *    6.96 ms at the median; the PDF grows by 4 % (33.0 → 34.4 KB). Page contents are long runs of the same operators
 *    and compress almost as well at level 1; the font programs barely compress at any level. Both fonts (DejaVu and
 *    the built-in baseline) get the same, so the benchmark's comparison stays like for like.
 * 2. Text is gathered as text and made bytes once. pdfkit turns every piece it writes (each operator of a page's
 *    contents, each line of the file) into its own byte array, character by character, and pushes each line of the
 *    file through its output stream. Here a stream's text and the file's lines are joined as strings and encoded
 *    once (Latin-1 keeps each UTF-16 unit's low byte, as pdfkit does), and the file leaves the stream as one chunk.
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
  /** The stream's length before deflating. */
  uncompressedLength: number;
  data: { Filter?: unknown; Length?: number };
  write(chunk: unknown): void;
  finalize(): void;
}

const isReference = (x: unknown): x is Reference => {
  const r = x as Partial<Reference> | null;
  return (
    typeof r?.compress === "boolean" &&
    Array.isArray(r.buffer) &&
    typeof r.write === "function" &&
    typeof r.finalize === "function"
  );
};

/**
 * Bytes written in order, text gathered as one string until bytes come between: pdfkit's `fromBinaryString(text +
 * "\n")` for each piece of text, without an array per piece.
 */
class Output {
  readonly chunks: Uint8Array[] = [];
  private text = "";

  /** Adds a piece as pdfkit would write it; returns its length in bytes. */
  add(piece: unknown): number {
    if (piece instanceof Uint8Array) {
      this.flush();
      this.chunks.push(piece);
      return piece.length;
    }
    const line = `${piece}\n`;
    this.text += line;
    return line.length;
  }

  /** Everything added so far as chunks (the text encoded). */
  flush(): Uint8Array[] {
    if (this.text.length > 0) {
      this.chunks.push(Buffer.from(this.text, "latin1"));
      this.text = "";
    }
    return this.chunks;
  }
}

const PdfkitDocument = PDFDocument as unknown as new (options?: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;

export class PdfDocument extends PdfkitDocument {
  /** The file so far (made on the first write, which pdfkit's constructor does before this class's fields exist). */
  declare private output: Output | undefined;
  declare private _offset: number;

  /** Every object of the document is made here, the first page's contents too (in pdfkit's constructor). */
  override ref(data: object): PDFKit.PDFKitReference {
    const made = super.ref(data);
    const ref: unknown = made;
    if (!isReference(ref)) return made;
    const output = new Output();
    ref.write = function (this: Reference, chunk: unknown): void {
      const length = output.add(chunk);
      this.uncompressedLength += length;
      this.data.Length = (this.data.Length ?? 0) + length;
      if (this.compress) this.data.Filter = "FlateDecode";
    };
    const finalize = ref.finalize;
    ref.finalize = function (this: Reference): void {
      this.buffer = output.flush();
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

  /** pdfkit writes the file here, a line or a stream at a time. */
  _write(data: unknown): void {
    this.output ??= new Output();
    this._offset += this.output.add(data);
  }

  /** pdfkit ends its stream with `push(null)` once the file is complete: the file goes out first, as one chunk. */
  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null && this.output) {
      super.push(Buffer.concat(this.output.flush()));
      this.output = undefined;
    }
    return super.push(chunk, encoding);
  }
}
