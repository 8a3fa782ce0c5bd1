/**
 * One thread of bench/campaign-ceiling.ts: writes its share of the campaign's drafts (already composed) as DOCX and
 * PDF in memory, with our writers or with the baseline libraries, after a warm-up, when the main thread says go.
 */
import { parentPort, workerData } from "node:worker_threads";
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import type { Draft } from "../src/domain/draft.js";
import { renderDocx } from "../src/render/docx.js";
import { renderPdf, renderPdfWithBuiltinFont } from "../src/render/pdf.js";
import { tagged } from "./draft-pipeline.js";

const { drafts, writers } = workerData as { drafts: Draft[]; writers: "ours" | "baselines" };

type WriteOne = (draft: Draft, i: number) => Promise<number>;

async function writersFor(): Promise<WriteOne> {
  if (writers === "ours") {
    return async (draft) => (await renderDocx(draft)).length + (await renderPdf(draft)).length;
  }
  // docxtemplater fills a template made from each draft (made here, not timed) with the draft's own values.
  const templates = await Promise.all(
    drafts.map(async (d) => {
      const { template, data } = tagged(d);
      return { docx: await renderDocx(template), data };
    }),
  );
  return async (draft, i) => {
    const doc = new Docxtemplater(new PizZip(templates[i]!.docx), { paragraphLoop: true, linebreaks: true });
    doc.render(templates[i]!.data);
    const docx = doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
    return docx.length + (await renderPdfWithBuiltinFont(draft)).length;
  };
}

const writeOne = await writersFor();
for (let i = 0; i < Math.min(10, drafts.length); i++) await writeOne(drafts[i]!, i);
parentPort!.once("message", async () => {
  const t0 = performance.now();
  let bytes = 0;
  for (let i = 0; i < drafts.length; i++) bytes += await writeOne(drafts[i]!, i);
  parentPort!.postMessage({ ms: performance.now() - t0, documents: drafts.length * 2, bytes });
});
parentPort!.postMessage("ready");
