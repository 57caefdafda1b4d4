import type { RouteRecordRaw } from 'vue-router';

/** The screen surface's pages; lazy-loaded so each surface is its own chunk. */
export const screenRoutes: RouteRecordRaw[] = [
  {
    path: '/screen/:eventId',
    name: 'screen',
    component: () => import('./ScreenPage.vue'),
    props: (route) => ({
      eventId: String(route.params.eventId),
      screenKey: typeof route.query.key === 'string' ? route.query.key : '',
    }),
    meta: { public: true, title: 'screen' },
  },
];
