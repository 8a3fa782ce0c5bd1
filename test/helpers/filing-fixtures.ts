/** The two ärenden the ärenden page tests start from, filed by "eva" on the command line. */
import type { Store } from "../../src/store/store.js";
import { actingAs } from "../../src/store/actor-context.js";

/** A motion in Lidingö (KS 2025/0101, filed 2 March 2025), an interpellation in Vaxholm (KS 2026/0020, 1 Feb 2026). */
export const addTwoFilings = (store: Store) =>
  actingAs({ kind: "cli", user: "eva" }, async () => {
    await store.addFiling({
      kind: "motion",
      title: "Fler elever ska klara grundskolan",
      municipality: { code: "0186", name: "Lidingö" },
      signers: [{ name: "Eva Ek", party: "V" }],
      filed: { kind: "filed", date: "2025-03-02", dnr: "KS 2025/0101", body: "kommunfullmäktige" },
    });
    await store.addFiling({
      kind: "interpellation",
      title: "Vad hände med cykelplanen",
      municipality: { code: "0187", name: "Vaxholm" },
      signers: [{ name: "Per Berg", party: "MP" }],
      filed: { kind: "filed", date: "2026-02-01", dnr: "KS 2026/0020", body: "kommunfullmäktige" },
    });
  });
