import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The report reads an event's swap requests and rounds by event: indexes so that it reads only that
 * event's rows, however many evenings the database holds.
 */
export class ReportIndexes1764710000000 implements MigrationInterface {
  name = 'ReportIndexes1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('swap_requests', new TableIndex({ name: 'swap_requests_event', columnNames: ['event_id'] }));
    await q.createIndex('rounds', new TableIndex({ name: 'rounds_event_number', columnNames: ['event_id', 'number'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('rounds', 'rounds_event_number');
    await q.dropIndex('swap_requests', 'swap_requests_event');
  }
}
