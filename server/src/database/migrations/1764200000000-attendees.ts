import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class Attendees1764200000000 implements MigrationInterface {
  name = 'Attendees1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'attendees',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'event_id', type: 'varchar', length: '36' },
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'name', type: 'varchar', length: '40' },
          { name: 'headline', type: 'varchar', length: '80' },
          { name: 'company', type: 'varchar', length: '80' },
          { name: 'interests', type: 'text' },
          { name: 'card', type: 'text' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'joined_at', type: 'bigint' },
          { name: 'updated_at', type: 'bigint' },
          { name: 'last_seen_at', type: 'bigint' },
        ],
        foreignKeys: [{ columnNames: ['event_id'], referencedTableName: 'events', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ columnNames: ['event_id', 'status'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('attendees');
  }
}
