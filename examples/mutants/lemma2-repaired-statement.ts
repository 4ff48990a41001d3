/** Mutant: zhu2022 §4.1.1: Lemma 2 stated with I(x(N))·(N − 1), the repair, so the refutation of its use in Theorem 1 must disappear. */
export const family = { name: "variant/lemma2-with-N-1", kind: "zhu2022/lemma2-statement", multiplier: (N: number) => N - 1 };
export const description = "zhu2022 §4.1.1: Lemma 2 stated with I(x(N))·(N − 1), the repair, so the refutation of its use in Theorem 1 must disappear";
export const kills = ["zhu2022.lemma2"];
