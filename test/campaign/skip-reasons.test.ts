/** A municipality a campaign skips is skipped for every reason at once: each missing required fact is listed. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { produceOne } from "../../src/campaign/produce.js";
import { findMunicipality } from "../../src/data/places.js";
import { Workspace } from "../../src/workspace.js";
import { templatesFolder } from "../helpers/cli.js";

describe("produceOne", () => {
  it("lists both required facts a municipality lacks, and the reason names both", async () => {
    const template = [
      "---",
      "id: tva",
      "kind: motion",
      "title: Två",
      "description: D.",
      "facts:",
      "  - key: runs_kast",
      "    required: true",
      "  - key: kast_since",
      "    required: true",
      "---",
      "Text.",
      "",
    ].join("\n");
    const dir = mkdtempSync(join(tmpdir(), "motionera-skip-"));
    const db = join(dir, "db.json");
    writeFileSync(db, JSON.stringify({ schemaVersion: 2, facts: [], documents: [] }));
    const ws = await Workspace.open({
      db,
      templatesDir: templatesFolder({ "motion/tva.hbs": template }),
      today: "2026-11-24",
    });
    const settings = {
      template: "tva",
      counties: [],
      municipalities: [],
      where: [],
      require: [],
      authors: [{ name: "Anna" }],
      date: "2026-11-24",
      inputs: {},
      formats: ["md" as const],
      strict: false,
    };
    const { row, files } = await produceOne(ws, settings, findMunicipality("Lidingö"));
    expect(row.status).toBe("skipped");
    expect(files).toEqual([]);
    expect(row.missingFacts).toEqual(["runs_kast", "kast_since"]);
    expect(row.reason?.match(/Uppgiften "/g)).toHaveLength(2);
    expect(row.reason).toContain("motionera facts add 0186 runs_kast");

    // The web's summary names its form instead, filled in with the municipality and the key.
    const web = await produceOne(ws, settings, findMunicipality("Lidingö"), false, undefined, {
      kind: "web",
      href: ({ subject, key }) => `https://motionera.example/personal/uppgifter/ny?kommun=${subject}&nyckel=${key}`,
    });
    expect(web.row.reason).toContain(
      "Lägg till den med källa i formuläret Lägg till uppgift: " +
        "https://motionera.example/personal/uppgifter/ny?kommun=Lidingö&nyckel=kast_since",
    );
    expect(web.row.reason).not.toContain("motionera facts");
  });
});
