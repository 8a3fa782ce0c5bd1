import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { corpusDocumentSchema, type CorpusDocument } from "../../src/domain/corpus-document.js";
import { runCli, tempWorkspace } from "../helpers/cli.js";

const shipped = () =>
  (
    JSON.parse(readFileSync(new URL("../../corpus/motionera.json", import.meta.url), "utf8")) as {
      documents: CorpusDocument[];
    }
  ).documents;

describe("motionera corpus search", () => {
  it("finds shipped records with Swedish stemming, shows citations, snippets and facets", () => {
    const ws = tempWorkspace();
    const r = runCli(["corpus", "search", "sexköparen", "--db", ws.db]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ träff(ar)? för "sexköparen"/);
    expect(r.stdout).toMatch(/«sexköpar/i);
    expect(r.stdout).toMatch(/Fördelning:/);
    expect(r.stdout).toMatch(/typ: /);
  });

  it("--json gives hits with citations and facet counts; filters combine", () => {
    const ws = tempWorkspace();
    const all = JSON.parse(runCli(["corpus", "search", "", "--json", "--db", ws.db]).stdout) as {
      total: number;
      facets: Record<string, { value: string; count: number }[]>;
    };
    expect(all.total).toBe(shipped().length);
    const kinds = Object.fromEntries(all.facets.kind!.map((f) => [f.value, f.count]));
    for (const k of new Set(shipped().map((d) => d.kind)))
      expect(kinds[k]).toBe(shipped().filter((d) => d.kind === k).length);
    const v = JSON.parse(runCli(["corpus", "search", "", "--party", "V", "--json", "--db", ws.db]).stdout) as {
      total: number;
      hits: { parties: string[]; citation: string }[];
    };
    expect(v.total).toBe(shipped().filter((d) => d.parties.includes("V")).length);
    for (const h of v.hits) {
      expect(h.parties).toContain("V");
      expect(h.citation.length).toBeGreaterThan(10);
    }
    const vAb = JSON.parse(
      runCli(["corpus", "search", "", "--party", "V", "--lan", "AB", "--json", "--db", ws.db]).stdout,
    ) as { total: number };
    expect(vAb.total).toBe(shipped().filter((d) => d.parties.includes("V") && d.county?.code === "01").length);
  });

  it("explains a bad filter", () => {
    const r = runCli(["corpus", "search", "x", "--lan", "Atlantis"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Okänt län: "Atlantis"/);
  });
});

describe("motionera corpus show", () => {
  it("shows a whole record readably, with its facts and source; --json too", () => {
    const doc = shipped()[0]!;
    const r = runCli(["corpus", "show", doc.id]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(doc.title);
    expect(r.stdout).toMatch(/argument:/);
    expect(r.stdout).toMatch(/källa: /);
    const j = JSON.parse(runCli(["corpus", "show", doc.id, "--json"]).stdout) as CorpusDocument;
    expect(j.id).toBe(doc.id);
    const missing = runCli(["corpus", "show", doc.id.slice(0, -1)]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Menade du/);
  });
});

describe("motionera corpus export", () => {
  it("round-trips: JSON and JSON Lines parse back to the records; CSV has one row each", () => {
    const ws = tempWorkspace();
    const json = JSON.parse(runCli(["corpus", "export", "--format", "json", "--db", ws.db]).stdout) as unknown[];
    const docs = json.map((d) => corpusDocumentSchema.parse(d));
    expect(docs).toEqual(shipped().map(({ fullText: _f, ...d }) => d));
    const lines = runCli(["corpus", "export", "--format", "jsonl", "--db", ws.db]).stdout.trim().split("\n");
    expect(lines.map((l) => corpusDocumentSchema.parse(JSON.parse(l)))).toEqual(docs);
    const out = join(ws.dir, "export.csv");
    const r = runCli(["corpus", "export", "--format", "csv", "--out", out, "--db", ws.db]);
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(out, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((x) => x.id)).toEqual(docs.map((d) => d.id));
    expect(rows[0]!.title).toBe(docs[0]!.title);
    expect(rows[0]!.parties).toBe(docs[0]!.parties.join(" | "));
  });

  it("exports only what the filters match", () => {
    const ws = tempWorkspace();
    const rows = JSON.parse(
      runCli(["corpus", "export", "--kind", "interpellation", "--format", "json", "--db", ws.db]).stdout,
    ) as CorpusDocument[];
    expect(rows.length).toBe(shipped().filter((d) => d.kind === "interpellation").length);
    expect(rows.every((d) => d.kind === "interpellation")).toBe(true);
  });
});

describe("motionera corpus import", () => {
  it(
    "imports a file, prints what it inferred and how sure, then finds it; failures are named and the exit " +
      "code says so",
    () => {
      const ws = tempWorkspace();
      const good = join(ws.dir, "interpellation.txt");
      writeFileSync(
        good,
        [
          "Interpellation till socialnämndens ordförande Karin Provsson (C)",
          "",
          "Vad gör Flens kommun mot människohandel?",
          "",
          "Flens kommun saknar en handlingsplan mot prostitution och människohandel. Sexköparna har flyttat ut " +
            "på landsbygden.",
          "",
          "Jag vill därför fråga:",
          "1. När kommer en handlingsplan att tas fram?",
          "2. Hur samverkar socialtjänsten med polisen?",
          "",
          "Flen den 8 mars 2004",
          "",
          "Anders Exempel (V)",
        ].join("\n"),
      );
      const empty = join(ws.dir, "tom.txt");
      writeFileSync(empty, "");
      const r = runCli(["corpus", "import", good, empty, "--db", ws.db]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/interpellation\.txt → 2004-03-08-flen-interpellation-[0-9a-f]{8} \(ny\)/);
      expect(r.stdout).toMatch(/kommun\s+Flen \(0482\)\s+\[(säker|trolig)/);
      expect(r.stdout).toMatch(/1 fil importerad/);
      expect(r.stderr).toMatch(/tom\.txt: filen är tom/);
      const s = JSON.parse(
        runCli(["corpus", "search", "handlingsplan", "--kommun", "Flen", "--json", "--db", ws.db]).stdout,
      ) as { total: number; hits: { kind: string; date: string }[] };
      expect(s.total).toBe(1);
      expect(s.hits[0]).toMatchObject({ kind: "interpellation", date: "2004-03-08" });
    },
  );

  it("--json prints the resulting records; --dry-run saves nothing", () => {
    const ws = tempWorkspace();
    const f = join(ws.dir, "a.md");
    writeFileSync(
      f,
      "# Pressmeddelande: Vänsterpartiet i Umeå kräver KAST\n\nUmeå kommun behöver en KAST-mottagning för " +
        "sexköpare.\n\nPresskontakt: Lena Prov, gruppledare (V), 070-000 00 00\n",
    );
    const r = runCli(["corpus", "import", f, "--dry-run", "--json", "--db", ws.db]);
    expect(r.code).toBe(0);
    const [o] = JSON.parse(r.stdout) as { ok: boolean; record: CorpusDocument }[];
    expect(o!.record).toMatchObject({
      kind: "pressmeddelande",
      municipality: { code: "2480", name: "Umeå" },
      parties: ["V"],
    });
    expect(JSON.parse(readFileSync(ws.db, "utf8")).documents).toHaveLength(shipped().length);
  });
});
