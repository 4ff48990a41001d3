/** Mutant: zhu2022 §4.1.2: Lemma 3 stated with I(y(N))·(N − 1), the repair, so the refutation of its use in Theorem 1 must disappear. */
export const family = { name: "variant/lemma3-with-N-1", kind: "zhu2022/lemma3-statement", multiplier: (N: number) => N - 1 };
export const description = "zhu2022 §4.1.2: Lemma 3 stated with I(y(N))·(N − 1), the repair, so the refutation of its use in Theorem 1 must disappear";
export const kills = ["zhu2022.lemma3"];
