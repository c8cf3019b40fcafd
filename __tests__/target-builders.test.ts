import { defineFixtureSuite, loadFixture } from "./helpers/fixtures";
import { expectOnlyTargetsChanged } from "./helpers/targets-lines";
import { DEFAULT_CONVENTIONS } from "../src/audit/types";
import { transformSource } from "../src/engine/transform-source";

defineFixtureSuite("target-builders");

describe("target-builders formatting", () => {
  expectOnlyTargetsChanged("target-builders");
});

describe("target-builders with other steps", () => {
  const input = loadFixture("workspace-target", "comments-inside").input;
  // A repo whose audit module exports buildAuditLogTarget: both steps then write the same style.
  const builderRepo = { ...DEFAULT_CONVENTIONS, targetStyle: "builder" as const };
  const run = (steps: string[]) => transformSource("pages/api/x.ts", input, steps.map((name) => ({ name })), builderRepo);

  it("gives the same file whichever of workspace-target and target-builders runs first in one pass", () => {
    const first = run(["workspace-target", "target-builders"]);
    const second = run(["target-builders", "workspace-target"]);
    expect(first.status).toBe("changed");
    expect(second.output).toBe(first.output);
    expect(first.output).toContain(
      [
        "    targets: [",
        '      buildAuditLogTarget("workspace", auth.getNonNullableWorkspace()),',
        "      // The space that now holds the view.",
        '      buildAuditLogTarget("space", space), // primary',
        '      /* the view itself */ buildAuditLogTarget("data_source_view", view),',
        "      // (no workspace target yet)",
        "    ],",
      ].join("\n"),
    );
  });

  it("reports an unknown style and changes nothing", () => {
    const outcome = transformSource("x.ts", input, [{ name: "target-builders", options: { style: "literals" } }], DEFAULT_CONVENTIONS);
    expect(outcome.status).toBe("unchanged");
    expect(outcome.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      '1:1 error unknown style "literals" (expected builder or literal); nothing changed',
    ]);
  });
});
