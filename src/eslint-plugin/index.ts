import type { ESLint, Linter, Rule } from "eslint";
import { RULES } from "../check/rules";
import { toolVersion } from "../check/format/sarif";
import { clearProjectCache } from "./project-cache";
import { eslintRuleName, eslintRuleOf } from "./rules";

const rules: Record<string, Rule.RuleModule> = Object.fromEntries(RULES.map((rule) => [eslintRuleName(rule), eslintRuleOf(rule)]));

interface AuditmodPlugin extends ESLint.Plugin {
  rules: Record<string, Rule.RuleModule>;
  configs: { recommended: Linter.Config };
  clearProjectCache: typeof clearProjectCache;
}

const plugin: AuditmodPlugin = {
  meta: { name: "auditmod", version: toolVersion() },
  rules,
  configs: { recommended: {} },
  clearProjectCache,
};

// typescript-eslint is a peer dependency: the project that lints TypeScript already has it.
const { parser } = require("typescript-eslint") as typeof import("typescript-eslint");

/** Every auditmod rule at its check severity, on TypeScript files, with the typescript-eslint parser. */
plugin.configs.recommended = {
  name: "auditmod/recommended",
  files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"],
  plugins: { auditmod: plugin },
  languageOptions: { parser: parser as Linter.Parser },
  rules: Object.fromEntries(RULES.map((rule) => [`auditmod/${eslintRuleName(rule)}`, rule.severity === "error" ? "error" : "warn"])),
};

export = plugin;
