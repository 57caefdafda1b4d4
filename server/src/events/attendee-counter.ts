import { Injectable } from '@nestjs/common';

/** How many attendees (not removed or erased) each event has. */
export type CountAttendees = (eventIds: string[]) => Promise<Map<string, number>>;

/**
 * The event list shows head counts, yet events may not know the module after it (attendees). So
 * attendees gives its count here when it starts.
 */
@Injectable()
export class AttendeeCounter {
  private count: CountAttendees = async () => new Map();

  countWith(count: CountAttendees): void {
    this.count = count;
  }

  async countByEvent(eventIds: string[]): Promise<Map<string, number>> {
    return eventIds.length ? this.count(eventIds) : new Map();
  }
}
