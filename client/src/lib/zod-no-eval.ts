// Zod compiles object parsers with `new Function` after probing whether eval is allowed. Our
// Content-Security-Policy forbids eval, so the probe itself is reported as a violation: tell zod not
// to try. Zod reads its config from this global (what `z.config({ jitless: true })` writes), so the
// entry chunk sets it without importing zod; it must run before any schema is built, so main.ts
// imports this first. e2e/headers.e2e.ts fails if a zod upgrade moves the setting.
const zodConfig = ((globalThis as { __zod_globalConfig?: Record<string, unknown> }).__zod_globalConfig ??= {});
zodConfig.jitless = true;

export {};
