import { UsageError } from "../../engine/errors";
import { BAD_IGNORE, PARSE_ERROR, type CheckRule, type Diagnostic } from "../types";
import { audit10EmitMatchesSchema } from "./audit10-emit-matches-schema";
import { audit1NoAwaitedEmit } from "./audit1-no-awaited-emit";
import { audit2HumanActor } from "./audit2-human-actor";
import { audit3RegisteredAction } from "./audit3-registered-action";
import { audit4EmitAfterMutation } from "./audit4-emit-after-mutation";
import { audit5StringMetadata } from "./audit5-string-metadata";
import { audit6RequestContext } from "./audit6-request-context";
import { audit7WorkspaceTargetFirst } from "./audit7-workspace-target-first";
import { audit8ActionName } from "./audit8-action-name";
import { audit9SnakeCaseMetadataKeys } from "./audit9-snake-case-metadata-keys";

/** Every rule `auditmod check` runs, in id order. */
export const RULES: readonly CheckRule[] = [
  audit1NoAwaitedEmit,
  audit2HumanActor,
  audit3RegisteredAction,
  audit4EmitAfterMutation,
  audit5StringMetadata,
  audit6RequestContext,
  audit7WorkspaceTargetFirst,
  audit8ActionName,
  audit9SnakeCaseMetadataKeys,
  audit10EmitMatchesSchema,
];

/** What formatters need to describe a rule (SARIF's `tool.driver.rules`). */
export interface RuleDescriptor {
  id: Diagnostic["rule"];
  name: string;
  description: string;
  severity: CheckRule["severity"];
  fixer?: string;
}

/** Diagnostics outside the audit rules: always on, never suppressed. */
export const FRAMEWORK_RULES: readonly RuleDescriptor[] = [
  { id: PARSE_ERROR, name: "parse-error", description: "A source file that does not parse cannot be checked", severity: "error" },
  { id: BAD_IGNORE, name: "auditmod-ignore", description: "An `auditmod-ignore` comment must name a rule and give a reason: `// auditmod-ignore AUDITn: reason`", severity: "error" },
];

export const ALL_RULE_DESCRIPTORS: readonly RuleDescriptor[] = [...RULES, ...FRAMEWORK_RULES];

/** The rules `--rule` / `--ignore-rule` leave; an unknown id is a usage error. */
export function selectRules(only: string[], ignore: string[], rules: readonly CheckRule[] = RULES): CheckRule[] {
  const known = new Set(rules.map((r) => r.id as string));
  for (const id of [...only, ...ignore]) {
    if (!known.has(id)) throw new UsageError(`unknown rule "${id}" (known: ${rules.map((r) => r.id).join(", ")})`);
  }
  return rules.filter((r) => (only.length === 0 || only.includes(r.id)) && !ignore.includes(r.id));
}
