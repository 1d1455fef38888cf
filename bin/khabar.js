#!/usr/bin/env node
// Runs the CLI from the TypeScript sources through tsx, so `npx khabar …` in a
// checkout always runs the code that is there, built or not.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
