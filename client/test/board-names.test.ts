import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boardName, boardNames, nameParts } from '@mingle/shared/board-names';

test('a first name nobody else has: first name and last initial', () => {
  assert.deepEqual(boardNames(['Ana Lopez', 'Ben Okafor', 'Chloé Martin']), ['Ana L.', 'Ben O.', 'Chloé M.']);
});

test('one-word names stay whole; extra spaces are tidied', () => {
  assert.deepEqual(boardNames(['Cleo', '  Dev   Patel  ']), ['Cleo', 'Dev P.']);
  assert.equal(boardName('Ana Lopez'), 'Ana L.');
  assert.deepEqual(nameParts(' Ana  María  Lopez '), { first: 'Ana', last: 'Lopez', full: 'Ana María Lopez' });
});

test('a shared first name shows as much of the last name as tells them apart', () => {
  assert.deepEqual(boardNames(['Ana Lopez', 'Ana Lobo', 'Ana Silva']), ['Ana Lop.', 'Ana Lob.', 'Ana S.']);
});

test('a last name that is the start of another is shown whole, never cut into the other', () => {
  assert.deepEqual(boardNames(['Wei Li', 'Wei Lin', 'Wei Chen']), ['Wei Li', 'Wei Lin', 'Wei C.']);
  assert.deepEqual(boardNames(['Ana Lop', 'Ana Lopez']), ['Ana Lop', 'Ana Lope.']);
});

test('four "Wei C." at 150 people become four different names', () => {
  const shown = boardNames(['Wei Chen', 'Wei Cheng', 'Wei Chan', 'Wei Cao']);
  assert.deepEqual(shown, ['Wei Chen', 'Wei Cheng', 'Wei Cha.', 'Wei Ca.']);
  assert.equal(new Set(shown).size, 4);
});

test('eight "Elizabeth …" stay distinct, and the first name is never cut', () => {
  const names = ['Smith', 'Smythe', 'Jones', 'Johnson', 'Johnston', 'Brown', 'Browne', 'Taylor'].map((l) => `Elizabeth ${l}`);
  const shown = boardNames(names);
  assert.deepEqual(shown, [
    'Elizabeth Smi.',
    'Elizabeth Smy.',
    'Elizabeth Jon.',
    'Elizabeth Johnso.',
    'Elizabeth Johnst.',
    'Elizabeth Brown',
    'Elizabeth Browne',
    'Elizabeth T.',
  ]);
  for (const s of shown) assert.ok(s.startsWith('Elizabeth '));
  assert.equal(new Set(shown).size, names.length);
});

test('first names compare without case; letters are not split (accents, astral characters)', () => {
  assert.deepEqual(boardNames(['ana Lopez', 'Ana López']), ['ana Lo.', 'Ana Ló.']);
  assert.deepEqual(boardNames(['Łukasz Ōta', 'Łukasz Ōno']), ['Łukasz Ōt.', 'Łukasz Ōn.']);
  assert.deepEqual(boardNames(['Zoe 𝒜bc', 'Zoe 𝒜bd']), ['Zoe 𝒜bc', 'Zoe 𝒜bd']);
});

test('same first and last name: the middle names tell them apart; the same full name twice stays the same', () => {
  assert.deepEqual(boardNames(['Ana María Lopez', 'Ana Lucía Lopez', 'Ana Lopez']), ['Ana María Lopez', 'Ana Lucía Lopez', 'Ana Lopez']);
  assert.deepEqual(boardNames(['Sam Lee', 'Sam Lee']), ['Sam Lee', 'Sam Lee']);
});

test('order is kept and every short name is the start of its full name', () => {
  assert.deepEqual(boardNames([]), []);
  const shown = boardNames(['Bo Yu', 'Al Ng', 'Bo Yun']);
  assert.deepEqual(shown, ['Bo Yu', 'Al N.', 'Bo Yun']);
});

test('400 made-up people: every different full name gets a different board name, each a prefix of the name', () => {
  // A deterministic room with many shared first names and close last names.
  const firsts = ['Wei', 'Elizabeth', 'Ana', 'Mohammed', 'Maria', 'John', 'Priya', 'Anastasia'];
  const lasts = ['Chen', 'Cheng', 'Chan', 'Li', 'Lin', 'Ling', 'Smith', 'Smyth', 'Garcia', 'Garza', 'Papadopoulos', 'Papadakis', 'Kim'];
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const names = Array.from({ length: 400 }, () => `${firsts[rnd(firsts.length)]} ${lasts[rnd(lasts.length)]}`);
  const shown = boardNames(names);
  const fullOf = new Map<string, Set<string>>();
  shown.forEach((s, i) => {
    const set = fullOf.get(s) ?? new Set();
    set.add(names[i]!);
    fullOf.set(s, set);
    assert.ok(names[i]!.startsWith(s.replace(/\.$/, '')), `${s} is the start of ${names[i]}`);
  });
  for (const [s, fulls] of fullOf) assert.equal(fulls.size, 1, `${s} stands for ${[...fulls].join(', ')}`);
});
