/**
 * Puts rendered drafts on disk: readable names ("2026-11-24-lidingo-motion-kast-avtal.docx"),
 * every format rendered in memory first, each file written to a temporary name and renamed,
 * so a failure leaves no half-written file behind.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Draft } from "../domain/draft.js";
import { MotioneraError } from "../domain/errors.js";
import { slug } from "../lang/slug.js";
import { extensionOf, renderDraft, type Format } from "../render/index.js";

/**
 * "2026-11-24-lidingo-motion-kast-avtal". Every part passes `slug` (a–z, digits, hyphens,
 * bounded length), so no Draft, however made, names a file outside the output folder.
 */
export function draftBaseName(draft: Draft): string {
  const { date, municipality, kind, templateId } = draft.meta;
  const id = templateId.startsWith(`${kind}-`) ? templateId.slice(kind.length + 1) : templateId;
  return [slug(date, 10), slug(municipality.name), slug(kind, 20), slug(id)].filter(Boolean).join("-") || "utkast";
}

export interface WrittenFile {
  format: Format;
  path: string;
  bytes: number;
}

/** A writer to use instead of the default for a format (e.g. the PDF writer on a worker thread). */
export type Renderers = Partial<Record<Format, (draft: Draft) => Promise<Uint8Array | string>>>;

export async function renderAll(
  draft: Draft,
  formats: readonly Format[],
  renderers: Renderers = {},
): Promise<{ format: Format; data: Uint8Array | string }[]> {
  return Promise.all(
    formats.map(async (format) => ({ format, data: await (renderers[format]?.(draft) ?? renderDraft(draft, format)) })),
  );
}

export async function writeDraftFiles(
  draft: Draft,
  formats: readonly Format[],
  outDir: string,
  renderers: Renderers = {},
): Promise<WrittenFile[]> {
  const rendered = await renderAll(draft, formats, renderers);
  const dir = resolve(outDir);
  const base = draftBaseName(draft);
  const temps: string[] = [];
  try {
    await mkdir(dir, { recursive: true });
    // Every write settles before any temp file is removed: a write still under way when
    // another fails (a full disk) would otherwise create its temp file after the clean-up.
    const settled = await Promise.allSettled(
      rendered.map(async ({ format, data }) => {
        const path = join(dir, `${base}.${extensionOf(format)}`);
        const temp = join(dir, `.${base}.${extensionOf(format)}.${process.pid}.tmp`);
        temps.push(temp);
        await writeFile(temp, data);
        return { format, path, temp, bytes: typeof data === "string" ? Buffer.byteLength(data) : data.byteLength };
      }),
    );
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
    const staged = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    for (const s of staged) await rename(s.temp, s.path);
    return staged.map(({ format, path, bytes }) => ({ format, path, bytes }));
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw new MotioneraError({ code: "output_failed", path: dir, problem: (e as Error).message });
  }
}
