import type { Node } from "../../audit/ast";
import { metadataEntries } from "../../audit/metadata";
import { targetBuilderNames, targetType, WORKSPACE_TARGET_TYPE } from "../../audit/targets";
import { schemaFor } from "../project";
import type { CheckRule } from "../types";
import { eventProperty } from "./site";

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(", ");

/** `missing "a", "b"; extra "c"`: what the emit lacks and what it adds, against its schema. */
function difference(missing: string[], extra: string[]): string {
  return [missing.length > 0 ? `missing ${quoted(missing)}` : null, extra.length > 0 ? `extra ${quoted(extra)}` : null].filter(Boolean).join("; ");
}

/**
 * AUDIT10: an emit sends the metadata keys and target types its schema declares. Compared only when
 * the schema can be read and the emit's side is fully static (no metadata spread, every target's type
 * known). Schema keys the audit module adds itself are not expected from the emit. The workspace
 * target is AUDIT7's business and is left out of the comparison. Unregistered
 * actions and registered ones without a schema are AUDIT3's.
 */
export const audit10EmitMatchesSchema: CheckRule = {
  id: "AUDIT10",
  name: "emit-matches-schema",
  description: "An emit's metadata keys and target types are those its schema declares",
  severity: "error",
  create(context) {
    // Renamed builder imports (`buildWorkspaceTarget as wsTarget`), looked up once per file and only when an emit is judged.
    const builderNames = () => context.shared("targetBuilderNames", () => targetBuilderNames(context.step));
    return {
      literalAction(site) {
        const { emit, action } = site;
        const schema = schemaFor(context.project, action);
        if (!schema?.content || !emit.event) return;
        const declaredKeys = schema.content.metadata.map((m) => m.value);
        // Keys the audit module adds itself (`actor_type` beside `...metadata`) are never the emit's to send.
        const moduleKeys = context.conventions.module.moduleMetadataKeys;
        const read = metadataEntries(emit.event);
        if (read === null || read.ok) {
          const entries = read?.entries ?? [];
          const keys = entries.map((e) => e.key);
          const missing = declaredKeys.filter((k) => !keys.includes(k) && !moduleKeys.includes(k));
          const extra = entries.filter((e) => !declaredKeys.includes(e.key));
          if (missing.length > 0 || extra.length > 0) {
            const node = extra[0]?.property ?? eventProperty(site, "metadata") ?? emit.path.node;
            context.report({ node: node as never, message: `metadata differs from ${schema.file}: ${difference(missing, extra.map((e) => e.key))}` });
          }
        }
        const targets = eventProperty(site, "targets");
        if (targets?.type !== "ArrayExpression") return;
        const elements = (targets.elements as (Node | null)[]).filter((e): e is Node => e !== null);
        const names = builderNames();
        const types = elements.map((e) => targetType(e, names));
        if (types.some((t) => t === null)) return;
        const declaredTypes = schema.content.targets.filter((t) => t !== WORKSPACE_TARGET_TYPE);
        const missing = declaredTypes.filter((t) => !types.includes(t));
        const extraAt = types.findIndex((t) => t !== WORKSPACE_TARGET_TYPE && !declaredTypes.includes(t!));
        const extra = [...new Set(types.filter((t) => t !== WORKSPACE_TARGET_TYPE && !declaredTypes.includes(t!)) as string[])];
        if (missing.length > 0 || extra.length > 0) {
          context.report({ node: (extraAt >= 0 ? elements[extraAt] : targets) as never, message: `target types differ from ${schema.file}: ${difference(missing, extra)}` });
        }
      },
    };
  },
};
