/**
 * /api/drafts/saved: save with a write token (201, an unguessable id), read and list with a read token, a new
 * version and a duplicate as the caller (the audit log names them), the cited facts then and now after a fact
 * changed; refusals as problem+json (no token, a read token writing, an unknown or malformed id, a bad state),
 * and the routes in the OpenAPI document.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { SavedDraft } from "../../../src/domain/saved-draft.js";
import { issueToken } from "../../../src/tokens/issue.js";
import type { Workspace } from "../../../src/workspace.js";
import { expectProblem, json, makeApp } from "./helpers.js";

let app: Awaited<ReturnType<typeof makeApp>>["app"];
let workspace: Workspace;
let reader: Record<string, string>;
let anna: Record<string, string>;
let bo: Record<string, string>;

const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

beforeEach(async () => {
  ({ app, workspace } = await makeApp({ token: "t0ken", draftsPerMinute: 0 }));
  reader = bearer((await issueToken(workspace.store, "lasaren", "read")).secret);
  anna = bearer((await issueToken(workspace.store, "anna", "write")).secret);
  bo = bearer((await issueToken(workspace.store, "bo", "write")).secret);
});

const state = {
  template: "kast-avtal",
  kommun: "Lidingö",
  signers: [{ name: "Anna Andersson", party: "L", partyOther: "", role: "ledamot" }],
  date: "2026-12-01",
  inputs: { committee: "socialnämnden" },
  arguments: [],
  editedMarkdown: "# Rubrik\n\nRedigerad text.",
};

async function save(headers: Record<string, string>, body = state): Promise<SavedDraft> {
  const res = await app.request("/api/drafts/saved", json({ state: body }, headers));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as SavedDraft;
}

describe("/api/drafts/saved", () => {
  it("saves, reads, lists, adds a version and duplicates, each as its caller", async () => {
    const draft = await save(anna);
    expect(draft.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(draft.versions[0]).toMatchObject({ number: 1, savedBy: { kind: "token", name: "anna" } });
    expect(draft.versions[0]!.state.editedMarkdown).toBe(state.editedMarkdown);

    const read = await app.request(`/api/drafts/saved/${draft.id}`, { headers: reader });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(draft);

    const v2 = await app.request(
      `/api/drafts/saved/${draft.id}/versions`,
      json({ state: { ...state, kommun: "Nacka" } }, bo),
    );
    expect(v2.status).toBe(201);
    const after = (await v2.json()) as SavedDraft;
    expect(after.versions.map((v) => [v.number, v.savedBy])).toEqual([
      [1, { kind: "token", name: "anna" }],
      [2, { kind: "token", name: "bo" }],
    ]);

    const dup = await app.request(`/api/drafts/saved/${draft.id}/duplicate`, json({}, bo));
    expect(dup.status).toBe(201);
    const copy = (await dup.json()) as SavedDraft;
    expect(copy).toMatchObject({ duplicatedFrom: draft.id, createdBy: { kind: "token", name: "bo" } });
    expect(copy.versions[0]!.state.kommun).toBe("Nacka");

    const mine = (await (await app.request("/api/drafts/saved", { headers: bo })).json()) as { id: string }[];
    expect(mine.map((d: { id: string }) => d.id).sort()).toEqual([draft.id, copy.id].sort());
    const annas: unknown = await (await app.request("/api/drafts/saved", { headers: anna })).json();
    expect(annas).toEqual([
      expect.objectContaining({ id: draft.id, versions: 2, createdBy: "anna", lastSavedBy: "bo", kommun: "Nacka" }),
    ]);
    const log = await workspace.store.audit({ limit: 3 });
    expect(log.map((e) => [e.action, e.actor])).toEqual([
      ["draft.save", { kind: "token", name: "bo" }],
      ["draft.version", { kind: "token", name: "bo" }],
      ["draft.save", { kind: "token", name: "anna" }],
    ]);
  });

  it("says which cited facts changed since a version was saved", async () => {
    const draft = await save(anna);
    const unchanged = await (await app.request(`/api/drafts/saved/${draft.id}/facts`, { headers: reader })).json();
    expect(unchanged).toEqual({ version: 1, factsAt: draft.versions[0]!.factsAt, changes: [] });
    const added = await workspace.store.addFact({
      subject: "0186",
      key: "mika_kast_agreement",
      value: { type: "boolean", value: false },
      asOf: "2026-11-30",
      source: { title: "Protokoll (test)", publisher: "Lidingö stad", date: "2026-11-30" },
    });
    workspace.invalidate();
    const res = await app.request(`/api/drafts/saved/${draft.id}/facts?version=1`, { headers: reader });
    const body = (await res.json()) as { changes: { key: string; before: { value: unknown } }[] };
    const change = body.changes.find((c) => c.key === "mika_kast_agreement")!;
    expect(change).toMatchObject({ subject: "0186", subjectName: "Lidingö", after: { id: added.id } });
    expect(change.before.value).toEqual({ type: "boolean", value: true });

    // The document itself, with the facts as when saved or as now.
    const doc = (q: string) => app.request(`/api/drafts/saved/${draft.id}/document?${q}`, { headers: reader });
    const saved = await doc("facts=saved&format=md");
    expect(saved.status).toBe(200);
    expect(saved.headers.get("content-type")).toMatch(/^text\/markdown/);
    const then = await saved.text();
    const now = await (await doc("facts=now&format=md&version=1")).text();
    expect(then).not.toContain("Protokoll (test)");
    expect(now).toContain("Protokoll (test)");
    expect((await doc("format=html")).headers.get("content-type")).toMatch(/^text\/html/);
    await expectProblem(await doc("format=odt"), 400);
    // A draft without a signer cannot be written (the preview's stand-in signs only previews).
    const unsigned = await save(anna, { ...state, signers: [{ name: "", party: "", partyOther: "", role: "" }] });
    const res2 = await app.request(`/api/drafts/saved/${unsigned.id}/document`, { headers: reader });
    await expectProblem(res2, 422);
  });

  it("refuses without a token, a read token writing, an unknown or malformed id, and a bad state", async () => {
    await expectProblem(await app.request("/api/drafts/saved", json({ state })), 401);
    await expectProblem(await app.request("/api/drafts/saved", json({ state }, reader)), 403);
    await expectProblem(await app.request("/api/drafts/saved/AAAAAAAAAAAAAAAAAAAAAA", { headers: reader }), 404);
    await expectProblem(await app.request("/api/drafts/saved/kort", { headers: reader }), 400);
    await expectProblem(
      await app.request("/api/drafts/saved/AAAAAAAAAAAAAAAAAAAAAA/versions", json({ state }, anna)),
      404,
    );
    const bad = await expectProblem(
      await app.request("/api/drafts/saved", json({ state: { ...state, signers: "Anna" } }, anna)),
      400,
    );
    expect(bad.errors?.[0]?.path).toBe("state/signers");
    expect(await workspace.store.savedDrafts()).toEqual([]);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths["/api/drafts/saved"]!)).toEqual(["post", "get"]);
    for (const p of ["/api/drafts/saved/{id}", "/api/drafts/saved/{id}/versions", "/api/drafts/saved/{id}/document"])
      expect(doc.paths[p], p).toBeDefined();
    expect(doc.paths["/api/drafts/saved/{id}/duplicate"]?.post?.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.components.schemas.SavedDraft).toBeDefined();
  });
});
