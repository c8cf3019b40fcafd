import { formatWrittenStatements, writtenLines, type FormatStatement } from "../../src/audit/format-edits";
import { babelParse } from "../../src/engine/parse";
import type { FileOutcome } from "../../src/engine/pipeline";
import { formatWrittenWithPrettier } from "../../src/engine/prettier";

/** A stand-in formatter: records what it is given and puts every statement on one line in upper case. */
function recorder(): { calls: [string, string][]; format: FormatStatement } {
  const calls: [string, string][] = [];
  return {
    calls,
    format: async (text, indent) => {
      calls.push([text, indent]);
      return `${text.replace(/\s*\n\s*/g, " ").toUpperCase()}\n`;
    },
  };
}

async function format(original: string, output: string, formatter: FormatStatement) {
  return formatWrittenStatements(original, output, babelParse(output, "ts", false).program, formatter);
}

describe("writtenLines", () => {
  it("the output's lines the original does not hold, blank ones left out", () => {
    expect(writtenLines("a();\nb();\nc();\n", "a();\nx();\n\ny();\nc();\n")).toEqual([2, 4]);
    expect(writtenLines("a();\n", "a();\n")).toEqual([]);
  });
});

describe("formatWrittenStatements", () => {
  const handler = (body: string) => `export async function handler(auth: Authenticator) {\n  const r = await group.archive(auth);\n  if (r.isErr()) {\n    return new Err(r.error);\n  }\n${body}  return new Ok(undefined);\n}\n`;

  it("formats an inserted statement alone, behind its indentation; the rest keeps its bytes", async () => {
    const { calls, format: f } = recorder();
    const original = `const   messy = {a:1}\n${handler("")}`;
    const output = `const   messy = {a:1}\n${handler('  void emitAuditLogEvent({\n    auth,\n    action: "group.archived",\n  });\n')}`;
    const result = await format(original, output, f);
    expect(calls).toEqual([['void emitAuditLogEvent({\n    auth,\n    action: "group.archived",\n  });', "  "]]);
    expect(result).toEqual({ text: `const   messy = {a:1}\n${handler('  VOID EMITAUDITLOGEVENT({ AUTH, ACTION: "GROUP.ARCHIVED", });\n')}`, failures: [] });
  });

  it("re-indents the formatted lines after the first with the statement's own indentation (tabs kept)", async () => {
    const original = "function f() {\n\tif (a) {\n\t\tgo();\n\t}\n}\n";
    const output = "function f() {\n\tif (a) {\n\t\tgo();\n\t\tvoid emit({ auth });\n\t}\n}\n";
    const result = await format(original, output, async () => "void emit({\n  auth,\n});\n");
    expect(result.text).toBe("function f() {\n\tif (a) {\n\t\tgo();\n\t\tvoid emit({\n\t\t  auth,\n\t\t});\n\t}\n}\n");
  });

  it("an edited line of a multi-line statement formats the whole statement, once", async () => {
    const { calls, format: f } = recorder();
    const original = "void emit({\n  auth,\n  targets: [space],\n});\nkeep( 1 );\n";
    const output = "void emit({\n  auth,\n  targets: [workspace, space],\n});\nkeep( 1 );\n";
    expect((await format(original, output, f)).text).toBe("VOID EMIT({ AUTH, TARGETS: [WORKSPACE, SPACE], });\nkeep( 1 );\n");
    expect(calls).toHaveLength(1);
  });

  it("the edited header of an `if` holding statements auditmod did not write: left as printed", async () => {
    const { calls, format: f } = recorder();
    const original = "if (a) {\n  keep( 1 );\n}\n";
    const output = "if (a && b) {\n  keep( 1 );\n}\n";
    expect(await format(original, output, f)).toEqual({ text: output, failures: [] });
    expect(calls).toEqual([]);
  });

  it("an `if` auditmod wrote whole is formatted whole", async () => {
    const { calls, format: f } = recorder();
    const original = "keep( 1 );\n";
    const output = "keep( 1 );\nif (a) {\n  go();\n}\n";
    expect((await format(original, output, f)).text).toBe("keep( 1 );\nIF (A) { GO(); }\n");
    expect(calls).toEqual([["if (a) {\n  go();\n}", ""]]);
  });

  it.each([
    ["a multi-line template literal (re-indenting would change the string)", "keep( 1 );\n", "keep( 1 );\nlog(`a\n  b`);\n"],
    ["a `prettier-ignore` comment", "keep( 1 );\n", "keep( 1 );\n// prettier-ignore\nlog( 1 );\n"],
    ["code before it on its first line", "if (a) keep( 1 );\n", "if (a) log( 1 );\n"],
    ["code after it on its last line", "keep( 1 ); other( 2 );\n", "log( 1 ); other( 2 );\n"],
  ])("a statement with %s: left as printed", async (_what, original, output) => {
    const { calls, format: f } = recorder();
    expect(await format(original, output, f)).toEqual({ text: output, failures: [] });
    expect(calls).toEqual([]);
  });

  it("a statement followed by a line comment is formatted; the comment stays", async () => {
    const { format: f } = recorder();
    expect((await format("keep( 1 );\n", "keep( 1 );\nlog( 1 ); // why\n", f)).text).toBe("keep( 1 );\nLOG( 1 ); // why\n");
  });

  it("a statement the formatter refuses is left as printed and reported with its line; the others are formatted", async () => {
    const original = "keep( 1 );\n";
    const output = "keep( 1 );\nlog( 1 );\nhold( 3 );\nbad( 2 );\n";
    const result = await format(original, output, async (text) => {
      if (text.startsWith("bad")) throw new Error("cannot format\nsecond line");
      return `${text.replace(/ /g, "")}\n`;
    });
    expect(result).toEqual({ text: "keep( 1 );\nlog(1);\nhold(3);\nbad( 2 );\n", failures: [{ line: 4, message: "cannot format" }] });
  });

  it("a `;` the formatter drops stays where the next statement would continue this one", async () => {
    const noSemi: FormatStatement = async (text) => `${text.replace(/;$/, "").replace(/ +/g, "")}\n`;
    const original = "keep( 1 );\n(list).forEach( go );\nnext( 3 );\n";
    const output = "log( 1 );\n(list).forEach( go );\nnew( 2 );\nnext( 3 );\n";
    expect((await format(original, output, noSemi)).text).toBe("log(1);\n(list).forEach( go );\nnew(2)\nnext( 3 );\n");
  });

  it("a written statement inside a callback: the innermost statement, not the call holding the callback", async () => {
    const { calls, format: f } = recorder();
    const original = "await withTransaction(async (t) => {\n  await group.archive(t);\n});\n";
    const output = "await withTransaction(async (t) => {\n  await group.archive(t);\n  void emit( { auth } );\n});\n";
    expect((await format(original, output, f)).text).toBe("await withTransaction(async (t) => {\n  await group.archive(t);\n  VOID EMIT( { AUTH } );\n});\n");
    expect(calls).toEqual([["void emit( { auth } );", "  "]]);
  });

  it("an edited `export const`: the export declaration is the statement", async () => {
    const { calls, format: f } = recorder();
    expect((await format("export const a = f( 1 );\n", "export const a = f( 2 );\n", f)).text).toBe("EXPORT CONST A = F( 2 );\n");
    expect(calls).toEqual([["export const a = f( 2 );", ""]]);
  });
});

