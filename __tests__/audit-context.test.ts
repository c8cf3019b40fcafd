import { diffLines } from "diff";
import { defineFixtureSuite, loadFixture } from "./helpers/fixtures";
import { emitCallee, textOutside, type PickedNode } from "./helpers/unchanged-outside";
import { DEFAULT_CONVENTIONS } from "../src/audit/types";
import { transformSource } from "../src/engine/transform-source";

defineFixtureSuite("audit-context");

/** The event object of an emit, and the import from the audit module (which may gain getAuditLogContext). */
function editedNodes(node: PickedNode, parent: PickedNode | null): boolean {
  if (node.type === "ImportDeclaration") return String((node.source as { value: string }).value).endsWith("/workos_audit");
  return !!parent && emitCallee(parent) !== null && (parent.arguments as PickedNode[])[0] === node;
}

describe("audit-context leaves everything outside the edited event objects byte for byte", () => {
  it.each(["next-handler-switch", "comments-inside-object", "single-line-object", "crlf", "upgrade-context", "no-targets-no-trailing-comma"])("%s", (name) => {
    const c = loadFixture("audit-context", name);
    const result = transformSource(`pages/api/${name}.ts`, c.input, [{ name: "audit-context" }], DEFAULT_CONVENTIONS);
    expect(result.status).toBe("changed");
    expect(textOutside(result.output as string, editedNodes)).toEqual(textOutside(c.input, editedNodes));
  });

  it("adds one line and removes none where a multi-line event lacked context", () => {
    const c = loadFixture("audit-context", "nested-callback");
    const result = transformSource("pages/api/w/spaces.ts", c.input, [{ name: "audit-context" }], DEFAULT_CONVENTIONS);
    const changes = diffLines(c.input, result.output as string).filter((part) => part.added || part.removed);
    expect(changes.map((part) => [part.added ? "+" : "-", part.value])).toEqual([["+", "          context: getAuditLogContext(auth, req),\n"]]);
  });
});

describe("audit-context in one pass with stringify-metadata", () => {
  it("keeps the re-laid-out event object editable by a later step", () => {
    const c = loadFixture("audit-context", "comments-inside-object");
    const input = c.input.replace("String(r.value.conversationCount)", "r.value.conversations.length");
    const result = transformSource("pages/api/archive.ts", input, [{ name: "audit-context" }, { name: "stringify-metadata" }], DEFAULT_CONVENTIONS);
    expect(result.output).toBe(c.expected.replace("String(r.value.conversationCount)", "String(r.value.conversations.length)"));
  });
});
