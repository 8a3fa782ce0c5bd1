/**
 * Corpus search in PostgreSQL, the embedded index's contract over the database's own Swedish
 * full-text search (migrations/postgres/1764800000000_search.sql).
 *
 *   const search = new PostgresSearch(store.pool);
 *   await search.search({ text: "prostitu* -koppleri", filters: { from: 2020 } });
 */
export { PostgresSearch, searchStatement, type Queryable } from "./postgres-search.js";
export { parseWebQuery } from "./query-sql.js";
