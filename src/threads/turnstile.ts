/**
 * At most `size` holders at once; the others wait in turn. A waiting caller may give up
 * with its AbortSignal (its request timed out or went away) and leaves the line.
 */
export class Turnstile {
  #inside = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  /** Waits for a turn; the function returned ends it (calling it again does nothing). */
  async enter(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.#inside < this.size) this.#inside++;
    else
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const at = this.#waiting.indexOf(go);
          if (at >= 0) this.#waiting.splice(at, 1);
          reject(signal!.reason as Error);
        };
        const go = () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        this.#waiting.push(go);
      });
    let left = false;
    return () => {
      if (left) return;
      left = true;
      // The turn passes straight to the next in line, if any.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#inside--;
    };
  }

  /** Holders now (for tests and figures). */
  get inside(): number {
    return this.#inside;
  }
}
