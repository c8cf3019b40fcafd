import { toJscodeshiftTransform } from "../src/audit/jscodeshift-adapter";
import { targetBuilders } from "../src/audit/fixers/target-builders";

export default toJscodeshiftTransform(targetBuilders);
