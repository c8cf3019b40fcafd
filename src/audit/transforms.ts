import { auditContext } from "./fixers/audit-context";
import { awaitToVoid } from "./fixers/await-to-void";
import { stringifyMetadata } from "./fixers/stringify-metadata";
import { targetBuilders } from "./fixers/target-builders";
import { workspaceTarget } from "./fixers/workspace-target";
import { instrument } from "./instrument/instrument";
import { migrateCall } from "./migrate-call/migrate-call";
import type { TransformCore } from "./types";

/** The fixers: transforms that need no spec, so `auditmod run` can apply them to any file. */
export const FIXERS: readonly TransformCore[] = [awaitToVoid, workspaceTarget, stringifyMetadata, auditContext, targetBuilders];

/** Every transform the engine and the CLI know, in the order `auditmod list` prints them. */
export const TRANSFORMS: readonly TransformCore[] = [...FIXERS, instrument, migrateCall];

export function findTransform(name: string): TransformCore | undefined {
  return TRANSFORMS.find((t) => t.name === name);
}
