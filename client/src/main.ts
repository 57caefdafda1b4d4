import './lib/zod-no-eval';
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { router } from './router';
import { i18n } from './i18n';
import { setUnauthorizedHandler } from './lib/api';
import { useSessionStore } from './lib/session';
import './lib/base.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);
app.use(router);

// A console call answered 401: the session ended (expired, logged out elsewhere). Back to log in.
setUnauthorizedHandler(() => {
  const route = router.currentRoute.value;
  if (!route.path.startsWith('/console') || route.meta.public) return;
  useSessionStore(pinia).forget();
  void router.replace({ name: 'login', query: { next: route.fullPath } });
});

app.mount('#app');
