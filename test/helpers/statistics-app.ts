/**
 * For app.request tests of the staff's statistics pages: the loopback stand-in for the file
 * (started once, its faults cleared before each test), an app signed in on a temp workspace
 * that fetches from it with fast retries, and a job's page once the job has ended.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createApp } from "../../src/server/app.js";
import { Workspace } from "../../src/workspace.js";
import { tempWorkspace } from "./cli.js";
import { formPost, signedIn, withCookie } from "./staff-app.js";
import { startStatisticsStandIn, type StandIn } from "./statistics-stand-in.js";

export type App = ReturnType<typeof createApp>;
type AppOptions = NonNullable<Parameters<typeof createApp>[1]>;

const fast = { retries: 1, minDelayMs: 5, maxDelayMs: 10, timeoutMs: 2_000, pace: { limit: 1000, intervalMs: 1000 } };

/** Registers the file's hooks; the stand-in, once started. */
export function useStatisticsStandIn(): () => StandIn {
  let s: StandIn | undefined;
  beforeAll(async () => {
    s = await startStatisticsStandIn();
  });
  afterAll(() => s?.close());
  beforeEach(() => {
    if (s) s.faults.length = 0;
  });
  return () => s!;
}

/** An app over a temp workspace (fetching with fast retries), and the cookie of a staff sign-in. */
export async function signedInStatisticsApp(token: string, options: AppOptions) {
  const ws = await Workspace.open({ db: tempWorkspace().db });
  const app = createApp(ws, { token, draftsPerMinute: 0, statisticsHttp: fast, ...options });
  return { app, ws, cookie: await signedIn(app, token) };
}

/** A form posted with the session cookie, if any. */
export const postAs = (fields: Record<string, string | string[]>, cookie = "") => formPost(fields, withCookie(cookie));

export const getAs = (app: App, path: string, cookie: string) => app.request(path, { headers: { cookie } });

/** The job's page once it has ended (its status asked until then). */
export async function jobEnded(app: App, cookie: string, job: string): Promise<string> {
  for (let i = 0; i < 1000; i++) {
    const status = (await (await getAs(app, `${job}/status`, cookie)).json()) as { state: string };
    if (status.state !== "running") return (await getAs(app, job, cookie)).text();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the job did not end");
}
