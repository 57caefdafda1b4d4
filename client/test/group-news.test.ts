import { test } from 'node:test';
import assert from 'node:assert/strict';
import { myGroupFrom, withArrival, type GroupNews } from '@mingle/shared/group-news';

const member = (id: string, interests: string[], marks: Partial<{ arrived: boolean; left: boolean; moved: boolean }> = {}) => ({
  id,
  name: `Person ${id}`,
  headline: '',
  company: '',
  interests,
  arrived: false,
  left: false,
  moved: false,
  ...marks,
});

const news: GroupNews = {
  roundId: 'r1',
  groupId: 'g1',
  spot: 'Table 3',
  icebreaker: 'Best hike?',
  sharedInterests: ['Hiking'],
  members: [member('ana', ['Hiking', 'AI'], { moved: true }), member('raj', ['Hiking', 'AI']), member('li', ['Hiking'], { left: true })],
};

test("one group's news makes each member's own view: the others, with what they share with me", () => {
  const ana = myGroupFrom(news, 'ana')!;
  assert.equal(ana.spot, 'Table 3');
  assert.equal(ana.moved, true);
  assert.deepEqual(
    ana.members.map((m) => [m.id, m.shared, m.left]),
    [
      ['raj', ['Hiking', 'AI'], false],
      ['li', ['Hiking'], true],
    ],
  );
  assert.equal(myGroupFrom(news, 'raj')!.moved, false);
  assert.deepEqual(
    myGroupFrom(news, 'raj')!.members.map((m) => m.id),
    ['ana', 'li'],
  );
  // Someone who left, or never sat here, has no group in it.
  assert.equal(myGroupFrom(news, 'li'), null);
  assert.equal(myGroupFrom(news, 'zoe'), null);
});

test('an arrival marks me or the groupmate who arrived, and nothing for another group', () => {
  const ana = myGroupFrom(news, 'ana')!;
  assert.equal(withArrival(ana, { groupId: 'g1', attendeeId: 'ana' }, 'ana').arrived, true);
  const rajHere = withArrival(ana, { groupId: 'g1', attendeeId: 'raj' }, 'ana');
  assert.equal(rajHere.arrived, false);
  assert.deepEqual(
    rajHere.members.map((m) => m.arrived),
    [true, false],
  );
  assert.equal(withArrival(ana, { groupId: 'g2', attendeeId: 'raj' }, 'ana'), ana);
});
