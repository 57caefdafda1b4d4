import { Organizer } from '../organizers/organizer.entity';
import { Session } from '../organizers/session.entity';
import { MingleEvent } from '../events/event.entity';
import { Attendee } from '../attendees/attendee.entity';

export const entities = [Organizer, Session, MingleEvent, Attendee];
