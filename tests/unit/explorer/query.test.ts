/*
 * The explorer's URL contract (README): what a link says, what a hand-edited or old one gets wrong,
 * and what the page does instead. Expectations come from the parameter rules as documented and from
 * Kubernetes' own limits, never from the functions under test.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../src/model/build.ts';
import { DEFAULT_PARAMS, formatQuery, parseQuery, QUERY_PARAMS } from '../../../src/explorer/query.ts';

describe('parseQuery', () => {
	it('no parameters: the default setup, three nodes with Pods on two of them, behind a cloud load balancer with Local', () => {
		const { state, ignored } = parseQuery('');
		expect(ignored).toEqual([]);
		expect(state).toEqual({ preset: undefined, params: { entry: 'loadbalancer', nodes: 3, pods: [2, 1, 0], via: 1, etp: 'local', lb: 'forward', targets: 'nodes' } });
		expect(DEFAULT_PARAMS).toEqual(state.params);
	});

	it('a preset alone opens exactly that atlas setup', () => {
		expect(parseQuery('?preset=nodeport')).toEqual({ state: { preset: 'nodeport', params: { entry: 'nodeport', nodes: 2, pods: [0, 2], via: 1, etp: 'cluster' } }, ignored: [] });
	});

	it('a preset with other parameters is their starting point, and no longer the atlas setup', () => {
		const { state, ignored } = parseQuery('?preset=nodeport&etp=local');
		expect(ignored).toEqual([]);
		expect(state).toEqual({ preset: undefined, params: { entry: 'nodeport', nodes: 2, pods: [0, 2], via: 1, etp: 'local' } });
	});

	it('reads every parameter in its documented form: lower-case words, counts comma-separated, routes separated by ;', () => {
		const { state, ignored } = parseQuery('?entry=ingress&front=nodeport&nodes=3&pods=1,0,2&backends=0,1,1;2,0,0&routes=2&via=3&etp=local&tls=edge');
		expect(ignored).toEqual([]);
		expect(state.params).toEqual({
			entry: 'ingress',
			front: 'nodeport',
			nodes: 3,
			pods: [1, 0, 2],
			backends: [
				[0, 1, 1],
				[2, 0, 0],
			],
			routes: 2,
			via: 3,
			etp: 'local',
			tls: 'edge',
		});
	});

	it('a value out of range, of the wrong kind, or a parameter that does not exist: ignored, named with its value and what it takes', () => {
		const { state, ignored } = parseQuery('?entry=nodeport&nodes=99&etp=banana&pods=1,x&color=blue');
		expect(ignored).toEqual([
			{ param: 'nodes', value: '99', allowed: { kind: 'values', values: ['1', '2', '3', '4', '5'] } },
			{ param: 'etp', value: 'banana', allowed: { kind: 'values', values: ['cluster', 'local'] } },
			{ param: 'pods', value: '1,x', allowed: { kind: 'counts', nodes: 2, routes: undefined } },
			{ param: 'color', value: 'blue', allowed: { kind: 'unknown' } },
		]);
		expect(state.params).toEqual({ entry: 'nodeport' });
		expect(() => buildScenario(state.params)).not.toThrow();
	});

	it('a count per node for a cluster of another size is ignored and says how many counts to give', () => {
		expect(parseQuery('?entry=nodeport&nodes=3&pods=1,1').ignored).toEqual([{ param: 'pods', value: '1,1', allowed: { kind: 'counts', nodes: 3, routes: undefined } }]);
	});

	it('externalTrafficPolicy with kubectl proxy: there is no NodePort or LoadBalancer Service on that path, so it does not apply at all', () => {
		const { state, ignored } = parseQuery('?entry=kubectl-proxy&etp=local');
		expect(ignored).toEqual([{ param: 'etp', value: 'local', allowed: { kind: 'values', values: [] } }]);
		expect(state.params).toEqual({ entry: 'kubectl-proxy' });
	});

	it('TLS at the Pod through an Ingress: the Ingress API has no passthrough; what is left is plain HTTP or TLS at the controller', () => {
		expect(parseQuery('?entry=ingress&tls=pod').ignored).toEqual([{ param: 'tls', value: 'pod', allowed: { kind: 'values', values: ['none', 'edge'] } }]);
	});

	it('Local and a Pod on another node than the one the connection enters: Local only chooses the node’s own Pods', () => {
		const { state, ignored } = parseQuery('?entry=loadbalancer&nodes=2&pods=1,1&via=1&pick=2&etp=local');
		expect(ignored).toEqual([{ param: 'pick', value: '2', allowed: { kind: 'values', values: ['1'] } }]);
		expect(state.params.pick).toBeUndefined();
	});

	it('a preset that is not an atlas setup (the mesh’s east-west path is not a way in) lists the presets', () => {
		const { ignored } = parseQuery('?preset=service-mesh');
		expect(ignored).toEqual([
			{
				param: 'preset',
				value: 'service-mesh',
				allowed: { kind: 'values', values: ['kubectl-proxy', 'port-forward', 'nodeport', 'loadbalancer', 'ingress-nodeport', 'ingress-loadbalancer', 'loadbalancer-per-api', 'gateway-api'] },
			},
		]);
	});

	it('a parameter given twice: the first one counts', () => {
		expect(parseQuery('?entry=nodeport&nodes=3&nodes=4').state.params.nodes).toBe(3);
	});

	it('backends for a way in without routing: ignored, it does not apply', () => {
		expect(parseQuery('?entry=nodeport&backends=1,1;1,1').ignored).toEqual([{ param: 'backends', value: '1,1;1,1', allowed: { kind: 'values', values: [] } }]);
	});
});

describe('formatQuery', () => {
	it('writes a preset as `?preset=<id>`', () => {
		expect(formatQuery({ preset: 'gateway-api', params: { entry: 'gateway' } })).toBe('?preset=gateway-api');
	});

	it('writes the parameters in the documented order, and a link read back gives the same link', () => {
		const link = '?entry=ingress&front=loadbalancer&nodes=3&pods=1,1,0&backends=0,1,1;1,0,0&routes=2&etp=local&lb=proxy&targets=nodes&tls=lb';
		expect(formatQuery(parseQuery(link).state)).toBe(link);
		expect(QUERY_PARAMS).toEqual(['preset', 'entry', 'front', 'nodes', 'pods', 'backends', 'routes', 'via', 'pick', 'etp', 'lb', 'targets', 'tls', 'affinity', 'fail']);
	});

	it('fail breaks a hop the setup can have; one it cannot is ignored, naming the ones it can', () => {
		const link = '?entry=nodeport&nodes=2&pods=1,1&etp=cluster&fail=node-port-blocked';
		const { state, ignored } = parseQuery(link);
		expect(ignored).toEqual([]);
		expect(formatQuery(state)).toBe(link);
		const bad = parseQuery('?entry=nodeport&nodes=2&pods=1,1&fail=proxy-rbac-forbidden');
		expect(bad.state.params.fail).toBeUndefined();
		expect(bad.ignored).toHaveLength(1);
		expect(bad.ignored[0]).toMatchObject({ param: 'fail', value: 'proxy-rbac-forbidden' });
		expect(bad.ignored[0]!.allowed).toEqual({ kind: 'values', values: ['selector-matches-nothing', 'no-ready-pod', 'wrong-target-port', 'node-port-blocked'] });
		expect(parseQuery('?entry=nodeport&fail=banana').ignored[0]).toMatchObject({ param: 'fail', value: 'banana' });
	});

	it('writes affinity only when it is clientip: none is the API default, and old links stay as they were', () => {
		const link = '?entry=nodeport&nodes=2&pods=1,1&etp=cluster&affinity=clientip';
		expect(formatQuery(parseQuery(link).state)).toBe(link);
		expect(formatQuery(parseQuery('?entry=nodeport&nodes=2&pods=1,1&affinity=none').state)).toBe('?entry=nodeport&nodes=2&pods=1,1');
		// Where no kube-proxy rule picks the Pod, the link's affinity is ignored, and the page says what it takes.
		const { ignored } = parseQuery('?entry=kubectl-proxy&affinity=clientip');
		expect(ignored).toEqual([{ param: 'affinity', value: 'clientip', allowed: { kind: 'values', values: ['none'] } }]);
	});
});
