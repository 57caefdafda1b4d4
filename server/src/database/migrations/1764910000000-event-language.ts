import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** An event speaks a language (en, de or es): its screen, its default icebreakers, its join page's fallback. */
export class EventLanguage1764910000000 implements MigrationInterface {
  name = 'EventLanguage1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('events', new TableColumn({ name: 'language', type: 'varchar', length: '2', default: "'en'" }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('events', 'language');
  }
}
