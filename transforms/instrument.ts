import * as path from "node:path";
import { toJscodeshiftTransform } from "../src/audit/jscodeshift-adapter";
import { instrument } from "../src/audit/instrument/instrument";
import { readSpecFile } from "../src/config/spec";

/**
 * `jscodeshift -t transforms/instrument.ts --spec=spec.json` (JSON or YAML), or the spec as flat
 * options (`--action=space.deleted --mutation='*.delete'`); flat options override the file.
 */
export default toJscodeshiftTransform({
  ...instrument,
  apply(ctx) {
    const specFile = ctx.options.spec;
    const fromFile = typeof specFile === "string" ? (readSpecFile(path.resolve(specFile)) as Record<string, unknown>) : {};
    const { spec: _spec, ...flat } = ctx.options;
    return instrument.apply({ ...ctx, options: { ...fromFile, ...flat } });
  },
});
