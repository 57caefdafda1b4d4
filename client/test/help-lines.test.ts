import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Groupmate } from '@mingle/shared';
import { helpLines, metHelpText, topicText } from '../src/phone/help-lines';

const mate = (id: string, name: string, extra: Partial<Groupmate> = {}): Groupmate => ({
  id,
  name,
  headline: '',
  company: '',
  interests: [],
  shared: [],
  arrived: false,
  left: false,
  ...extra,
});

test('the phone says who can help me and who is looking for what I offer, plainly', () => {
  const ana = mate('a', 'Ana Lima', { gives: ['Raising money'], asks: [], helpLine: 'ex-VC' });
  const raj = mate('r', 'Raj Patel', { gives: [], asks: ['Raising money', 'Hiring'] });
  const kim = mate('k', 'Kim Ito', { gives: ['Hiring'], left: true });
  assert.deepEqual(
    helpLines({ gives: [], asks: ['Raising money', 'Hiring'] }, [ana, raj, kim]).map((l) => [l.text, l.quote]),
    [['Ana can help with raising money — you asked for that', 'ex-VC']],
  );
  assert.deepEqual(
    helpLines({ gives: ['Raising money', 'Hiring'], asks: [] }, [ana, raj]).map((l) => l.text),
    ['Raj is looking for help with raising money and hiring'],
  );
  // without gives and asks in the news (the round did not use them) nothing is said
  assert.deepEqual(helpLines({ gives: ['Hiring'], asks: ['Hiring'] }, [mate('x', 'Lee')]), []);
});

test('topics read naturally in a sentence, acronyms kept', () => {
  assert.equal(topicText('Raising money'), 'raising money');
  assert.equal(topicText('AI ethics'), 'AI ethics');
  assert.equal(metHelpText(['Raising money'], []), 'offered help with raising money');
  assert.equal(metHelpText([], ['Hiring']), 'looking for help with hiring');
  assert.equal(metHelpText(), '');
});
