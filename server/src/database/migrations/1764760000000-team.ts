import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

const cascade = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

/**
 * Co-organizers: an event's hosts and viewers (its owner stays `events.organizer_id`, so there is
 * always exactly one), single-use invite links (only a keyed hash of the token is stored) and the
 * log of live actions with who did them.
 */
export class Team1764760000000 implements MigrationInterface {
  name = 'Team1764760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'event_members',
        columns: [
          { name: 'event_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizer_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'role', type: 'varchar', length: '10' },
          { name: 'created_at', type: 'bigint' },
        ],
        foreignKeys: [cascade('event_id', 'events'), cascade('organizer_id', 'organizers')],
      }),
    );
    await q.createIndex('event_members', new TableIndex({ name: 'event_members_organizer', columnNames: ['organizer_id'] }));
    await q.createTable(
      new Table({
        name: 'team_invites',
        columns: [
          { name: 'token_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'event_id', type: 'varchar', length: '36' },
          { name: 'role', type: 'varchar', length: '10' },
          { name: 'all_events', type: 'boolean', default: false },
          { name: 'created_by', type: 'varchar', length: '36' },
          { name: 'created_at', type: 'bigint' },
          { name: 'expires_at', type: 'bigint' },
          { name: 'used_at', type: 'bigint', isNullable: true },
        ],
        foreignKeys: [cascade('event_id', 'events'), cascade('created_by', 'organizers')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'live_actions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'event_id', type: 'varchar', length: '36' },
          { name: 'organizer_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'by_name', type: 'varchar', length: '80' },
          { name: 'kind', type: 'varchar', length: '30' },
          { name: 'count', type: 'integer', isNullable: true },
          { name: 'at', type: 'bigint' },
        ],
        foreignKeys: [cascade('event_id', 'events')],
      }),
    );
    await q.createIndex('live_actions', new TableIndex({ name: 'live_actions_event', columnNames: ['event_id', 'at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('live_actions');
    await q.dropTable('team_invites');
    await q.dropTable('event_members');
  }
}
