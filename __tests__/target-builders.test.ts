import { defineFixtureSuite } from "./helpers/fixtures";
import { expectOnlyTargetsChanged } from "./helpers/targets-lines";

defineFixtureSuite("target-builders");

describe("target-builders formatting", () => {
  expectOnlyTargetsChanged("target-builders");
});
