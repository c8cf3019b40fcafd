import * as fs from "node:fs";
import { transformSource } from "../src/engine/transform-source";
import { conventionsFromOptions } from "../src/audit/jscodeshift-adapter";
it("scratch", () => {
  for (const base of (process.env.SCRATCH ?? "").split(",")) {
    const opts = JSON.parse(fs.readFileSync(`${base}.options.json`, "utf8"));
    const input = fs.readFileSync(`${base}.input.ts`, "utf8");
    const r = transformSource("x.ts", input, [{ name: "instrument", options: opts }], conventionsFromOptions(opts));
    fs.writeFileSync(`${base}.actual.ts`, r.output ?? input);
    fs.writeFileSync(`${base}.actual.json`, JSON.stringify(r.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`), null, 2) + "\n");
  }
});
