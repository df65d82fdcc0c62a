import { CHECKED_AGAINST } from '../../src/site/checked-against.ts';

/*
 * The footer's stamp, in each language (tests/built/stamp.test.ts reads it in every built page,
 * tests/e2e/stamp.spec.ts on screen): the sentences are written here by hand; the versions come from
 * the one constant the README tells maintainers to change.
 */
const { kubernetes, gatewayApi } = CHECKED_AGAINST;
export const STAMP = {
	en: new RegExp(
		`Checked against Kubernetes ${kubernetes.replace('.', '\\.')} and Gateway API ${gatewayApi.replace('.', '\\.')}, (January|February|March|April|May|June|July|August|September|October|November|December) 20\\d\\d`,
	),
	fr: new RegExp(
		`Vérifié pour Kubernetes ${kubernetes.replace('.', '\\.')} et Gateway API ${gatewayApi.replace('.', '\\.')}, en (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 20\\d\\d`,
	),
} as const;
export const LAST_UPDATED = { en: 'Last updated:', fr: 'Dernière mise à jour' } as const;
