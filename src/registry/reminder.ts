/** The register script (docs/rules.md, AUDIT3): WorkOS rejects events whose schema it has not been given. */
export const REGISTER_SCHEMAS_COMMAND = "npx tsx admin/register_audit_log_schemas.ts --execute";

/**
 * What a run prints after it created or changed schemas: they must reach WorkOS after merge and
 * before deploy, or the new events are rejected. Empty when no schema changed.
 */
export function schemaReminder(actions: string[]): string {
  const unique = [...new Set(actions)];
  if (unique.length === 0) return "";
  const [which, them] = unique.length === 1 ? ["1 audit log schema was", "it"] : [`${unique.length} audit log schemas were`, "them"];
  return (
    `Reminder: ${which} created or changed (${unique.join(", ")}). ` +
    `Register ${them} with WorkOS after merge and before deploy:\n` +
    `  ${REGISTER_SCHEMAS_COMMAND} ${unique.join(" ")}\n`
  );
}
