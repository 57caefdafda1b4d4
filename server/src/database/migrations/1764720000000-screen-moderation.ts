import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Names the room should not see: the organizer can hide a person from the screen's board, and adds
 * their own words to the built-in list of offensive words (a JSON list of strings, empty at first).
 */
export class ScreenModeration1764720000000 implements MigrationInterface {
  name = 'ScreenModeration1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('attendees', new TableColumn({ name: 'screen_hidden', type: 'boolean', default: false }));
    await q.addColumn('events', new TableColumn({ name: 'screen_blocked_words', type: 'text', default: "'[]'" }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('events', 'screen_blocked_words');
    await q.dropColumn('attendees', 'screen_hidden');
  }
}
