import * as shared from '@mingle/shared';
import { z } from 'zod';

/** A small seeded PRNG (mulberry32): the same seed sends the same inputs, so a failure reproduces. */
export class Rng {
  constructor(private state: number) {}
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Lone surrogates replaced, so a string can be URI-encoded (fuzzed strings may hold or cut one). */
export const wellFormed = (s: string): string =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** The seed of this run: FUZZ_SEED=n reproduces a run; the default is fixed so CI is stable. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261130);

/** Every field name the protocol knows, read from the shared schemas, so new fields get fuzzed too. */
export const FIELD_NAMES: string[] = (() => {
  const names = new Set<string>();
  const walk = (schema: unknown, depth: number): void => {
    if (depth > 4 || !(schema instanceof z.ZodType)) return;
    if (schema instanceof z.ZodObject) {
      for (const [key, inner] of Object.entries(schema.shape as Record<string, unknown>)) {
        names.add(key);
        walk(inner, depth + 1);
      }
    } else if (schema instanceof z.ZodArray) walk(schema.element, depth + 1);
    else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) walk(schema.unwrap(), depth + 1);
  };
  for (const value of Object.values(shared)) walk(value, 0);
  return [...names].sort();
})();

const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\u000b',
  '\f',
  '\r',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ud800',
  '\udfff',
];
const SQL = [
  "' OR '1'='1",
  "'; DROP TABLE event; --",
  '" OR 1=1 --',
  '%',
  '_',
  '%%',
  '\\',
  "\\'",
  '1; SELECT pg_sleep(0)',
  "' UNION SELECT * FROM organizer --",
  '$1',
  '?',
  ':id',
  '*/',
];
const PROTO = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
const WORDS = [
  '',
  ' ',
  'a',
  'AI',
  'open',
  'closed',
  'live',
  'draft',
  'ended',
  'email',
  'phone',
  'x@y.example',
  'https://example.com',
  'javascript:alert(1)',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  '😀',
  'مرحبا',
  'null',
  'undefined',
  'NaN',
  '1e999',
  '-0',
  'true',
  '00000000-0000-0000-0000-000000000000',
  'ABCDEF',
  '000000',
];

export function fuzzString(rng: Rng): string {
  switch (rng.int(8)) {
    case 0:
      return rng.pick(CONTROL) + rng.pick(WORDS) + rng.pick(CONTROL);
    case 1:
      return rng.pick(SQL);
    case 2:
      return rng.pick(PROTO);
    case 3: // huge: some under the body limit (reach the validators), some over it
      return rng.pick(['x', 'é', '😀', '\u0000', "'"]).repeat(rng.pick([1_000, 5_000, 30_000, 120_000]));
    case 4:
      return Array.from({ length: 1 + rng.int(20) }, () => String.fromCharCode(rng.int(0x3000))).join('');
    default:
      return rng.pick(WORDS);
  }
}

const NUMBERS = [0, -1, 1, 2, 3, 1.5, -0.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 1e-300, 60, 61, 100, 10_000];

/** Any JSON value: right and wrong types, prototype keys, known field names with junk values. */
export function fuzzValue(rng: Rng, depth = 0): unknown {
  const k = rng.int(depth > 3 ? 5 : 9);
  switch (k) {
    case 0:
      return fuzzString(rng);
    case 1:
      return rng.pick(NUMBERS);
    case 2:
      return rng.pick([true, false, null]);
    case 3:
      return rng.pick(WORDS);
    case 4:
      return fuzzString(rng);
    case 5:
    case 6:
      return fuzzObject(rng, depth + 1);
    case 7:
      return Array.from({ length: rng.int(6) }, () => fuzzValue(rng, depth + 1));
    default:
      return rng.chance(0.5) ? Array.from({ length: rng.pick([100, 3_000]) }, () => rng.pick(WORDS)) : fuzzObject(rng, depth + 1);
  }
}

