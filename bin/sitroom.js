#!/usr/bin/env node
// The `sitroom` command. It runs the TypeScript sources through tsx so that `npx sitroom …` works
// straight after `npm ci`, with no build step a newcomer has to know about (docs/adr/003).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src-main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
