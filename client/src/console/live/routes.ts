import type { RouteRecordRaw } from 'vue-router';

/** Console pages for running an event (children of /console). */
export const liveRoutes: RouteRecordRaw[] = [
  {
    path: 'events/:id/live',
    name: 'event-live',
    component: () => import('./LiveEventPage.vue'),
    props: true,
    meta: { title: 'Live' },
  },
  {
    path: 'events/:id/report',
    name: 'event-report',
    component: () => import('../report/ReportPage.vue'),
    props: true,
    meta: { title: 'Report' },
  },
  {
    path: 'events/:id/team',
    name: 'event-team',
    component: () => import('../team/TeamPage.vue'),
    props: true,
    meta: { title: 'Team' },
  },
  {
    path: 'invite/:token',
    name: 'invite',
    component: () => import('../team/InvitePage.vue'),
    props: true,
    meta: { title: 'Invite' },
  },
  {
    path: 'planner',
    name: 'planner',
    component: () => import('../planner/PlannerPage.vue'),
    meta: { title: 'Seating planner' },
  },
];
