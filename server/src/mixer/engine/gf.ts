/** Small finite fields GF(p^k) as addition / multiplication tables over 0..q-1. */
export interface Field {
  q: number;
  add: Uint8Array;
  mul: Uint8Array;
}

export function primePower(q: number): { p: number; k: number } | null {
  if (q < 2) return null;
  let p = 2;
  while (p * p <= q && q % p !== 0) p++;
  if (q % p !== 0) p = q;
  let k = 0;
  let r = q;
  while (r % p === 0) {
    r /= p;
    k++;
  }
  return r === 1 ? { p, k } : null;
}

const cache = new Map<number, Field | null>();

/** GF(q) for a prime power q ≤ 256, or null. */
export function field(q: number): Field | null {
  if (cache.has(q)) return cache.get(q)!;
  const pk = primePower(q);
  const f = pk && q <= 256 ? build(pk.p, pk.k) : null;
  cache.set(q, f);
  return f;
}

function digits(x: number, p: number, k: number): number[] {
  const d: number[] = [];
  for (let i = 0; i < k; i++) {
    d.push(x % p);
    x = Math.floor(x / p);
  }
  return d;
}

function undigits(d: number[], p: number): number {
  let x = 0;
  for (let i = d.length - 1; i >= 0; i--) x = x * p + d[i];
  return x;
}

function build(p: number, k: number): Field {
  const q = p ** k;
  const add = new Uint8Array(q * q);
  for (let a = 0; a < q; a++) {
    const da = digits(a, p, k);
    for (let b = 0; b < q; b++) {
      const db = digits(b, p, k);
      add[a * q + b] = undigits(
        da.map((v, i) => (v + db[i]) % p),
        p,
      );
    }
  }
  // Try monic polynomials x^k + c(x) until multiplication has no zero divisors.
  for (let c = 0; c < q; c++) {
    const low = digits(c, p, k);
    const mul = new Uint8Array(q * q);
    let ok = true;
    for (let a = 1; a < q && ok; a++) {
      const da = digits(a, p, k);
      for (let b = 1; b < q; b++) {
        const prod = new Array(2 * k - 1).fill(0);
        const db = digits(b, p, k);
        for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) prod[i + j] = (prod[i + j] + da[i] * db[j]) % p;
        // reduce: x^k = -low(x)
        for (let d = 2 * k - 2; d >= k; d--) {
          const coef = prod[d];
          if (!coef) continue;
          prod[d] = 0;
          for (let i = 0; i < k; i++) prod[d - k + i] = (((prod[d - k + i] - coef * low[i]) % p) + p) % p;
        }
        const v = undigits(prod.slice(0, k), p);
        if (v === 0) {
          ok = false;
          break;
        }
        mul[a * q + b] = v;
      }
    }
    if (ok) return { q, add, mul };
  }
  throw new Error(`no irreducible polynomial for GF(${q})`);
}
