/**
 * Words and plain constants both ends show, kept free of zod so the phone bundle stays small.
 */

/** The line every phone shows above the contact card. */
export const CONTACT_PROMISE = 'Your contact details are shared only with people you both choose to swap with.';

export const CONTACT_FIELDS = ['email', 'phone', 'linkedin', 'website', 'other'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const REMOVED_MESSAGE = 'The organizer removed you from this event.';
export const ERASED_MESSAGE = 'This person erased their data.';
export const YOU_ERASED_MESSAGE = 'Your data was erased.';
export const PURGED_MESSAGE = 'Contact details from this event were deleted after the retention period.';
