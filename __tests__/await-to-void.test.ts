import { defineFixtureSuite } from "./helpers/fixtures";
import { scriptExemption } from "../src/audit/scripts";
import { DEFAULT_CONVENTIONS } from "../src/audit/types";

defineFixtureSuite("await-to-void");

describe("scriptExemption", () => {
  it.each([
    ["migrations/20240101_backfill.ts", "", "the file is a script (it lies under migrations/)"],
    ["front/scripts/relocate.ts", "", "the file is a script (it lies under scripts/)"],
    ["lib/x.ts", "makeScript({}, async () => {})", "the file is a script (it calls makeScript)"],
    ["lib/migrations.ts", "", null],
    ["pages/api/w/[wId]/scripts.ts", "", null],
  ])("%s", (file, source, expected) => {
    expect(scriptExemption(file, source, DEFAULT_CONVENTIONS)).toBe(expected);
  });
});
