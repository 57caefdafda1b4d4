import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

const id = (name: string, isPrimary = false) => ({ name, type: 'varchar', length: '36', isPrimary });
const onAttendee = (column: string) => ({
  columnNames: [column],
  referencedTableName: 'attendees',
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

export class Connections1764400000000 implements MigrationInterface {
  name = 'Connections1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'swap_requests',
        columns: [id('from_id', true), id('to_id', true), id('event_id'), { name: 'created_at', type: 'bigint' }],
        foreignKeys: [onAttendee('from_id'), onAttendee('to_id')],
        indices: [{ columnNames: ['to_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'matches',
        columns: [
          id('a', true),
          id('b', true),
          id('event_id'),
          { name: 'matched_at', type: 'bigint' },
          // what each side chose to share, fixed when the match is made
          { name: 'a_fields', type: 'text' },
          { name: 'b_fields', type: 'text' },
        ],
        foreignKeys: [onAttendee('a'), onAttendee('b')],
        indices: [{ columnNames: ['b'] }, { columnNames: ['event_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'opt_outs',
        columns: [
          id('attendee_id', true),
          id('other_id', true),
          id('event_id'),
          { name: 'reason', type: 'varchar', length: '12' },
          { name: 'created_at', type: 'bigint' },
        ],
        foreignKeys: [onAttendee('attendee_id'), onAttendee('other_id')],
        indices: [{ columnNames: ['event_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'share_choices',
        columns: [id('attendee_id', true), { name: 'fields', type: 'text' }],
        foreignKeys: [onAttendee('attendee_id')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notes',
        columns: [id('attendee_id', true), id('other_id', true), { name: 'text', type: 'text' }],
        foreignKeys: [onAttendee('attendee_id'), onAttendee('other_id')],
      }),
    );

    await q.addColumns('events', [
      new TableColumn({ name: 'ended_at', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'contacts_purged_at', type: 'bigint', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumns('events', ['ended_at', 'contacts_purged_at']);
    for (const t of ['notes', 'share_choices', 'opt_outs', 'matches', 'swap_requests']) await q.dropTable(t);
  }
}
