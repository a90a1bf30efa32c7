#!/usr/bin/env node
// The built command line; `npm install` builds it (the prepare script).
import { main } from '../dist/src/cli.js';

process.exitCode = await main(process.argv.slice(2));
