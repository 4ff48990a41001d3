/** The store: content-addressed names, dedupe, no overwrite of a different file, clear errors on corrupt files. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../../properties/index.js";
import { getClaim } from "../../src/claims/registry.js";
import { runClaim } from "../../src/claims/run.js";
import { InputError } from "../../src/exact/errors.js";
import { saveResult, toFile } from "../../src/store/record.js";
import { replayFile } from "../../src/store/replay.js";
import { fileName, loadCounterexample, saveCounterexample } from "../../src/store/store.js";

loadCatalogue();
const tmp = mkdtempSync(join(tmpdir(), "mechcheck-store-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const claim = getClaim("zhu2021.proposition1.strategy-proof")!;
const result = runClaim(claim, { seed: 42 });
const cx = toFile(claim, result)!;

describe("saving", () => {
  it("writes one file named by claim and content hash, validated, and replayable", () => {
    const dir = join(tmp, "a");
    const r = saveCounterexample(dir, cx);
    expect(r.status).toBe("written");
    expect(r.file.endsWith(fileName(cx))).toBe(true);
    expect(loadCounterexample(r.file).claim).toBe(claim.id);
    expect(replayFile(r.file).reproduced).toBe(true);
  });

  it("deduplicates: the same counterexample found twice is one file, left untouched", () => {
    const dir = join(tmp, "b");
    const first = saveCounterexample(dir, cx);
    const before = readFileSync(first.file, "utf8");
    const second = saveCounterexample(dir, { ...cx, found: { ...cx.found, seed: 7 } });
    expect(second.status).toBe("exists");
    expect(readdirSync(dir)).toHaveLength(1);
    expect(readFileSync(first.file, "utf8")).toBe(before);
  });

  it("stores a known refutation once, not again from every fresh seed", () => {
    const dir = join(tmp, "known");
    const first = saveResult(dir, claim, result);
    expect(first.counterexample!.file).toBeDefined();
    const other = runClaim(claim, { seed: 43 });
    expect(other.status).toBe("counterexample");
    const second = saveResult(dir, claim, other);
    expect(second.counterexample!.file).toBeUndefined();
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it("never leaves a temp file behind", () => {
    const dir = join(tmp, "c");
    saveCounterexample(dir, cx);
    expect(readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]);
  });

  it("refuses to write a malformed certificate", () => {
    expect(() => saveCounterexample(join(tmp, "d"), { ...cx, claim: "Not An Id" })).toThrow();
  });
});

describe("reading", () => {
  it("names the file and the field of a hand-edited file, and the others still replay", () => {
    const dir = join(tmp, "e");
    const good = saveCounterexample(dir, cx).file;
    const bad = join(dir, "zhu2021.proposition1.strategy-proof-bad.json");
    const edited = JSON.parse(readFileSync(good, "utf8")) as Record<string, unknown>;
    (edited.witness as Record<string, unknown>).summary = 42;
    writeFileSync(bad, JSON.stringify(edited));
    expect(() => loadCounterexample(bad)).toThrow(InputError);
    expect(() => loadCounterexample(bad)).toThrow(/bad\.json: witness\.summary/);
    expect(replayFile(bad).reproduced).toBe(false);
    expect(replayFile(good).reproduced).toBe(true);
  });

  it("does not reproduce when the stored gain was tampered with", () => {
    const dir = join(tmp, "f");
    const file = saveCounterexample(dir, cx).file;
    const edited = JSON.parse(readFileSync(file, "utf8")) as { witness: { gain: string } };
    edited.witness.gain = "1000";
    writeFileSync(file, JSON.stringify(edited));
    const o = replayFile(file);
    expect(o.reproduced).toBe(false);
    expect(o.detail).toMatch(/gain changed/);
  });

  it("reports a corrupt (non-JSON) file clearly", () => {
    const f = join(tmp, "junk.json");
    writeFileSync(f, "{ not json");
    expect(replayFile(f).detail).toMatch(/junk\.json.*not a readable JSON/);
  });
});
