/**
 * On the web, a draft's placeholder for a missing fact names the service's add-fact form (filled
 * in with the municipality and the key), in the preview and in the downloaded file; the command
 * line's fetch command is not shown.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { Workspace } from "../../../src/workspace.js";
import { tempWorkspace } from "../../helpers/cli.js";
import { formPost } from "../../helpers/staff-app.js";

let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  app = createApp(await Workspace.open({ db: tempWorkspace().db }), { draftsPerMinute: 0 });
});

const fields = {
  template: "skolresultat",
  kommun: "Pajala",
  "name.0": "Anna Andersson",
  "input.committee": "barn- och utbildningsnämnden",
  date: "2026-11-24",
};

describe("a missing fact's placeholder on the web", () => {
  it("names the add-fact form in the preview, not the fetch command", async () => {
    const res = await app.request("/fragment/forhandsvisning", formPost(fields));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("saknas i faktaregistret; lägg till den i formuläret Lägg till uppgift: ");
    expect(html).toContain("/personal/uppgifter/ny?kommun=Pajala&amp;nyckel=kolada_n15419");
    expect(html).not.toContain("motionera facts");
  });

  it("names it with the service's address in a downloaded file", async () => {
    const res = await app.request("/utkast", formPost({ ...fields, format: "md" }));
    expect(res.status).toBe(200);
    // Markdown escapes ":" and "_" with a backslash.
    const md = (await res.text()).replace(/\\/g, "");
    expect(md).toContain(
      "lägg till den i formuläret Lägg till uppgift: " +
        "http://localhost/personal/uppgifter/ny?kommun=Pajala&nyckel=kolada_n15419",
    );
    expect(md).not.toContain("motionera facts");
  });
});
