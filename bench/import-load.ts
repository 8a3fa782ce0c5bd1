/**
 * Measuring the service while it imports, shared by the import benchmark (import.ts) and the
 * load test (test/server/import-load.e2e.test.ts): `motionera serve` started as a user starts
 * it (bin/motionera.js, the built CLI), an upload sent by another process, /healthz and a
 * corpus search asked in turn while it runs, and the service's RSS read from /proc (Linux)
 * every 10 ms.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

export interface Service {
  url: string;
  child: ChildProcess;
  /** The service process's resident set now, in bytes. */
  rss(): number;
  stop(): Promise<void>;
}

/**
 * `motionera serve --port 0` (bin: the path of bin/motionera.js) on a database, with a write token; resolves with its
 * URL.
 */
export async function startService(bin: string, db: string, token: string): Promise<Service> {
  const child = spawn(process.execPath, [bin, "serve", "--port", "0", "--db", db], {
    env: { ...process.env, MOTIONERA_TOKEN: token },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`motionera serve exited with ${code}: ${out}`)));
  });
  return {
    url,
    child,
    rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))![1]) * 1024,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGINT");
      }),
  };
}

export interface ImportRun {
  status: number;
  body: unknown;
  seconds: number;
  /** Milliseconds each probe took, in order. */
  latencies: number[];
  rssBefore: number;
  /** Highest RSS seen during the import, over `rssBefore`, in bytes. */
  peakOverBefore: number;
}

/**
 * Asks /healthz and a search in turn, one at a time with `gapMs` between, until `done()`; returns each one's
 * milliseconds.
 */
export async function probe(url: string, done: () => boolean, gapMs = 50, min = 0): Promise<number[]> {
  const search = `${url}api/corpus/search?q=sexk%C3%B6pare`;
  const latencies: number[] = [];
  while (!done() || latencies.length < min) {
    const t0 = performance.now();
    const res = await fetch(latencies.length % 2 ? search : `${url}healthz`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`probe answered ${res.status}`);
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, gapMs));
  }
  return latencies;
}

/** Posts a multipart body (a file on disk) from another process, probing the service meanwhile. */
export async function importWhileProbing(
  service: Service,
  path: string,
  body: { contentType: string; route: string; token: string },
): Promise<ImportRun> {
  const sender =
    `const b=require("fs").readFileSync(${JSON.stringify(path)});` +
    `fetch(${JSON.stringify(`${service.url}${body.route}`)},{method:"POST",` +
    `headers:{authorization:${JSON.stringify(`Bearer ${body.token}`)},` +
    `"content-type":${JSON.stringify(body.contentType)}},body:b}).then(async ` +
    `r=>process.stdout.write(JSON.stringify({status:r.status,body:await ` +
    `r.json()})))`;
  const rssBefore = service.rss();
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, service.rss())), 10);
  const started = performance.now();
  const upload = spawn(process.execPath, ["-e", sender], { stdio: ["ignore", "pipe", "inherit"] });
  let answer = "";
  upload.stdout.on("data", (d: Buffer) => (answer += d.toString()));
  let done = false;
  const finished = new Promise<void>((resolve) =>
    upload.once("exit", () => {
      done = true;
      resolve();
    }),
  );
  const latencies = await probe(service.url, () => done);
  await finished;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const { status, body: json } = JSON.parse(answer) as { status: number; body: unknown };
  return { status, body: json, seconds, latencies, rssBefore, peakOverBefore: peak - rssBefore };
}

export const percentile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};
