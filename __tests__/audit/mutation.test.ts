import type { ASTPath, Collection, JSCodeshift } from "jscodeshift";
import type { Node } from "../../src/audit/ast";
import {
  classifyOutcomeCheck,
  findFailurePoint,
  findMutationStatement,
  findSuccessPoint,
  freeNames,
  isOutcomeGuard,
  moveAfterDeclarations,
  relateStatements,
  isResponse,
  isRouteRegistration,
  isSkip,
  leavesFunction,
  matchesMutation,
  parseMutationPattern,
  testPolarity,
  type InsertionPoint,
  type MutationStatement,
  type Skip,
} from "../../src/audit/mutation";
import { positionOf } from "../../src/audit/location";
import { parseForEdit, parseForProbe } from "../../src/engine/parse";

// Every recogniser must read a recast tree and a plain @babel/parser tree the same way.
const PARSES: [string, (src: string) => { j: JSCodeshift; root: Collection }][] = [
  ["recast", (src) => parseForEdit(src, "ts")],
  ["babel", (src) => parseForProbe(src, "ts")],
];

function firstCall(j: JSCodeshift, root: Collection, pattern: string): ASTPath {
  const calls = root.find(j.Node).filter((p) => matchesMutation(p.node as unknown as Node, pattern));
  if (calls.length === 0) throw new Error(`no call matches ${pattern}`);
  return calls.paths()[0] as unknown as ASTPath;
}

function firstStatement(j: JSCodeshift, root: Collection): Node {
  return root.find(j.Program).get().node.body[0] as Node;
}

function describePoint(result: InsertionPoint | Skip): string {
  if (isSkip(result)) return `skip@${positionOf(result.node).line}: ${result.skip}`;
  if (result.kind === "start") return `start of block@${positionOf(result.block.node).line}`;
  return `${result.kind} ${(result.anchor.node as Node).type}@${positionOf(result.anchor.node).line}`;
}

describe("parseMutationPattern", () => {
  it.each([
    ["softDeleteSpace", { kind: "function", name: "softDeleteSpace" }],
    ["SpaceResource.deleteById", { kind: "method", object: "SpaceResource", method: "deleteById" }],
    ["this.repo.update", { kind: "method", object: "this.repo", method: "update" }],
    ["*.delete", { kind: "any-object", method: "delete" }],
    ["", 'expected "fn", "Obj.method" or "*.method", got ""'],
    ["a..b", 'expected "fn", "Obj.method" or "*.method", got "a..b"'],
    ["*", 'expected "fn", "Obj.method" or "*.method", got "*"'],
    ["x.*", 'expected "fn", "Obj.method" or "*.method", got "x.*"'],
    ["delete(space)", 'expected "fn", "Obj.method" or "*.method", got "delete(space)"'],
  ])("%s", (text, expected) => {
    expect(parseMutationPattern(text)).toEqual(expected);
  });
});

