import type { InjectionKey, Ref } from 'vue';
import type { MyGroup } from '@mingle/shared';
import type { ConnectionStatus } from '../lib/realtime';

/** What the event shell shares with its pages: the connection, the one socket command and the chime. */
export interface PhoneLive {
  status: Ref<ConnectionStatus>;
  /** "I'm here" at the spot; resolves with the group or throws with a message */
  arrive(groupId: string): Promise<MyGroup>;
  /** the round-start chime, off by default */
  chimeOn: Ref<boolean>;
  toggleChime(): Promise<void>;
}

export const PHONE_LIVE: InjectionKey<PhoneLive> = Symbol('phone-live');
