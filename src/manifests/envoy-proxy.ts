/*
 * Envoy Gateway's `EnvoyProxy` resource (gateway.envoyproxy.io/v1alpha1), which a GatewayClass names
 * in `parametersRef` to shape the Service and the Deployment it creates for each Gateway. Its CRD is not
 * among the schemas `kubernetes-models` ships, so this checks the part of it the site writes, field by
 * field, against the types of Envoy Gateway v1.9's API: a field it does not know is reported, as the
 * schema validators report theirs.
 */
const SERVICE_TYPES = ['ClusterIP', 'LoadBalancer', 'NodePort'];
const POLICIES = ['Local', 'Cluster'];

type Check = (value: unknown, path: string) => string[];

const oneOf =
	(values: readonly string[]): Check =>
	(value, path) =>
		typeof value === 'string' && values.includes(value) ? [] : [`\`${path}\` must be one of ${JSON.stringify(values)}`];
const nonEmptyString: Check = (value, path) => (typeof value === 'string' && value !== '' ? [] : [`\`${path}\` must be a non-empty string`]);
const replicas: Check = (value, path) => (Number.isInteger(value) && (value as number) >= 0 ? [] : [`\`${path}\` must be a whole number, 0 or more`]);

/** An object with these fields, every one optional unless listed in `required`. */
function object(fields: Record<string, Check>, required: readonly string[] = []): Check {
	return (value, path) => {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`\`${path || '/'}\` must be an object`];
		const problems: string[] = [];
		for (const key of required) if (!(key in value)) problems.push(`\`${path}/${key}\` is required`);
		for (const [key, child] of Object.entries(value)) {
			const check = fields[key];
			if (!check) problems.push(`has unknown field \`${path}/${key}\``);
			else problems.push(...check(child, `${path}/${key}`));
		}
		return problems;
	};
}

const envoyProxy = object(
	{
		apiVersion: oneOf(['gateway.envoyproxy.io/v1alpha1']),
		kind: oneOf(['EnvoyProxy']),
		metadata: object({ name: nonEmptyString, namespace: nonEmptyString }, ['name']),
		spec: object({
			provider: object(
				{
					type: oneOf(['Kubernetes']),
					kubernetes: object({
						envoyService: object({ type: oneOf(SERVICE_TYPES), externalTrafficPolicy: oneOf(POLICIES) }),
						envoyDeployment: object({ replicas }),
					}),
				},
				['type'],
			),
		}),
	},
	['apiVersion', 'kind', 'metadata', 'spec'],
);

/** One sentence per problem, naming the source file; empty when the resource is valid. */
export function envoyProxyProblems(object: Record<string, unknown>, source: string): string[] {
	return envoyProxy(object, '').map((problem) => `${source}: EnvoyProxy ${problem}. Fix the value where the manifest is built.`);
}
