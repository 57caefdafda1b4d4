import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** A plan made ahead keeps each round's figures, so a start that takes it need not work them out. */
export class PlanStats1764920000000 implements MigrationInterface {
  name = 'PlanStats1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('round_plans', new TableColumn({ name: 'stats', type: 'text', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('round_plans', 'stats');
  }
}
