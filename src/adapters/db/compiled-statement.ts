// A Drizzle-built query run straight on better-sqlite3, for the store's hot path. Drizzle writes the
// SQL and says, per parameter, which placeholder fills it and which column encodes it (JSON columns
// are stringified, booleans become 0/1); that plan is read once here. Drizzle's own prepared query
// does the same work on every run by testing each parameter's class, which cost more than the insert.
import { Param, Placeholder, type Query } from 'drizzle-orm';
import type Database from 'better-sqlite3';

export type StatementValues = Record<string, unknown>;

export interface CompiledStatement {
  run(values: StatementValues): Database.RunResult;
}

type Fill = (values: StatementValues) => unknown;

function fillFor(param: unknown): Fill {
  if (param instanceof Placeholder) return placeholderValue(param.name);
  if (param instanceof Param && param.value instanceof Placeholder) {
    const value = placeholderValue(param.value.name);
    const encoder = param.encoder;
    return encoder ? (values) => encoder.mapToDriverValue(value(values)) : value;
  }
  return () => param;
}

/** Reads one placeholder's value; a missing one is a bug in the caller, said as Drizzle says it. */
const placeholderValue =
  (name: string): Fill =>
  (values) => {
    if (!(name in values)) throw new Error(`No value for placeholder "${name}" was provided`);
    return values[name];
  };

/** Prepares `query` (from a Drizzle builder's `toSQL()`) once; each run fills its placeholders from `values`. */
export function compileStatement(client: Database.Database, query: Query): CompiledStatement {
  const statement = client.prepare(query.sql);
  const fills = query.params.map(fillFor);
  return {
    run: (values) => statement.run(...fills.map((fill) => fill(values))),
  };
}
