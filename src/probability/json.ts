/**
 * Process trees as JSON: { "T": 2, "root": { "children": [ { "p": "1/2", "value": "1", "children": [...] }, … ] } }
 * — rationals as strings; the root has no "p" and no "value". Structure by zod, numbers by the strict
 * parser, the probability rules by checkTree; every error names the node's path.
 */
import { z } from "zod";
import { InputError } from "../exact/errors.js";
import type { Json } from "../exact/json.js";
import { parseWith, toQ, zRational } from "../exact/zod.js";
import { checkTree, type ProcessTree, type TreeNode } from "./tree.js";

interface RawNode {
  p?: string;
  value?: string;
  children?: RawNode[];
}

const zNode: z.ZodType<RawNode> = z.lazy(() => z.strictObject({ p: zRational.optional(), value: zRational.optional(), children: z.array(zNode).optional() }));
const zTree = z.strictObject({ T: z.int().min(1).max(64), root: zNode });

export function treeFromJson(v: unknown, field = "tree"): ProcessTree {
  const raw = parseWith(zTree, v, field);
  const missing = firstMissingP(raw.root, `${field}.root`);
  if (missing) throw missing;
  if (raw.root.p !== undefined || raw.root.value !== undefined) throw new InputError(`${field}.root`, "the root is before date 1: no \"p\", no \"value\"");
  const conv = (n: RawNode): TreeNode => ({
    ...(n.value !== undefined ? { value: toQ(n.value) } : {}),
    children: (n.children ?? []).map((c) => ({ p: toQ(c.p!), node: conv(c) })),
  });
  const tree = { T: raw.T, root: conv(raw.root) };
  checkTree(tree, field);
  return tree;
}

function firstMissingP(n: RawNode, at: string): InputError | undefined {
  for (const [k, c] of (n.children ?? []).entries()) {
    const here = `${at}.children[${k}]`;
    if (c.p === undefined) return new InputError(`${here}.p`, "every branch needs its probability");
    const deeper = firstMissingP(c, here);
    if (deeper) return deeper;
  }
  return undefined;
}

export function treeToJson(t: ProcessTree): Json {
  const conv = (n: TreeNode): Record<string, Json> => ({
    ...(n.value !== undefined ? { value: n.value.toString() } : {}),
    ...(n.children.length > 0 ? { children: n.children.map((b) => ({ p: b.p.toString(), ...conv(b.node) })) } : {}),
  });
  return { T: t.T, root: conv(t.root) };
}
