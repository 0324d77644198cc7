/**
 * The affine plane of order q: q² points, and q + 1 ways ("parallel classes") to split them into
 * q lines of q points, any two points lying on exactly one line. Read as people and groups: q²
 * people meet in groups of q for up to q + 1 rounds and nobody meets anyone twice (16 people in
 * groups of 4 for 5 rounds: everyone meets all 15 others exactly once). A search seldom finds the
 * last rounds of such a tight schedule; the construction gives them directly.
 *
 * Points are (x, y) over the finite field GF(q); line b of class m is y = m·x + b, and class q is
 * the vertical lines x = c. Needs GF(q): q a prime, or 4, 8, 9 (the prime powers a group size
 * plausibly takes), built from the irreducible polynomials below.
 */
export function affinePlaneRounds(q: number): number[][][] | undefined {
  const field = finiteField(q);
  if (!field) return undefined;
  const { add, mul } = field;
  const rounds: number[][][] = [];
  for (let m = 0; m < q; m++) {
    const lines: number[][] = Array.from({ length: q }, () => []);
    for (let x = 0; x < q; x++)
      for (let y = 0; y < q; y++) {
        // y = m·x + b  ⇔  b = y − m·x; found by trying b (q is small).
        for (let b = 0; b < q; b++)
          if (add(mul(m, x), b) === y) {
            (lines[b] as number[]).push(x * q + y);
            break;
          }
      }
    rounds.push(lines);
  }
  rounds.push(Array.from({ length: q }, (_, x) => Array.from({ length: q }, (_, y) => x * q + y)));
  return rounds;
}

/** Irreducible polynomials for the prime-power orders supported, lowest coefficient first, monic term left out. */
const REDUCING: Record<number, { p: number; k: number; poly: number[] }> = {
  4: { p: 2, k: 2, poly: [1, 1] }, // x² = x + 1
  8: { p: 2, k: 3, poly: [1, 1, 0] }, // x³ = x + 1
  9: { p: 3, k: 2, poly: [2, 0] }, // x² = −1 = 2
};

interface Field {
  add(a: number, b: number): number;
  mul(a: number, b: number): number;
}

function finiteField(q: number): Field | undefined {
  if (q >= 2 && isPrime(q)) return { add: (a, b) => (a + b) % q, mul: (a, b) => (a * b) % q };
  const spec = REDUCING[q];
  if (!spec) return undefined;
  const { p, k, poly } = spec;
  // Elements are polynomials of degree < k over GF(p), written as base-p digits.
  const digits = (a: number) => Array.from({ length: k }, (_, i) => Math.floor(a / p ** i) % p);
  const number = (d: readonly number[]) => d.reduce((s, c, i) => s + c * p ** i, 0);
  const addTable: number[] = [];
  const mulTable: number[] = [];
  for (let a = 0; a < q; a++)
    for (let b = 0; b < q; b++) {
      const da = digits(a);
      const db = digits(b);
      addTable[a * q + b] = number(da.map((c, i) => (c + (db[i] as number)) % p));
      const product = new Array<number>(2 * k - 1).fill(0);
      da.forEach((ca, i) => {
        db.forEach((cb, j) => {
          product[i + j] = ((product[i + j] as number) + ca * cb) % p;
        });
      });
      // Reduce from the top: x^(k+t) = x^t · (the polynomial for x^k).
      for (let d = product.length - 1; d >= k; d--) {
        const c = product[d] as number;
        if (c === 0) continue;
        product[d] = 0;
        poly.forEach((pc, i) => {
          product[d - k + i] = ((product[d - k + i] as number) + c * pc) % p;
        });
      }
      mulTable[a * q + b] = number(product.slice(0, k));
    }
  return { add: (a, b) => addTable[a * q + b] as number, mul: (a, b) => mulTable[a * q + b] as number };
}

function isPrime(q: number): boolean {
  for (let d = 2; d * d <= q; d++) if (q % d === 0) return false;
  return true;
}
