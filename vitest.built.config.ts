import { defineConfig } from 'vitest/config';

/*
 * The checks that read the built site without a browser (tests/built/): run after `astro build`
 * (`npm run test:built`, and `npm test` between the build and the browser tests). They fail at once,
 * naming the fix, when there is no build (tests/built/dist.ts).
 */
export default defineConfig({
	test: {
		include: ['tests/built/**/*.test.ts'],
		environment: 'node',
		// Some read every page and image of the build: Vitest's 5 s is short on a busy machine.
		testTimeout: 60_000,
	},
});