describe.each(PARSES)("recognisers on a %s tree", (_label, parse) => {
  describe("matchesMutation", () => {
    it.each([
      ["softDelete(space)", "softDelete", true],
      ["await softDelete(space)", "softDelete", true],
      ["lib.softDelete(space)", "softDelete", false],
      ["space.delete(auth)", "*.delete", true],
      ["space?.delete(auth)", "*.delete", true],
      ["(space as SpaceResource).delete(auth)", "*.delete", true],
      ["space.delete(auth)", "space.delete", true],
      ["space.delete(auth)", "group.delete", false],
      ["space[\"delete\"](auth)", "*.delete", false],
      ["delete_(auth)", "*.delete", false],
      ["this.repo.update(x)", "this.repo.update", true],
      ["this.repo.update(x)", "repo.update", false],
      ["ApiKeyResource.revoke(auth, key)", "ApiKeyResource.revoke", true],
      ["new ApiKeyResource.revoke(auth)", "ApiKeyResource.revoke", false],
    ])("%s ~ %s -> %s", (code, pattern, expected) => {
      const { j, root } = parse(`${code};`);
      const calls = root.find(j.Node).filter((p) => matchesMutation(p.node as unknown as Node, pattern));
      expect(calls.length > 0).toBe(expected);
    });
  });

  describe("isRouteRegistration", () => {
    it.each([
      ['app.delete("/:id", async (c) => c.body(null, 204))', true],
      ['router.post("/", requireAuth, async (req, res) => { res.end(); })', true],
      ['keys.patch(`/:keyId`, zValidator("json", schema), async function (c) { return c.json({}); })', true],
      ['app.all("*", (c) => c.text("nope"))', true],
      ['space.delete(auth)', false],
      ['cache.delete("/spaces/1")', false],
      ['router.post("/", handler)', false],
      ['files.delete("bucket/key", () => done())', false],
      ['app.delete(`/${id}`, async (c) => c.body(null, 204))', false],
    ])("%s -> %s", (code, expected) => {
      const { j, root } = parse(`${code};`);
      const call = root.find(j.Program).get().node.body[0].expression as Node;
      expect(isRouteRegistration(call)).toBe(expected);
    });
  });

  describe("findMutationStatement", () => {
    it.each([
      ["const r = await space.update(auth);", { type: "VariableDeclaration", binding: ["r"] }],
      ["await space.update(auth);", { type: "ExpressionStatement", binding: [] }],
      ["space.update(auth);", { type: "ExpressionStatement", binding: [] }],
      ["const [count] = await space.update(auth);", { type: "VariableDeclaration", binding: ["count"] }],
      ["const { ok, error: e } = await space.update(auth);", { type: "VariableDeclaration", binding: ["ok", "e"] }],
      ["let r; r = await space.update(auth);", { type: "ExpressionStatement", binding: ["r"] }],
      ["const r = (await space.update(auth)) as Result<void, Error>;", { type: "VariableDeclaration", binding: ["r"] }],
      ["const a = 1, r = await space.update(auth);", "the mutation result is declared together with other variables; split the declaration to instrument it"],
      ["async function f() { return space.update(auth); }", "the mutation result is returned directly, so there is no success path in this function to emit on"],
      ["const f = async () => space.update(auth);", "the mutation call is the body of an arrow function (a callback)"],
      ["while (await space.update(auth)) {}", "the mutation call is part of a larger expression (a condition), not a statement of its own"],
      ["if (await space.update(auth)) {}", { type: "IfStatement", binding: [] }],
      ["if (!(await space.update(auth))) return;", { type: "IfStatement", binding: [] }],
      ["if ((await space.update(auth)).isErr()) return;", { type: "IfStatement", binding: [] }],
      ["if (check(await space.update(auth))) return;", "the mutation call is part of a larger expression (an argument of check()), not a statement of its own"],
      ["if ((await space.update(auth)).isErr() || force) return;", { type: "IfStatement", binding: [] }],
      ["if (force && !(await space.update(auth))) return;", "the mutation call is part of a larger expression (an operand of !), not a statement of its own"],
      ["await Promise.all([space.update(auth)]);", "the mutation call is part of a larger expression (an array element), not a statement of its own"],
      ["await log(space.update(auth));", "the mutation call is part of a larger expression (an argument of log()), not a statement of its own"],
      ["await space.update(auth).then(done);", "the mutation call is part of a larger expression (chained with .then()), not a statement of its own"],
      ["const ok = (await space.update(auth)) && done;", "the mutation call is part of a larger expression (an operand of &&), not a statement of its own"],
    ])("%s", (code, expected) => {
      const { j, root } = parse(code);
      const result = findMutationStatement(firstCall(j, root, "*.update"));
      if (typeof expected === "string") {
        expect(isSkip(result) ? result.skip : result).toBe(expected);
      } else {
        expect(isSkip(result) ? result.skip : { type: (result.statement.node as Node).type, binding: result.binding }).toEqual(expected);
      }
    });
  });

  describe("testPolarity", () => {
    it.each([
      ["r.isErr()", ["r"], "failure"],
      ["r.isOk()", ["r"], "success"],
      ["!r.isOk()", ["r"], "failure"],
      ["!r", ["r"], "failure"],
      ["r", ["r"], "success"],
      ["error", ["error"], "failure"],
      ["!err", ["err"], "success"],
      ["updateError", ["data", "updateError"], "failure"],
      ["data", ["data", "updateError"], "success"],
      ["r.error", ["r"], "failure"],
      ["!r.ok", ["r"], "failure"],
      ["r.value.kind === \"global\"", ["r"], "unknown"],
      ["count === 0", ["count"], "failure"],
      ["0 === count", ["count"], "failure"],
      ["count !== 0", ["count"], "success"],
      ["count < 1", ["count"], "failure"],
      ["1 > count", ["count"], "failure"],
      ["count > 0", ["count"], "success"],
      ["count === expected", ["count"], "unknown"],
      ["r === null", ["r"], "failure"],
      ["r !== undefined", ["r"], "success"],
      ["r.isErr() === false", ["r"], "success"],
      ["r instanceof Error", ["r"], "failure"],
      ["r.isErr() || !r.value", ["r"], "failure"],
      ["r.isErr() && r.error.code === \"not_found\"", ["r"], "failure"],
      ["r.isOk() && r.value", ["r"], "success"],
      ["!auth.isAdmin()", ["r"], null],
      ["other.r", ["r"], null],
      ["({ r: 1 }).r", ["r"], null],
    ])("%s", (code, names, expected) => {
      const { j, root } = parse(`(${code});`);
      const stmt = firstStatement(j, root);
      expect(testPolarity(stmt.expression as Node, names as string[])).toBe(expected);
    });
  });

  describe("testPolarity on the call itself (a mutation in the condition)", () => {
    it.each([
      ["await space.update(auth)", "success"],
      ["!(await space.update(auth))", "failure"],
      ["(await space.update(auth)).isErr()", "failure"],
      ["!(await space.update(auth)).isOk()", "failure"],
      ["(await space.update(auth)).error", "failure"],
      ["(await space.update(auth)) === 0", "failure"],
      ["(await space.update(auth)).value.kind === \"x\"", "unknown"],
      ["other()", null],
    ])("%s -> %s", (code, expected) => {
      const { j, root } = parse(`async function f() { if (${code}) return; }`);
      const test = root.find(j.IfStatement).get().node.test as Node;
      const call = root.find(j.Node).filter((p) => matchesMutation(p.node as unknown as Node, "space.update")).paths()[0];
      expect(testPolarity(test, { names: [], call: (call?.node ?? null) as Node | null })).toBe(expected);
    });
  });

  describe("leavesFunction", () => {
    it.each([
      ["return;", true],
      ["throw new Error();", true],
      ["{ logger.warn(); return apiError(req, res, {}); }", true],
      ["{ logger.warn(); }", false],
      ["if (a) return 1; else throw e;", true],
      ["if (a) return 1;", false],
      ["try { return a(); } catch (e) { return b(); }", true],
      ["try { return a(); } catch (e) { log(e); }", false],
      ["try { a(); } finally { return; }", true],
      ["break;", false],
      ["assertNever(x);", true],
      ["assertUnreachable(x);", true],
      ["process.exit(1);", true],
      ["{ logger.error(e); process.exit(1); }", true],
      ["fail(404);", false],
      ["switch (k) { case \"a\": return 1; case \"b\": case \"c\": throw e; default: assertNever(k); }", true],
      ["switch (k) { case \"a\": return 1; case \"b\": throw e; }", false],
      ["switch (k) { case \"a\": if (x) break; return 1; default: return 2; }", false],
      ["switch (k) { case \"a\": log(); default: return 2; }", false],
      ["switch (k) { case \"a\": for (;;) { break; } return 1; default: return 2; }", true],
      ["if (a) { assertNever(a); } else { return; }", true],
    ])("%s -> %s", (code, expected) => {
      const { j, root } = parse(`function f() { for (;;) { ${code} } }`);
      const loop = root.find(j.ForStatement).get().node;
      expect(leavesFunction(loop.body.body[0] as Node)).toBe(expected);
    });
    it.each([
      ["fail(404);", true],
      ["Errors.unreachable(e);", true],
      ["Errors.other(e);", false],
    ])("with neverReturns [fail, Errors.unreachable]: %s -> %s", (code, expected) => {
      const { j, root } = parse(`function f() { ${code} }`);
      const fn = root.find(j.FunctionDeclaration).get().node;
      expect(leavesFunction(fn.body.body[0] as Node, ["fail", "Errors.unreachable"])).toBe(expected);
    });
  });

  describe("isOutcomeGuard / classifyOutcomeCheck", () => {
    it.each([
      ["if (r.isErr()) return apiError(req, res, {});", ["r"], true, "guard"],
      ["if (r.isErr()) { return apiError(req, res, {}); }", ["r"], true, "guard"],
      ["if (!r) {\n  return apiError(req, res, {});\n}", ["r"], true, "guard"],
      ["if (n === 0) return new Err(new Error(\"nothing deleted\"));", ["n"], true, "guard"],
      ["if (r.isErr()) throw r.error;", ["r"], true, "guard"],
      ["if (count !== expected) return new Err(e);", ["count"], true, "guard"],
      ["if (r.isErr()) { logger.error(r.error); }", ["r"], false, "merge"],
      ["if (r.isErr()) { return a(); } else { b(); }", ["r"], false, "branch"],
      ["if (r.isOk()) { return res.json({}); }", ["r"], false, "branch"],
      ["if (r.value.kind === \"x\") { a(); } else { b(); }", ["r"], false, "ambiguous"],
      ["if (r.value.kind === \"x\") { a(); }", ["r"], false, null],
      ["if (auth.isAdmin()) return;", ["r"], false, null],
      ["if (r.isErr()) return a();", [], false, null],
      ["if (r.isErr() && r.error.code === \"x\") { return a(); } else if (r.isErr()) { return b(); }", ["r"], true, "guard"],
      ["if (r.isErr()) { return a(); } else if (!r.value) { return b(); } else { c(); }", ["r"], false, "branch"],
      ["if (r.isErr()) { return a(); } else if (flag) { return b(); }", ["r"], false, "ambiguous"],
      ["if (r.isErr()) { log(); } else if (!r.value) { return b(); }", ["r"], false, "ambiguous"],
      ["if (r.isOk()) { a(); } else if (r.error.code === \"x\") { b(); } else { c(); }", ["r"], false, "branch"],
      ["if (r.isErr()) { switch (r.error.code) { case \"a\": return x(); default: assertNever(r.error.code); } }", ["r"], true, "guard"],
      ["if (r.isErr()) { logger.error(r.error); process.exit(1); }", ["r"], true, "guard"],
      ["if (r.status === \"created\") return r;", ["r"], false, "unclear-exit"],
      ["if (r.status === \"created\") { return res.status(201).json({}); } else if (r.status === \"updated\") { return res.status(200).json({}); }", ["r"], false, "unclear-exit"],
      ["if (r.status === \"conflict\") { return res.status(409).json({}); } else if (r.isErr()) { throw r.error; }", ["r"], true, "guard"],
      ["if (r.status === \"created\") { return res.status(201).json({}); }", ["r"], false, "unclear-exit"],
      ["if (r.status === \"created\") { return new Ok(r.space); }", ["r"], false, "unclear-exit"],
      ["if (r.status === \"conflict\") { return res.status(409).json({}); }", ["r"], true, "guard"],
      ["if (r.status === \"conflict\") { return c.json({ error: \"conflict\" }, 409); }", ["r"], true, "guard"],
      ["if (r.status === \"conflict\") { return apiErrorForHono(c, {}); }", ["r"], true, "guard"],
      ["if (r.status === \"gone\") { logger.warn(\"gone\"); return; }", ["r"], true, "guard"],
      ["if (r.status === \"conflict\") throw new ConflictError(r.spaceId);", ["r"], true, "guard"],
    ])("%s", (code, names, guard, kind) => {
      const { j, root } = parse(`function f() { ${code} }`);
      const stmt = root.find(j.IfStatement).get().node as Node;
      expect(isOutcomeGuard(stmt, names as string[])).toBe(guard);
      expect(classifyOutcomeCheck(stmt, names as string[])?.kind ?? null).toBe(kind);
    });
    it("ignores statements that are not ifs", () => {
      const { j, root } = parse("r.isErr();");
      expect(isOutcomeGuard(firstStatement(j, root), ["r"])).toBe(false);
    });
  });

  describe("isResponse", () => {
    it.each([
      ["return res.status(200).json({ space });", true],
      ["res.status(200).json({ space });", true],
      ["return res.status(204).end();", true],
      ["res.redirect(302, \"/\");", true],
      ["return ctx.json({ ok: true });", true],
      ["return c.json({ ok: true }, 201);", true],
      ["ctx.body(null, 204);", true],
      ["return ctx.body(null, 204);", true],
      ["return new Ok(undefined);", true],
      ["return new Ok(space);", true],
      ["return Ok(space);", true],
      ["return NextResponse.json({});", true],
      ["return new Response(null, { status: 204 });", true],
      ["return apiError(req, res, {});", false],
      ["return new Err(new Error(\"x\"));", false],
      ["stream.end();", false],
      ["return JSON.stringify(x);", false],
      ["res.status(200);", false],
      ["return;", false],
      ["const x = res.json();", false],
    ])("%s -> %s", (code, expected) => {
      const { j, root } = parse(`function f() { ${code} }`);
      const fn = root.find(j.FunctionDeclaration).get().node;
      expect(isResponse(fn.body.body[0] as Node)).toBe(expected);
    });
  });

  describe("findSuccessPoint / findFailurePoint", () => {
    // [name, code, success, failure, guardRequired]: every row has all five (jest takes a longer arity as `done`).
    const cases: [string, string, string, string, boolean][] = [
      [
        "Result guard then response",
        `async function h() {
  const r = await space.update(auth);
  if (r.isErr()) {
    return apiError(req, res, {});
  }
  return res.status(200).json({});
}`,
        "after IfStatement@3",
        "before ReturnStatement@4",
        false,
      ],
      [
        "several guards in a row",
        `async function h() {
  const [count] = await space.update(auth);
  if (count === 0) return new Err(new Error("none"));
  if (count > 1) throw new Error("too many");
  return new Ok(undefined);
}`,
        "after IfStatement@4",
        "skip@2: several failure paths for space.update (lines 3, 4); instrument it by hand",
        false,
      ],
      [
        "bare failure guard (failure point wraps it)",
        `async function h() {
  const user = await space.update(auth);
  if (!user) return res.status(401).json({});
  return res.status(200).json({});
}`,
        "after IfStatement@3",
        "before ReturnStatement@3",
        false,
      ],
      [
        "no guard, result not kept",
        `async function h() {
  await space.update(auth);
  return res.status(204).end();
}`,
        "after ExpressionStatement@2",
        "skip@2: no failure path: the outcome of space.update is never checked and the call is not in a try/catch",
        false,
      ],
      [
        "try whose catch leaves",
        `async function h() {
  try {
    await space.update(auth);
  } catch (err) {
    return apiError(req, res, {});
  }
  return res.status(204).end();
}`,
        "after TryStatement@2",
        "before ReturnStatement@5",
        false,
      ],
      [
        "try that answers inside",
        `async function h() {
  try {
    await space.update(auth);
    return res.status(204).end();
  } catch (err) {
    return apiError(req, res, {});
  }
}`,
        "after ExpressionStatement@3",
        "before ReturnStatement@6",
        false,
      ],
      [
        "try whose catch swallows",
        `async function h() {
  try {
    await space.update(auth);
  } catch (err) {
    logger.error({ err }, "failed");
  }
}`,
        "after ExpressionStatement@3",
        "before ExpressionStatement@5",
        false,
      ],
      [
        "empty catch",
        `async function h() {
  try {
    await space.update(auth);
  } catch {}
}`,
        "after ExpressionStatement@3",
        "start of block@4",
        false,
      ],
      [
        "success branch",
        `async function h() {
  const r = await space.update(auth);
  if (r.isOk()) {
    return res.status(200).json({});
  }
  return apiError(req, res, {});
}`,
        "before ReturnStatement@4",
        "after IfStatement@3",
        false,
      ],
      [
        "if/else on failure",
        `async function h() {
  const r = await space.update(auth);
  if (r.isErr()) {
    logger.error(r.error);
  } else {
    done();
  }
}`,
        "before ExpressionStatement@6",
        "before ExpressionStatement@4",
        false,
      ],
      [
        "failure check that does not leave",
        `async function h() {
  const r = await space.update(auth);
  if (r.isErr()) {
    logger.error(r.error);
  }
  return res.status(200).json({});
}`,
        "skip@2: the check at line 3 tests the outcome of space.update but does not leave the function, so success and failure continue together",
        "skip@2: the check at line 3 tests the outcome of space.update but does not leave the function, so success and failure continue together",
        false,
      ],
      [
        "unclear if/else",
        `async function h() {
  const r = await space.update(auth);
  if (r.value.kind === "global") {
    a();
  } else {
    b();
  }
}`,
        "skip@2: line 3 branches on the outcome of space.update with if/else and it is unclear which branch is the success path",
        "skip@2: line 3 branches on the outcome of space.update with if/else and it is unclear which branch is the success path",
        false,
      ],
      [
        "check after other statements",
        `async function h() {
  const r = await space.update(auth);
  logger.info("updated");
  if (r.isErr()) {
    return apiError(req, res, {});
  }
}`,
        "after IfStatement@4",
        "before ReturnStatement@5",
        false,
      ],
      [
        "check after a timing declaration and a log",
        `async function h() {
  const r = await space.update(auth);
  const elapsed = Date.now() - start;
  statsd.timing("space.update", elapsed);
  if (!r) {
    throw new Error("update failed");
  }
  return r;
}`,
        "after IfStatement@5",
        "before ThrowStatement@6",
        false,
      ],
      [
        "guards on both sides of a log",
        `async function h() {
  const r = await space.update(auth);
  if (r.isErr()) return apiError(req, res, {});
  logger.info({ id: r.value.sId }, "updated");
  if (!r.value.visible) return apiError(req, res, {});
  return res.status(200).json({});
}`,
        "after IfStatement@5",
        "skip@2: several failure paths for space.update (lines 3, 5); instrument it by hand",
        false,
      ],
      [
        "success branch after a log",
        `async function h() {
  const r = await space.update(auth);
  logger.info({ ok: r.isOk() }, "update attempted");
  if (r.isOk()) {
    return res.status(200).json({});
  } else {
    return apiError(req, res, {});
  }
}`,
        "before ReturnStatement@5",
        "before ReturnStatement@7",
        false,
      ],
      [
        "switch guard after a log",
        `async function h() {
  const r = await space.update(auth);
  logger.info({ status: r.status }, "update attempted");
  switch (r.status) {
    case "conflict":
      return apiError(req, res, {});
    case "updated":
      break;
  }
  return res.status(200).json({});
}`,
        "after SwitchStatement@4",
        "before ReturnStatement@6",
        false,
      ],
      [
        "switch after a statement that may return",
        `async function h() {
  const r = await space.update(auth);
  if (req.query.dryRun) return res.status(200).json({});
  logger.info("update attempted");
  switch (r.status) {
    case "conflict":
      return apiError(req, res, {});
    case "updated":
      break;
  }
}`,
        "skip@2: the outcome of space.update is checked at line 5, after line 3, which may return, throw, break out or answer the request before it; instrument it by hand",
        "skip@2: the outcome of space.update is checked at line 5, after line 3, which may return, throw, break out or answer the request before it; instrument it by hand",
        false,
      ],
      [
        "a test of unclear meaning that leaves with what may be the success",
        `async function h() {
  const r = await space.update(auth);
  if (r.status === "created") {
    return res.status(201).json({ space: r.space });
  }
  return res.status(200).json({ space: r.space });
}`,
        "skip@2: line 3 tests the outcome of space.update in a way that is neither a failure nor a success test, and leaves with what may be the success (a returned value or a 2xx response); instrument it by hand",
        "skip@2: line 3 tests the outcome of space.update in a way that is neither a failure nor a success test, and leaves with what may be the success (a returned value or a 2xx response); instrument it by hand",
        false,
      ],
      [
        "check after a statement that may return",
        `async function h() {
  const r = await space.update(auth);
  if (req.query.dryRun) return res.status(200).json({});
  if (r.isErr()) {
    return apiError(req, res, {});
  }
}`,
        "skip@2: the outcome of space.update is checked at line 4, after line 3, which may return, throw, break out or answer the request before it; instrument it by hand",
        "skip@2: the outcome of space.update is checked at line 4, after line 3, which may return, throw, break out or answer the request before it; instrument it by hand",
        false,
      ],
      [
        "check after a response",
        `async function h() {
  const r = await space.update(auth);
  res.status(202).json({ accepted: true });
  if (r.isErr()) {
    logger.error({ error: r.error }, "update failed");
    return;
  }
}`,
        "skip@2: the outcome of space.update is checked at line 4, after line 3, which may return, throw, break out or answer the request before it; instrument it by hand",
        "skip@2: the outcome of space.update is checked at line 4, after line 3, which may return, throw, break out or answer the request before it; instrument it by hand",
        false,
      ],
      [
        "check after a break out of the case",
        `async function h() {
  switch (req.method) {
    case "PATCH": {
      const r = await space.update(auth);
      if (req.query.skip) break;
      if (r.isErr()) {
        return apiError(req, res, {});
      }
      return res.status(200).json({});
    }
  }
}`,
        "skip@4: the outcome of space.update is checked at line 6, after line 5, which may return, throw, break out or answer the request before it; instrument it by hand",
        "skip@4: the outcome of space.update is checked at line 6, after line 5, which may return, throw, break out or answer the request before it; instrument it by hand",
        false,
      ],
      [
        "check after the outcome is rebound",
        `async function h() {
  let r = await space.update(auth);
  r = r.isErr() ? await space.update(auth) : r;
  if (r.isErr()) {
    return apiError(req, res, {});
  }
}`,
        "skip@2: the outcome of space.update is checked at line 4, after line 3, which may return, throw, break out or answer the request before it; instrument it by hand",
        "skip@2: the outcome of space.update is checked at line 4, after line 3, which may return, throw, break out or answer the request before it; instrument it by hand",
        false,
      ],
      [
        "guard required but result unchecked",
        `async function h() {
  const r = await space.update(auth);
  return res.status(200).json({});
}`,
        "skip@2: the result of space.update (r) is never checked, and the spec requires a guard",
        "skip@2: no failure path: the outcome of space.update is never checked and the call is not in a try/catch",
        true,
      ],
      [
        "guard required, result dropped",
        `async function h() {
  await space.update(auth);
}`,
        "skip@2: the result of space.update is not kept, so it is never checked, and the spec requires a guard",
        "skip@2: no failure path: the outcome of space.update is never checked and the call is not in a try/catch",
        true,
      ],
      [
        "guard required, try counts as the check",
        `async function h() {
  try {
    await space.update(auth);
  } catch (e) {
    throw new Error("failed");
  }
  done();
}`,
        "after TryStatement@2",
        "before ThrowStatement@5",
        true,
      ],
      [
        "guard and catch are two failure paths",
        `async function h() {
  try {
    const r = await space.update(auth);
    if (r.isErr()) return apiError(req, res, {});
  } catch (e) {
    return apiError(req, res, {});
  }
  return res.status(200).json({});
}`,
        "after TryStatement@2",
        "skip@3: several failure paths for space.update (lines 4, 5); instrument it by hand",
        false,
      ],
      [
        "mutation as a bare if consequent",
        `async function h() {
  if (force) await space.update(auth);
}`,
        "after ExpressionStatement@2",
        "skip@2: no failure path: the outcome of space.update is never checked and the call is not in a try/catch",
        false,
      ],
      [
        "mutation negated in the condition",
        `async function h() {
  if (!(await space.update(auth))) {
    return apiError(req, res, {});
  }
  return res.status(204).end();
}`,
        "after IfStatement@2",
        "before ReturnStatement@3",
        false,
      ],
      [
        "awaited result tested in the condition",
        `async function h() {
  if ((await space.update(auth)).isErr()) return new Err(new Error("x"));
  return new Ok(undefined);
}`,
        "after IfStatement@2",
        "before ReturnStatement@2",
        false,
      ],
      [
        "truthy result in the condition",
        `async function h() {
  if (await space.update(auth)) {
    logger.info("updated");
  }
}`,
        "before ExpressionStatement@3",
        "skip@2: no failure path: the outcome of space.update is never checked and the call is not in a try/catch",
        false,
      ],
      [
        "condition that does not leave",
        `async function h() {
  if ((await space.update(auth)).isErr()) {
    logger.warn("x");
  }
}`,
        "skip@2: the check at line 2 tests the outcome of space.update but does not leave the function, so success and failure continue together",
        "skip@2: the check at line 2 tests the outcome of space.update but does not leave the function, so success and failure continue together",
        false,
      ],
      [
        "unclear condition",
        `async function h() {
  if ((await space.update(auth)).value.kind === "x") {
    a();
  }
}`,
        "skip@2: line 2 tests the outcome of space.update in its condition and it is unclear which branch is the success path",
        "skip@2: line 2 tests the outcome of space.update in its condition and it is unclear which branch is the success path",
        false,
      ],
      [
        "else-if chain of guards",
        `async function h() {
  const r = await space.update(auth);
  if (r.isErr() && r.error.code === "gone") {
    return apiError(req, res, { status_code: 404 });
  } else if (r.isErr()) {
    return apiError(req, res, { status_code: 500 });
  }
  return res.status(200).json({});
}`,
        "after IfStatement@3",
        "skip@2: several failure paths for space.update (the branches of the if/else if chain at line 3); instrument it by hand",
        false,
      ],
      [
        "else-if chain whose final else is the success",
        `async function h() {
  const r = await space.update(auth);
  if (r.isErr()) {
    return "failed";
  } else if (!r.value) {
    return "pending";
  } else {
    done();
  }
}`,
        "before ExpressionStatement@8",
        "skip@2: several failure paths for space.update (the branches of the if/else if chain at line 3); instrument it by hand",
        false,
      ],
      [
        "switch on the outcome",
        `async function h() {
  const r = await space.update(auth);
  switch (r.status) {
    case "conflict":
      return apiError(req, res, {});
    default:
      break;
  }
  return res.status(200).json({});
}`,
        "after SwitchStatement@3",
        "before ReturnStatement@5",
        false,
      ],
      [
        "switch whose success cases break, without default",
        `async function h() {
  const r = await space.update(auth);
  switch (r.status) {
    case "already_archived":
      return apiError(req, res, {});
    case "archived":
    case "scheduled":
      break;
  }
  return res.status(200).json({});
}`,
        "after SwitchStatement@3",
        "before ReturnStatement@5",
        false,
      ],
      [
        "switch with a success case that answers",
        `async function h() {
  const r = await space.update(auth);
  switch (r.type) {
    case "ok": {
      const updated = r.value;
      return res.status(200).json({ updated });
    }
    case "error":
      return apiError(req, res, {});
  }
}`,
        "before VariableDeclaration@5",
        "before ReturnStatement@9",
        false,
      ],
      [
        "switch with a success case and an exhaustive default",
        `async function h() {
  const r = await space.update(auth);
  switch (r.type) {
    case "ok":
      return res.status(200).json({});
    case "error":
      return apiError(req, res, {});
    default:
      assertNever(r);
  }
}`,
        "before ReturnStatement@5",
        "skip@2: several failure paths for space.update (lines 6, 8); instrument it by hand",
        false,
      ],
      [
        "switch on a member of the error",
        `async function h() {
  const r = await space.update(auth);
  switch (r.error?.code) {
    case "conflict":
      return apiError(req, res, {});
    default:
      break;
  }
  return res.status(200).json({});
}`,
        "skip@2: line 3 switches on the outcome of space.update, and which cases are the success path is unclear; instrument it by hand",
        "skip@2: line 3 switches on the outcome of space.update, and which cases are the success path is unclear; instrument it by hand",
        false,
      ],
      [
        "switch where two cases carry on",
        `async function h() {
  const r = await space.update(auth);
  switch (r.status) {
    case "conflict":
      return apiError(req, res, {});
    case "updated":
      logger.info("updated");
      break;
    default:
      break;
  }
  return res.status(200).json({});
}`,
        "skip@2: line 3 switches on the outcome of space.update, and which cases are the success path is unclear; instrument it by hand",
        "skip@2: line 3 switches on the outcome of space.update, and which cases are the success path is unclear; instrument it by hand",
        false,
      ],
      [
        "switch whose leaving case answers with a success status",
        `async function h() {
  const r = await space.update(auth);
  switch (r.status) {
    case "created":
      return res.status(201).json({});
    case "unchanged":
      break;
  }
  return res.status(200).json({});
}`,
        "skip@2: line 3 switches on the outcome of space.update, and which cases are the success path is unclear; instrument it by hand",
        "skip@2: line 3 switches on the outcome of space.update, and which cases are the success path is unclear; instrument it by hand",
        false,
      ],
      [
        "switch whose leaving case returns a value that may be the success",
        `async function h() {
  const r = await space.update(auth);
  switch (r.status) {
    case "created":
      return r;
    case "unchanged":
      break;
  }
  return new Ok(undefined);
}`,
        "skip@2: line 3 switches on the outcome of space.update, and which cases are the success path is unclear; instrument it by hand",
        "skip@2: line 3 switches on the outcome of space.update, and which cases are the success path is unclear; instrument it by hand",
        false,
      ],
      [
        "switch whose leaving case returns Ok",
        `async function h() {
  const r = await space.update(auth);
  switch (r.status) {
    case "created":
      return new Ok(r.space);
    case "unchanged":
      break;
  }
  return new Ok(undefined);
}`,
        "skip@2: line 3 switches on the outcome of space.update, and which cases are the success path is unclear; instrument it by hand",
        "skip@2: line 3 switches on the outcome of space.update, and which cases are the success path is unclear; instrument it by hand",
        false,
      ],
      [
        "switch whose error case returns the result, labelled so",
        `async function h() {
  const r = await space.update(auth);
  switch (r.type) {
    case "error":
      return r;
    case "ok":
      break;
  }
  return new Ok(undefined);
}`,
        "after SwitchStatement@3",
        "before ReturnStatement@5",
        false,
      ],
      [
        "switch whose leaving cases throw, return Err, or end quietly",
        `async function h() {
  const r = await space.update(auth);
  switch (r.status) {
    case "not_found":
      throw new SpaceNotFoundError(r.spaceId);
    case "locked":
      return new Err(new Error("locked"));
    case "stale":
      logger.warn("stale");
      return;
    case "updated":
      break;
  }
  await space.refresh();
}`,
        "after SwitchStatement@3",
        "skip@2: several failure paths for space.update (lines 4, 6, 8); instrument it by hand",
        false,
      ],
      [
        "switch where a case falls into the next after code",
        `async function h() {
  const r = await space.update(auth);
  switch (r.status) {
    case "partial":
      logger.warn("partial");
    case "conflict":
      return apiError(req, res, {});
    case "updated":
      break;
  }
}`,
        "skip@2: line 3 switches on the outcome of space.update, and which cases are the success path is unclear; instrument it by hand",
        "skip@2: line 3 switches on the outcome of space.update, and which cases are the success path is unclear; instrument it by hand",
        false,
      ],
      [
        "guard ending in assertNever after a switch",
        `async function h() {
  const r = await space.update(auth);
  if (r.isErr()) {
    switch (r.error.code) {
      case "a":
        return apiError(req, res, {});
      default:
        assertNever(r.error.code);
    }
  }
  return res.status(204).end();
}`,
        "after IfStatement@3",
        "before SwitchStatement@4",
        false,
      ],
    ];
    it.each(cases)("%s", (_name, code, success, failure, guardRequired) => {
      const { j, root } = parse(code);
      const ms = findMutationStatement(firstCall(j, root, "space.update")) as MutationStatement;
      expect(isSkip(ms)).toBe(false);
      const options = { mutationName: "space.update", guardRequired };
      expect(describePoint(findSuccessPoint(ms, options))).toBe(success);
      expect(describePoint(findFailurePoint(ms, options))).toBe(failure);
    });
  });

  describe("freeNames", () => {
    it.each([
      ["space.kind", ["space"]],
      ["users.map((u) => u.sId).join(\",\")", ["users"]],
      ["roles.map(({ role }) => role).join(\",\")", ["roles"]],
      ["xs.map((a) => { const { id } = a; return id + prefix; })", ["xs", "prefix"]],
      ["String(n)", ["String", "n"]],
      ["{ k: v }.k", ["v"]],
    ])("%s -> %j", (code, expected) => {
      const { j, root } = parse(`(${code});`);
      expect(freeNames(firstStatement(j, root).expression)).toEqual(expected);
    });
  });

  describe("moveAfterDeclarations", () => {
    const code = `async function h() {
  const r = await space.update(auth);
  if (r.isErr()) return r;
  const group = r.value;
  logger.info("x");
  const { previous } = r.value;
  if (previous.gone) return new Ok(undefined);
  const late = 1;
  return new Ok(undefined);
}`;
    it.each([
      [["group"], "after VariableDeclaration@4", [], null],
      [["group", "previous"], "after VariableDeclaration@6", [], null],
      [["late"], "after IfStatement@3", ["late"], 7],
      [["nowhere"], "after IfStatement@3", ["nowhere"], 7],
    ])("%j", (names, where, missing, stoppedAt) => {
      const { j, root } = parse(code);
      const ms = findMutationStatement(firstCall(j, root, "space.update")) as MutationStatement;
      const point = findSuccessPoint(ms, { mutationName: "space.update" }) as InsertionPoint;
      const moved = moveAfterDeclarations(point, names as string[]);
      expect(describePoint(moved.point)).toBe(where);
      expect(moved.missing).toEqual(missing);
      expect(moved.stoppedAt ? positionOf(moved.stoppedAt as never).line : null).toBe(stoppedAt);
      expect(moved.checkedAt).toBeNull();
    });
    it("notes a check that may leave right after the declaration it passed", () => {
      const { j, root } = parse(`async function h() {
  const r = await space.update(auth);
  if (r.isErr()) return r;
  const group = await GroupResource.fetchById(auth, r.value.groupId);
  if (!group) return new Err(new Error("gone"));
  return new Ok(group);
}`);
      const ms = findMutationStatement(firstCall(j, root, "space.update")) as MutationStatement;
      const moved = moveAfterDeclarations(findSuccessPoint(ms, { mutationName: "space.update" }) as InsertionPoint, ["group"]);
      expect(describePoint(moved.point)).toBe("after VariableDeclaration@4");
      expect(moved.checkedAt && [moved.checkedAt.name, positionOf(moved.checkedAt.statement as never).line]).toEqual(["group", 5]);
    });
  });

  describe("relateStatements", () => {
    it.each([
      ["in sequence", "await space.update(a);\n  await space.update(b);", "sequence"],
      ["if and else", "if (x) { await space.update(a); } else { await space.update(b); }", "exclusive"],
      ["if and else if", "if (x) { await space.update(a); } else if (y) { await space.update(b); }", "exclusive"],
      ["cases that end", "switch (m) { case \"A\": { await space.update(a); break; } case \"B\": await space.update(b); return; }", "exclusive"],
      ["case falling through", "switch (m) { case \"A\": await space.update(a); case \"B\": await space.update(b); }", "ambiguous"],
      ["one nested after the other", "await space.update(a);\n  if (x) { await space.update(b); }", "ambiguous"],
      ["try and catch", "try { await space.update(a); } catch { await space.update(b); }", "ambiguous"],
    ])("%s", (_name, body, expected) => {
      const { j, root } = parse(`async function h() {\n  ${body}\n}`);
      const calls = root.find(j.Node).filter((p) => matchesMutation(p.node as unknown as Node, "space.update")).paths() as unknown as ASTPath[];
      const [a, b] = calls.map((c) => (findMutationStatement(c) as MutationStatement).statement);
      expect(relateStatements(a, b)).toBe(expected);
    });
  });
});
