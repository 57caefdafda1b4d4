import type { Broadcaster } from '../broadcast/broadcaster';
import { rooms } from '../broadcast/rooms';
import { PhoneCounts, phoneCountsWindowMs } from './phone-counts';

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

  it('waits 2 s between updates up to 1,000 phones online, and longer as the room grows past that', () => {
    expect([0, 1, 1000].map(phoneCountsWindowMs)).toEqual([2000, 2000, 2000]);
    expect([1001, 2000, 5000, 10_000].map(phoneCountsWindowMs)).toEqual([4000, 4000, 10_000, 20_000]);
    jest.useFakeTimers();
    try {
      const { sent, broadcaster } = recording();
      const counts = new PhoneCounts(broadcaster);
      counts.tell('big', { joined: 5000, online: 5000 });
      counts.tell('big', { joined: 5001, online: 5001 });
      jest.advanceTimersByTime(9999);
      expect(sent).toHaveLength(1);
      jest.advanceTimersByTime(1);
      expect(sent).toHaveLength(2);
      counts.onModuleDestroy();
    } finally {
      jest.useRealTimers();
    }
  });
});
