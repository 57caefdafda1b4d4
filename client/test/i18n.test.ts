import { test } from 'node:test';
import assert from 'node:assert/strict';
import { i18n, langOf } from '../src/i18n/index';
import { speak } from './i18n';

test('a browser language picks ours by its primary tag, else nothing', () => {
  assert.equal(langOf(['de-AT', 'en']), 'de');
  assert.equal(langOf(['fr-FR', 'es-MX']), 'es');
  assert.equal(langOf(['fr', 'it']), null);
});

test('every language names the same page differently, from its own files', () => {
  const titles = (['en', 'de', 'es'] as const).map((lang) => {
    speak(lang);
    return i18n.global.t('commonTitles.people');
  });
  assert.deepEqual(titles, ['People I met', 'Meine Kontakte', 'Personas que conocí']);
});
