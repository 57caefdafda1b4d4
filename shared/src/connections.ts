import { z } from 'zod';
import type { ContactCard } from './attendees';
import { CONTACT_FIELDS, type ContactField } from './texts';
import { text } from './text';

/** How two people met, for "People I met" and the connection list. */
export interface Encounter {
  round: number;
  spot: string;
  /** interests both share */
  shared: string[];
  /** when the round used gives and asks: what they offered that I asked for, and what they asked that I give */
  offered?: string[];
  wanted?: string[];
}

/** How anyone else sees, in history, a person the organizer removed. */
export const REMOVED_NAME = 'Removed attendee';

/** Someone I shared a group with. `card` is present only after a mutual match. */
export interface MetPerson {
  id: string;
  /** false when this person erased their data or was removed: only the encounter is left */
  present: boolean;
  /** why they are not present any more */
  gone: 'erased' | 'removed' | null;
  name: string;
  headline: string;
  company: string;
  interests: string[];
  met: Encounter[];
  /** I asked to swap (they are not told) */
  asked: boolean;
  matched: boolean;
  matchedAt: string | null;
  /** the fields they chose to share, only when matched */
  card: ContactCard | null;
  /** the fields of my card they see: fixed when we matched, emptied by "Stop sharing" */
  sharing: ContactField[];
  note: string;
  optOut: 'know' | 'avoid' | null;
}

export interface MatchNews {
  person: MetPerson;
}

export const shareBody = z.strictObject({
  fields: z.array(z.enum(CONTACT_FIELDS, 'Unknown contact field')).max(CONTACT_FIELDS.length, 'Too many fields'),
});
export type ShareBody = z.infer<typeof shareBody>;

export interface ShareChoiceView {
  fields: ContactField[];
}

export const optOutBody = z.strictObject({ reason: z.enum(['know', 'avoid'], 'Say "know" or "avoid"') });
export const noteBody = z.strictObject({ text: text('Note').max(1000, 'A note is at most 1000 characters') });
export const otherIdParam = z.strictObject({ otherId: z.uuid('Not a person id') });

/** The organizer sees counts only, never who asked whom. */
export interface ConnectionStats {
  swapsAsked: number;
  matches: number;
  rounds: Array<{ number: number; pairs: number; matches: number; matchRate: number }>;
}
