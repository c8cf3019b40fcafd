import * as fs from "node:fs";
import * as path from "node:path";
import { scriptExemption } from "../../src/audit/scripts";
import { DEFAULT_CONVENTIONS } from "../../src/audit/types";
import { SOURCE_EXTENSIONS } from "../../src/engine/discover";
import { babelParse, parserFor } from "../../src/engine/parse";
import { transformSource } from "../../src/engine/transform-source";
import { FIXTURES_DIR } from "../helpers/fixtures";
import { REPO_ROOT } from "../helpers/cli";

/**
 * Reprint fidelity: in every fixture (input and output) and every source file of examples/front, an
 * awaited emit statement is inserted at several places; after `await-to-void`, the file must equal the
 * inserted text with only that statement's `await` turned into `void`: no other byte may move (no added
 * parentheses, no moved comments, no re-indented neighbours).
 */

const STATEMENT = `await emitAuditLogEvent({ auth, action: "fidelity.checked", targets: [] });`;
const VOIDED = STATEMENT.replace(/^await /, "void ");

type AstNode = { type: string; start: number; end: number; async?: boolean; body?: unknown; [key: string]: unknown };

/** Block bodies of async functions, methods and arrows, in source order. */
function asyncBodies(node: unknown, found: AstNode[] = []): AstNode[] {
  if (Array.isArray(node)) {
    for (const child of node) asyncBodies(child, found);
  } else if (node && typeof node === "object" && typeof (node as AstNode).type === "string") {
    const n = node as AstNode;
    const body = n.body as AstNode | undefined;
    if (n.async && body && body.type === "BlockStatement") found.push(body);
    for (const [key, value] of Object.entries(n)) {
      if (key !== "loc" && key !== "leadingComments" && key !== "trailingComments" && key !== "innerComments") asyncBodies(value, found);
    }
  }
  return found;
}

function lineIndent(text: string, at: number): string {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Texts with the statement inserted: at the start and the end of async bodies, and at the end of the file. */
function insertions(text: string, file: string): string[] {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const program = babelParse(text, parserFor(file), false) as unknown as { program: AstNode };
  const bodies = asyncBodies(program.program);
  const out: string[] = [];
  const first = bodies[0];
  if (first) {
    const firstStatement = (first.body as AstNode[])[0];
    const indent = firstStatement ? lineIndent(text, firstStatement.start) : `${lineIndent(text, first.start)}  `;
    out.push(`${text.slice(0, first.start + 1)}${eol}${indent}${STATEMENT}${text.slice(first.start + 1)}`);
  }
  const last = bodies[bodies.length - 1];
  if (last && last !== first) {
    const close = last.end - 1;
    const lineStart = text.lastIndexOf("\n", close - 1) + 1;
    const closeOnOwnLine = /^[ \t]*$/.test(text.slice(lineStart, close));
    const indent = `${lineIndent(text, last.start)}  `;
    out.push(closeOnOwnLine ? `${text.slice(0, lineStart)}${indent}${STATEMENT}${eol}${text.slice(lineStart)}` : `${text.slice(0, close)} ${STATEMENT} ${text.slice(close)}`);
  }
  const ending = text.endsWith("\n") ? "" : eol;
  out.push(`${text}${ending}${STATEMENT}${eol}`);
  return out;
}

function sourceFilesUnder(dir: string): string[] {
  const ext = new RegExp(`\\.(${SOURCE_EXTENSIONS.join("|")})$`);
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((rel) => path.join(dir, rel))
    .filter((abs) => ext.test(abs) && fs.statSync(abs).isFile())
    .sort();
}

const FILES = [...sourceFilesUnder(FIXTURES_DIR), ...sourceFilesUnder(path.join(REPO_ROOT, "examples", "front"))];

describe("reprint fidelity: one edited statement, every other byte unchanged", () => {
  it("walks every fixture and every source file of examples/front", () => {
    expect(FILES.filter((f) => f.startsWith(FIXTURES_DIR)).length).toBeGreaterThan(50);
    expect(FILES.filter((f) => f.includes(`${path.sep}examples${path.sep}front${path.sep}`)).length).toBeGreaterThan(10);
  });

  it.each(FILES.map((f) => [path.relative(REPO_ROOT, f)]))("%s", (rel) => {
    const raw = fs.readFileSync(path.join(REPO_ROOT, rel), "utf8");
    const bom = raw.startsWith("\ufeff") ? "\ufeff" : "";
    // The file as await-to-void leaves it, so the inserted statement is the only thing left to change.
    const virtual = `fidelity/${path.basename(rel)}`;
    const settled = transformSource(virtual, raw, [{ name: "await-to-void" }], DEFAULT_CONVENTIONS);
    expect([rel, settled.status === "error" ? settled.reason : "ok"]).toEqual([rel, "ok"]);
    const base = (settled.output ?? raw).slice(bom.length);
    const exempt = scriptExemption(virtual, base, DEFAULT_CONVENTIONS) !== null;
    for (const inserted of insertions(base, virtual)) {
      const input = bom + inserted;
      const result = transformSource(virtual, input, [{ name: "await-to-void" }], DEFAULT_CONVENTIONS);
      const expected = exempt ? input : bom + inserted.replace(STATEMENT, VOIDED);
      expect([rel, result.status]).toEqual([rel, exempt ? "unchanged" : "changed"]);
      expect(result.output ?? input).toBe(expected);
    }
  });
});
