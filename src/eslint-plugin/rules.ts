import * as fs from "node:fs";
import * as path from "node:path";
import type { Rule, SourceCode } from "eslint";
import { RULES } from "../check/rules";
import { checkOneSourceFile } from "../check/run-check";
import type { CheckRule, Diagnostic } from "../check/types";
import { toPosix } from "../engine/discover";
import { transformSource } from "../engine/transform-source";
import { factsFor, rootFor, type RootFacts } from "./project-cache";
import { changesForStatement, textChanges, type TextChange } from "./text-changes";

/** One linted file's findings, computed once for every auditmod rule ESLint runs on it. */
interface LintedFile {
  facts: RootFacts;
  /** Root-relative, forward slashes. */
  file: string;
  diagnostics: Diagnostic[];
  /** Per fixer: the changes running its core on the whole file makes. */
  fixes: Map<string, TextChange[]>;
}

// Keyed by ESLint's SourceCode, which every rule of one pass over one file shares.
const lintedFiles = new WeakMap<SourceCode, LintedFile | null>();

/** `settings: { auditmod: { root } }` pins the front root; otherwise it is found above each file. */
function rootSetting(context: Rule.RuleContext): string | undefined {
  const settings = context.settings as { auditmod?: { root?: unknown } };
  return typeof settings.auditmod?.root === "string" ? settings.auditmod.root : undefined;
}

/** The file's path from the root (links in the folders resolved as the root's are), or null outside it. */
function rootRelative(root: string, filename: string): string | null {
  const folder = path.dirname(path.resolve(filename));
  let real = folder;
  try {
    real = fs.realpathSync(folder);
  } catch {
    // A file ESLint lints from text (RuleTester, stdin) may name a folder that does not exist.
  }
  const rel = path.relative(root, path.join(real, path.basename(filename)));
  return rel.startsWith("..") || path.isAbsolute(rel) ? null : toPosix(rel);
}

function lintedFile(context: Rule.RuleContext): LintedFile | null {
  const { sourceCode } = context;
  if (lintedFiles.has(sourceCode)) return lintedFiles.get(sourceCode)!;
  const root = rootFor(context.physicalFilename, rootSetting(context));
  const file = root === null ? null : rootRelative(root, context.physicalFilename);
  let result: LintedFile | null = null;
  if (root !== null && file !== null) {
    const facts = factsFor(root);
    const diagnostics = checkOneSourceFile({ file, text: sourceCode.text, conventions: facts.config.conventions, project: facts.project }, RULES, facts.projectDiagnostics);
    result = { facts, file, diagnostics, fixes: new Map() };
  }
  lintedFiles.set(sourceCode, result);
  return result;
}

/** What the fixer's core changes in the whole file (none when it changes nothing or fails). */
function fixerChanges(linted: LintedFile, fixer: string, text: string): TextChange[] {
  let changes = linted.fixes.get(fixer);
  if (!changes) {
    const outcome = transformSource(linted.file, text, [{ name: fixer }], linted.facts.config.conventions);
    changes = outcome.status === "changed" && outcome.output !== undefined ? textChanges(text, outcome.output) : [];
    linted.fixes.set(fixer, changes);
  }
  return changes;
}

type AstNode = Rule.Node | null;

/** The statement (a direct child of a body) holding the index: the emit a finding points into. */
function enclosingStatement(sourceCode: SourceCode, index: number): [number, number] | null {
  let node = sourceCode.getNodeByRangeIndex(index) as AstNode;
  while (node && node.parent && !["Program", "BlockStatement", "SwitchCase", "StaticBlock"].includes(node.parent.type)) node = node.parent;
  return node?.range ?? null;
}

/** Where the import block ends (the end of the last top-level import's line), 0 without imports. */
function importsEnd(sourceCode: SourceCode): number {
  const imports = sourceCode.ast.body.filter((s) => s.type === "ImportDeclaration");
  if (imports.length === 0) return 0;
  const end = imports[imports.length - 1].range![1];
  const newline = sourceCode.text.indexOf("\n", end);
  return newline === -1 ? sourceCode.text.length : newline + 1;
}

/** The ESLint fix for one finding: the fixer core's edits of the finding's statement and of the imports. */
function fixFor(context: Rule.RuleContext, linted: LintedFile, d: Diagnostic): Rule.ReportFixer | null {
  if (!d.fixer) return null;
  const { sourceCode } = context;
  const changes = fixerChanges(linted, d.fixer, sourceCode.text);
  if (changes.length === 0) return null;
  const statement = enclosingStatement(sourceCode, sourceCode.getIndexFromLoc({ line: d.line, column: d.column - 1 }));
  if (!statement) return null;
  const own = changesForStatement(changes, statement[0], statement[1], importsEnd(sourceCode));
  if (own.length === 0) return null;
  return (fixer) => own.map((c) => fixer.replaceTextRange([c.start, c.end], c.text));
}

/** The ESLint rule of one check rule: it reports the rule's findings from the shared per-file check. */
export function eslintRuleOf(rule: CheckRule): Rule.RuleModule {
  return {
    meta: {
      type: "problem",
      docs: { description: `${rule.id}: ${rule.description}` },
      ...(rule.fixer ? { fixable: "code" as const } : {}),
      schema: [],
    },
    create(context) {
      return {
        Program() {
          const linted = lintedFile(context);
          if (!linted) return;
          for (const d of linted.diagnostics) {
            // ESLint has no info level, and a rule's severity is the config's: an info (cannot check statically) would fail as an error.
            if (d.rule !== rule.id || d.severity === "info") continue;
            const fix = rule.fixer ? fixFor(context, linted, d) : null;
            context.report({ loc: { line: d.line, column: d.column - 1 }, message: `${d.rule}: ${d.message}`, ...(fix ? { fix } : {}) });
          }
        },
      };
    },
  };
}

/** `audit1-no-awaited-emit`: the rule id (lower case) and its name, as the rule's file is named. */
export function eslintRuleName(rule: CheckRule): string {
  return `${rule.id.toLowerCase()}-${rule.name}`;
}
