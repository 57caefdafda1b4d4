import { Init1764100000000 } from './1764100000000-init';
import { Attendees1764200000000 } from './1764200000000-attendees';

/** Every migration, oldest first. Applied at start. */
export const migrations = [Init1764100000000, Attendees1764200000000];
