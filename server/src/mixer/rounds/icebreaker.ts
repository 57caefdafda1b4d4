/** The organizer's prompts take turns; without them, one built from what the group shares. */
export function icebreakerFor(prompts: readonly string[], roundNumber: number, position: number, shared: readonly string[]): string {
  if (prompts.length) return prompts[(roundNumber - 1 + position) % prompts.length]!;
  const tag = shared[(roundNumber - 1) % Math.max(1, shared.length)];
  if (tag) return `You all like ${tag}. What got you into it, and what are you into now?`.slice(0, 200);
  return 'What brought you here today, and who are you hoping to meet?';
}
