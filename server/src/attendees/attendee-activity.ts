import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

export interface AttendeeChange {
  eventId: string;
  attendeeId: string;
  /** joined (their phone connected for the first time), came back from a break, went away, left, or was removed */
  kind: 'joined' | 'back' | 'away' | 'left' | 'removed';
}

/** Attendee services say what happened; rounds listen (late placement, group repair) without a cycle. */
@Injectable()
export class AttendeeActivity {
  readonly changes = new Subject<AttendeeChange>();

  emit(change: AttendeeChange): void {
    this.changes.next(change);
  }
}
