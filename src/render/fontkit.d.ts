/**
 * The little of fontkit (pdfkit's font engine, which ships no types) that the PDF writer
 * uses: parse a font file once, hand the parsed font to pdfkit.
 */
declare module "fontkit" {
  export interface Font {
    readonly postscriptName: string;
    readonly familyName: string;
    readonly unitsPerEm: number;
    layout(text: string, features?: unknown): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
