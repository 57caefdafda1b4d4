import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Follow-ups recorded with their write, carried out at least once by any node's clock. */
export class Outbox1764600000000 implements MigrationInterface {
  name = 'Outbox1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'outbox',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '40' },
          { name: 'payload', type: 'text' },
          { name: 'due_at', type: 'bigint' },
          { name: 'attempts', type: 'integer', default: 0 },
        ],
      }),
    );
    await q.createIndex('outbox', new TableIndex({ name: 'outbox_due', columnNames: ['due_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('outbox');
  }
}
