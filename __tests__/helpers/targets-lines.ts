import * as babel from "@babel/parser";
import { conventionsFromOptions } from "../../src/audit/jscodeshift-adapter";
import { emitCalleeName } from "../../src/audit/emit";
import { isAuditModuleSource } from "../../src/audit/imports";
import { DEFAULT_CONVENTIONS } from "../../src/audit/types";
import { transformSource } from "../../src/engine/transform-source";
import { fixtureCases, loadFixture } from "./fixtures";

type Span = [first: number, last: number];
type AnyNode = { type: string; loc: { start: { line: number }; end: { line: number } }; [key: string]: unknown };

/** Line spans of every emit's `targets` array literal and of every import from the audit module. */
export function editableSpans(text: string): { targets: Span[]; imports: Span[] } {
  const ast = babel.parse(text, { sourceType: "module", plugins: ["typescript"] });
  const targets: Span[] = [];
  const imports: Span[] = [];
  const span = (n: AnyNode): Span => [n.loc.start.line, n.loc.end.line];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== "object" || typeof (value as AnyNode).type !== "string") return;
    const node = value as AnyNode;
    if (node.type === "ImportDeclaration" && isAuditModuleSource((node.source as { value: string }).value, DEFAULT_CONVENTIONS)) imports.push(span(node));
    if (node.type === "CallExpression" && emitCalleeName(node as never)) {
      const [event] = node.arguments as AnyNode[];
      const property = event?.type === "ObjectExpression" ? (event.properties as AnyNode[]).find((p) => (p.key as AnyNode | undefined)?.name === "targets") : undefined;
      const array = property?.value as AnyNode | undefined;
      if (array?.type === "ArrayExpression") targets.push(span(array));
    }
    for (const [key, child] of Object.entries(node)) if (key !== "loc") visit(child);
  };
  visit(ast.program);
  return { targets, imports };
}

/** The lines of `text` (terminators kept, so CRLF counts) outside the given spans. */
export function linesOutside(text: string, spans: Span[]): string[] {
  return text
    .split(/(?<=\n)/)
    .filter((_, i) => !spans.some(([first, last]) => i + 1 >= first && i + 1 <= last));
}

/**
 * Issue 3: formatting outside the edited node stays byte for byte. For every fixture of a
 * transform, the engine's output and the input agree on every line outside the emits' `targets`
 * arrays and the audit-module import (where a builder may be added or removed).
 */
export function expectOnlyTargetsChanged(transform: string): void {
  for (const name of fixtureCases(transform)) {
    it(`${name}: every line outside the targets arrays and the audit import is unchanged`, () => {
      const c = loadFixture(transform, name);
      const outcome = transformSource(`${name}.input.ts`, c.input, [{ name: transform, options: c.options }], conventionsFromOptions(c.options));
      const output = outcome.output ?? c.input;
      const before = editableSpans(c.input);
      const after = editableSpans(output);
      // A new import declaration (added after the last import by imports.ts) is printed by recast
      // with a blank line above it: that line belongs to the added import, not to the rest of the file.
      if (after.imports.length > before.imports.length) {
        const added = after.imports.reduce((a, b) => (b[0] > a[0] ? b : a));
        if (output.split(/(?<=\n)/)[added[0] - 2]?.trim() === "") added[0] -= 1;
      }
      expect(after.targets).toHaveLength(before.targets.length);
      expect(linesOutside(output, [...after.targets, ...after.imports])).toEqual(linesOutside(c.input, [...before.targets, ...before.imports]));
    });
  }
}
