#!/usr/bin/env node
// Entry point of the `samenplan` command. Runs the TypeScript sources through tsx (see docs/adr/0002-run-typescript-with-tsx.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
