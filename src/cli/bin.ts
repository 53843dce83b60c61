#!/usr/bin/env node
// The `cdk8s-kubevirt-realtime` executable (package.json "bin" → lib/cli/bin.js): runs the CLI on the real process
// streams. All behaviour lives in main.ts so tests run it in-process.
import { main, processIo } from './main';

void main(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
