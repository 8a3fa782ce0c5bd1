/**
 * Issue 15's scale figure, measured before the streaming import exists: `motionera corpus import` of a folder of N
 * generated Riksdagen `dokumentstatus` files (riksdagen-generate.ts; N from BENCH_RIKSDAGEN_DOCS, 20 000 by default)
 * into an empty embedded (lowdb) store, through the bundled CLI as a user runs it (its import thread). Figures: the
 * documents per second (wall time of the command) and the process's peak RSS (VmHWM, read from /proc while it runs),
 * then the first search (which builds the index) and a second. Baselines from the same run: the same documents as
 * plain .txt files through the text path (a tenth as many), and the structured import of a quarter as many files
 * (memory flat means the same peak). Linux only. BENCH_RIKSDAGEN=0 skips it.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { htmlToText } from "../src/corpus/import/html-text.js";
import { dokumentstatusFile } from "./riksdagen-generate.js";
import { printTable, type Row } from "./stats.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = join(here, "..", "..");
const bin = join(repo, "bin", "motionera.js");

interface Run {
  seconds: number;
  peakRssMb: number;
  code: number;
}

/** Runs the CLI, polling its peak RSS (VmHWM) every 20 ms until it exits. */
function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let peak = 0;
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      if (stderr.length < 2000) stderr += d.toString();
    });
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {
        // The process has just exited.
      }
    }, 20);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(poll);
      if (code !== 0) process.stderr.write(stderr);
      resolve({ seconds: (performance.now() - t0) / 1000, peakRssMb: peak, code: code ?? -1 });
    });
  });
}

function writeFolder(dir: string, n: number, asText: boolean): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const f = dokumentstatusFile(i);
    if (!asText) {
      writeFileSync(join(dir, f.name), f.json);
      continue;
    }
    const d = (JSON.parse(f.json.replace(/^\ufeff/, "")) as { dokumentstatus: { dokument: Record<string, string> } })
      .dokumentstatus.dokument;
    const kind = { mot: "Motion", ip: "Interpellation", fr: "Skriftlig fråga", frs: "Svar på skriftlig fråga" }[d.typ!];
    writeFileSync(
      join(dir, f.name.replace(/\.json$/, ".txt")),
      `${kind} ${d.rm}:${d.beteckning} ${d.titel}\n\n${d.subtitel}\n\n${htmlToText(d.html!)}\n`,
    );
  }
}

const rate = (n: number, r: Run) => n / r.seconds;

export async function benchRiksdagenImport(n = Number(process.env.BENCH_RIKSDAGEN_DOCS ?? 20_000)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "motionera-bench-riksdagen-"));
  const quarter = Math.max(1, Math.round(n / 4));
  const tenth = Math.max(1, Math.round(n / 10));
  try {
    writeFolder(join(dir, "json"), n, false);
    writeFolder(join(dir, "json-quarter"), quarter, false);
    writeFolder(join(dir, "txt"), tenth, true);
    const full = await runCli(["corpus", "import", join(dir, "json"), "--db", join(dir, "a.json")]);
    const small = await runCli(["corpus", "import", join(dir, "json-quarter"), "--db", join(dir, "b.json")]);
    const text = await runCli(["corpus", "import", join(dir, "txt"), "--db", join(dir, "c.json")]);
    const first = await runCli(["corpus", "search", "kollektivtrafiken", "--db", join(dir, "a.json")]);
    const second = await runCli(["corpus", "search", "kollektivtrafiken", "--db", join(dir, "a.json")]);
    for (const r of [full, small, text, first, second]) if (r.code !== 0) throw new Error("a run failed");
    const rows: Row[] = [
      {
        measure: `import of ${n} dokumentstatus files (documents/s)`,
        figure: rate(n, full).toFixed(0),
        baseline: `${tenth} of the same as .txt, the text path`,
        baselineFigure: rate(tenth, text).toFixed(0),
        ratio: rate(n, full) / rate(tenth, text),
        target: "≥ 500/s",
        ok: rate(n, full) >= 500,
      },
      {
        measure: `peak RSS, ${n} files`,
        figure: `${full.peakRssMb.toFixed(0)} MB`,
        baseline: `${quarter} files`,
        baselineFigure: `${small.peakRssMb.toFixed(0)} MB`,
        ratio: full.peakRssMb / small.peakRssMb,
        target: "flat (≤ 1.2×)",
        ok: full.peakRssMb / small.peakRssMb <= 1.2,
      },
      {
        measure: `first search after the import (builds the index), ${n} records`,
        figure: `${first.seconds.toFixed(1)} s`,
        baseline: "the second search (index on disk)",
        baselineFigure: `${second.seconds.toFixed(1)} s`,
        ratio: first.seconds / second.seconds,
        target: "",
        ok: true,
      },
    ];
    printTable(`Structured import (Riksdagen dokumentstatus), CLI into the embedded store, ${n} documents`, rows);
    process.stdout.write(
      `(import wall time ${full.seconds.toFixed(1)} s for ${n}; ${small.seconds.toFixed(1)} s for ${quarter}; ` +
        `.txt ${text.seconds.toFixed(1)} s for ${tenth})\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
