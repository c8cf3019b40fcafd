import { toJscodeshiftTransform } from "../src/audit/jscodeshift-adapter";
import { auditContext } from "../src/audit/fixers/audit-context";

export default toJscodeshiftTransform(auditContext);
