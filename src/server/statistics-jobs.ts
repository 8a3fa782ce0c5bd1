/**
 * Statistics fetches started from the staff pages run as jobs in the service's process: one at
 * a time (a second is refused as busy, so the services are not asked twice as fast), followed
 * by the page through its progress, and kept a while after they end so their report can be read.
 * The ServerContext holds one StatisticsJobs; nothing here is global.
 */
import { randomUUID } from "node:crypto";
import type { FetchReport } from "../facts/fetch/fetched-import.js";

/** Where a job is: reading the KPIs' or table's metadata, asking for data, or checking and storing the values. */
export type JobStep = "meta" | "data" | "import";

export interface JobProgress {
  step: JobStep;
  /** Requests answered so far (metadata and data). */
  done: number;
  /** Requests the fetch is expected to need (a long answer's further pages not counted). */
  expected: number;
}

/** What was asked, as the pages show it. */
export interface JobRequest {
  service: "kolada" | "scb";
  /** The KPIs' ids, or the table's (with its contents code). */
  asked: string[];
  /** "Stockholms län", "hela landet (290 kommuner)". */
  where: string;
  years: number[];
  /** Kolada only. */
  gender?: "T" | "K" | "M";
  key?: string | undefined;
  dryRun: boolean;
  /** The form's fields, to start the same fetch again (the dry run's "fetch for real"). */
  form: Record<string, string | string[]>;
  /** Where the form posts, and the page it is on (to change and try again). */
  formAction: string;
  formPage: string;
}

export interface StatisticsJob {
  id: string;
  request: JobRequest;
  startedAt: Date;
  endedAt?: Date;
  state: "running" | "done" | "failed";
  progress: JobProgress;
  report?: FetchReport;
  /** The failure, worded by the page that shows it. */
  error?: unknown;
  /** Settles when the job ends (for tests and shutdown). */
  readonly ended: Promise<void>;
}

/** The work of a job: told how to report progress, it returns the fetch's report. */
export type JobWork = (progress: (p: JobProgress) => void) => Promise<FetchReport>;

export class StatisticsJobs {
  readonly #jobs = new Map<string, StatisticsJob>();
  #running: StatisticsJob | undefined;

  constructor(
    /** Ended jobs kept for their reports (the oldest goes first). */
    readonly keep = 20,
  ) {}

  get running(): StatisticsJob | undefined {
    return this.#running;
  }

  get(id: string): StatisticsJob | undefined {
    return this.#jobs.get(id);
  }

  /** Starts the job, or returns `busy` with the one running. */
  start(request: JobRequest, expected: number, work: JobWork): { started: StatisticsJob } | { busy: StatisticsJob } {
    if (this.#running) return { busy: this.#running };
    let finish = () => {};
    const ended = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const job: StatisticsJob = {
      id: randomUUID(),
      request,
      startedAt: new Date(),
      state: "running",
      progress: { step: "meta", done: 0, expected },
      ended,
    };
    this.#running = job;
    this.#jobs.set(job.id, job);
    const progress = (p: JobProgress) => {
      job.progress = p;
    };
    void (async () => {
      try {
        job.report = await work(progress);
        job.state = "done";
      } catch (e) {
        job.error = e;
        job.state = "failed";
      } finally {
        job.endedAt = new Date();
        this.#running = undefined;
        this.#forgetOld();
        finish();
      }
    })();
    return { started: job };
  }

  #forgetOld(): void {
    const ended = [...this.#jobs.values()].filter((j) => j.state !== "running");
    for (const j of ended.slice(0, Math.max(0, ended.length - this.keep))) this.#jobs.delete(j.id);
  }
}
