import type { RouteRecordRaw } from 'vue-router';

/** The screen surface's pages; lazy-loaded so each surface is its own chunk. */
export const screenRoutes: RouteRecordRaw[] = [];
