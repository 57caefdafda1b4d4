import type { PlannerBody } from '@mingle/shared';
import { useApp } from './support/app';
import { organizer, sampleEvent } from './support/http';
import { assignments, room } from './support/room';
import { eventually } from './support/sockets';
import { RoundPlan } from '../src/mixer/rounds/round.entity';

const FIRST = [
  'Ana',
  'Benedikt',
  'Chiara',
  'Dmitri',
  'Elif',
  'Francesca',
  'Gustavo',
  'Hannah',
  'Ibrahim',
  'Johanna',
  'Kwame',
  'Leonora',
  'Mateusz',
  'Nadia',
  'Oluwaseun',
  'Priyanka',
];
const LAST = [
  'Lopez',
  'Okonkwo-Smith',
  'van der Berg',
  'Nakamura',
  'Fitzgerald',
  'Rossi',
  'Andersson',
  'Kowalczyk',
  'Haddad',
  'Schneider',
  'Papadopoulos',
  'Nguyen',
];
const TAGS = [
  'Machine learning',
  'Climate tech',
  'Product design',
  'Developer tools',
  'Fintech',
  'Open source',
  'Healthcare',
  'Hiring',
  'Security',
  'Robotics',
  'Education',
  'Marketing',
];

/** A realistic guest list: full names, company names, three to five interests each. */
function guests(n: number): NonNullable<PlannerBody['people']> {
  return Array.from({ length: n }, (_, i) => ({
    name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
    company: `${LAST[(i * 5) % LAST.length]} ${['Consulting GmbH', 'Technologies Ltd', 'Labs Inc.', 'Partners'][i % 4]}`,
    interests: Array.from({ length: 3 + (i % 3) }, (_, k) => TAGS[(i + k * 5) % TAGS.length]!),
  }));
}

describe('planner', () => {
  const app = useApp();

  it('accepts the 2,000 people it promises', async () => {
    const org = await organizer(app().url);
    const body: PlannerBody = { groupSize: 8, rounds: 3, people: guests(2000) };
    const size = Buffer.byteLength(JSON.stringify(body));
    expect(size).toBeGreaterThan(200_000);
    const res = await org.post('/api/planner', body);
    expect(res.status).toBe(200);
    expect(res.body.rounds).toHaveLength(3);
    expect(res.body.rounds[0].flat().sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
  }, 60_000);

  it('keeps every other route at 100 KB, with a clean 413 answer', async () => {
    const org = await organizer(app().url);
    const res = await org.post('/api/events', { ...sampleEvent, description: 'x'.repeat(150_000) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      statusCode: 413,
      code: 'too_large',
      message: 'The request body is too large (at most 100 KB)',
      params: { variant: 'limit', maxKB: 100 },
    });
    // The planner's own limit holds too.
    const huge = await org.post('/api/planner', { groupSize: 4, rounds: 1, people: guests(12_000) });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'too_large', message: 'The request body is too large (at most 1 MB)' });
  }, 30_000);

  it('runs one plan per organizer at a time: a second one meanwhile is a 429', async () => {
    const org = await organizer(app().url);
    const body: PlannerBody = { groupSize: 4, rounds: 10, people: guests(40) };
    const answers = await Promise.all([org.post('/api/planner', body), org.post('/api/planner', body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 429]);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'planner_busy', message: expect.stringMatching(/previous plan/) });
    // Once it answered, the organizer may plan again.
    expect((await org.post('/api/planner', body)).status).toBe(200);
  }, 60_000);

  it('queues at most four plans behind the running one: the sixth organizer gets a 429', async () => {
    const orgs = await Promise.all(Array.from({ length: 6 }, () => organizer(app().url)));
    // Each plan takes a good part of a second, so all six asks are in before the first plan is done.
    const body: PlannerBody = { groupSize: 4, rounds: 30, people: guests(100) };
    const answers = await Promise.all(orgs.map((o) => o.post('/api/planner', body)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(answers.find((a) => a.status === 429)!.body.code).toBe('planner_full');
  }, 120_000);

  it('a long plan never delays a live round or its look-ahead plan', async () => {
    const url = app().url;
    // Five organizers fill the planner: one plan runs and four wait behind it, seconds of work in all
    // whatever the machine's speed. A live round that waited behind them would come after all five.
    const planners = await Promise.all(Array.from({ length: 5 }, () => organizer(url)));
    let answered = 0;
    const plans = planners.map((p) =>
      p.post('/api/planner', { groupSize: 4, rounds: 30, people: guests(100) }).then((res) => {
        answered++;
        return res;
      }),
    );
    const r = await room(url, 8, { groupSize: 4 });
    try {
      const started = await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      expect(started.status).toBe(201);
      await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket)).toHaveLength(1)), 10_000);
      // The look-ahead plan for the next rounds is stored while the planner still has plans to make.
      await eventually(
        async () => expect(await app().db.getRepository(RoundPlan).findOneBy({ eventId: r.event.id })).not.toBeNull(),
        20_000,
      );
      expect(answered).toBeLessThan(plans.length);
    } finally {
      r.close();
    }
    expect((await Promise.all(plans)).map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
  }, 120_000);
});
