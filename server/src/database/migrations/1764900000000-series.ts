import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

const cascade = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

/**
 * Event series: an organizer's series, the events in it, the people who chose to be remembered
 * (keyed hashes of their series token and, if chosen, email) and which attendee rows are theirs.
 */
export class Series1764900000000 implements MigrationInterface {
  name = 'Series1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'series',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizer_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '80' },
          { name: 'created_at', type: 'bigint' },
        ],
        foreignKeys: [cascade('organizer_id', 'organizers')],
      }),
    );
    await q.createIndex('series', new TableIndex({ name: 'series_organizer', columnNames: ['organizer_id'] }));
    await q.createTable(
      new Table({
        name: 'series_events',
        columns: [
          { name: 'event_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'series_id', type: 'varchar', length: '36' },
        ],
        foreignKeys: [cascade('event_id', 'events'), cascade('series_id', 'series')],
      }),
    );
    await q.createIndex('series_events', new TableIndex({ name: 'series_events_series', columnNames: ['series_id'] }));
    await q.createTable(
      new Table({
        name: 'series_people',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'series_id', type: 'varchar', length: '36' },
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'email_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'created_at', type: 'bigint' },
        ],
        foreignKeys: [cascade('series_id', 'series')],
      }),
    );
    await q.createIndex('series_people', new TableIndex({ name: 'series_people_email', columnNames: ['series_id', 'email_hash'] }));
    await q.createTable(
      new Table({
        name: 'series_attendees',
        columns: [
          { name: 'attendee_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'person_id', type: 'varchar', length: '36' },
          { name: 'series_id', type: 'varchar', length: '36' },
          { name: 'event_id', type: 'varchar', length: '36' },
          { name: 'linked_by', type: 'varchar', length: '8' },
        ],
        foreignKeys: [cascade('attendee_id', 'attendees'), cascade('person_id', 'series_people'), cascade('series_id', 'series')],
      }),
    );
    await q.createIndex('series_attendees', new TableIndex({ name: 'series_attendees_person', columnNames: ['person_id'] }));
    await q.createIndex('series_attendees', new TableIndex({ name: 'series_attendees_event', columnNames: ['event_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('series_attendees');
    await q.dropTable('series_people');
    await q.dropTable('series_events');
    await q.dropTable('series');
  }
}
