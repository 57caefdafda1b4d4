import type { ScreenEvent } from '@mingle/shared';
import type { MingleEvent } from './event.entity';
import { joinUrl } from './event.views';

export const SCREEN_REVOKED_MESSAGE = 'This screen link was replaced. Open the new link from the console.';
export const EVENT_DELETED_MESSAGE = 'The organizer deleted this event and everything in it.';

export function toScreenEvent(e: MingleEvent, publicUrl: string): ScreenEvent {
  return { id: e.id, name: e.name, state: e.state, joinCode: e.joinCode, joinUrl: joinUrl(publicUrl, e), language: e.language };
}
