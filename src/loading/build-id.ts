/**
 * The build's id: `npm run build` writes a new one into every bundle it makes (src/loading/bundle.ts), so what a
 * bundle saved for itself (a database file's mark of validation, the DOCX parts its representative draft made) is
 * taken only by the bundles of the same build. Code that does not run from the bundles (the TypeScript sources under
 * vitest, dist/src) has none, and takes nothing saved.
 */
declare global {
  /** Replaced by the build's id in the bundles (an esbuild `define`); undefined elsewhere. */
  var motioneraBuild: string | undefined;
}

/** The build that runs, or undefined when the code does not run from the build's bundles. */
export const runningBuild = (): string | undefined => globalThis.motioneraBuild;
