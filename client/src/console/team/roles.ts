import type { TeamRole } from '@mingle/shared';

/** The team's roles, most powers first. Names and hints: `consoleTeam.role.<role>`, `consoleTeam.roleHint.<role>`. */
export const TEAM_ROLES: readonly TeamRole[] = ['owner', 'host', 'viewer'];
