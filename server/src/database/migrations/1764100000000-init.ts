import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const time = (name: string, isNullable = false) => ({ name, type: 'bigint', isNullable });
const fk = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

/** Written with TypeORM's schema builder so the one migration runs on SQLite and PostgreSQL. */
export class Init1764100000000 implements MigrationInterface {
  name = 'Init1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'organizers',
        columns: [
          id,
          { name: 'email', type: 'varchar', length: '254', isUnique: true },
          { name: 'name', type: 'varchar', length: '80' },
          { name: 'password_hash', type: 'varchar', length: '200' },
          time('created_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'token_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'organizer_id', type: 'varchar', length: '36' },
          time('created_at'),
          time('expires_at'),
        ],
        foreignKeys: [fk('organizer_id', 'organizers')],
        indices: [{ columnNames: ['organizer_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'events',
        columns: [
          id,
          { name: 'organizer_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'description', type: 'text' },
          { name: 'venue', type: 'varchar', length: '200' },
          { name: 'starts_at', type: 'varchar', length: '40', isNullable: true },
          { name: 'time_zone', type: 'varchar', length: '64' },
          { name: 'interests', type: 'text' },
          { name: 'max_interests', type: 'integer' },
          { name: 'group_size', type: 'integer' },
          { name: 'round_minutes', type: 'integer' },
          { name: 'break_minutes', type: 'integer' },
          { name: 'mix_mode', type: 'varchar', length: '10' },
          { name: 'separate_colleagues', type: 'boolean' },
          { name: 'spot_labels', type: 'text' },
          { name: 'icebreakers', type: 'text' },
          { name: 'privacy_note', type: 'text' },
          { name: 'join_code', type: 'varchar', length: '6' },
          { name: 'screen_key', type: 'varchar', length: '64' },
          { name: 'state', type: 'varchar', length: '10' },
          time('created_at'),
          time('updated_at'),
        ],
        foreignKeys: [fk('organizer_id', 'organizers')],
        indices: [{ columnNames: ['organizer_id'] }],
      }),
    );
    // A join code is unique among events that have not ended; ended events free their code.
    await q.createIndex(
      'events',
      new TableIndex({ name: 'events_live_join_code', columnNames: ['join_code'], isUnique: true, where: "state <> 'ended'" }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('events');
    await q.dropTable('sessions');
    await q.dropTable('organizers');
  }
}
