import { z } from "zod";
import { factSchema } from "../domain/fact.js";

/** The version of the database file's shape; bumped with a migration when the shape changes. */
export const schemaVersion = 1;

/** The database file (corpus/motionera.json by default), validated whole when read. */
export const databaseSchema = z.object({
  schemaVersion: z.literal(schemaVersion),
  facts: z.array(factSchema),
});
export type Database = z.infer<typeof databaseSchema>;

export const emptyDatabase = (): Database => ({ schemaVersion, facts: [] });
