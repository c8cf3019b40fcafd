import { toJscodeshiftTransform } from "../src/audit/jscodeshift-adapter";
import { workspaceTarget } from "../src/audit/fixers/workspace-target";

export default toJscodeshiftTransform(workspaceTarget);
