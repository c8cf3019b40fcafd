// Registers admin/audit_log_schemas/*.json with WorkOS.
//
//   npx tsx admin/register_audit_log_schemas.ts            # dry run
//   npx tsx admin/register_audit_log_schemas.ts --execute --changed
//
// Run after merge and before deploy whenever a schema was added or changed:
// WorkOS rejects events whose action has no registered schema.

import { makeScript } from "@app/scripts/helpers";

interface AuditLogSchema {
  action: string;
  targets: { type: string }[];
  metadata?: Record<string, "string">;
}

// The real script reads the directory with fs and diffs against the schemas
// WorkOS already has; the demo only validates what it is given.
function validateSchema(schema: AuditLogSchema): string[] {
  const problems: string[] = [];
  if (schema.targets[0]?.type !== "workspace") {
    problems.push(`${schema.action}: the first target must be the workspace`);
  }
  for (const [key, type] of Object.entries(schema.metadata ?? {})) {
    if (type !== "string") {
      problems.push(`${schema.action}: metadata.${key} must be "string"`);
    }
  }
  return problems;
}

async function loadSchemas(_onlyChanged: boolean): Promise<AuditLogSchema[]> {
  return [];
}

makeScript(
  {
    changed: {
      type: "boolean",
      describe: "Only register schemas changed since the last release tag",
    },
  },
  async ({ execute, changed }, logger) => {
    const schemas = await loadSchemas(changed);
    const problems = schemas.flatMap(validateSchema);
    if (problems.length > 0) {
      for (const p of problems) {
        logger.error({}, p);
      }
      throw new Error(`${problems.length} invalid schema(s)`);
    }

    for (const schema of schemas) {
      if (!execute) {
        logger.info({ action: schema.action }, "Would register schema");
        continue;
      }
      logger.info({ action: schema.action }, "Registered schema");
    }
  }
);
