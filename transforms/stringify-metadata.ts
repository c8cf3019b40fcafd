import { toJscodeshiftTransform } from "../src/audit/jscodeshift-adapter";
import { stringifyMetadata } from "../src/audit/fixers/stringify-metadata";

export default toJscodeshiftTransform(stringifyMetadata);
