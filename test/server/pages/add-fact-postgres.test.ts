/**
 * "Lägg till uppgift" on the PostgreSQL store: the fact is written through the store, the audit
 * log names the signed-in token, and the municipality's page shows the fact and the change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { runMigrations } from "../../../src/store/postgres/migrations.js";
import { issueToken } from "../../../src/tokens/issue.js";
import { Workspace } from "../../../src/workspace.js";
import {
  freshDatabase,
  notePostgresSkipped,
  onDatabase,
  postgresAvailable,
  type TestDatabase,
} from "../../helpers/postgres.js";
import { formPost, signedIn, withCookie } from "../../helpers/staff-app.js";

notePostgresSkipped("test/server/pages/add-fact-postgres.test.ts");

describe.skipIf(!postgresAvailable())("adding a fact on the web, PostgreSQL store", () => {
  let db: TestDatabase;
  let ws: Workspace;

  beforeAll(async () => {
    db = await freshDatabase("add_fact");
    await onDatabase(db.url, (c) => runMigrations(c));
    ws = await Workspace.open({ databaseUrl: db.url });
  }, 120_000);
  afterAll(async () => {
    await ws?.store.close();
    await db?.drop();
  }, 60_000);

  it("records the fact under the token's name and shows it on the municipality's page", async () => {
    const secret = (await issueToken(ws.store, "kansliet-umea", "write")).secret;
    const app = createApp(ws, { draftsPerMinute: 0 });
    const cookie = await signedIn(app, secret, "/personal/uppgifter/ny");
    const fields = {
      kommun: "Umeå",
      nyckel: "action_plan_sells_sex",
      varde: "ja",
      per: "2025",
      titel: "Handlingsplan mot prostitution",
      utgivare: "Umeå kommun",
      kalldatum: "2025",
    };
    const res = await app.request("/personal/uppgifter/ny", formPost(fields, withCookie(cookie)));
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get("location")).toBe("/kommun/umea?ny-uppgift=action_plan_sells_sex");
    const facts = (await ws.store.facts()).filter((f) => f.subject === "2480" && f.key === "action_plan_sells_sex");
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ value: { type: "boolean", value: true }, asOf: "2025" });
    const [entry] = await ws.store.audit({ subject: "2480", limit: 1 });
    expect(entry?.actor).toEqual({ kind: "token", name: "kansliet-umea" });
    const page = await (await app.request(res.headers.get("location")!)).text();
    expect(page).toContain("Handlingsplan mot prostitution");
    expect(page).toContain("token ”kansliet-umea”");
    expect(page).toContain("är sparad.");
  }, 60_000);
});
