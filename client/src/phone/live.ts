import type { InjectionKey, Ref } from 'vue';
import type { MyGroup } from '@mingle/shared';
import type { ConnectionStatus } from '../lib/realtime';

/** What the event shell shares with its pages: the connection and the one socket command. */
export interface PhoneLive {
  status: Ref<ConnectionStatus>;
  /** "I'm here" at the spot; resolves with the group or throws with a message */
  arrive(groupId: string): Promise<MyGroup>;
}

export const PHONE_LIVE: InjectionKey<PhoneLive> = Symbol('phone-live');
