import type { TeamRole } from '@mingle/shared';

export const ROLE_LABELS: Record<TeamRole, string> = { owner: 'Owner', host: 'Host', viewer: 'Viewer' };

export const ROLE_HINTS: Record<TeamRole, string> = {
  owner: 'Everything, including settings, the team and deleting the event.',
  host: 'Runs the live event: joining, rounds, autopilot, removing people, the screen link.',
  viewer: 'Sees the live page and the report; changes nothing.',
};
