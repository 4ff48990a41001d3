#!/usr/bin/env -S npx tsx
/** Entry point: `npx tsx src/cli.ts …` or `npx mechcheck …`. */
import { main } from "./cli/main.js";

process.exitCode = await main(process.argv.slice(2));
