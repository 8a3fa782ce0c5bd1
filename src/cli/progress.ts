/**
 * The progress of a long command on stderr. On a terminal: one line, rewritten in place at most a few times a second,
 * with the count, the rate and the time left. Elsewhere (a log, a pipe): a line each time another tenth is done or
 * every 10 seconds, whichever comes first, never a flood. The words come from the message catalogue.
 */
export interface ProgressLine {
  /** `done` of `total` units so far. */
  update(done: number, total: number): void;
  /** The last state, and on a terminal the end of the line. */
  finish(): void;
  /** On a terminal, blanks the line drawn so far, so other output starts at the left; it is drawn again on update. */
  clear(): void;
}

export interface ProgressOptions {
  /** Where lines go (process.stderr). */
  write: (text: string) => void;
  /** Whether that is a terminal: one line rewritten, else lines now and then. */
  tty: boolean;
  /** The line for a state: count, total, rate per second and seconds left (undefined until a rate is known). */
  line: (done: number, total: number, perSecond: number | undefined, secondsLeft: number | undefined) => string;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
  /** Least time between rewrites on a terminal (ms); default 200. */
  ttyEveryMs?: number;
  /** Most time between lines elsewhere (ms); default 10 000. */
  logEveryMs?: number;
  /** A line elsewhere at each such fraction done; default 0.1. */
  logEveryFraction?: number;
}

export function progressLine(o: ProgressOptions): ProgressLine {
  const now = o.now ?? (() => performance.now());
  const start = now();
  let last = { at: start, done: 0, total: 0, step: 0, written: false, width: 0 };
  const state = (done: number, total: number) => {
    const seconds = (now() - start) / 1000;
    const rate = seconds > 0.5 && done > 0 ? done / seconds : undefined;
    const left = rate ? Math.max(0, (total - done) / rate) : undefined;
    return o.line(done, total, rate, left);
  };
  const draw = (text: string) => {
    const pad = Math.max(0, last.width - text.length);
    o.write(`\r${text}${" ".repeat(pad)}`);
    last.width = text.length;
  };
  return {
    update(done, total) {
      const t = now();
      last = { ...last, done, total };
      if (o.tty) {
        if (t - last.at < (o.ttyEveryMs ?? 200) && done < total) return;
        draw(state(done, total));
        last.at = t;
        last.written = true;
        return;
      }
      const fraction = o.logEveryFraction ?? 0.1;
      const step = total > 0 ? Math.floor(done / total / fraction) : 0;
      if (step > last.step || t - last.at >= (o.logEveryMs ?? 10_000)) {
        if (done >= total) return; // the last line is finish()'s
        o.write(`${state(done, total)}\n`);
        last.at = t;
        last.step = step;
        last.written = true;
      }
    },
    clear() {
      if (!o.tty || last.width === 0) return;
      o.write(`\r${" ".repeat(last.width)}\r`);
      last.width = 0;
      last.at = -Infinity;
    },
    finish() {
      if (o.tty) {
        draw(state(last.done, last.total));
        o.write("\n");
      } else o.write(`${state(last.done, last.total)}\n`);
    },
  };
}
