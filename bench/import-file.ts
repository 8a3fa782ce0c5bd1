/**
 * The worst file of facts an import takes, generated: a CSV just under the 20 MB limit, about
 * two million short rows, each with exactly one problem (as the 19.5 MB, 2.09 million-row file
 * of issue 11) — every other row names one of 100 000 made-up municipalities, the others give
 * a value that is no number. So an import of it must read, check and count every row, and the
 * problems number the rows. Used by the import benchmark (import.ts) and the service's load
 * test (test/server/import-load.e2e.test.ts).
 */
import { allMunicipalities } from "../src/data/places.js";

/** The key the file's values are for (a number per municipality). */
export const largeFileKey = "kast_clients";

export interface LargeFile {
  bytes: Uint8Array;
  /** Rows under the header: each one a problem. */
  rows: number;
}

export function largeFactsCsv(targetBytes = 19.5 * 1024 * 1024): LargeFile {
  const codes = allMunicipalities().map((p) => p.code);
  const header = "Kommun;Antal\n";
  const out = Buffer.allocUnsafe(targetBytes);
  let at = out.write(header, 0, "latin1");
  let rows = 0;
  for (let i = 0; ; i++) {
    const row = i % 2 === 0 ? `Xk${i % 100_000};${i % 10}\n` : `${codes[i % codes.length]};x${i % 10}\n`;
    if (at + row.length > targetBytes) break;
    at += out.write(row, at, "latin1");
    rows++;
  }
  return { bytes: new Uint8Array(out.buffer, out.byteOffset, at), rows };
}

/** The same as a JSON list of objects (one entry per line, as an export writes it): fewer rows fit, each a problem. */
export function largeFactsJson(targetBytes = 19.5 * 1024 * 1024): LargeFile {
  const codes = allMunicipalities().map((p) => p.code);
  const out = Buffer.allocUnsafe(targetBytes);
  let at = out.write("[", 0, "latin1");
  let rows = 0;
  for (let i = 0; ; i++) {
    const row =
      i % 2 === 0
        ? `{"kommun":"Xk${i % 100_000}","antal":${i % 10}}`
        : `{"kommun":"${codes[i % codes.length]}","antal":"x${i % 10}"}`;
    const entry = `${i ? "," : ""}\n${row}`;
    if (at + entry.length + 2 > targetBytes) break;
    at += out.write(entry, at, "latin1");
    rows++;
  }
  at += out.write("\n]", at, "latin1");
  return { bytes: new Uint8Array(out.buffer, out.byteOffset, at), rows };
}

/** A multipart/form-data body as a browser would send it: the file and the fields. */
export async function multipartBody(
  file: { name: string; bytes: Uint8Array },
  fields: Record<string, string>,
): Promise<{ contentType: string; body: Uint8Array }> {
  const form = new FormData();
  form.append("file", new Blob([file.bytes]), file.name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return { contentType: request.headers.get("content-type")!, body: new Uint8Array(await request.arrayBuffer()) };
}
