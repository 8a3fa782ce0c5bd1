/**
 * `import()` of a package kept outside the command line's bundle (node-pg-migrate, pdfjs-dist: ES
 * modules only, so never bundled as CommonJS).
 *
 * The bundles of dist/cli (*.cjs) run from V8's code cache, and Node 20 loses a script's import
 * callback when the script comes from a cache: an `import()` written in the bundle fails there.
 * So the loader (cached-script.ts) hands the bundle its own `import` as `__motioneraImport`,
 * beside `require`; everywhere else (the sources under vitest, the worker threads' ES modules)
 * this is a plain `import()`.
 */
declare const __motioneraImport: ((specifier: string) => Promise<unknown>) | undefined;

export function importPackage<T>(specifier: string): Promise<T> {
  return (typeof __motioneraImport === "function" ? __motioneraImport(specifier) : import(specifier)) as Promise<T>;
}
