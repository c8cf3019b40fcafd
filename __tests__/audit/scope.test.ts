import type { ASTPath, CallExpression, Collection, JSCodeshift } from "jscodeshift";
import { enclosingFunction, findAuthInScope, findAuthResultInScope, findNextRequestInScope, findWorkspaceInScope } from "../../src/audit/scope";
import { parseForEdit, parseForProbe } from "../../src/engine/parse";

/** The path of the `here()` call in `source`, parsed the way the engine's probe or edit pass parses it. */
function herePath(source: string, parse: (s: string, p: "ts") => { j: JSCodeshift; root: Collection }): ASTPath<CallExpression> {
  const { j, root } = parse(source, "ts");
  const paths = root.find(j.CallExpression, { callee: { type: "Identifier", name: "here" } }).paths();
  if (paths.length !== 1) throw new Error(`expected one here() in:\n${source}`);
  return paths[0];
}

const PARSES = [
  ["probe (plain babel)", parseForProbe],
  ["edit (recast)", parseForEdit],
] as const;

describe.each(PARSES)("scope on the %s tree", (_name, parse) => {
  describe("findAuthInScope", () => {
    it.each([
      ["a parameter named auth", "async function h(req, res, auth: Authenticator) { here(); }", "auth"],
      ["a parameter typed Authenticator", "async function h(adminAuth: Authenticator) { here(); }", "adminAuth"],
      ["a destructured parameter", "async function h({ auth, space }: { auth: Authenticator; space: SpaceResource }) { here(); }", "auth"],
      ["a destructured parameter, renamed and typed", "async function h({ authenticator: a }: { authenticator: Authenticator }) { here(); }", "a"],
      ["a Hono ctx.get", 'app.patch("/", async (ctx) => { const auth = ctx.get("auth"); here(); });', "auth"],
      ["built by Authenticator.fromUserIdAndWorkspaceId", "async function run(u, w) { const userAuth = await Authenticator.fromUserIdAndWorkspaceId(u, w); here(); }", "userAuth"],
      ["typed local", "async function run() { const a: Authenticator = make(); here(); }", "a"],
      ["declared after the use", 'app.patch("/", async (ctx) => { here(); const auth = ctx.get("auth"); });', null],
      ["from an enclosing function", "function outer(auth: Authenticator) { return async (x) => { here(); }; }", "auth"],
      ["the nearer of two", "function outer(auth: Authenticator) { return async (userAuth: Authenticator) => { here(); }; }", "userAuth"],
      ["in a switch case block", 'function h(req) { switch (req.method) { case "POST": { const auth = getAuth(); here(); } } }', "auth"],
      ["in a for-of body", "function h(auths: Authenticator[]) { for (const a of auths) { here(); } }", null],
      ["a union type is not for sure", "function h(a: Authenticator | null) { here(); }", null],
      ["none at all", "async function activity({ workspaceId }: { workspaceId: string }) { here(); }", null],
      ["an optional parameter has no sure type", "function h(a?: Authenticator) { here(); }", null],
      ["a Result named so is refused", "async function h(k, w) { const authRes = await Authenticator.fromKey(k, w); here(); }", null],
      ["a Result named ...Result is refused", "async function h(k, w) { const keyAuthResult = await Authenticator.fromKey(k, w); here(); }", null],
      ["a Result read as one is refused", "async function h(k, w) { const keyAuth = await Authenticator.fromKey(k, w); if (keyAuth.isErr()) { return; } here(); }", null],
      ["a Result named auth and read with .value is refused", "async function h(k, w) { const auth = await Authenticator.fromKey(k, w); here(); use(auth.value); }", null],
      ["the binding unwrapped from the Result, named auth", "async function h(k, w) { const authRes = await Authenticator.fromKey(k, w); if (authRes.isErr()) { return; } const auth = authRes.value; here(); }", "auth"],
      ["the binding unwrapped from the Result, under another name", "async function h(k, w) { const keyAuthRes = await Authenticator.fromKey(k, w); if (keyAuthRes.isErr()) { return; } const keyAuth = keyAuthRes.value; here(); }", "keyAuth"],
      ["a Result refused, the handler's auth further out", "async function h(req, res, auth: Authenticator) { const systemAuthRes = await Authenticator.internalAdminForWorkspace(w); here(); }", "auth"],
      ["a written Authenticator type is trusted whatever the name", "async function h(authResult: Authenticator) { here(); }", "authResult"],
      ["the one ...Auth destructured from the Result", "async function h(k, w) { const keyRes = await Authenticator.fromKey(k, w); if (keyRes.isErr()) { return; } const { workspaceAuth, key } = keyRes.value; here(); }", "workspaceAuth"],
      ["two ...Auth destructured from the Result: neither", "async function h(k, w) { const keyRes = await Authenticator.fromKey(k, w); if (keyRes.isErr()) { return; } const { workspaceAuth, keyAuth } = keyRes.value; here(); }", null],
      ["destructured from another Result: not an Authenticator", "async function h() { const r = await fetchKey(); const { workspaceAuth } = r.value; here(); }", null],
      [".value of something else is not an Authenticator", "async function h() { const spaceRes = await fetchSpace(); const s = spaceRes.value; here(); }", null],
      ["a let auth still null (assigned later) is not one", "async function h(w) { let auth: Authenticator | null = null; here(); auth = await Authenticator.internalAdminForWorkspace(w); }", null],
      ["a let auth without a value yet is not one", "async function h(w) { let auth: Authenticator; here(); auth = await make(w); }", null],
      ["an optional parameter named auth is not one", "function h(auth?: Authenticator) { here(); }", null],
      ["a let auth with a value is one", "async function h(w) { let auth = await Authenticator.internalAdminForWorkspace(w); here(); }", "auth"],
    ])("%s", (_case, source, expected) => {
      expect(findAuthInScope(herePath(source, parse))).toBe(expected);
    });
  });

  describe("findAuthResultInScope", () => {
    it.each([
      ["a Result named so", "async function h(k, w) { const authRes = await Authenticator.fromKey(k, w); here(); }", "authRes"],
      ["a Result read with .isErr()", "async function h(k, w) { const keyAuth = await Authenticator.fromKey(k, w); if (keyAuth.isErr()) { return; } here(); }", "keyAuth"],
      ["an Authenticator is no Result", "async function h(u, w) { const userAuth = await Authenticator.fromUserIdAndWorkspaceId(u, w); here(); }", null],
      ["a Result of something else", "async function h() { const spaceRes = await fetchSpace(); here(); }", null],
    ])("%s", (_case, source, expected) => {
      expect(findAuthResultInScope(herePath(source, parse))).toBe(expected);
    });
  });

  describe("findNextRequestInScope", () => {
    it.each([
      ["a parameter typed NextApiRequest", "async function h(req: NextApiRequest, res: NextApiResponse, auth) { here(); }", "req"],
      ["typed, under another name", "async function revoke(request: NextApiRequest, auth) { here(); }", "request"],
      ["typed as an intersection", "async function h(r: NextApiRequest & { session: S }) { here(); }", "r"],
      ["untyped req with res (a wrapped handler)", "export default withAuth(async (req, res, auth) => { here(); });", "req"],
      ["req without res is not a handler", "function log(req, auth) { here(); }", null],
      ["from the handler around a callback", "async function h(req: NextApiRequest, res) { await tx(async (t) => { here(); }); }", "req"],
      ["a Hono handler (ctx)", 'app.patch("/", async (ctx) => { const req = ctx.req; here(); });', null],
      ["a Hono handler (c)", 'app.delete("/:id", async (c) => { here(); });', null],
      ["a lib function", "export async function update(auth: Authenticator, id: string) { here(); }", null],
      ["a Temporal activity", "export async function syncActivity({ workspaceId }: { workspaceId: string }) { here(); }", null],
    ])("%s", (_case, source, expected) => {
      expect(findNextRequestInScope(herePath(source, parse))).toBe(expected);
    });
  });

  describe("findWorkspaceInScope", () => {
    it.each([
      ["a parameter named workspace", "function a(workspace) { here(); }", "workspace"],
      ["destructured { workspace }", "function a({ workspace }: { workspace: LightWorkspaceType }) { here(); }", "workspace"],
      ["a local const", "async function a(id) { const workspace = await WorkspaceResource.fetchById(id); here(); }", "workspace"],
      ["typed WorkspaceType", "function a(owner: WorkspaceType) { here(); }", "owner"],
      ["typed LightWorkspaceType in a type literal", "function a({ owner }: { owner: LightWorkspaceType }) { here(); }", "owner"],
      ["typed WorkspaceResource", "function a(ws: WorkspaceResource) { here(); }", "ws"],
      ["from auth.getNonNullableWorkspace()", "function a(auth) { const owner = auth.getNonNullableWorkspace(); here(); }", "owner"],
      ["a for-of loop variable", "async function a(all) { for (const workspace of all) { here(); } }", "workspace"],
      ["a let workspace still undefined is not one", "async function a(id) { let workspace: WorkspaceType | undefined = undefined; here(); }", null],
      ["the loop variable is not visible in the loop head", "async function a(all) { for (const workspace of here()) {} }", null],
      ["none", "function a(auth: Authenticator, spaceId: string) { here(); }", null],
    ])("%s", (_case, source, expected) => {
      expect(findWorkspaceInScope(herePath(source, parse))).toBe(expected);
    });
  });

  describe("enclosingFunction", () => {
    it.each([
      ["a function declaration", "function outer() { here(); }", "FunctionDeclaration"],
      ["an arrow inside a function", "function outer() { return () => here(); }", "ArrowFunctionExpression"],
      ["a class method", "class A { async run() { here(); } }", "ClassMethod"],
      ["an object method", "const o = { run() { here(); } };", "ObjectMethod"],
      ["module level", "here();", null],
    ])("%s", (_case, source, expected) => {
      const fn = enclosingFunction(herePath(source, parse));
      expect(fn ? fn.node.type : null).toBe(expected);
    });
  });
});
