import { chooseGroup } from './placement';
import type { Person } from './types';

const settings = { groupSize: 3, separateColleagues: true, mode: 'similar' as const };

describe('chooseGroup: a late joiner is seated by the rules in order', () => {
  const groups: Person[][] = [
    [
      { id: 'a1', company: 'SunGrid', interests: ['ai', 'rust'] },
      { id: 'a2', company: 'X', interests: ['ai', 'rust'] },
    ],
    [
      { id: 'b1', company: 'Y', interests: ['art'] },
      { id: 'b2', company: 'Z', interests: ['ai'] },
    ],
    [
      { id: 'c1', company: 'W' },
      { id: 'c2', company: 'V' },
    ],
  ];
  const joiner: Person = { id: 'j', company: ' sun grid ', interests: ['ai', 'rust'] };

  it('a colleague pair outweighs any shared interest (company compared without case and spaces)', () => {
    expect(chooseGroup({ person: joiner, groups, settings, maxSize: 4 })).toBe(1);
  });

  it('a repeat outweighs a colleague pair; an avoid pair or a full group is never chosen', () => {
    const history: [string, string][] = [
      ['j', 'b1'],
      ['j', 'c1'],
    ];
    expect(chooseGroup({ person: joiner, groups, settings, history, maxSize: 4 })).toBe(0);
    expect(chooseGroup({ person: joiner, groups, settings, history, avoid: [['j', 'a2']], maxSize: 4 })).toBe(1);
    expect(
      chooseGroup({
        person: joiner,
        groups,
        settings,
        avoid: [
          ['j', 'a1'],
          ['j', 'b1'],
          ['j', 'c2'],
        ],
        maxSize: 4,
      }),
    ).toBe(-1);
    expect(chooseGroup({ person: joiner, groups, settings, maxSize: 2 })).toBe(-1);
  });

  it('then the most shared interests (fewest in diverse mode), then the smallest group', () => {
    const plain = { ...joiner, company: 'Own' };
    expect(chooseGroup({ person: plain, groups, settings, maxSize: 4 })).toBe(0);
    expect(chooseGroup({ person: plain, groups, settings: { ...settings, mode: 'diverse' }, maxSize: 4 })).toBe(2);
    const sized = [groups[2], [...groups[2].map((p) => ({ ...p, id: p.id + 'x' })), { id: 'c3' }]];
    expect(chooseGroup({ person: { id: 'k' }, groups: [sized[1], sized[0]], settings, maxSize: 4 })).toBe(1);
  });
});
