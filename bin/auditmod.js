#!/usr/bin/env node
"use strict";
require("../dist/src/cli/main.js").main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`auditmod: internal error: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
);
