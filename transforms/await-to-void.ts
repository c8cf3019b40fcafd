import { toJscodeshiftTransform } from "../src/audit/jscodeshift-adapter";
import { awaitToVoid } from "../src/audit/fixers/await-to-void";

export default toJscodeshiftTransform(awaitToVoid);
