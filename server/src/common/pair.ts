/** A pair of attendees in its stored order: matches and meetings keep `a` < `b`. */
export const ordered = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);
