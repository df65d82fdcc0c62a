/*
 * Types for the modules that src/components/Search.astro imports from Starlight and Pagefind, which ship
 * none: Starlight's virtual modules (provided by its Vite plugin) and the Pagefind UI (a dependency of
 * Starlight, imported on demand when the search dialog opens).
 */
declare module 'virtual:starlight/project-context' {
	const project: { build: { format: 'directory' | 'file' | 'preserve' }; root: URL; srcDir: URL; trailingSlash: 'always' | 'never' | 'ignore' };
	export default project;
}

declare module 'virtual:starlight/pagefind-config' {
	export const pagefindUserConfig: Record<string, unknown>;
}

declare module '@pagefind/default-ui' {
	export class PagefindUI {
		constructor(options: Record<string, unknown> & { element: string });
	}
}
