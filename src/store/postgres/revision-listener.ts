/**
 * Keeps a long-running process in step with the other processes on one database without a
 * round trip per read: one connection of its own LISTENs on the store's channel, every write
 * NOTIFYs in its transaction (delivered when it commits), and the listener holds the latest
 * revision. Writers commit side by side, so the revision a notification carries is only a hint
 * (two writers may both say n + 1): a notification, or this process's own write, makes the
 * listener read the revision again on its connection, and until that read is back `current()`
 * is undefined, so readers ask the database — a read is never answered from a revision older
 * than a write known to have committed. While connected, it is a few milliseconds behind
 * another process's commit at most; when the connection drops it says so and reconnects,
 * reading the revision again, since notifications sent while it was away are lost.
 */
import type { Socket } from "node:net";
import pg from "pg";

/** The channel the store's writes notify on. */
export const revisionChannel = "motionera_store";

/** A revision as the store writes it, "instance:number"; numbers only grow within an instance. */
const revisionPattern = /^([0-9a-f-]{36}):(\d+)$/;

function newer(current: string | undefined, candidate: string): boolean {
  const c = revisionPattern.exec(candidate);
  if (!c) return false;
  const k = current === undefined ? null : revisionPattern.exec(current);
  // Another instance (the database was replaced) always wins; within one, only a higher number.
  return !k || k[1] !== c[1] || BigInt(c[2]!) > BigInt(k[2]!);
}

export interface RevisionListenerOptions {
  /** Reads the database's revision on the listening connection (after LISTEN, so none is missed). */
  read: (client: pg.Client) => Promise<string>;
  /** Told of every revision learnt, whoever wrote it. */
  onRevision?: (revision: string) => void;
  /** First wait before reconnecting, doubled up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

export class RevisionListener {
  #client: pg.Client | undefined;
  #revision: string | undefined;
  #live = false;
  /** Writes told of since the revision was last read; while any, the revision is not known. */
  #told = 0;
  #reading: Promise<void> | undefined;
  #closed = false;
  #retryMs: number;
  #retry: NodeJS.Timeout | undefined;

  private constructor(
    private readonly url: string,
    private readonly options: RevisionListenerOptions,
  ) {
    this.#retryMs = options.retryMs ?? 100;
  }

  /** Connects and listens; resolves once the revision is known (or rejects when the database cannot be reached). */
  static async start(url: string, options: RevisionListenerOptions): Promise<RevisionListener> {
    const listener = new RevisionListener(url, options);
    await listener.#connect();
    return listener;
  }

  /** The database's revision while listening; undefined while the connection is down (ask the database). */
  current(): string | undefined {
    return this.#live && this.#told === 0 ? this.#revision : undefined;
  }

  /** Whether the listening connection is up (what it last read is at most a notification behind). */
  live(): boolean {
    return this.#live;
  }

  /** This process itself just committed a write: the revision is read again (readers ask meanwhile). */
  changed(): void {
    this.#told++;
    this.#readAgain();
  }

  /** Reads the revision on the listening connection, once more after a read under way when told meanwhile. */
  #readAgain(): void {
    if (this.#reading) return;
    const client = this.#client;
    if (!client || !this.#live) return;
    const told = this.#told;
    this.#reading = this.options
      .read(client)
      .then((revision) => {
        this.#learn(revision);
        this.#told = Math.max(0, this.#told - told);
      })
      .catch(() => undefined) // a dropped connection: `lost` reconnects and reads
      .finally(() => {
        this.#reading = undefined;
        if (this.#told > 0) this.#readAgain();
      });
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#live = false;
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  #learn(revision: string): void {
    if (!newer(this.#revision, revision)) return;
    this.#revision = revision;
    this.options.onRevision?.(revision);
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, application_name: "motionera-listen" });
    const lost = () => {
      if (this.#client !== client) return;
      this.#live = false;
      this.#client = undefined;
      client.end().catch(() => undefined);
      this.#scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (n) => {
      if (n.channel !== revisionChannel) return;
      this.#told++;
      this.#readAgain();
    });
    this.#client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${revisionChannel}`);
      this.#told = 0; // what was told until now is in the revision read next
      this.#learn(await this.options.read(client));
      // Listening never keeps a process alive by itself (the service's socket does that). Only
      // now: unref'd while its first queries run, nothing held a starting `serve` alive (exit 13).
      (client.connection.stream as Partial<Socket>).unref?.();
    } catch (e) {
      this.#client = undefined;
      client.removeAllListeners();
      await client.end().catch(() => undefined);
      throw e;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#live = true;
    this.#retryMs = this.options.retryMs ?? 100;
    if (this.#told > 0) this.#readAgain(); // told while the first read was under way
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#retry) return;
    const wait = this.#retryMs;
    this.#retryMs = Math.min(wait * 2, this.options.maxRetryMs ?? 5000);
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.#connect().catch(() => this.#scheduleReconnect());
    }, wait);
    this.#retry.unref();
  }
}
