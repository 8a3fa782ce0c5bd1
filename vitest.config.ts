import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The end-to-end tests start LibreOffice and the built CLI; two cores, so keep files in two forks.
    pool: "forks",
    maxWorkers: 2,
  },
});
