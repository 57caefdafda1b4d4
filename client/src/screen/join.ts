/** "mingle.example/join" from the event's join URL (https://mingle.example/j/K7P2XQ). */
export function joinAddress(joinUrl: string): string {
  try {
    return `${new URL(joinUrl).host}/join`;
  } catch {
    return '';
  }
}
