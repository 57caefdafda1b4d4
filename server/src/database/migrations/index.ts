import { Init1764100000000 } from './1764100000000-init';

/** Every migration, oldest first. Applied at start. */
export const migrations = [Init1764100000000];
