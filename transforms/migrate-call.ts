import * as path from "node:path";
import { toJscodeshiftTransform } from "../src/audit/jscodeshift-adapter";
import { migrateCall } from "../src/audit/migrate-call/migrate-call";
import { readSpecFile } from "../src/config/spec";

/**
 * `jscodeshift -t transforms/migrate-call.ts --spec=migration.yaml` (JSON or YAML), or the spec as
 * flat options (`--callee=fetchUser --rename-callee=loadUser`); flat options override the file.
 */
export default toJscodeshiftTransform({
  ...migrateCall,
  apply(ctx) {
    const specFile = ctx.options.spec;
    const fromFile = typeof specFile === "string" ? (readSpecFile(path.resolve(specFile)) as Record<string, unknown>) : {};
    const { spec: _spec, ...flat } = ctx.options;
    return migrateCall.apply({ ...ctx, options: { ...fromFile, ...flat } });
  },
});
