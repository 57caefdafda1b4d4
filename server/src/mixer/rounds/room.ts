import type { SeatedAttendee } from '../../attendees/attendee.entity';
import type { EngineSettings, Person } from '../engine/types';

/** A round as the room is now: its number, who is present (as seated, and as the engine knows them), and the event's settings. */
export interface Room {
  number: number;
  present: SeatedAttendee[];
  helpTopics: string[] | null;
  people: Person[];
  settings: EngineSettings;
}
