/**
 * `node floor-cached.js <bundle.cjs> <docx|docx,pdf> <out dir>`: writer-floor.ts's floor from a CommonJS bundle run
 * with its V8 code cache (src/loading/cached-script.ts), as bin/motionera.js runs the command line; the first run
 * (no cache yet) saves the cache after writing. For bench/draft-pipeline.ts.
 */
import { loadCachedScript } from "../src/loading/cached-script.js";

const [bundle, formats, outDir] = process.argv.slice(2);
const script = loadCachedScript<{ writeFloor(formats: string, outDir: string): Promise<void> }>(bundle!);
await script.exports.writeFloor(formats!, outDir!);
if (script.cache !== "used") script.saveCache();
