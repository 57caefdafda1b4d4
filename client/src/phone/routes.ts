import type { RouteRecordRaw } from 'vue-router';

/** The phone surface's pages; lazy-loaded so each surface is its own chunk. */
export const phoneRoutes: RouteRecordRaw[] = [
  { path: '/join', name: 'phone-join-code', component: () => import('./JoinCodePage.vue'), meta: { title: 'join' } },
  { path: '/j', redirect: '/join' },
  { path: '/j/:code', name: 'phone-join', component: () => import('./JoinPage.vue'), props: true, meta: { title: 'join' } },
  {
    path: '/e/:eventId',
    component: () => import('./EventShell.vue'),
    props: true,
    children: [
      { path: '', name: 'phone-home', component: () => import('./EventHomePage.vue'), meta: { title: 'now' } },
      { path: 'room', name: 'phone-room', component: () => import('./RoomPage.vue'), meta: { title: 'room' } },
      { path: 'people', name: 'phone-people', component: () => import('./PeoplePage.vue'), meta: { title: 'people' } },
      { path: 'profile', name: 'phone-profile', component: () => import('./ProfilePage.vue'), meta: { title: 'profile' } },
    ],
  },
];
