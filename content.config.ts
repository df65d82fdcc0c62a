import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
	// Corrections to Starlight's own French strings (content/i18n/fr.json): its « Selectionner » lacks
	// the accent. Our own UI strings are in src/i18n/.
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
