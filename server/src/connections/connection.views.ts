import { CONTACT_FIELDS, REMOVED_NAME, type ContactCard, type ContactField, type Encounter, type MetPerson } from '@mingle/shared';
import type { Attendee } from '../attendees/attendee.entity';

/**
 * The only place contact details are put in front of another attendee: `shared` fields of the
 * other's card, and only when `matched`. Everything else another attendee sees has no card.
 */
export function toMetPerson(
  other: Attendee,
  facts: {
    met: Encounter[];
    asked: boolean;
    matchedAt: number | null;
    shared: ContactField[];
    sharing: ContactField[];
    note: string;
    optOut: 'know' | 'avoid' | null;
  },
): MetPerson {
  const gone = other.status === 'erased' || other.status === 'removed' ? other.status : null;
  const present = gone === null;
  return {
    id: other.id,
    present,
    gone,
    name: present ? other.name : gone === 'removed' ? REMOVED_NAME : '',
    headline: present ? other.headline : '',
    company: present ? other.company : '',
    interests: present ? other.interests : [],
    met: facts.met,
    asked: facts.asked,
    matched: facts.matchedAt !== null,
    matchedAt: facts.matchedAt === null ? null : new Date(facts.matchedAt).toISOString(),
    card: facts.matchedAt !== null && present ? pick(other.card, facts.shared) : null,
    sharing: facts.matchedAt !== null && present ? facts.sharing : [],
    note: facts.note,
    optOut: facts.optOut,
  };
}

function pick(card: ContactCard, fields: ContactField[]): ContactCard {
  const out: ContactCard = {};
  for (const f of CONTACT_FIELDS) if (fields.includes(f) && card[f]) out[f] = card[f];
  return out;
}

/** The fields of a card its owner shared on a match (earlier matches of a series too). */
export const sharedCard = (card: ContactCard, fields: ContactField[]): ContactCard => pick(card, fields);

/** By default an attendee shares every field they filled in. */
export const filledFields = (card: ContactCard): ContactField[] => CONTACT_FIELDS.filter((f) => !!card[f]);
