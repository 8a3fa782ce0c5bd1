/**
 * Municipalities whose municipal body is a region: only Gotland (0980). Gotlands län has no
 * separate region (landsting); the municipality has the county council's tasks as well, calls
 * itself "Region Gotland" (see selfName in municipalities.ts) and its assembly and executive are
 * regionfullmäktige and regionstyrelsen, not kommunfullmäktige and kommunstyrelsen (these two
 * names were not re-read in a source here).
 *
 * Source: Wikipedia (English), "Gotland County" (stored copy of its abstract, consulted
 * 2026-12-02): the county consists of one municipality, is the only county without a county
 * council, and the municipality handles the county council's tasks.
 */
export const regionMunicipalityCodes: ReadonlySet<string> = new Set(["0980"]);
