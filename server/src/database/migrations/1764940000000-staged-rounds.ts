import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** The next round is written ahead as a staged round, with the key of the room it was planned for. */
export class StagedRounds1764940000000 implements MigrationInterface {
  name = 'StagedRounds1764940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('rounds', new TableColumn({ name: 'room_key', type: 'varchar', length: '64', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('rounds', 'room_key');
  }
}
