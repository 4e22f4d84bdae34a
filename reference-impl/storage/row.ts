/** A row as node-postgres returns it: column types are known from the SQL beside each mapper. */
// biome-ignore lint/suspicious/noExplicitAny: rows are untyped at the driver boundary and mapped at once.
export type Row = { [column: string]: any };
