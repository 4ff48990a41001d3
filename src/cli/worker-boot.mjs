// Worker-thread entry: register tsx's loader in this thread, then run the TypeScript worker. Works
// whether the parent runs under tsx, plain node (bin/mechcheck.js) or vitest.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
