#!/usr/bin/env node
"use strict";
// Node 22+ caches compiled code between runs (Node 20 has no such switch: there it is a no-op).
require("node:module").enableCompileCache?.();
require("../dist/src/cli/main.js").main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`auditmod: internal error: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
);
