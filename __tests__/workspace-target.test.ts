import { defineFixtureSuite } from "./helpers/fixtures";
import { expectOnlyTargetsChanged } from "./helpers/targets-lines";

defineFixtureSuite("workspace-target");

describe("workspace-target formatting", () => {
  expectOnlyTargetsChanged("workspace-target");
});
