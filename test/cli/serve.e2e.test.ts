import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { bin, tempWorkspace } from "../helpers/cli.js";

/** `motionera serve` as a user starts it: prints its URL, answers, and stops cleanly on Ctrl-C. */
describe("motionera serve", () => {
  it("starts on the given port, serves pages and the API, and stops on SIGINT", async () => {
    const ws = tempWorkspace();
    const port = 19000 + Math.floor(Math.random() * 500);
    const child = spawn(process.execPath, [bin, "serve", "--port", String(port), "--db", ws.db], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once("exit", (code) => reject(new Error(`exited with ${code}: ${out}`)));
      setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
    });
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    expect(out).toMatch(/Ingen MOTIONERA_TOKEN/);
    const health = await fetch(`${url}healthz`);
    expect(await health.json()).toEqual({ status: "ok" });
    const spec = (await (await fetch(`${url}api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toContain("/api/drafts");
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html lang="sv"/);
    const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exit).toBe(0);
  });

  it("refuses a port in use with a clear message", async () => {
    const net = await import("node:net");
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const port = (blocker.address() as { port: number }).port;
    const child = spawn(process.execPath, [bin, "serve", "--port", String(port)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    blocker.close();
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`porten ${port} används redan`));
  });
});
