import { Injectable, OnModuleInit } from '@nestjs/common';
import { AttendeeCounter } from '../events/attendee-counter';
import { AttendeesRepository } from './attendees.repository';

/** Gives the events module its head counts, read from the attendees table. */
@Injectable()
export class AttendeeCount implements OnModuleInit {
  constructor(
    private readonly counter: AttendeeCounter,
    private readonly attendees: AttendeesRepository,
  ) {}

  onModuleInit(): void {
    this.counter.countWith((eventIds) => this.attendees.countByEvent(eventIds));
  }
}
