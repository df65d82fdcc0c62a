import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Service } from 'kubernetes-models/v1/Service';
import { runTracked, SCHEMA_MODULES, schemaValidatorFor, validateManifest } from '../../../src/manifests/validate.ts';
import { manifestsFor } from '../../../src/model/manifests.ts';
import { scenarios } from '../../../src/model/scenarios/index.ts';

/*
 * src/manifests/validate.ts imports the compiled schema validators from `<package>/_schemas/…`, a path
 * the packages export but do not document (why: that module's comment). These tests fail, naming the
 * package, its version and the path, when an upgrade moves a validator or changes the two things the
 * unknown-field check relies on: the validator reads every field its schema knows, and lets the
 * others through.
 */
const require = createRequire(import.meta.url);
const packageOf = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier));
const versionOf = (name: string) => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
const where = (specifier: string) => {
	const name = packageOf(specifier);
	return `${name}@${versionOf(name)}: \`${specifier.slice(name.length + 1)}\``;
};

describe('the private schema validators src/manifests/validate.ts imports', () => {
	it.each(Object.entries(SCHEMA_MODULES))('%s: %s still exports the validator the module uses', async (key, specifier) => {
		let module: { validate?: unknown };
		try {
			module = (await import(specifier)) as { validate?: unknown };
		} catch (error) {
			throw new Error(
				`${where(specifier)} is gone (${String(error)}). An upgrade moved the compiled schemas: find the new path and update SCHEMA_MODULES and the imports in src/manifests/validate.ts.`,
				{ cause: error },
			);
		}
		expect(typeof module.validate, `${where(specifier)} exports no \`validate\` function any more: update src/manifests/validate.ts.`).toBe('function');
		expect(module.validate === schemaValidatorFor(key), `${where(specifier)}: src/manifests/validate.ts imports another module for \`${key}\` than SCHEMA_MODULES says.`).toBe(true);
	});

	const service = () => structuredClone(manifestsFor(scenarios.nodeport)[1]!.object) as Record<string, any>;
	const validator = schemaValidatorFor('v1 Service')!;

	it('lets an unknown field through, and reads every field it knows (what the unknown-field check is built on)', () => {
		const object = service();
		object['spec'].sessionAffinity = 'ClientIP';
		object['spec'].sessionAffinityConfig = { clientIP: { timeoutSeconds: 600 } };
		object['spec'].notAField = true;
		const message = `${where(SCHEMA_MODULES['v1 Service'])} changed how it validates: src/manifests/validate.ts's unknown-field check (a Proxy over what the validator reads) must be rethought`;
		const { valid, read } = runTracked(validator, object);
		expect(valid, `${message} (it now rejects an unknown field)`).toBe(true);
		for (const path of ['/spec/type', '/spec/ports/0/nodePort', '/spec/externalTrafficPolicy', '/spec/sessionAffinityConfig/clientIP/timeoutSeconds'])
			expect(read, `${message} (it no longer reads \`${path}\`)`).toContain(path);
		expect(read).not.toContain('/spec/notAField');
		// And so the check reports it, and only it.
		expect(validateManifest(object, 'web-service.yaml')).toEqual(['web-service.yaml: v1 Service has unknown field `/spec/notAField`. Kubernetes rejects it: remove it or fix its name.']);
	});

	it('is the check the documented model class runs: both refuse the same manifest', () => {
		const broken = service();
		broken['spec'].ports[0].port = '80';
		expect(() => new Service(broken as never).validate()).toThrow('data/spec/ports/0/port must be integer');
		expect(validator(broken)).toBe(false);
		expect(validator.errors?.map((error) => error.instancePath)).toEqual(['/spec/ports/0/port']);
		expect(() => new Service(service() as never).validate()).not.toThrow();
	});
});
