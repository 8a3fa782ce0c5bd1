import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Worker, pool and CLI tests run dist/: build it first when it is older than src/.
    globalSetup: ["test/setup/build-first.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The end-to-end tests start LibreOffice and the built CLI; two cores, so keep files in two forks.
    pool: "forks",
    maxWorkers: 2,
  },
});
