/** Integer and rational k-th roots against brute force (the §7 threshold u̲⁽ⁿ⁾ = ξ(1 − β)^{1/(n+4)}). */
import { describe, expect, it } from "vitest";
import { Q } from "../../src/exact/rational.js";
import { exactRoot, iroot } from "../../src/exact/sqrt.js";

describe("iroot and exactRoot", () => {
  it("⌊n^{1/k}⌋ equals the largest r with r^k ≤ n, by scanning (n < 3000, k ≤ 7)", () => {
    for (let k = 1; k <= 7; k++)
      for (let n = 0; n < 3000; n++) {
        let r = 0;
        while ((r + 1) ** k <= n) r++;
        expect(iroot(BigInt(n), k)).toBe(BigInt(r));
      }
  });

  it("recovers p/q from (p/q)^k, large numbers included, and refuses non-powers", () => {
    for (const [p, q] of [[1, 2], [3, 7], [12345, 67891], [1, 1]] as const)
      for (const k of [2, 5, 7, 8]) {
        const x = Q.of(p, q).pow(k);
        expect(exactRoot(x, k)!.eq(Q.of(p, q))).toBe(true);
        expect(exactRoot(x.add(Q.of(1, 10 ** 9)), k)).toBeNull();
      }
    expect(exactRoot(Q.of(1, 128), 6)).toBeNull();
    expect(exactRoot(Q.of(1, 64), 6)!.toString()).toBe("1/2");
  });
});
