import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Groupmate } from '@mingle/shared';
import { helpLines, metHelpText, topicText } from '../src/phone/help-lines';
import type { Said } from '../src/phone/said';
import { i18n } from '../src/i18n/index';
import { speak } from './i18n';

const say = (s: Said) => i18n.global.t(s.key, s.params);
const sayAll = (parts: Said[]) => parts.map(say).join('; ');

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
  speak('en');
  assert.deepEqual(
    helpLines({ gives: [], asks: ['Raising money', 'Hiring'] }, [ana, raj, kim]).map((l) => [say(l.said), l.quote]),
    [['Ana can help with raising money — you asked for that', 'ex-VC']],
  );
  assert.deepEqual(
    helpLines({ gives: ['Raising money', 'Hiring'], asks: [] }, [ana, raj]).map((l) => say(l.said)),
    ['Raj is looking for help with raising money and hiring'],
  );
  // without gives and asks in the news (the round did not use them) nothing is said
  assert.deepEqual(helpLines({ gives: ['Hiring'], asks: ['Hiring'] }, [mate('x', 'Lee')]), []);
});

test('topics read naturally in a sentence, acronyms kept', () => {
  speak('en');
  assert.equal(topicText('Raising money'), 'raising money');
  assert.equal(topicText('AI ethics'), 'AI ethics');
  assert.equal(sayAll(metHelpText(['Raising money'], [])), 'offered help with raising money');
  assert.equal(sayAll(metHelpText([], ['Hiring'])), 'looking for help with hiring');
  assert.deepEqual(metHelpText(), []);
});

test('in German the lines say the same, nouns keep their capitals and lists use "und"', () => {
  speak('de');
  const ana = mate('a', 'Ana Lima', { gives: ['Fundraising', 'Recruiting'], asks: [] });
  assert.deepEqual(
    helpLines({ gives: [], asks: ['Fundraising', 'Recruiting'] }, [ana]).map((l) => say(l.said)),
    ['Ana kann bei Fundraising und Recruiting helfen – danach hast du gefragt'],
  );
  assert.equal(sayAll(metHelpText(['Fundraising'], ['Recruiting'])), 'bot Hilfe bei Fundraising an; suchte Hilfe bei Recruiting');
  speak('en');
});
