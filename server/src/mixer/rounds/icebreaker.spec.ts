import { icebreakerFor } from './icebreaker';

describe('icebreakerFor', () => {
  it('takes the organizer prompts in turn, as written, whatever the event language', () => {
    const prompts = ['First?', 'Second?'];
    expect(icebreakerFor(prompts, 1, 0, ['Jazz'], 'de')).toBe('First?');
    expect(icebreakerFor(prompts, 1, 1, ['Jazz'], 'es')).toBe('Second?');
    expect(icebreakerFor(prompts, 2, 1, [], 'en')).toBe('First?');
  });

  it('builds the generated prompts in English by default', () => {
    expect(icebreakerFor([], 1, 0, ['Jazz', 'Chess'])).toBe('You all like Jazz. What got you into it, and what are you into now?');
    expect(icebreakerFor([], 2, 0, ['Jazz', 'Chess'], 'en')).toBe('You all like Chess. What got you into it, and what are you into now?');
    expect(icebreakerFor([], 1, 0, [], 'en')).toBe('What brought you here today, and who are you hoping to meet?');
  });

  it('speaks German', () => {
    expect(icebreakerFor([], 1, 0, ['Jazz'], 'de')).toBe(
      'Ihr alle mögt Jazz. Wie seid ihr dazu gekommen, und was begeistert euch gerade daran?',
    );
    expect(icebreakerFor([], 1, 0, [], 'de')).toBe('Was hat euch heute hergeführt, und wen würdet ihr gern kennenlernen?');
  });

  it('speaks Spanish', () => {
    expect(icebreakerFor([], 1, 0, ['Jazz'], 'es')).toBe('A todos os gusta Jazz. ¿Cómo empezasteis y qué os interesa ahora?');
    expect(icebreakerFor([], 1, 0, [], 'es')).toBe('¿Qué os ha traído hoy aquí y a quién os gustaría conocer?');
  });

  it('keeps a prompt with a very long tag within 200 characters', () => {
    expect(icebreakerFor([], 1, 0, ['x'.repeat(300)], 'es').length).toBe(200);
  });
});
