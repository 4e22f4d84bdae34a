import type pg from 'pg';

/**
 * Fewer round trips per transaction, the same statements. A transaction's client made `batching` holds
 * back the statements given to `send` (writes whose answer nobody reads) and `later` (whose answer is
 * read afterwards) and sends them in front of its next query, or of COMMIT, in one message: PostgreSQL
 * runs exactly the statements it ran one by one before, in the same order, inside the same transaction.
 * Only the moment a write's error shows moves: at the next round trip, which fails with it (and the
 * transaction is rolled back as before).
 * A message of several statements goes by the simple protocol, so each parameterised statement is
 * prepared once per connection (PREPARE: planned once, as a named statement is) and run as EXECUTE with
 * its values written in as quoted literals: untyped, as node-postgres's own parameters are, never SQL.
 */
interface Held {
  sql: string;
  /** For `later`: settles with this statement's own result when its message comes back. */
  settle?: (result: pg.QueryResult | Error) => void;
}

interface Batch {
  queue: Held[];
  /** The statement as one of a message (EXECUTE of its prepared form, prepared first if new). */
  statement(text: string, values?: readonly unknown[]): Promise<string>;
  /** Sends what is held back (nothing when nothing is). */
  flush(): Promise<void>;
}
const batches = new WeakMap<pg.ClientBase, Batch>();

/** Statement text → the name it is prepared under, on every connection (a bounded number of texts). */
const names = new Map<string, string>();
const maxNames = 1000;
/** The names prepared on each connection (PREPARE outlives transactions, rolled back or not). */
const preparedOn = new WeakMap<pg.ClientBase, Set<string>>();

/** A string as a quoted literal: quotes doubled, and backslashes too in an E'' literal (pg.escapeLiteral's rule). */
function quote(text: string): string {
  const quoted = `'${text.includes("'") ? text.replaceAll("'", "''") : text}'`;
  return text.includes('\\') ? ` E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

/** A value as a quoted literal of unknown type, as node-postgres would send it as a parameter. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return quote(value.toISOString());
  if (typeof value === 'object') {
    if (Array.isArray(value) || Buffer.isBuffer(value))
      throw new Error('batch: arrays and bytes are not inlined');
    return quote(JSON.stringify(value));
  }
  return quote(String(value));
}

/** The statement with its `$n` parameters written in as literals. */
export function inline(text: string, values: readonly unknown[] = []): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index >= values.length) throw new Error(`batch: no value for $${n}`);
    return literal(values[index]);
  });
}

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < maxNames) {
    name = `vcert_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Sends `held` and then `last` in one message; returns the result of `last` and settles each held
 * `later` with its own (or, when the message fails, with its error).
 */
async function sendMessage(connection: pg.ClientBase, held: Held[], last: string): Promise<pg.QueryResult> {
  if (held.length === 0) return connection.query(last);
  let results: pg.QueryResult[];
  try {
    results = (await connection.query(
      [...held.map((h) => h.sql), last].join(';\n'),
    )) as unknown as pg.QueryResult[];
  } catch (error) {
    for (const h of held) h.settle?.(error as Error);
    throw error;
  }
  held.forEach((h, i) => {
    h.settle?.(results[i] as pg.QueryResult);
  });
  return results[results.length - 1] as pg.QueryResult;
}

/**
 * The transaction's client that batches: each query it runs carries the held-back statements in front
 * of it, COMMIT included; ROLLBACK drops them. A query given as a config object (a named statement, a
 * row mode) is sent on its own, after them.
 */
export function batching<T extends pg.ClientBase>(connection: T): T {
  const queue: Held[] = [];
  const prepared = preparedOn.get(connection) ?? new Set<string>();
  preparedOn.set(connection, prepared);
  const flush = async () => {
    const held = queue.splice(0);
    const last = held.pop();
    if (last) await sendMessage(connection, held, last.sql).then((r) => last.settle?.(r));
  };
  const statement = async (text: string, values: readonly unknown[] = []) => {
    if (values.length === 0) return text;
    const name = nameOf(text);
    if (!name) return inline(text, values);
    if (!prepared.has(name)) {
      // Last in its message: when the message fails, it did not run (or failed itself).
      await sendMessage(connection, queue.splice(0), `PREPARE ${name} AS ${text}`);
      prepared.add(name);
    }
    return `EXECUTE ${name}(${values.map(literal).join(', ')})`;
  };
  const query = async (textOrConfig: unknown, values?: unknown[]) => {
    if (textOrConfig === 'ROLLBACK') {
      // What was held back is dropped: in a failed transaction it could not run anyway.
      for (const h of queue.splice(0)) h.settle?.(new Error('rolled back before it was sent'));
    }
    if (typeof textOrConfig !== 'string') {
      await flush();
      return connection.query(textOrConfig as pg.QueryConfig, values);
    }
    return sendMessage(connection, queue.splice(0), await statement(textOrConfig, values));
  };
  const client = Object.create(connection) as T;
  Object.defineProperty(client, 'query', { value: query });
  batches.set(client, { queue, statement, flush });
  return client;
}

/**
 * A write whose answer nobody reads: held back on a batching client (sent with the next query or the
 * end of the transaction), run at once on any other.
 */
export async function send(
  client: pg.ClientBase,
  text: string,
  values: readonly unknown[] = [],
): Promise<void> {
  const batch = batches.get(client);
  if (batch) batch.queue.push({ sql: await batch.statement(text, values) });
  else await client.query(text, values as unknown[]);
}

/**
 * A statement whose answer is read afterwards: held back on a batching client and sent with the next
 * query; `result()` gives its answer, sending it first if it is still held back. Run at once on any
 * other client.
 */
export async function later(
  client: pg.ClientBase,
  text: string,
  values: readonly unknown[] = [],
): Promise<{ result(): Promise<pg.QueryResult> }> {
  const batch = batches.get(client);
  if (!batch) {
    const answer = client.query(text, values as unknown[]);
    return { result: () => answer };
  }
  let settled: pg.QueryResult | Error | undefined;
  const held: Held = {
    sql: await batch.statement(text, values),
    settle: (r) => {
      settled = r;
    },
  };
  batch.queue.push(held);
  return {
    async result() {
      if (settled === undefined) await batch.flush();
      if (settled instanceof Error) throw settled;
      return settled as pg.QueryResult;
    },
  };
}
