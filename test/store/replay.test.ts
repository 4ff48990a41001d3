/** Every stored counterexample is re-verified exactly from its file: one test per file. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../properties/index.js";
import { listCounterexamples } from "../../src/store/store.js";
import { replayStored } from "../../src/store/replay.js";

loadCatalogue();
const dir = join(import.meta.dirname, "..", "..", "counterexamples");
const files = listCounterexamples(dir);

describe("stored counterexamples replay", () => {
  it("there is at least the Proposition 1 counterexample", () => {
    expect(files.some((f) => f.includes("zhu2021.proposition1.strategy-proof-"))).toBe(true);
  });
  it.each(files)("%s", async (file) => {
    const o = await replayStored(file);
    expect(o.detail).not.toMatch(/no longer|unknown|expected/);
    expect(o.reproduced).toBe(true);
  });
});