export function fuzzObject(rng: Rng, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = rng.int(7); i > 0; i--) {
    const key = rng.chance(0.75) ? rng.pick(FIELD_NAMES) : rng.chance(0.5) ? rng.pick(PROTO) : fuzzString(rng).slice(0, 100);
    Object.defineProperty(out, key, { value: fuzzValue(rng, depth), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A request body as raw text: JSON of any shape, or JSON that is not quite JSON. */
export function fuzzBody(rng: Rng): string {
  switch (rng.int(12)) {
    case 0: {
      const depth = rng.pick([100, 2_000, 20_000]);
      return rng.chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    }
    case 1:
      return rng.pick([
        '',
        ' ',
        '{',
        '{"a":}',
        "{'a':1}",
        '[1,]',
        '{"a":1,}',
        'NaN',
        'null',
        '"str"',
        '123',
        'true',
        '\ufeff{}',
        '{"a":1}{"b":2}',
        '{"a":"\\u00"}',
        '{"a":01}',
      ]);
    case 2:
      return rng.pick([
        '{"__proto__":{"isAdmin":true,"role":"organizer"}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '{"name":"a","name":{"__proto__":null}}',
        '{"interests":{"__proto__":["AI"]},"name":"x"}',
        '{"card":{"__proto__":{"email":"x@y.z"}},"name":"n","interests":["AI"],"acceptPrivacy":true}',
      ]);
    case 3: {
      const text = JSON.stringify(fuzzValue(rng));
      return text.slice(0, Math.max(1, rng.int(text.length)));
    }
    default: {
      const text = JSON.stringify(rng.chance(0.8) ? fuzzObject(rng) : fuzzValue(rng)) ?? 'null';
      // Over the body limit is one kind of input: one way to be too large is enough.
      return text.length > 150_000 ? JSON.stringify({ [rng.pick(FIELD_NAMES)]: 'x'.repeat(150_000) }) : text;
    }
  }
}

/** A value for a path parameter: real ones (so bodies reach the validators) and malformed ones. */
export function fuzzParam(rng: Rng, real: string[]): string {
  if (real.length && rng.chance(0.4)) return encodeURIComponent(rng.pick(real));
  return rng.pick([
    '%00',
    '%zz',
    '%',
    '%E0%A4%A',
    '%C0%AE%C0%AE',
    '..%2f..%2fetc%2fpasswd',
    '%2e%2e',
    encodeURIComponent("' OR 1=1 --"),
    '__proto__',
    'constructor',
    'a'.repeat(5_000),
    '-1',
    '0',
    '1e999',
    'null',
    encodeURIComponent('00000000-0000-0000-0000-000000000000'),
    uuidOf(rng),
    encodeURIComponent(wellFormed(fuzzString(rng).slice(0, 300))),
    '%F0%9F%98%80',
    'ABCDE%00',
    '%0d%0aSet-Cookie:%20x=1',
  ]);
}

const hex = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(16).toString(16)).join('');
const uuidOf = (rng: Rng) => `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-8${hex(rng, 3)}-${hex(rng, 12)}`;

/** A Cookie header: crafted, malformed, or a real session. */
export function fuzzCookie(rng: Rng, session: string): string | undefined {
  return rng.pick([
    undefined,
    session,
    session,
    'mingle_session=j:{"a":1}',
    'mingle_session=j:[1,2]',
    'mingle_session=j:123',
    'mingle_session=j:{"__proto__":{"x":1}}',
    'mingle_session=s:abc.def',
    'mingle_session=%',
    'mingle_session=%E0%A4%A',
    'mingle_session=',
    `mingle_session=${'a'.repeat(4_000)}`,
    `mingle_session=${encodeURIComponent("' OR 1=1 --")}`,
    'mingle_session=__proto__',
    `${session}; mingle_session=j:{"a":1}`,
    '__proto__=x; constructor=y',
    '=; ;;=;',
  ]);
}

export function fuzzAuthorization(rng: Rng, token: string): string | undefined {
  return rng.pick([
    undefined,
    undefined,
    `Bearer ${token}`,
    `Bearer ${token}`,
    'Bearer ',
    'Bearer',
    `Bearer ${token}x`,
    'Basic YTpi',
    `Bearer ${encodeURIComponent("' OR 1=1 --")}`,
    `Bearer ${'a'.repeat(3_000)}`,
    'Bearer __proto__',
    `bearer ${token}`,
  ]);
}
