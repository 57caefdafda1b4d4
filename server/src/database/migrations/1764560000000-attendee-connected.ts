import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** When an attendee's phone first connected a socket: until then they are not here and are never grouped. */
export class AttendeeConnected1764560000000 implements MigrationInterface {
  name = 'AttendeeConnected1764560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('attendees', new TableColumn({ name: 'connected_at', type: 'bigint', isNullable: true }));
    // Before this column, a socket connection was the only thing that moved last_seen_at past joined_at.
    await q.query('UPDATE attendees SET connected_at = last_seen_at WHERE last_seen_at > joined_at');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('attendees', 'connected_at');
  }
}
