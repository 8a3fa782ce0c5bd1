/** Core checks find every problem of a request; the API lists them all in the problem's errors. */
import { beforeAll, describe, expect, it } from "vitest";
import { auth, expectProblem, json, lidingoRequest, makeApp } from "./helpers.js";

let app: Awaited<ReturnType<typeof makeApp>>["app"];
beforeAll(async () => {
  ({ app } = await makeApp());
});

interface ErrorEntry {
  path: string;
  message: string;
  code?: string;
  suggestions?: string[];
}
const entries = (body: { errors?: unknown }) => (body.errors ?? []) as ErrorEntry[];

describe("every problem at once in errors", () => {
  it(
    "POST /api/drafts: an unknown municipality (with suggestions) and an unknown field: 422 invalid-input " +
      "with both",
    async () => {
      const res = await app.request(
        "/api/drafts",
        json({ ...lidingoRequest, municipality: "Lidngö", inputs: { comittee: "x" }, format: "md" }),
      );
      const body = await expectProblem(res, 422);
      expect(body.type).toBe("https://motionera.se/problem/invalid-input");
      const errors = entries(body);
      expect(errors.map((e) => [e.path, e.code])).toEqual([
        ["municipality", "unknown_municipality"],
        ["inputs/comittee", "unknown_input"],
      ]);
      expect(errors[0]!.suggestions).toContain("Lidingö");
      expect(errors[0]!.message).toMatch(/Menade du "Lidingö"/);
      expect(body.detail).toMatch(/^2 fel: /);
    },
  );

  it("POST /api/drafts: an unknown {fakta:…} in the user's text is listed at its input, with the rest", async () => {
    const res = await app.request(
      "/api/drafts",
      json({
        template: "allman-motion",
        municipality: "Umeåå",
        authors: lidingoRequest.authors,
        inputs: {
          title: "Skolan",
          background: "I Umeå klarade {fakta:kolada_n1541} alla ämnen.",
          proposals: "ge nämnden i uppdrag att höja andelen",
        },
        format: "md",
      }),
    );
    const body = await expectProblem(res, 422);
    const errors = entries(body);
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ["municipality", "unknown_municipality"],
      ["inputs/background", "input_invalid"],
    ]);
    expect(errors[1]!.message).toContain('okänd faktanyckel "kolada_n1541"');
    expect(errors[1]!.message).toContain('menade du "kolada_n15419"');
  });

  it("one problem keeps its own status and type", async () => {
    const body = await expectProblem(
      await app.request("/api/drafts", json({ ...lidingoRequest, municipality: "Lidngö", format: "md" })),
      422,
    );
    expect(body.type).toBe("https://motionera.se/problem/unknown-municipality");
    expect(entries(body).map((e) => e.path)).toEqual(["municipality"]);
  });

  it("POST /api/campaigns: an unknown county, municipality and condition key, each at its index", async () => {
    const res = await app.request(
      "/api/campaigns",
      json(
        {
          template: "kast-avtal",
          counties: ["Narnia"],
          municipalities: ["Lidingö", "Lidngö"],
          where: ["no_such_key=ja"],
          authors: lidingoRequest.authors,
          formats: ["md"],
        },
        auth,
      ),
    );
    const body = await expectProblem(res, 422);
    expect(entries(body).map((e) => [e.path, e.code])).toEqual([
      ["counties/0", "unknown_county"],
      ["municipalities/1", "unknown_municipality"],
      ["where/0", "unknown_fact_key"],
    ]);
  });

  it("POST /api/facts: an unknown subject and a value that is no number, at the body's fields", async () => {
    const entry = {
      subject: "Lidngö",
      key: "kast_municipality_count",
      value: "många",
      asOf: "2026-01-15",
      source: { title: "T", publisher: "P", date: "2026-01-15" },
    };
    const body = await expectProblem(await app.request("/api/facts", json(entry, auth)), 422);
    expect(entries(body).map((e) => [e.path, e.code])).toEqual([
      ["subject", "unknown_municipality"],
      ["value", "fact_invalid"],
    ]);
  });
});
