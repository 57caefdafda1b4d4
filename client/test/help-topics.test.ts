import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_HELP_TOPICS, HELP_TOPICS_BY_LANGUAGE } from '@mingle/shared/events';
import { helpTopicsFor } from '../src/console/help-topics';

test("a new event language brings its help topics while they are still the old language's defaults", () => {
  assert.deepEqual(helpTopicsFor([...DEFAULT_HELP_TOPICS], 'en', 'de'), HELP_TOPICS_BY_LANGUAGE.de);
  assert.deepEqual(helpTopicsFor([...HELP_TOPICS_BY_LANGUAGE.de], 'de', 'es'), HELP_TOPICS_BY_LANGUAGE.es);
});

test('topics the organizer edited stay as they are', () => {
  const edited = [...DEFAULT_HELP_TOPICS.slice(0, 3), 'Climate policy'];
  assert.deepEqual(helpTopicsFor(edited, 'en', 'de'), edited);
  assert.deepEqual(helpTopicsFor(DEFAULT_HELP_TOPICS.slice(1), 'en', 'es'), DEFAULT_HELP_TOPICS.slice(1));
  assert.deepEqual(helpTopicsFor([], 'en', 'de'), []);
});

test('every language has as many topics as English, each within the 40-character limit', () => {
  for (const topics of Object.values(HELP_TOPICS_BY_LANGUAGE)) {
    assert.equal(topics.length, DEFAULT_HELP_TOPICS.length);
    for (const topic of topics) assert.ok(topic.length <= 40, topic);
  }
});
