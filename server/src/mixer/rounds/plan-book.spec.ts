import { fitsRoom, roomKey } from './plan-book';

const people = [{ id: 'a', company: 'SunGrid', interests: ['AI'] }, { id: 'b', company: 'Acme' }, { id: 'c' }, { id: 'd' }];
const settings = { groupSize: 2, separateColleagues: true };

describe('a booked plan is used only for the room it was planned for', () => {
  it('the room key changes with the people, their company or interests, the settings, avoid pairs and how many meetings there were', () => {
    const key = roomKey(people, settings, 1, []);
    expect(roomKey([...people].reverse(), settings, 1, [])).toBe(key);
    expect(roomKey(people, { ...settings, seed: 9 } as typeof settings, 1, [])).toBe(key);
    expect(roomKey(people.slice(1), settings, 1, [])).not.toBe(key);
    expect(
      roomKey(
        people.map((p) => (p.id === 'b' ? { ...p, company: 'SunGrid' } : p)),
        settings,
        1,
        [],
      ),
    ).not.toBe(key);
    expect(
      roomKey(
        people.map((p) => (p.id === 'c' ? { ...p, interests: ['AI'] } : p)),
        settings,
        1,
        [],
      ),
    ).not.toBe(key);
    expect(roomKey(people, { ...settings, groupSize: 3 }, 1, [])).not.toBe(key);
    expect(roomKey(people, { ...settings, separateColleagues: false }, 1, [])).not.toBe(key);
    expect(roomKey(people, settings, 1, [['c', 'd']])).not.toBe(key);
    expect(roomKey(people, settings, 2, [])).not.toBe(key);
  });

  it('a round fits only when everyone present sits exactly once, nobody alone, avoid pairs apart', () => {
    expect(
      fitsRoom(
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        people,
        [],
      ),
    ).toBe(true);
    expect(
      fitsRoom(
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        people,
        [['a', 'b']],
      ),
    ).toBe(false);
    expect(fitsRoom([['a', 'b', 'c'], ['d']], people, [])).toBe(false);
    expect(
      fitsRoom(
        [
          ['a', 'b'],
          ['c', 'e'],
        ],
        people,
        [],
      ),
    ).toBe(false);
    expect(
      fitsRoom(
        [
          ['a', 'b'],
          ['c', 'c'],
        ],
        people,
        [],
      ),
    ).toBe(false);
    expect(fitsRoom([['a', 'b']], people, [])).toBe(false);
  });
});
