import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { useSessionStore } from './lib/session';
import { phoneRoutes } from './phone/routes';
import { screenRoutes } from './screen/routes';
import { liveRoutes } from './console/live/routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable while signed out (log in, sign up). Every other console route needs a session. */
    public?: boolean;
    /** Sets document.title. */
    title?: string;
  }
}

// Each surface (console, and later phone and screen) is its own lazy chunk, so the phone bundle
// never carries console code.
// One component reference for both editor routes: after "create", going from /events/new to
// /events/:id keeps the same page instance (and its "Saved" status) instead of remounting.
const EventEditorPage = () => import('./console/EventEditorPage.vue');

const consoleRoutes: RouteRecordRaw = {
  path: '/console',
  component: () => import('./console/ConsoleLayout.vue'),
  children: [
    { path: '', name: 'events', component: () => import('./console/EventsListPage.vue'), meta: { title: 'Events' } },
    {
      path: 'events/new',
      name: 'event-new',
      component: EventEditorPage,
      meta: { title: 'New event' },
    },
    {
      path: 'events/:id',
      name: 'event',
      component: EventEditorPage,
      props: true,
      meta: { title: 'Event' },
    },
    ...liveRoutes,
    {
      path: 'login',
      name: 'login',
      component: () => import('./console/LogInPage.vue'),
      meta: { public: true, title: 'Log in' },
    },
    {
      path: 'signup',
      name: 'signup',
      component: () => import('./console/SignUpPage.vue'),
      meta: { public: true, title: 'Sign up' },
    },
  ],
};

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/console' },
  consoleRoutes,
  ...phoneRoutes,
  ...screenRoutes,
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./NotFoundPage.vue'),
    meta: { public: true, title: 'Not found' },
  },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

router.beforeEach(async (to) => {
  if (!to.path.startsWith('/console')) return true;
  const session = useSessionStore();
  await session.load();
  if (to.meta.public) {
    // Signed in already: log in and sign up have nothing to do.
    return session.signedIn ? { name: 'events' } : true;
  }
  if (!session.signedIn) return { name: 'login', query: to.fullPath === '/console' ? {} : { next: to.fullPath } };
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · Mingle` : 'Mingle';
});
