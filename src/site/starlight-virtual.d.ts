/*
 * Types for Starlight's virtual module that src/site/search-dialog.ts reads (provided by Starlight's Vite
 * plugin, which ships no types for it): the `pagefind` settings of astro.config.mjs, with their defaults.
 */
declare module 'virtual:starlight/pagefind-config' {
	export const pagefindUserConfig: Record<string, unknown>;
}
