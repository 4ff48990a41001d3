import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests run fixed seeds (see test/support/seed.ts); long exact searches need room.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "threads",
  },
});
