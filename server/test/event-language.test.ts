import request from 'supertest';
import { DEFAULT_HELP_TOPICS, HELP_TOPICS_BY_LANGUAGE, type Snapshot } from '@mingle/shared';
import { organizer, sampleEvent } from './support/http';
import { useApp } from './support/app';
import { lastGroup, room } from './support/room';
import { connect, eventually, nextEvent, snapshotOf } from './support/sockets';

/**
 * An event speaks a language (en, de or es): its screen speaks it, its default icebreakers and
 * unnamed tables use it, and the join page falls back to it when the phone's browser speaks none of ours.
 */
describe('event language', () => {
  const app = useApp();

  it('is English unless chosen, refuses a language we do not speak, and a duplicate keeps it', async () => {
    const o = await organizer(app().url);
    const plain = (await o.post('/api/events', sampleEvent)).body;
    expect(plain.language).toBe('en');

    const refused = await o.post('/api/events', { ...sampleEvent, language: 'fr' });
    expect(refused.status).toBe(400);
    expect(refused.body.fields.language).toBe('Language is en, de or es');
    expect((await o.get('/api/events')).body).toHaveLength(1);

    const spanish = await o.post('/api/events', { ...sampleEvent, language: 'es' });
    expect(spanish.status).toBe(201);
    expect(spanish.body.language).toBe('es');

    const badEdit = await o.patch(`/api/events/${plain.id}`, { language: 'fr' });
    expect(badEdit.status).toBe(400);
    expect((await o.get(`/api/events/${plain.id}`)).body.language).toBe('en');
    const edited = await o.patch(`/api/events/${plain.id}`, { language: 'de' });
    expect(edited.status).toBe(200);
    expect(edited.body.language).toBe('de');
    expect((await o.get(`/api/events/${plain.id}`)).body.language).toBe('de');

    const copy = await o.post(`/api/events/${spanish.body.id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body.language).toBe('es');
  });

  it('starts with the help topics of its language; topics given are kept as they are', async () => {
    const o = await organizer(app().url);
    const german = (await o.post('/api/events', { ...sampleEvent, language: 'de' })).body;
    expect(german.helpTopics).toEqual(HELP_TOPICS_BY_LANGUAGE.de);
    expect(german.helpTopics).toContain('Mitgründer:in finden');
    const english = (await o.post('/api/events', sampleEvent)).body;
    expect(english.helpTopics).toEqual(DEFAULT_HELP_TOPICS);
    const own = (await o.post('/api/events', { ...sampleEvent, language: 'es', helpTopics: ['Clima', 'Diseño'] })).body;
    expect(own.helpTopics).toEqual(['Clima', 'Diseño']);
  });

  it('reaches the join page, the phone and the screen, and a change reaches the open screen live', async () => {
    const r = await room(app().url, 2, { language: 'es' }, () => ({ interests: ['Hiking'] }));
    try {
      const preview = await request(app().url).get(`/api/join/${r.event.joinCode}`);
      expect(preview.status).toBe(200);
      expect(preview.body.language).toBe('es');
      expect(r.phones[0]!.joined.event.language).toBe('es');
      const phoneSnap = (await snapshotOf(r.phones[0]!.socket)) as Extract<Snapshot, { role: 'attendee' }>;
      expect(phoneSnap.event.language).toBe('es');
      const screenSnap = (await snapshotOf(r.screen)) as Extract<Snapshot, { role: 'screen' }>;
      expect(screenSnap.event.language).toBe('es');

      // Without organizer prompts or spot labels: the generated icebreaker and table speak Spanish.
      expect((await r.org.post(`/api/events/${r.event.id}/rounds`, {})).status).toBe(201);
      await eventually(() => expect(lastGroup(r.phones[0]!.socket)).not.toBeNull());
      const group = lastGroup(r.phones[0]!.socket)!;
      expect(group.spot).toBe('Mesa 1');
      expect(group.icebreaker).toBe('A todos os gusta Hiking. ¿Cómo empezasteis y qué os interesa ahora?');

      const heard = nextEvent(r.screen, 'screen:event-changed', 5000, (e: { language: string }) => e.language === 'de');
      expect((await r.org.patch(`/api/events/${r.event.id}`, { language: 'de' })).status).toBe(200);
      expect(await heard).toMatchObject({ id: r.event.id, language: 'de' });
      const late = connect(app().url, { role: 'screen', eventId: r.event.id, key: r.event.screenKey });
      try {
        expect(((await snapshotOf(late)) as Extract<Snapshot, { role: 'screen' }>).event.language).toBe('de');
      } finally {
        late.disconnect();
      }
    } finally {
      r.close();
    }
  });
});
