import { awaitToVoid } from "./fixers/await-to-void";
import { targetBuilders } from "./fixers/target-builders";
import { workspaceTarget } from "./fixers/workspace-target";
import type { TransformCore } from "./types";

/** Every transform the engine and the CLI know, in the order `auditmod list` prints them. */
export const TRANSFORMS: readonly TransformCore[] = [awaitToVoid, workspaceTarget, targetBuilders];

export function findTransform(name: string): TransformCore | undefined {
  return TRANSFORMS.find((t) => t.name === name);
}
