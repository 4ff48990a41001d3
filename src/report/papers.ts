/** The five papers, in the order reports show them, with the names a reader knows them by. */
import type { PaperKey } from "../claims/types.js";

export const PAPERS: readonly { readonly key: PaperKey; readonly title: string }[] = [
  { key: "zhu2021", title: "Zhu (2021), Repeated Resource Allocation" },
  { key: "zhu2022", title: "Zhu (2022), Implementation with Statistics" },
  { key: "stylized", title: "Zhu, Stylized Implementation (single resource)" },
  { key: "bgs2019", title: "Balseiro, Gurkan and Sun (2019), Multiagent Mechanism Design Without Money" },
  { key: "mp2013", title: "McLean and Postlewaite (2013), Implementation with Interdependent Valuations" },
];

/** Items grouped by paper in PAPERS order (papers with no item left out), each group in input order. */
export function groupByPaper<T extends { readonly paper: string }>(items: readonly T[]): [string, T[]][] {
  const known = PAPERS.map((p) => p.key as string);
  const keys = [...known, ...[...new Set(items.map((i) => i.paper))].filter((k) => !known.includes(k)).sort()];
  return keys.map((k) => [k, items.filter((i) => i.paper === k)] as [string, T[]]).filter(([, g]) => g.length > 0);
}

export function paperTitle(key: string): string {
  return PAPERS.find((p) => p.key === key)?.title ?? key;
}
