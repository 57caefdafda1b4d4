import { dropDatabase, freshDatabaseEnv, startApp } from './support/app';
import { room } from './support/room';
import { eventually } from './support/sockets';
import { RoundsService } from '../src/mixer/rounds/rounds.service';
import { PlannerClosedError, RoundPlanner } from '../src/mixer/planner/round-planner';

/**
 * A round start answers once the round is committed and its news are out; the look-ahead plan follows.
 * An app closed in between must leave nothing behind: no step starting after the close, no planner thread.
 */
describe('closing the app', () => {
  it('right after a start: the work after the answer is drained and no planner thread is left or started again', async () => {
    const env = freshDatabaseEnv();
    const t = await startApp({}, env);
    const r = await room(t.url, 12);
    try {
      const rounds = t.app.get(RoundsService);
      const planner = t.app.get(RoundPlanner);
      await rounds.start(r.event.id);
      // answered: the groups were sent, the look-ahead has not run yet
      expect(rounds.pendingLookAheads).toBe(1);
      expect(planner.running).toBe(true);

      await t.close();
      expect(rounds.pendingLookAheads).toBe(0);
      expect(planner.running).toBe(false);
      // a look-ahead asked for after the close never starts a thread
      await expect(planner.planAhead({ people: [], settings: { groupSize: 4 }, rounds: 1, history: [], avoid: [] })).rejects.toThrow(
        PlannerClosedError,
      );
      await expect(planner.plan({ people: [], settings: { groupSize: 4 }, history: [], avoid: [] })).resolves.toBeDefined();
      expect(planner.running).toBe(false);
    } finally {
      r.close();
      await dropDatabase(env);
    }
  });

  it('while a look-ahead is thinking: the close cuts it short', async () => {
    const env = freshDatabaseEnv();
    const t = await startApp({}, env);
    const r = await room(t.url, 40);
    try {
      const rounds = t.app.get(RoundsService);
      const planner = t.app.get(RoundPlanner);
      await rounds.start(r.event.id);
      // the start's news went out; the look-ahead (or saving its plan) is what is left
      await eventually(() => expect(r.phones.every((p) => p.socket.frames.some(([e]) => e === 'group:changed'))).toBe(true), 10_000);

      await t.close();
      expect(rounds.pendingLookAheads).toBe(0);
      expect(planner.running).toBe(false);
    } finally {
      r.close();
      await dropDatabase(env);
    }
  });
});
