/*
 * The unit tests as Stryker runs them (stryker.config.mjs): the same tests, without a fresh module
 * graph per test file. Stryker runs the covering tests once per mutant, and re-importing the model and
 * the locale tables for each of a dozen files was most of that time; the tests share no mutable state
 * (they change copies: tests/unit/fixtures.ts), so sharing the modules halves a run. Not for `npm test`.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(base, defineConfig({ test: { isolate: false } }));
