/**
 * The PostgreSQL rows of filed documents and council meetings (migration 1764830000000_filings):
 * a filing whole as jsonb, a meeting as jsonb keyed by municipality, date and body; read back in
 * the order stored and validated by the domain's schemas.
 */
import type pg from "pg";
import { MotioneraError } from "../../domain/errors.js";
import { councilMeetingSchema, filingSchema, type CouncilMeeting, type Filing } from "../../domain/filing.js";
import { fromStored, storableJson } from "./pg-text.js";

type Client = pg.ClientBase;

function validRow<T>(
  parsed:
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } },
  location: string,
  what: string,
): T {
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const path = first?.path.map(String).join(".");
  throw new MotioneraError({
    code: "database_invalid",
    file: location,
    problem: `${what}: ${path ? `${path}: ` : ""}${first?.message ?? "ogiltig rad"}`,
  });
}

export async function readFilings(c: Client, location: string): Promise<Filing[]> {
  const { rows } = await c.query<{ id: string; filing: unknown }>("SELECT id, filing FROM filings ORDER BY seq");
  return rows.map((r) => validRow(filingSchema.safeParse(fromStored(r.filing)), location, `filings ${r.id}`));
}

export async function insertFilings(c: Client, filings: readonly Filing[]): Promise<void> {
  if (filings.length === 0) return;
  await c.query(
    `INSERT INTO filings (id, municipality, filing)
     SELECT e->>'id', e->'municipality'->>'code', e
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, ord) ORDER BY ord`,
    [storableJson(filings)],
  );
}

/** The filing with its new event (the row keeps its place in the order). */
export async function replaceFiling(c: Client, filing: Filing): Promise<void> {
  await c.query("UPDATE filings SET filing = $2::jsonb WHERE id = $1", [filing.id, storableJson(filing)]);
}

export async function readMeetings(c: Client, location: string): Promise<CouncilMeeting[]> {
  const { rows } = await c.query<{ meeting: unknown }>("SELECT meeting FROM council_meetings ORDER BY seq");
  return rows.map((r, i) =>
    validRow(councilMeetingSchema.safeParse(fromStored(r.meeting)), location, `council_meetings ${i + 1}`),
  );
}

export async function insertMeetings(c: Client, meetings: readonly CouncilMeeting[]): Promise<void> {
  if (meetings.length === 0) return;
  await c.query(
    `INSERT INTO council_meetings (municipality, date, body_key, meeting)
     SELECT e->'municipality'->>'code', e->>'date', lower(e->>'body'), e
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, ord) ORDER BY ord`,
    [storableJson(meetings)],
  );
}
