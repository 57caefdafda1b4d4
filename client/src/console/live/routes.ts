import type { RouteRecordRaw } from 'vue-router';

/** Console pages for running an event (children of /console). */
export const liveRoutes: RouteRecordRaw[] = [];
