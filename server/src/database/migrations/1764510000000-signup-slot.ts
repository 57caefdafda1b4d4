import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * With ALLOW_SIGNUP=false the one organizer who signs up takes the slot 'first'; the unique key
 * lets only one of several racing sign-ups have it (open sign-ups leave it empty).
 */
export class SignupSlot1764510000000 implements MigrationInterface {
  name = 'SignupSlot1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'organizers',
      new TableColumn({ name: 'signup_slot', type: 'varchar', length: '16', isNullable: true, isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('organizers', 'signup_slot');
  }
}
