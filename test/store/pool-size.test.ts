/** MOTIONERA_DATABASE_POOL: how many connections a process keeps to PostgreSQL, checked where it is read. */
import { describe, expect, it } from "vitest";
import { isMotioneraError } from "../../src/domain/errors.js";
import { defaultPoolSize, poolSizeFromEnv } from "../../src/store/postgres/pool-size.js";

describe("the PostgreSQL pool's size", () => {
  it("is the driver's 10 unless MOTIONERA_DATABASE_POOL says otherwise", () => {
    expect(poolSizeFromEnv({})).toBe(defaultPoolSize);
    expect(poolSizeFromEnv({ MOTIONERA_DATABASE_POOL: "" })).toBe(10);
    expect(poolSizeFromEnv({ MOTIONERA_DATABASE_POOL: "3" })).toBe(3);
  });

  it("refuses what is no number of connections, naming the variable and what to give", () => {
    for (const raw of ["0", "tio", "2.5", "5000"]) {
      let thrown: unknown;
      try {
        poolSizeFromEnv({ MOTIONERA_DATABASE_POOL: raw });
      } catch (e) {
        thrown = e;
      }
      expect(isMotioneraError(thrown) && thrown.details).toMatchObject({
        code: "input_invalid",
        field: "MOTIONERA_DATABASE_POOL",
        problem: expect.stringContaining("heltal från 1 till 1000"),
      });
    }
  });
});
