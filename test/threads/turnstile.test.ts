/**
 * The turnstile the service's uploads wait at (src/threads/turnstile.ts): one at a time, in order, and a caller may
 * give up.
 */
import { describe, expect, it } from "vitest";
import { Turnstile } from "../../src/threads/turnstile.js";

describe("turnstile", () => {
  it("lets one in at a time, in the order they came, and passes the turn on", async () => {
    const t = new Turnstile(1);
    const order: string[] = [];
    const leaveA = await t.enter();
    const b = t.enter().then((leave) => {
      order.push("b");
      return leave;
    });
    const c = t.enter().then((leave) => {
      order.push("c");
      return leave;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    leaveA();
    leaveA(); // a second call does nothing
    const leaveB = await b;
    expect(order).toEqual(["b"]);
    expect(t.inside).toBe(1);
    leaveB();
    (await c)();
    expect(order).toEqual(["b", "c"]);
    expect(t.inside).toBe(0);
  });

  it("lets a waiting caller give up with its signal; the line moves on without it", async () => {
    const t = new Turnstile(1);
    const leaveA = await t.enter();
    const controller = new AbortController();
    const gaveUp = t.enter(controller.signal);
    const next = t.enter();
    controller.abort(new Error("tidsgränsen"));
    await expect(gaveUp).rejects.toThrow("tidsgränsen");
    leaveA();
    (await next)();
    expect(t.inside).toBe(0);
    await expect(t.enter(AbortSignal.abort(new Error("redan")))).rejects.toThrow("redan");
  });
});
