import type { EventLanguage } from '@mingle/shared';

/** The generated prompts in each language the event may speak (`{tag}`: an interest the group shares). */
const GENERATED: Record<EventLanguage, { shared: string; open: string }> = {
  en: {
    shared: 'You all like {tag}. What got you into it, and what are you into now?',
    open: 'What brought you here today, and who are you hoping to meet?',
  },
  de: {
    shared: 'Ihr alle mögt {tag}. Wie seid ihr dazu gekommen, und was begeistert euch gerade daran?',
    open: 'Was hat euch heute hergeführt, und wen würdet ihr gern kennenlernen?',
  },
  es: {
    shared: 'A todos os gusta {tag}. ¿Cómo empezasteis y qué os interesa ahora?',
    open: '¿Qué os ha traído hoy aquí y a quién os gustaría conocer?',
  },
};

/**
 * The organizer's prompts take turns (as written, in whatever language they wrote them); without
 * them, one built from what the group shares, in the event's language.
 */
export function icebreakerFor(
  prompts: readonly string[],
  roundNumber: number,
  position: number,
  shared: readonly string[],
  language: EventLanguage = 'en',
): string {
  if (prompts.length) return prompts[(roundNumber - 1 + position) % prompts.length]!;
  const words = GENERATED[language] ?? GENERATED.en;
  const tag = shared[(roundNumber - 1) % Math.max(1, shared.length)];
  if (tag) return words.shared.replace('{tag}', tag).slice(0, 200);
  return words.open;
}
