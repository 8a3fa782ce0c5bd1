/** What the draft form's routes take from saved drafts: the saving controls, and the facts' instant a form sends. */
import type { Context } from "hono";
import type { AppEnv } from "../../app.js";
import { signedInCaller } from "../../staff-session.js";
import type { FormSource } from "../kit/form-source.js";
import { lastValue } from "../kit/form-source.js";
import { SaveControls, type SaveMode } from "./controls.js";
import { knownAtField } from "./paths.js";

/** Where "Spara utkast" saves for this request: the store (a write token), nowhere (a read token), the browser. */
export async function saveModeOf(c: Context<AppEnv>): Promise<SaveMode> {
  const writer = await signedInCaller(c, "write");
  if (writer) return { kind: "store", name: writer.name || "MOTIONERA_TOKEN" };
  const reader = await signedInCaller(c, "read");
  if (reader) return { kind: "read-only", name: reader.name || "MOTIONERA_TOKEN" };
  return { kind: "browser" };
}

/** The draft form's own "Spara utkast" (no saved draft shown). */
export async function defaultSaveControls(c: Context<AppEnv>, knownAt?: string) {
  return <SaveControls mode={await saveModeOf(c)} knownAt={knownAt} />;
}

/** The instant a form asks its facts at (a saved draft's page sends it), if it is one. */
export function knownAtOf(src: FormSource): string | undefined {
  const v = lastValue(src, knownAtField);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;
}
