import type { Broadcaster } from '../broadcast/broadcaster';
import { rooms } from '../broadcast/rooms';
import { PhoneCounts } from './phone-counts';

/** A broadcaster that only records what it was asked to send. */
const recording = () => {
  const sent: unknown[] = [];
  return { sent, broadcaster: { send: (...args: unknown[]) => sent.push(args) } as unknown as Broadcaster };
};

describe('PhoneCounts', () => {
  it('sends the first counts at once and the latest of a window once it ends', () => {
    jest.useFakeTimers();
    try {
      const { sent, broadcaster } = recording();
      const counts = new PhoneCounts(broadcaster);
      counts.tell('e1', { joined: 1, online: 1 });
      counts.tell('e1', { joined: 2, online: 2 });
      counts.tell('e1', { joined: 3, online: 2 });
      expect(sent).toHaveLength(1);
      jest.runOnlyPendingTimers();
      expect(sent).toEqual([
        [rooms.attendees('e1'), 'counts:changed', { joined: 1, online: 1 }],
        [rooms.attendees('e1'), 'counts:changed', { joined: 3, online: 2 }],
      ]);
      counts.onModuleDestroy();
    } finally {
      jest.useRealTimers();
    }
  });

  it('once closed, sends nothing and arms no timer', () => {
    jest.useFakeTimers();
    try {
      const { sent, broadcaster } = recording();
      const counts = new PhoneCounts(broadcaster);
      counts.tell('e1', { joined: 1, online: 1 });
      counts.onModuleDestroy();
      expect(jest.getTimerCount()).toBe(0);
      counts.tell('e1', { joined: 2, online: 2 });
      expect(jest.getTimerCount()).toBe(0);
      expect(sent).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
