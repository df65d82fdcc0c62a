/*
 * Checks a manifest against the Kubernetes API schema shipped by `kubernetes-models`. Its compiled
 * validators check types, enums and required fields but let unknown fields through, so they run on a
 * Proxy that records every property they read: a field in the manifest that the schema never asked
 * for is a field Kubernetes does not know (`kubectl apply` rejects it with strict field validation,
 * the default since 1.27).
 *
 * The validators are the packages' compiled JSON-schema functions, imported from their `_schemas/`
 * folder: a path both packages list in their `exports` map but do not document. Their documented API,
 * the model classes (`new Service(object).validate()`), runs the same functions but on a copy of the
 * object it makes first, reading every field, so a Proxy could no longer tell the fields the schema
 * knows from the others: no public way gives the unknown-field check. So this module, and only this
 * one, imports `_schemas/`; tests/unit/manifests/schemas.test.ts fails, naming the package, its
 * version and the path, when an upgrade moves a validator or changes what the check relies on.
 */
import { validate as validateDeployment } from 'kubernetes-models/_schemas/IoK8sApiAppsV1Deployment';
import { validate as validateService } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Service';
import { validate as validateIngress } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1Ingress';
import { validate as validateIngressClass } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1IngressClass';
import { validate as validateNetworkPolicy } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy';
import { validate as validateGateway } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1Gateway';
import { validate as validateGatewayClass } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1GatewayClass';
import { validate as validateHttpRoute } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1HTTPRoute';
import { validate as validateNamespace } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Namespace';
import { validate as validatePodDisruptionBudget } from 'kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget';
import { gatewayListenerProblems } from './gateway-rules.ts';
import { envoyProxyProblems } from './envoy-proxy.ts';

interface SchemaError {
	instancePath: string;
	message?: string;
	keyword: string;
	params: Record<string, unknown>;
}
export type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

const VALIDATORS = {
	'apps/v1 Deployment': validateDeployment as Validator,
	'v1 Service': validateService as Validator,
	'networking.k8s.io/v1 Ingress': validateIngress as Validator,
	'networking.k8s.io/v1 IngressClass': validateIngressClass as Validator,
	'networking.k8s.io/v1 NetworkPolicy': validateNetworkPolicy as Validator,
	'gateway.networking.k8s.io/v1 GatewayClass': validateGatewayClass as Validator,
	'gateway.networking.k8s.io/v1 Gateway': validateGateway as Validator,
	'gateway.networking.k8s.io/v1 HTTPRoute': validateHttpRoute as Validator,
	'v1 Namespace': validateNamespace as Validator,
	'policy/v1 PodDisruptionBudget': validatePodDisruptionBudget as Validator,
} satisfies Record<string, Validator>;

/** Where each validator comes from (checked against the imports above by tests/unit/manifests/schemas.test.ts). */
export const SCHEMA_MODULES: Readonly<Record<keyof typeof VALIDATORS, string>> = {
	'apps/v1 Deployment': 'kubernetes-models/_schemas/IoK8sApiAppsV1Deployment',
	'v1 Service': 'kubernetes-models/_schemas/IoK8sApiCoreV1Service',
	'networking.k8s.io/v1 Ingress': 'kubernetes-models/_schemas/IoK8sApiNetworkingV1Ingress',
	'networking.k8s.io/v1 IngressClass': 'kubernetes-models/_schemas/IoK8sApiNetworkingV1IngressClass',
	'networking.k8s.io/v1 NetworkPolicy': 'kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy',
	'gateway.networking.k8s.io/v1 GatewayClass': '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1GatewayClass',
	'gateway.networking.k8s.io/v1 Gateway': '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1Gateway',
	'gateway.networking.k8s.io/v1 HTTPRoute': '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1HTTPRoute',
	'v1 Namespace': 'kubernetes-models/_schemas/IoK8sApiCoreV1Namespace',
	'policy/v1 PodDisruptionBudget': 'kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget',
};

/** The compiled schema validator for `<apiVersion> <kind>`, as this module uses it. */
export const schemaValidatorFor = (key: string): Validator | undefined => (Object.hasOwn(VALIDATORS, key) ? VALIDATORS[key as keyof typeof VALIDATORS] : undefined);

/** Runs `validator` on `object` and returns its verdict with every field path (`/spec/type`) it read. */
export function runTracked(validator: Validator, object: unknown): { valid: boolean; read: Set<string> } {
	const read = new Set<string>();
	return { valid: validator(tracked(object, '', read)), read };
}

function tracked(value: unknown, path: string, read: Set<string>): unknown {
	if (value === null || typeof value !== 'object') return value;
	return new Proxy(value, {
		get(target, key, receiver) {
			if (typeof key === 'string') read.add(`${path}/${key}`);
			return tracked(Reflect.get(target, key, receiver), `${path}/${String(key)}`, read);
		},
	});
}

function allPaths(value: unknown, path = ''): string[] {
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, child]) => [`${path}/${key}`, ...allPaths(child, `${path}/${key}`)]);
}

const describe = (error: SchemaError) => {
	const what =
		error.keyword === 'required'
			? `is missing \`${String(error.params['missingProperty'])}\``
			: error.keyword === 'enum'
				? `must be one of ${JSON.stringify(error.params['allowedValues'])}`
				: error.keyword === 'type'
					? `must be of type ${String(error.params['type'])}`
					: `fails \`${error.keyword}\` ${JSON.stringify(error.params)}`;
	return `\`${error.instancePath || '/'}\` ${what}`;
};

/**
 * Returns one sentence per problem, naming the source file, the field and the fix; empty when the
 * manifest is valid.
 */
export function validateManifest(object: Record<string, unknown>, source: string): string[] {
	const key = `${String(object['apiVersion'])} ${String(object['kind'])}`;
	if (key === 'gateway.envoyproxy.io/v1alpha1 EnvoyProxy') return envoyProxyProblems(object, source);
	const validator = schemaValidatorFor(key);
	if (!validator) return [`${source}: no schema for \`${key}\`. Add its validator to src/manifests/validate.ts.`];
	const { valid, read } = runTracked(validator, object);
	for (const path of ['/apiVersion', '/kind', '/metadata', '/spec', '/status']) read.add(path);
	const problems: string[] = [];
	if (!valid) {
		for (const error of validator.errors ?? []) problems.push(`${source}: ${key} field ${describe(error)}. Fix the value where the manifest is built.`);
	}
	for (const path of allPaths(object)) {
		if (!read.has(path)) problems.push(`${source}: ${key} has unknown field \`${path}\`. Kubernetes rejects it: remove it or fix its name.`);
	}
	// The CEL rules of the CRD, which no JSON schema carries.
	if (key === 'gateway.networking.k8s.io/v1 Gateway') problems.push(...gatewayListenerProblems(object).map((problem) => `${source}: Gateway ${problem}`));
	return problems;
}

export class ManifestError extends Error {
	constructor(problems: readonly string[]) {
		super(`Invalid Kubernetes manifest:\n- ${problems.join('\n- ')}`);
		this.name = 'ManifestError';
	}
}

export function assertValidManifest(object: Record<string, unknown>, source: string): void {
	const problems = validateManifest(object, source);
	if (problems.length > 0) throw new ManifestError(problems);
}
