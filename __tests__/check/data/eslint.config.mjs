// The flat config a team would write: the built plugin, through the package's `exports` entry.
import auditmod from "auditmod/eslint-plugin";

export default [auditmod.configs.recommended];
