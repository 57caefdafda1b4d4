// What a page downloads, gzipped: the entry, the route's components and everything they import
// statically, and the message files of one language. Reads the manifest of `npm run build -w client`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = join(import.meta.dirname, '..', 'client', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const BUDGET_KB = 80;

const PAGES = [
  { page: 'phone: join by short code', surface: 'phone', modules: ['src/phone/JoinCodePage.vue'] },
  { page: 'phone: join by QR (first page)', surface: 'phone', modules: ['src/phone/JoinPage.vue'] },
  { page: 'phone: after joining', surface: 'phone', modules: ['src/phone/EventShell.vue', 'src/phone/EventHomePage.vue'] },
  { page: 'screen', surface: 'screen', modules: ['src/screen/ScreenPage.vue'] },
  { page: 'console: live page', surface: 'console', modules: ['src/console/ConsoleLayout.vue', 'src/console/live/LiveEventPage.vue'] },
];

function closure(keys) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the manifest: ${key}`);
    seen.add(key);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const key of ['index.html', ...keys]) visit(key);
  return [...seen].map((key) => manifest[key].file);
}

function messageFiles(surface, lang) {
  const prefix = `src/i18n/locales/${lang}/`;
  return Object.entries(manifest)
    .filter(([key]) => key.startsWith(prefix))
    .filter(([key]) => {
      const name = key.slice(prefix.length);
      return name.startsWith('common') || name.startsWith(surface);
    })
    .map(([, chunk]) => chunk.file);
}

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);

console.log('| page | code KB gz | messages KB gz (largest language) | total KB gz | budget |');
console.log('| --- | --- | --- | --- | --- |');
for (const { page, surface, modules } of PAGES) {
  const code = closure(modules).reduce((sum, file) => sum + gz(file), 0);
  const messages = Math.max(...['en', 'de', 'es'].map((lang) => messageFiles(surface, lang).reduce((s, f) => s + gz(f), 0)));
  const total = code + messages;
  const budget = surface === 'phone' ? (total <= BUDGET_KB * 1024 ? `≤ ${BUDGET_KB} ✓` : `> ${BUDGET_KB} ✗`) : '';
  console.log(`| ${page} | ${kb(code)} | ${kb(messages)} | ${kb(total)} | ${budget} |`);
}
