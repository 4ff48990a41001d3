/**
 * The report writers on hand-made results (every expected string below is derived by hand from the
 * inputs), and the README's verdict table kept in sync with the catalogue.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../properties/index.js";
import { allClaims } from "../../src/claims/registry.js";
import type { ClaimResult } from "../../src/claims/run.js";
import { catalogueMarkdown, CATALOGUE_END, CATALOGUE_START, firstSentence, replaceCatalogue } from "../../src/report/catalogue.js";
import { fromClaimJson, reportJson, reportSchema } from "../../src/report/json.js";
import { reportJunit, xmlEscape } from "../../src/report/junit.js";
import { mdCell, reportMarkdown } from "../../src/report/markdown.js";
import { sizeStory } from "../../src/report/table.js";

loadCatalogue();

const base = { paper: "zhu2021", hypotheses: "met", seed: 1, counts: { holds: 3, searchOnly: 0, vacuous: 0, outside: 0, inconclusive: 0 }, ms: 1500, cut: false } as const;
const results: ClaimResult[] = [
  { ...base, id: "zhu2021.a", expect: "holds", status: "holds", cases: 3, met: true },
  {
    ...base,
    id: "zhu2021.b<&>",
    expect: "holds",
    status: "counterexample",
    cases: 2,
    met: false,
    counterexample: { instance: { x: "1/2" }, witness: { summary: 'gain "1/3" > 0 & <bad>', gain: "1/3", quantities: { u: "1" } }, shrinks: 4, file: "counterexamples/zhu2021.b-1.json" },
  },
  { ...base, id: "zhu2021.c", expect: "holds", status: "holds", cases: 1, met: false, cut: true },
  { ...base, paper: "stylized", id: "stylized.d", expect: "holds", status: "error", cases: 0, met: false, error: "boom | pipe" },
];

describe("JUnit XML", () => {
  it("escapes XML's five special characters and drops characters XML 1.0 forbids", () => {
    expect(xmlEscape(`a<b>&"c'\u0001`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
  });
  it("is well-formed, one suite per paper in the papers' order, failures and errors counted", () => {
    const xml = reportJunit({ seed: "9", claims: results });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as {
      testsuites: { tests: string; failures: string; errors: string; time: string; testsuite: { name: string; tests: string; testcase: unknown }[] };
    };
    // 4 claims; b (counterexample to a "holds" claim) and c (cut) fail; d errs; 4 × 1.5 s.
    expect(doc.testsuites).toMatchObject({ tests: "4", failures: "2", errors: "1", time: "6.000" });
    expect(doc.testsuites.testsuite.map((s) => [s.name, s.tests])).toEqual([["zhu2021", "3"], ["stylized", "1"]]);
    expect(xml).toContain(`<failure message="cut by the time limit after 1 cases (not a pass)" type="holds">`);
    expect(xml).toContain(`name="zhu2021.b&lt;&amp;&gt;"`);
    expect(xml).toContain(`<error message="boom | pipe">`);
  });
});

describe("Markdown report", () => {
  it("escapes table cells", () => {
    expect(mdCell("a|b\nc")).toBe("a\\|b c");
  });
  it("has a verdict table per paper and lists each finding with its certificate", () => {
    const md = reportMarkdown({ seed: "9", claims: results, command: "mechcheck check --seed 9" });
    expect(md).toContain("## Zhu (2021), Repeated Resource Allocation");
    expect(md).toContain("| `zhu2021.c` | holds | holds (cut by the time limit: not a pass) | **no** | 1 | 1500 |");
    expect(md).toContain('- `zhu2021.b<&>`: gain "1/3" > 0 & <bad> (exact gain 1/3). Certificate: `counterexamples/zhu2021.b-1.json`');
    expect(md).toContain("- `stylized.d`: error: boom \\| pipe");
    expect(md.indexOf("## Zhu (2021)")).toBeLessThan(md.indexOf("## Zhu, Stylized"));
    expect(md).toContain("Reproduce with `mechcheck check --seed 9`.");
  });
});

describe("JSON report round trip (what merge reads)", () => {
  it("rebuilds results whose JSON is the original JSON", () => {
    const json = reportJson({ seed: "9", claims: results });
    const back = reportSchema.parse(JSON.parse(json)).claims.map(fromClaimJson);
    expect(reportJson({ seed: "9", claims: back })).toBe(json);
  });
});

describe("the catalogue table", () => {
  it("takes the first sentence of a note, not a full stop inside brackets or an abbreviation", () => {
    expect(firstSentence("One (a. b) e.g. two. Three.")).toBe("One (a. b) e.g. two.");
    expect(firstSentence("No stop")).toBe("No stop");
  });
  it("replaces only the marked section", () => {
    const doc = `a\n${CATALOGUE_START}\nold\n${CATALOGUE_END}\nb`;
    expect(replaceCatalogue(doc, "NEW\n")).toBe(`a\n${CATALOGUE_START}\n\nNEW\n\n${CATALOGUE_END}\nb`);
    expect(replaceCatalogue("no markers", "x")).toBeUndefined();
  });
  it("in the README is the one the catalogue generates (run `npm run docs` after changing a claim)", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
    expect(replaceCatalogue(readme, catalogueMarkdown(allClaims()))).toBe(readme);
    expect(catalogueMarkdown(allClaims()).match(/^\| `/gm)).toHaveLength(allClaims().length);
  });
});

describe("shrinking, shown", () => {
  it("tells each size as found → shrunk → simplified, printing a repeated size once", () => {
    expect(sizeStory({ sizeFound: { agents: 3, dates: 4 }, sizeBefore: { agents: 2, dates: 4 }, size: { agents: 2, dates: 1 }, shrinks: 7, simplified: 2 })).toBe(
      "agents 3 → 2, dates 4 → 1 (as found → after 7 shrink step(s) → after 2 simplification step(s))",
    );
    expect(sizeStory({ shrinks: 0 })).toBeUndefined();
  });
});
