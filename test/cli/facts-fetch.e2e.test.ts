/** `motionera facts fetch` and `facts kolada search` end to end: the built CLI against the loopback stand-in. */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatNumber } from "../../src/lang/numbers.js";
import { tempWorkspace } from "../helpers/cli.js";
import { runCliAsync } from "../helpers/cli-async.js";
import { koladaValue, kpiById, municipalityCodes } from "../helpers/statistics-fixtures.js";
import { startStatisticsStandIn, type StandIn } from "../helpers/statistics-stand-in.js";

let s: StandIn;
let db: string;
beforeAll(async () => {
  s = await startStatisticsStandIn();
});
afterAll(() => s.close());
beforeEach(() => {
  ({ db } = tempWorkspace());
  s.faults.length = 0;
});

const env = () => ({
  KOLADA_URL: s.koladaUrl,
  SCB_URL: s.scbUrl,
  MOTIONERA_HTTP_RETRIES: "2",
  MOTIONERA_HTTP_MIN_DELAY_MS: "5",
});
const run = (args: string[]) => runCliAsync(args, { env: env() });
const factCount = () => (JSON.parse(readFileSync(db, "utf8")) as { facts: unknown[] }).facts.length;

describe("motionera facts fetch kolada", () => {
  it("fetches 290 municipalities, the counties and the country for three years, then nothing new", async () => {
    const before = factCount();
    const r = await run([
      "facts",
      "fetch",
      "kolada",
      "--kpi",
      "N01951",
      "--all",
      "--year",
      "2022-2024",
      "--key",
      "population",
      "--db",
      db,
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("population (Folkmängd (invånare 31 december)):");
    expect(r.stdout).toContain("Källa: Kolada: Invånare totalt, antal (N01951), RKA, hämtad");
    expect(r.stdout).toMatch(/13 frågor om värden; 14 anrop/);
    expect(r.stdout).toContain("Boden (2582): värde saknas för 2023");
    const stored = factCount() - before;
    expect(stored).toBe(310 * 3);
    const v = koladaValue(kpiById("N01951")!, "0180", 2023, "T")!;
    expect(r.stdout).toContain(`Stockholm, per 2023: ${formatNumber(v)}`);

    const again = await run([
      "facts",
      "fetch",
      "kolada",
      "--kpi",
      "N01951",
      "--all",
      "--year",
      "2022-2024",
      "--key",
      "population",
      "--db",
      db,
      "--json",
    ]);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as { keys: { counts: Record<string, number>; recorded: number }[] };
    expect(report.keys[0]!.counts).toMatchObject({ new: 0, changed: 0, unchanged: 930 });
    expect(factCount() - before).toBe(stored);
  });

  it("shows a dry run and stores nothing", async () => {
    const before = factCount();
    const r = await run([
      "facts",
      "fetch",
      "kolada",
      "--kpi",
      "N01951",
      "--lan",
      "AB",
      "--year",
      "2024",
      "--key",
      "population",
      "--dry-run",
      "--db",
      db,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Provkörning: inget sparades");
    expect(factCount()).toBe(before);
  });

  it("rides out a 429 with Retry-After and a dropped connection", async () => {
    s.faults.push({ match: "/data/", kind: "status", status: 429, retryAfter: "0" }, { match: "/data/", kind: "drop" });
    const r = await run([
      "facts",
      "fetch",
      "kolada",
      "--kpi",
      "N01951",
      "--kommun",
      "Lidingö,Nacka",
      "--year",
      "2023",
      "--key",
      "population",
      "--db",
      db,
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect((JSON.parse(r.stdout) as { requests: number }).requests).toBe(4);
  });

  it("stores nothing and says so in Swedish when 429 outlasts the retries", async () => {
    const before = factCount();
    // The second data request keeps answering 429: the first was fine, nothing is stored.
    for (let i = 0; i < 3; i++)
      s.faults.push({ match: `/municipality/${municipalityCodes[25]},`, kind: "status", status: 429, retryAfter: "0" });
    const r = await run([
      "facts",
      "fetch",
      "kolada",
      "--kpi",
      "N01951",
      "--all",
      "--year",
      "2024",
      "--key",
      "population",
      "--db",
      db,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Kolada tar inte emot fler frågor just nu (429 Too Many Requests efter 3 försök)");
    expect(r.stderr).toContain("Inget sparades.");
    expect(factCount()).toBe(before);
  });

  it("says when a body is malformed", async () => {
    s.faults.push({ match: "/data/", kind: "malformed" });
    const r = await run([
      "facts",
      "fetch",
      "kolada",
      "--kpi",
      "N01951",
      "--kommun",
      "0180",
      "--key",
      "population",
      "--db",
      db,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Kolada svarade med något annat än väntat (svaret är inte JSON)");
  });

  it("creates the KPI's key with the values; a dry run says it would, and a second fetch reuses it", async () => {
    const keyCount = () => (JSON.parse(readFileSync(db, "utf8")) as { factKeys: { key: string }[] }).factKeys;
    const keysBefore = keyCount().length;
    const before = factCount();
    const args = ["facts", "fetch", "kolada", "--kpi", "N01951", "--lan", "AB", "--year", "2024", "--db", db];
    const dry = await run([...args, "--dry-run"]);
    expect(dry.stderr).toBe("");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      'Ny faktanyckel skulle skapas: kolada_n01951 "Invånare totalt, antal" ' +
        "(tal, format antal, gäller kommuner, län, riket)",
    );
    expect(dry.stdout).toContain("Provkörning: inget sparades");
    expect(keyCount()).toHaveLength(keysBefore);
    expect(factCount()).toBe(before);

    const done = await run(args);
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(done.stdout).toContain("kolada_n01951 (Invånare totalt, antal):");
    expect(done.stdout).toContain('Ny faktanyckel: kolada_n01951 "Invånare totalt, antal"');
    const created = keyCount().find((k) => k.key === "kolada_n01951");
    expect(created).toMatchObject({
      label: "Invånare totalt, antal",
      description: "Testbeskrivning: antal invånare den 31 december. (Kolada N01951)",
    });
    // Stockholm's 26 municipalities and the county, 2024.
    expect(factCount() - before).toBe(27);

    const again = await run([...args, "--json"]);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as { createdKeys: unknown[]; keys: { key: string; created: boolean }[] };
    expect(report.createdKeys).toEqual([]);
    expect(report.keys).toMatchObject([{ key: "kolada_n01951", created: false }]);
    expect(keyCount()).toHaveLength(keysBefore + 1);
    expect(factCount() - before).toBe(27);
    const list = await run(["facts", "keys", "--db", db]);
    expect(list.stdout).toContain("kolada_n01951");
  });

  it("stores neither key nor values when a later request fails", async () => {
    const raw = () => readFileSync(db, "utf8");
    const before = raw();
    s.faults.push({ match: `/municipality/${municipalityCodes[4 * 25]},`, kind: "malformed" });
    const r = await run(["facts", "fetch", "kolada", "--kpi", "N01951", "--all", "--year", "2024", "--db", db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Inget sparades.");
    expect(raw()).toBe(before);
  });

  it("names a bad KPI id, an unknown KPI and an unknown key", async () => {
    const bad = await run(["facts", "fetch", "kolada", "--kpi", "X1", "--all", "--db", db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"X1" är inget nyckeltals-id');
    const unknown = await run([
      "facts",
      "fetch",
      "kolada",
      "--kpi",
      "N99999",
      "--all",
      "--key",
      "population",
      "--db",
      db,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Kolada har inget nyckeltal "N99999"');
    const noKey = await run([
      "facts",
      "fetch",
      "kolada",
      "--kpi",
      "N01951",
      "--all",
      "--key",
      "populatoin",
      "--db",
      db,
    ]);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('Okänd faktanyckel: "populatoin"');
    expect(noKey.stderr).toContain("population");
    const noPlaces = await run(["facts", "fetch", "kolada", "--kpi", "N01951", "--key", "population", "--db", db]);
    expect(noPlaces.code).toBe(2);
    expect(noPlaces.stderr).toContain("--kommun, --lan eller --all");
  });

  it("says offline when the service cannot be reached", async () => {
    const r = await runCliAsync(
      ["facts", "fetch", "kolada", "--kpi", "N01951", "--all", "--key", "population", "--db", db],
      {
        env: { ...env(), KOLADA_URL: "http://127.0.0.1:9/v3" },
      },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Kunde inte nå Kolada (127.0.0.1:9)");
  });
});

describe("motionera facts kolada search and facts fetch scb", () => {
  it("lists KPIs with id, title, operating area and publication date", async () => {
    const r = await run(["facts", "kolada", "search", "invånare"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("N01951  Invånare totalt, antal [Befolkning], publicerad 20 mars 2025");
  });

  it("fetches an SCB table for a county and says which dimension needs a code", async () => {
    const ok = await run([
      "facts",
      "fetch",
      "scb",
      "--table",
      "TAB9001",
      "--contents",
      "TST01",
      "--lan",
      "Uppsala",
      "--year",
      "2024",
      "--key",
      "population",
      "--db",
      db,
    ]);
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toContain("Källa: Testfolkmängd efter region, innehåll och år (TAB9001), SCB, hämtad");
    const vague = await run([
      "facts",
      "fetch",
      "scb",
      "--table",
      "TAB9001",
      "--all",
      "--key",
      "population",
      "--db",
      db,
    ]);
    expect(vague.code).toBe(1);
    expect(vague.stderr).toContain("ContentsCode (TST01, TST02)");
    const unknown = await run([
      "facts",
      "fetch",
      "scb",
      "--table",
      "TAB0000",
      "--all",
      "--key",
      "population",
      "--db",
      db,
    ]);
    expect(unknown.stderr).toContain('SCB har ingen tabell "TAB0000"');
  });
});
