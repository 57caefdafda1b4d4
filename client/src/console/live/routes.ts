import type { RouteRecordRaw } from 'vue-router';

/** Console pages for running an event (children of /console). */
export const liveRoutes: RouteRecordRaw[] = [
  {
    path: 'events/:id/live',
    name: 'event-live',
    component: () => import('./LiveEventPage.vue'),
    props: true,
    meta: { title: 'live' },
  },
  {
    path: 'events/:id/report',
    name: 'event-report',
    component: () => import('../report/ReportPage.vue'),
    props: true,
    meta: { title: 'report' },
  },
  {
    path: 'events/:id/team',
    name: 'event-team',
    component: () => import('../team/TeamPage.vue'),
    props: true,
    meta: { title: 'team' },
  },
  {
    path: 'invite/:token',
    name: 'invite',
    component: () => import('../team/InvitePage.vue'),
    props: true,
    meta: { title: 'invite' },
  },
  {
    path: 'planner',
    name: 'planner',
    component: () => import('../planner/PlannerPage.vue'),
    meta: { title: 'planner' },
  },
];
