/** The service's statistics jobs: one at a time, progress kept, failures kept, old reports forgotten. */
import { describe, expect, it } from "vitest";
import type { FetchReport } from "../../src/facts/fetch/fetched-import.js";
import { StatisticsJobs, type JobRequest } from "../../src/server/statistics-jobs.js";

const request: JobRequest = {
  service: "kolada",
  asked: ["N01951"],
  where: "Uppsala län",
  years: [2024],
  gender: "T",
  dryRun: true,
  form: {},
  formAction: "/personal/statistik/hamta",
  formPage: "/personal/statistik",
};
const report: FetchReport = {
  service: "kolada",
  fetchedOn: "2026-12-02",
  keys: [],
  createdKeys: [],
  urls: [],
  requests: 2,
  committed: false,
};

describe("statistics jobs", () => {
  it("runs one at a time, keeps the progress and the report, and is free again after", async () => {
    const jobs = new StatisticsJobs();
    let finish = () => {};
    const gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const first = jobs.start(request, 2, async (progress) => {
      progress({ step: "data", done: 1, expected: 2 });
      await gate;
      return report;
    });
    if (!("started" in first)) throw new Error("not started");
    const job = first.started;
    expect(job.progress).toEqual({ step: "data", done: 1, expected: 2 });
    const second = jobs.start(request, 2, async () => report);
    expect("busy" in second && second.busy.id).toBe(job.id);
    finish();
    await job.ended;
    expect(job.state).toBe("done");
    expect(job.report).toBe(report);
    expect(jobs.running).toBeUndefined();
    expect("started" in jobs.start(request, 1, async () => report)).toBe(true);
  });

  it("keeps a failure for the page to word, and forgets the oldest ended jobs", async () => {
    const jobs = new StatisticsJobs(2);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = jobs.start(request, 1, async () => {
        throw new Error(`fel ${i}`);
      });
      if (!("started" in r)) throw new Error("busy");
      ids.push(r.started.id);
      await r.started.ended;
    }
    expect(jobs.get(ids[3]!)?.state).toBe("failed");
    expect(jobs.get(ids[3]!)?.error).toEqual(new Error("fel 3"));
    expect(ids.map((id) => jobs.get(id) !== undefined)).toEqual([false, false, true, true]);
  });
});
