/**
 * The service on a real socket (issue 11): a corrupt database stops `motionera serve` with
 * the CLI's message; the Host allow-list reads the real Host header; a campaign whose client
 * goes away gives its place back; and what held before keeps holding on the socket: 431 for
 * oversized headers, slowloris cut off, security headers.
 */
import { spawn } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type Listening } from "../../src/server/serve.js";
import { Workspace } from "../../src/workspace.js";
import { bin, tempWorkspace } from "../helpers/cli.js";

/** A raw HTTP/1.1 request with the headers exactly as given (fetch would set Host itself). */
function raw(
  url: string,
  headers: Record<string, string>,
  method = "GET",
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers, setHost: false },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("motionera serve with a corrupt database", () => {
  it(
    "does not start: the CLI's message (the file, the newest good backup, the cp command), exit " + "1, no stack",
    async () => {
      const ws = tempWorkspace();
      copyFileSync(ws.db, `${ws.db}.bak`);
      writeFileSync(ws.db, '{"schemaVersion": 2, "facts": [');
      const child = spawn(process.execPath, [bin, "serve", "--port", "0", "--db", ws.db], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      // A service that starts anyway is stopped, so the test fails rather than hangs.
      child.stdout.on("data", () => {
        if (out.includes("Motionera körs på")) child.kill("SIGTERM");
      });
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect(code).toBe(1);
      expect(out).not.toContain("Motionera körs på");
      expect(err).toContain(`Databasfilen ${ws.db} kan inte läsas`);
      expect(err).toContain("Senaste fungerande säkerhetskopia");
      expect(err).toContain(`cp "${ws.db}.bak" "${ws.db}"`);
      expect(err).not.toMatch(/\n\s+at /);
    },
  );
});

describe("the service on a socket", () => {
  let server: Listening;
  let base: string;

  beforeAll(async () => {
    const ws = tempWorkspace();
    server = await startServer(
      await Workspace.open({ db: ws.db }),
      { port: 0, host: "127.0.0.1" },
      {
        renderThreads: 0,
        maxCampaigns: 1,
        // The whole country without the token, so the campaign below is long enough to abandon midway.
        campaignLimit: 290,
        draftsPerMinute: 0,
        allowedHosts: ["localhost", "127.0.0.1"],
        socket: { headersTimeoutMs: 400, checkIntervalMs: 100 },
      },
    );
    base = server.url;
  });
  afterAll(async () => {
    await server.close();
  });

  it(
    "--allowed-hosts reads the Host header: a rebinding name gets 421 problem+json, the listed names " + "are served",
    async () => {
      const port = new URL(base).port;
      const evil = await raw(`${base}api/templates`, { host: `rebind.evil.example:${port}` });
      expect(evil.status).toBe(421);
      expect(evil.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(evil.body).not.toContain("evil");
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
        const ok = await raw(`${base}api/templates`, { host });
        expect(ok.status, host).toBe(200);
        expect(ok.headers["content-security-policy"]).toContain("default-src 'self'");
      }
    },
  );

  it("431 for headers over Node's 16 kB limit (held before; still holds)", async () => {
    const res = await raw(base, { host: "localhost", "x-big": "a".repeat(20_000) });
    expect(res.status).toBe(431);
  });

  it(
    "slowloris: a client that never finishes its headers is cut off (408) and the service keeps " + "answering",
    async () => {
      const u = new URL(base);
      const socket = connect(Number(u.port), u.hostname);
      const answer = await new Promise<string>((resolve) => {
        let got = "";
        socket.on("connect", () => socket.write("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));
        socket.on("data", (d) => (got += d.toString()));
        socket.on("close", () => resolve(got));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect((await raw(`${base}healthz`, { host: "localhost" })).status).toBe(200);
    },
  );

  it("a campaign whose client goes away gives its place back (--max-campaigns 1)", async () => {
    // DOCX and PDF for every municipality: still being made when the second request comes (a Markdown campaign can be
    // made whole before it does).
    const campaign = JSON.stringify({
      template: "kast-avtal",
      authors: [{ name: "Anna Andersson", party: "L" }],
      formats: ["docx", "pdf"],
    });
    const post = (signal?: AbortSignal) =>
      fetch(`${base}api/campaigns`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: campaign,
        ...(signal ? { signal } : {}),
      });
    const abort = new AbortController();
    const first = await post(abort.signal);
    expect(first.status).toBe(200);
    await first.body!.getReader().read(); // the zip has started
    expect((await post()).status).toBe(503); // its place is taken
    abort.abort();
    // The server sees the socket close and cancels the zip; the place comes back.
    let status = 503;
    for (let i = 0; i < 50 && status === 503; i++) {
      const res = await post();
      status = res.status;
      if (status === 503) await new Promise((r) => setTimeout(r, 50));
      else await res.arrayBuffer();
    }
    expect(status).toBe(200);
  });
});
