import { configDefaults, defineConfig } from "vitest/config";

/**
 * The files that mock a module (docx and pdfkit, to see when they load; markdown-to-draft, to see what it reads): each
 * needs a module cache of its own.
 */
const ownModules = ["test/render/index.test.ts", "test/compose/plain-markdown-templates.test.ts"];

export default defineConfig({
  test: {
    // Worker, pool and CLI tests run dist/: build it first when it is older than src/.
    // Every temp folder of the run in one folder, removed at its end (test/setup/temp-folder.ts).
    globalSetup: ["test/setup/build-first.ts", "test/setup/temp-folder.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The end-to-end tests start LibreOffice and the built CLI; two cores, so keep files in two forks.
    pool: "forks",
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Files share each fork's modules (not imported anew per file): a quarter off the suite's time, most of it
        // spent importing. So a test that changes what a module holds (a catalog in use, an env value) puts it back.
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...ownModules],
          isolate: false,
        },
      },
      { extends: true, test: { name: "own-modules", include: ownModules, isolate: true } },
    ],
  },
});
