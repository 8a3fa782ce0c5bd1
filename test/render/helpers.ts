/** Shared helpers for the writer tests: temp files and the external tools they call. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

export function hasTool(cmd: string, args: string[] = ["-v"]): boolean {
  try {
    execFileSync(cmd, args, { stdio: "ignore", timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Text of a PDF as poppler's pdftotext reads it. */
export function pdfText(pdfPath: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", pdfPath, "-"], { encoding: "utf8" });
}

export function pdfInfo(pdfPath: string): string {
  return execFileSync("pdfinfo", ["-enc", "UTF-8", pdfPath], { encoding: "utf8" });
}

/**
 * Converts DOCX files to PDF with LibreOffice (headless, a profile of its own in `dir`, so runs side by side
 * do not share one); returns each PDF's path, in `dir`.
 */
export function libreOfficeToPdf(dir: string, docx: readonly string[], timeoutMs = 150_000): string[] {
  const profile = pathToFileURL(join(dir, "lo-profile")).href;
  execFileSync(
    "soffice",
    [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, ...docx],
    { timeout: timeoutMs, stdio: "pipe" },
  );
  return docx.map((d) => join(dir, basename(d).replace(/\.docx$/i, ".pdf")));
}

export function writeTemp(dir: string, name: string, data: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** XML 1.0 forbidden code units: C0 controls but tab/LF/CR, U+FFFE/U+FFFF, unpaired surrogates. */
export const XML_FORBIDDEN = new RegExp(
  [
    String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|`,
    String.raw`(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`,
  ].join(""),
);

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
