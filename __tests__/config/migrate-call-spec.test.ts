import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FIXERS } from "../../src/audit/transforms";
import { parseMigrateCallSpec, splitArgsReshape } from "../../src/config/migrate-call-spec";
import { parseManifest, readSpecFile, SpecError } from "../../src/config/spec";

function problems(raw: unknown): string[] | "ok" {
  try {
    parseMigrateCallSpec(raw, "spec");
    return "ok";
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return error.problems;
  }
}

const LEGACY = { callee: "emitAuditLogEvent", match: { actor: "buildAuditActor($auth)" }, remove: ["workspace", "actor"], set: { auth: "$auth" } };

describe("migrate-call spec validation: one message per problem", () => {
  it.each<[string, unknown, string[] | "ok"]>([
    ["the legacy-emit migration", LEGACY, "ok"],
    ["with import and rename-callee", { ...LEGACY, import: "@app/lib/api/audit/workos_audit", "rename-callee": "emitAuditLogEventV2" }, "ok"],
    ["an args reshape", { callee: "getSpaceById", args: "($auth, $id) -> ($auth, { sId: $id })" }, "ok"],
    ["$prop in set", { callee: "*.track", match: { event: "$e" }, set: { properties: "sanitize($prop)" } }, "ok"],
    ["nothing to do", { callee: "emitAuditLogEvent" }, ["spec: a migration needs at least one of match, remove, set, rename, rename-callee or args"]],
    ["a bad callee", { callee: "emit(x)", remove: ["a"] }, ['spec.callee: expected "fn", "Obj.method" or "*.method", got "emit(x)"']],
    ["a bad pattern", { callee: "f", match: { actor: "buildAuditActor(" } }, ['spec.match.actor: "buildAuditActor(" is not an expression: Unexpected token']],
    ["an uncaptured metavariable", { callee: "f", match: { a: "g($x)" }, set: { b: "$y" } }, ["spec.set.b: $y is not captured by any match pattern"]],
    ["renamed and removed", { callee: "f", remove: ["a"], rename: { a: "b" } }, ['spec.rename.a: "a" is both renamed and removed']],
    ["a bad new name", { callee: "f", rename: { a: "b-c" }, "rename-callee": "1x" }, ['spec.rename.a: expected an identifier, got "b-c"', 'spec.rename-callee: expected an identifier, got "1x"']],
    ["import with *.method", { callee: "*.track", import: "@app/lib/analytics", remove: ["a"] }, ['spec.import: a callee "*.method" is not imported: give "fn" or "Obj.method" with import']],
    ["args with object edits", { callee: "f", args: "($a) -> ({ a: $a })", remove: ["b"] }, ["spec.args: args reshapes the whole argument list: migrate the object argument (match, remove, set, rename) in a step of its own"]],
    ["args without an arrow", { callee: "f", args: "($a, $b)" }, ['spec.args: expected "(<patterns>) -> (<expressions>)", got "($a, $b)"']],
    ["args using an uncaptured name", { callee: "f", args: "($a) -> ($a, $b)" }, ["spec.args: the right side uses $b, which the left side does not capture"]],
    ["empty files", { ...LEGACY, files: [] }, ["spec.files: expected at least one path or glob (leave `files` out to look everywhere)"]],
    ["an unknown key", { callee: "f", remove: ["a"], colour: "red" }, ["spec: Unrecognized key(s) in object: 'colour'"]],
  ])("%s", (_name, raw, expected) => {
    expect(problems(raw)).toEqual(expected);
  });

  it("splits an args reshape into the patterns and the new argument list", () => {
    const split = splitArgsReshape("($a, $$$rest) -> ({ first: $a }, $$$rest)");
    expect(typeof split === "string" ? split : [split.from.map((n) => n.type), split.to]).toEqual([["Identifier", "Identifier"], "({ first: $a }, $$$rest)"]);
  });
});

describe("migrate-call steps in a batch manifest", () => {
  function manifestProblems(text: string): string[] | "ok" {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-migrate-spec-"));
    fs.writeFileSync(path.join(dir, "m.yaml"), text);
    try {
      parseManifest(readSpecFile(path.join(dir, "m.yaml")), FIXERS.map((f) => f.name));
      return "ok";
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      return error.problems;
    }
  }

  it("accepts a migrate-call step beside fixers", () => {
    expect(manifestProblems('steps:\n  - migrate-call:\n      callee: emitAuditLogEvent\n      match: { actor: "buildAuditActor($auth)" }\n      remove: [workspace, actor]\n      set: { auth: "$auth" }\n  - await-to-void\n')).toBe("ok");
  });

  it("reports each problem with its path in the manifest", () => {
    expect(manifestProblems('steps:\n  - migrate-call\n  - migrate-call:\n      callee: "a b"\n      set: { auth: "$auth" }\n')).toEqual([
      "steps[0]: a migrate-call step needs a spec: write `- migrate-call: { callee: ..., ... }`",
      'steps[1].migrate-call.callee: expected "fn", "Obj.method" or "*.method", got "a b"',
      "steps[1].migrate-call.set.auth: $auth is not captured by any match pattern",
    ]);
  });
});