describe("formatWrittenWithPrettier: the engine's pass over a run's outcomes (stand-in formatter)", () => {
  const outcome = (output: string): FileOutcome => ({ index: 0, file: "lib/a.ts", status: "changed", findings: [], output });

  it("formatted text that does not parse: the unformatted output is kept and the file reported", async () => {
    const outcomes = [outcome("keep( 1 );\nlog( 1 );\n")];
    await formatWrittenWithPrettier(outcomes, () => "keep( 1 );\n", "/front", () => undefined, async () => ({ format: async () => "log((1);\n" }));
    expect(outcomes[0]).toEqual({
      ...outcome("keep( 1 );\nlog( 1 );\n"),
      findings: [{ file: "lib/a.ts", line: 2, column: 8, step: "prettier", severity: "warning", message: "prettier's formatting does not parse (Unexpected token, expected \",\"); the file is written unformatted" }],
    });
  });

  it("a refused statement is a warning with its line; a config notice is said once for the run; unchanged outcomes are not touched", async () => {
    const outcomes = [outcome("keep( 1 );\nlog( 1 );\n"), { ...outcome("log( 2 );\n"), index: 1, file: "lib/b.ts" }, { index: 2, file: "lib/c.ts", status: "unchanged" as const, findings: [] }];
    const originals = ["keep( 1 );\n", ""];
    const notices: string[] = [];
    const seen: string[] = [];
    await formatWrittenWithPrettier(outcomes, (i) => originals[i], "/front", (m) => notices.push(m), async (file) => {
      seen.push(file);
      return {
        notice: "prettier config prettier.config.js is code",
        format: async (text) => {
          if (text === "log( 2 );") throw new Error("no");
          return "log(1);\n";
        },
      };
    });
    expect(outcomes.map((o) => [o.output, o.findings])).toEqual([
      ["keep( 1 );\nlog(1);\n", []],
      ["log( 2 );\n", [{ file: "lib/b.ts", line: 1, column: 1, step: "prettier", severity: "warning", message: "prettier could not format this statement (no); left as auditmod printed it" }]],
      [undefined, []],
    ]);
    expect(notices).toEqual(["prettier config prettier.config.js is code"]);
    expect(seen).toEqual(["lib/a.ts", "lib/b.ts"]);
  });
});
