import type { RouteRecordRaw } from 'vue-router';

/** The phone surface's pages; lazy-loaded so each surface is its own chunk. */
export const phoneRoutes: RouteRecordRaw[] = [];
