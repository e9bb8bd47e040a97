/**
 * Typed reads and writes through the statement cache. The row type is declared once at the
 * call (`row<ChartRecord>(db, sql, id)`), so services hold no casts on rows of their own.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { statement, valueStatement } from './statements';

export type SqlValue = string | number | bigint | Buffer | null;

export function row<R>(db: Database.Database, sql: string, ...params: SqlValue[]): R | undefined {
  return statement(db, sql).get(...params) as R | undefined;
}

export function rows<R>(db: Database.Database, sql: string, ...params: SqlValue[]): R[] {
  return statement(db, sql).all(...params) as R[];
}

export function eachRow<R>(db: Database.Database, sql: string, ...params: SqlValue[]): IterableIterator<R> {
  return statement(db, sql).iterate(...params) as IterableIterator<R>;
}

/** The first column of the first row, or undefined when there is no row. */
export function value<V extends SqlValue>(db: Database.Database, sql: string, ...params: SqlValue[]): V | undefined {
  return valueStatement(db, sql).get(...params) as V | undefined;
}

/** The first column of every row. */
export function values<V extends SqlValue>(db: Database.Database, sql: string, ...params: SqlValue[]): V[] {
  return valueStatement(db, sql).all(...params) as V[];
}

export function run(db: Database.Database, sql: string, ...params: SqlValue[]): Database.RunResult {
  return statement(db, sql).run(...params);
}
