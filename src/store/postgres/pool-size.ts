/**
 * How many connections one process keeps to PostgreSQL: MOTIONERA_DATABASE_POOL, else 10 (the
 * `pg` driver's own default). N service processes hold up to N times this many, which must stay
 * under the server's max_connections (100 by default) with room for the CLI and the listeners.
 */
import { MotioneraError } from "../../domain/errors.js";
import { z } from "../../domain/zod.js";

export const defaultPoolSize = 10;

const poolSizeSchema = z.coerce.number().int().min(1).max(1000);

export function poolSizeFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.MOTIONERA_DATABASE_POOL;
  if (raw === undefined || raw === "") return defaultPoolSize;
  const parsed = poolSizeSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new MotioneraError({
    code: "input_invalid",
    field: "MOTIONERA_DATABASE_POOL",
    problem: `"${raw}" är inget antal anslutningar; ange ett heltal från 1 till 1000 (standard ${defaultPoolSize})`,
  });
}
