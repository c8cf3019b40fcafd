import { parseSpec, SpecError } from "../../src/config/spec";

function problems(raw: unknown): string[] | "ok" {
  try {
    parseSpec(raw, "spec");
    return "ok";
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return error.problems;
  }
}

const TEMPLATE = 'void trackEvent({ event: "space_archived", spaceId: space.sId })';

describe("instrument specs with a template: one message per problem", () => {
  it.each<[string, unknown, string[] | "ok"]>([
    ["a template with its import", { mutation: "*.archive", template: TEMPLATE, import: { from: "@app/lib/analytics", names: ["trackEvent"] } }, "ok"],
    ["a template on the failure path", { mutation: "*.archive", template: "cache.invalidate(space.sId)", outcome: "failure" }, "ok"],
    ["neither action nor template", { mutation: "*.archive" }, ["spec.action: Required (or `template`: any call to place instead of an audit emit)"]],
    ["neither, and a bad mutation", { mutation: "a b" }, ["spec.action: Required (or `template`: any call to place instead of an audit emit)", 'spec.mutation: expected "fn", "Obj.method" or "*.method", got "a b"']],
    ["both", { action: "space.archived", mutation: "*.archive", template: TEMPLATE }, ["spec: `action` and `template` do not go together: an audit emit, or the template's call"]],
    ["emit keys with a template", { mutation: "*.archive", template: TEMPLATE, targets: [{ type: "space", resource: "space" }], metadata: { space_kind: "space.kind" } }, ["spec: targets, metadata describe an audit emit; a template writes its call in full"]],
    ["import with an action", { action: "space.archived", mutation: "*.archive", import: { from: "@app/lib/analytics", names: ["trackEvent"] } }, ["spec: `import` goes with `template`: an audit emit imports what it needs itself"]],
    ["a template that is not one call", { mutation: "*.archive", template: "a + b" }, ['spec: a template is one call, such as `void trackEvent({ ... })`, so that a function already making it is recognised; got "a + b"']],
    ["a template that does not parse", { mutation: "*.archive", template: "trackEvent({" }, ['spec.template: "trackEvent({" is not an expression: Unexpected token']],
    ["a bad import", { mutation: "*.archive", template: TEMPLATE, import: { from: "", names: ["track-event"] } }, ["spec.import.from: expected a module specifier", 'spec.import.names[0]: expected an identifier, got "track-event"']],
  ])("%s", (_name, raw, expected) => {
    expect(problems(raw)).toEqual(expected);
  });
});
