import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * The entities a query selects, made from its raw rows: each column converted as TypeORM converts it
 * (transformers, JSON, booleans) and set on an instance. TypeORM's own getMany() goes through a general
 * transformer that, at thousands of rows (a round start reads everyone present), costs more than the
 * query itself. For plain selects of one table only: no joins, no relations.
 */
export async function leanMany<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<T[]> {
  const metadata = query.expressionMap.mainAlias!.metadata;
  const driver = query.connection.driver;
  const rows = await query.getRawMany<Record<string, unknown>>();
  const columns = metadata.columns.map((column) => ({ column, key: `${query.alias}_${column.databaseName}` }));
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const { column, key } of columns) if (key in row) column.setEntityValue(entity, driver.prepareHydratedValue(row[key], column));
    return entity;
  });
}
