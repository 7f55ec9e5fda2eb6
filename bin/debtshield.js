#!/usr/bin/env node
'use strict';
// The `debtshield` command. Runs the compiled CLI (built by `npm install` / `npm run build`).
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('debtshield is not built yet: run `npm install` (or `npm run build`) in the repository first.\n');
  process.exit(2);
}
require(entry)
  .runCli(process.argv.slice(2))
  .then((code) => { process.exitCode = code; })
  .catch((e) => { process.stderr.write(`${e && e.message ? e.message : e}\n`); process.exitCode = 1; });
