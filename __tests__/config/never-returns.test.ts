import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadConfig } from "../../src/config/config";

function rootWith(config: unknown): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-never-returns-"));
  fs.writeFileSync(path.join(root, "auditmod.config.json"), `${JSON.stringify(config)}\n`);
  return root;
}

describe("config neverReturns", () => {
  it("defaults to no extra names", () => {
    expect(loadConfig(rootWith({})).conventions.neverReturns).toEqual([]);
  });

  it("passes function and method names to the conventions", () => {
    expect(loadConfig(rootWith({ neverReturns: ["fail", "Errors.unreachable"] })).conventions.neverReturns).toEqual(["fail", "Errors.unreachable"]);
  });

  it.each([
    [{ neverReturns: ["fail()"] }, 'neverReturns[0]: expected a function name such as "fail" or "Errors.unreachable"'],
    [{ neverReturns: "fail" }, "neverReturns: Expected array, received string"],
  ])("%j is refused with one clear line", (config, problem) => {
    const root = rootWith(config);
    expect(() => loadConfig(root)).toThrow(`${path.join(root, "auditmod.config.json")}: ${problem}`);
  });
});
