#!/usr/bin/env node
// The `idlens` CLI (package.json "bin"). Run `npm run build` first: this loads the bundle.
import '../dist/main/cli.js';
