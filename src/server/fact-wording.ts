/**
 * How the web service says to add a missing fact: its "Lägg till uppgift" form, filled in with
 * the municipality and the key (absolute when the text leaves the browser, as a zip's summary
 * does). The command line says `motionera facts add` instead (cliWording).
 */
import type { FactWording } from "../messages.sv.js";
import { addFactHref } from "./pages/add-fact/paths.js";

export function webFactWording(origin: string, till?: string): FactWording {
  return {
    kind: "web",
    href: ({ subject, key }) => `${origin}${addFactHref({ kommun: subject, key, ...(till ? { till } : {}) })}`,
  };
}
