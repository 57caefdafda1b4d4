import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { watch } from 'vue';
import { useSessionStore } from './lib/session';
import { currentLang, i18n, surfaceOf, useLanguage } from './i18n';
import { rememberLang, startingLang } from './i18n/choice';
import { phoneRoutes } from './phone/routes';
import { screenRoutes } from './screen/routes';
import { liveRoutes } from './console/live/routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable while signed out (log in, sign up). Every other console route needs a session. */
    public?: boolean;
    /** Sets document.title: a key of commonTitles.json. */
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
    { path: '', name: 'events', component: () => import('./console/EventsListPage.vue'), meta: { title: 'events' } },
    {
      path: 'events/new',
      name: 'event-new',
      component: EventEditorPage,
      meta: { title: 'newEvent' },
    },
    {
      path: 'events/:id',
      name: 'event',
      component: EventEditorPage,
      props: true,
      meta: { title: 'event' },
    },
    ...liveRoutes,
    {
      path: 'login',
      name: 'login',
      component: () => import('./console/LogInPage.vue'),
      meta: { public: true, title: 'logIn' },
    },
    {
      path: 'signup',
      name: 'signup',
      component: () => import('./console/SignUpPage.vue'),
      meta: { public: true, title: 'signUp' },
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
    meta: { public: true, title: 'notFound' },
  },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

// The first page of a surface waits for its messages; later pages have them already.
router.beforeEach(async (to, from) => {
  const surface = surfaceOf(to.path);
  if (!from.matched.length || surfaceOf(from.path) !== surface) {
    // A lost message file (flaky Wi-Fi) must not block the page; the next navigation tries again.
    await useLanguage(surface, startingLang(surface)).catch(() => undefined);
  }
  if (surface !== 'console') return true;
  const session = useSessionStore();
  await session.load();
  if (to.meta.public) {
    // Signed in already: log in and sign up have nothing to do.
    return session.signedIn ? { name: 'events' } : true;
  }
  if (!session.signedIn) return { name: 'login', query: to.fullPath === '/console' ? {} : { next: to.fullPath } };
  // The language the organizer picked on any device wins over this device's.
  const picked = session.organizer?.language;
  if (picked && picked !== currentLang()) {
    rememberLang('console', picked);
    await useLanguage('console', picked).catch(() => undefined);
  }
  return true;
});

function setTitle(): void {
  const key = router.currentRoute.value.meta.title;
  document.title = key ? `${i18n.global.t(`commonTitles.${key}`)} · Mingle` : 'Mingle';
}

router.afterEach(setTitle);
// A language switch renames the tab too.
watch(i18n.global.locale, setTitle);
