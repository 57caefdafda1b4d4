import { Column, ValueTransformer } from 'typeorm';

/** Times are stored as epoch milliseconds: the same on SQLite and PostgreSQL, and easy to compare. */
const epochMs: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => (v === null ? null : Number(v)),
};

export const TimeColumn = (options: { nullable?: boolean; name?: string } = {}) =>
  Column({ type: 'bigint', transformer: epochMs, nullable: options.nullable ?? false, name: options.name });
