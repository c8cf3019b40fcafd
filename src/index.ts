/** The package's main entry (`require("auditmod")`): the CLI, the check and the transform cores. */
export { main } from "./cli/main";
export { runCheck } from "./check/run-check";
export { RULES } from "./check/rules";
export { TRANSFORMS, FIXERS } from "./audit/transforms";
