/*
 * The Gateway API's CEL rules on a Gateway's listeners, which the JSON schema of
 * `@kubernetes-models/gateway-api` cannot express and so does not check: the API server evaluates them
 * (`x-kubernetes-validations` in the Gateway CRD, Gateway API v1.x) and rejects the manifest. Written
 * here as our own checks, each with the CRD's own message, so a manifest the site shows cannot break one.
 */

interface Listener {
	readonly name?: unknown;
	readonly protocol?: unknown;
	readonly port?: unknown;
	readonly hostname?: unknown;
	readonly tls?: { readonly mode?: unknown; readonly certificateRefs?: readonly unknown[]; readonly options?: Record<string, unknown> };
}

const NO_TLS = ['HTTP', 'TCP', 'UDP'];
const NO_HOSTNAME = ['TCP', 'UDP'];

/** One sentence per broken rule, naming the listener; empty when every rule holds. */
export function gatewayListenerProblems(gateway: Record<string, unknown>): string[] {
	const spec = gateway['spec'] as { listeners?: readonly Listener[] } | undefined;
	const listeners = Array.isArray(spec?.listeners) ? spec.listeners : [];
	const problems: string[] = [];
	const at = (i: number, listener: Listener) => `listener ${i} (\`${String(listener.name)}\`, ${String(listener.protocol)})`;
	listeners.forEach((listener, i) => {
		const protocol = String(listener.protocol);
		if (NO_TLS.includes(protocol) && listener.tls !== undefined)
			problems.push(`${at(i, listener)}: tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']. Remove \`tls\`, or use HTTPS or TLS.`);
		if (protocol === 'HTTPS' && listener.tls !== undefined && listener.tls.mode !== undefined && listener.tls.mode !== '' && listener.tls.mode !== 'Terminate') {
			problems.push(`${at(i, listener)}: tls mode must be Terminate for protocol HTTPS (got \`${String(listener.tls.mode)}\`). Use protocol TLS for Passthrough.`);
		}
		if (NO_HOSTNAME.includes(protocol) && listener.hostname !== undefined && listener.hostname !== '')
			problems.push(`${at(i, listener)}: hostname must not be specified for protocols ['TCP', 'UDP']. Remove \`hostname\`.`);
		// `mode` defaults to Terminate, which needs a certificate (or implementation options) to terminate with.
		const tls = listener.tls;
		if (tls !== undefined && (tls.mode ?? 'Terminate') === 'Terminate' && (tls.certificateRefs?.length ?? 0) === 0 && Object.keys(tls.options ?? {}).length === 0) {
			problems.push(`${at(i, listener)}: certificateRefs or options must be specified when mode is Terminate. Reference the TLS Secret in \`tls.certificateRefs\`.`);
		}
	});
	listeners.forEach((listener, i) => {
		if (listeners.findIndex((other) => other.name === listener.name) !== i) problems.push(`${at(i, listener)}: Listener name must be unique within the Gateway. Rename it.`);
		const same = listeners.findIndex((other) => other.port === listener.port && other.protocol === listener.protocol && (other.hostname ?? null) === (listener.hostname ?? null));
		if (same !== i) problems.push(`${at(i, listener)}: Combination of port, protocol and hostname must be unique for each listener (same as listener ${same}). Change one of them.`);
	});
	return problems;
}
