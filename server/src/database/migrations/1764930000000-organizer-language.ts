import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** The console's language an organizer picked, so every device they log in on speaks it. */
export class OrganizerLanguage1764930000000 implements MigrationInterface {
  name = 'OrganizerLanguage1764930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('organizers', new TableColumn({ name: 'language', type: 'varchar', length: '2', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('organizers', 'language');
  }
}
