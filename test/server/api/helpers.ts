/** An app over a temp copy of the shipped database, and checks every API error must pass. */
import { expect } from "vitest";
import { createApp } from "../../../src/server/app.js";
import type { ServerOptions } from "../../../src/server/context.js";
import { Workspace } from "../../../src/workspace.js";
import { tempWorkspace } from "../../helpers/cli.js";

export const token = "t0ken";
export const auth = { Authorization: `Bearer ${token}` };

export async function makeApp(options: ServerOptions = { token }) {
  const ws = tempWorkspace();
  const workspace = await Workspace.open({ db: ws.db });
  return { app: createApp(workspace, options), ws, workspace };
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
  suggestions?: string[];
  [k: string]: unknown;
}

/** An error answer: problem+json with type/title/status, and nothing from inside the server. */
export async function expectProblem(res: Response, status: number): Promise<ProblemBody> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text) as ProblemBody;
  expect(typeof body.type).toBe("string");
  expect(typeof body.title).toBe("string");
  expect(body.status).toBe(status);
  expect(text).not.toMatch(/\bat [^\s]+ \(|\n\s+at /);
  expect(text).not.toMatch(/\/work\/|node_modules|\/tmp\/|file:\/\/|[A-Z]:\\\\/);
  return body;
}

export const paths = (body: ProblemBody) => (body.errors ?? []).map((e) => e.path);

/** A motion for Lidingö, as the API takes it (add a format or an Accept header). */
export const lidingoRequest = {
  template: "kast-avtal",
  municipality: "Lidingö",
  authors: [{ name: "Anna Andersson", party: "L", role: "ledamot i kommunfullmäktige" }],
  date: "2026-11-24",
  inputs: { committee: "socialnämnden" },
};
