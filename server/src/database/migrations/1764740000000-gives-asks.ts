import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** The topic list an event starts with (as shared's DEFAULT_HELP_TOPICS was when this was written). */
const DEFAULT_TOPICS = JSON.stringify([
  'Hiring',
  'Looking for a job',
  'Investing',
  'Raising money',
  'Mentoring',
  'Looking for a mentor',
  'Finding a co-founder',
  'Finding customers',
  'Partnerships',
  'Advice on product',
  'Advice on marketing',
  'Advice on legal matters',
]);

/**
 * Win-win: an event may turn on gives and asks with its own topic list (off by default); attendees
 * say what they can help with and would love help with, and a short line; a round remembers the
 * topics it was grouped with (null: the round did not use them), so its news never shows more.
 */
export class GivesAsks1764740000000 implements MigrationInterface {
  name = 'GivesAsks1764740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('events', [
      new TableColumn({ name: 'help_on', type: 'boolean', default: false }),
      new TableColumn({ name: 'help_topics', type: 'text', default: `'${DEFAULT_TOPICS}'` }),
    ]);
    await q.addColumns('attendees', [
      new TableColumn({ name: 'gives', type: 'text', default: "'[]'" }),
      new TableColumn({ name: 'asks', type: 'text', default: "'[]'" }),
      new TableColumn({ name: 'help_line', type: 'varchar', length: '80', default: "''" }),
    ]);
    await q.addColumn('rounds', new TableColumn({ name: 'help_topics', type: 'text', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('rounds', 'help_topics');
    await q.dropColumns('attendees', ['gives', 'asks', 'help_line']);
    await q.dropColumns('events', ['help_on', 'help_topics']);
  }
}
