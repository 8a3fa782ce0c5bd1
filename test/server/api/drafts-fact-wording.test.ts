/**
 * POST /api/drafts names the service's "Lägg till uppgift" form for a fact to add (in the
 * warning's text, the header and a structured addFact address), never the command line's
 * `motionera facts add`; a missing required fact's problem does the same.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { problemFromError } from "../../../src/server/problem.js";
import { webFactWording } from "../../../src/server/fact-wording.js";
import { MotioneraError } from "../../../src/domain/errors.js";
import { json, lidingoRequest, makeApp } from "./helpers.js";

let app: Awaited<ReturnType<typeof makeApp>>["app"];
const origin = "http://motionera.test";
const form = `${origin}/personal/uppgifter/ny?kommun=Nykvarn&nyckel=mika_kast_agreement`;

beforeAll(async () => {
  const made = await makeApp();
  app = made.app;
  // Nykvarn's only "avtal" fact is from 2018: older than the template accepts.
  await made.workspace.store.addFact({
    subject: "0140",
    key: "mika_kast_agreement",
    value: { type: "boolean", value: false },
    asOf: "2018",
    source: { title: "Protokoll från kommunstyrelsen", publisher: "Nykvarns kommun", date: "2018-05-02" },
  });
});

const post = (body: unknown) => app.request(`${origin}/api/drafts`, json(body));
const request = { ...lidingoRequest, municipality: "Nykvarn" };

describe("POST /api/drafts: a fact to add is named by the web's form", () => {
  it("JSON: the stale fact's warning links the form, filled in, with the address in addFact", async () => {
    const res = await post({ ...request, format: "json" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { warnings: { code: string; message: string; addFact?: string }[] };
    const stale = body.warnings.find((w) => w.code === "fact_stale");
    expect(stale?.message).toContain(`lägg till den i formuläret Lägg till uppgift: ${form}`);
    expect(stale?.addFact).toBe(form);
    expect(JSON.stringify(body)).not.toContain("motionera facts");
  });

  it("documents: the X-Motionera-Warnings header names the form, not the command", async () => {
    for (const format of ["md", "html"]) {
      const res = await post({ ...request, format });
      expect(res.status).toBe(200);
      const warnings = JSON.parse(decodeURIComponent(res.headers.get("x-motionera-warnings")!)) as string[];
      expect(warnings.some((w) => w.includes(`Lägg till uppgift: ${form}`))).toBe(true);
      expect(warnings.join(" ")).not.toContain("motionera facts");
      expect(await res.text()).not.toContain("motionera facts");
    }
  });

  it("strict: the stale fact's 422 names the form and gives its address", async () => {
    const res = await post({ ...request, strict: true, format: "md" });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).toContain("Lägg till uppgift");
    expect(text).not.toContain("motionera facts");
  });

  it("a missing required fact's problem names the form, with addFact; the CLI's wording stays the default", () => {
    const e = new MotioneraError({
      code: "fact_missing",
      subject: "2521",
      subjectName: "Pajala",
      key: "mika_kast_agreement",
      label: "Avtal med Mikamottagningen och KAST i Stockholm",
    });
    const web = problemFromError(e, webFactWording(origin));
    const pajala = `${origin}/personal/uppgifter/ny?kommun=Pajala&nyckel=mika_kast_agreement`;
    expect(web.detail).toContain(`Lägg till den med källa i formuläret Lägg till uppgift: ${pajala}`);
    expect(web.addFact).toBe(pajala);
    expect(problemFromError(e).detail).toContain("motionera facts add 2521");
    expect(problemFromError(e).addFact).toBeUndefined();
  });
});
