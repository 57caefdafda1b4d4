import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

const id = (name: string, isPrimary = false) => ({ name, type: 'varchar', length: '36', isPrimary });
const time = (name: string, isNullable = false) => ({ name, type: 'bigint', isNullable });
const cascade = (column: string, table: string, ref = 'id') => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: [ref],
  onDelete: 'CASCADE',
});

export class Rounds1764300000000 implements MigrationInterface {
  name = 'Rounds1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'rounds',
        columns: [
          id('id', true),
          id('event_id'),
          { name: 'number', type: 'integer' },
          { name: 'state', type: 'varchar', length: '10' },
          time('started_at'),
          time('ends_at'),
          time('ended_at', true),
          { name: 'figures', type: 'text' },
        ],
        foreignKeys: [cascade('event_id', 'events')],
        uniques: [{ columnNames: ['event_id', 'number'] }],
        indices: [{ columnNames: ['state', 'ends_at'] }],
      }),
    );
    // At most one running round per event: a second concurrent start fails here.
    await q.createIndex(
      'rounds',
      new TableIndex({ name: 'rounds_one_running', columnNames: ['event_id'], isUnique: true, where: "state = 'running'" }),
    );
    await q.createTable(
      new Table({
        name: 'groups',
        columns: [
          id('id', true),
          id('round_id'),
          id('event_id'),
          { name: 'position', type: 'integer' },
          { name: 'spot', type: 'varchar', length: '40' },
          { name: 'icebreaker', type: 'varchar', length: '200' },
        ],
        foreignKeys: [cascade('round_id', 'rounds')],
        indices: [{ columnNames: ['round_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'group_members',
        columns: [
          id('group_id', true),
          id('attendee_id', true),
          id('round_id'),
          time('joined_at'),
          time('arrived_at', true),
          time('left_at', true),
          { name: 'moved', type: 'boolean' },
        ],
        foreignKeys: [cascade('group_id', 'groups'), cascade('attendee_id', 'attendees')],
        indices: [{ columnNames: ['round_id', 'attendee_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'meetings',
        columns: [
          id('round_id', true),
          id('a', true),
          id('b', true),
          id('event_id'),
          { name: 'round_number', type: 'integer' },
          id('group_id'),
        ],
        foreignKeys: [cascade('round_id', 'rounds')],
        indices: [{ columnNames: ['event_id', 'a'] }, { columnNames: ['event_id', 'b'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'autopilots',
        columns: [
          id('event_id', true),
          { name: 'state', type: 'varchar', length: '10' },
          { name: 'rounds_left', type: 'integer' },
          { name: 'round_minutes', type: 'integer' },
          { name: 'break_minutes', type: 'integer' },
          time('next_round_at', true),
          time('paused_left_ms', true),
        ],
        foreignKeys: [cascade('event_id', 'events')],
        indices: [{ columnNames: ['state', 'next_round_at'] }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'round_plans',
        columns: [
          id('event_id', true),
          { name: 'people_key', type: 'varchar', length: '64' },
          { name: 'meetings_count', type: 'integer' },
          { name: 'rounds', type: 'text' },
          time('created_at'),
        ],
        foreignKeys: [cascade('event_id', 'events')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['round_plans', 'autopilots', 'meetings', 'group_members', 'groups', 'rounds']) await q.dropTable(t);
  }
}
