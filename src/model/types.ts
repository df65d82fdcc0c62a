import type {
	CostDriver,
	Layer,
	NodeKind,
	ProductionUse,
	Protocol,
	Reach,
	SourceIp,
	TlsEnd,
	TransformKind,
	ZoneArrangement,
	ZoneKind,
} from './kinds.ts';

/** An IP address (or a placeholder such as `<NodeIP>`) and a port. */
export interface Endpoint {
	readonly host: string;
	readonly port: number;
}

/**
 * The Kubernetes `Service` a scenario exposes. Ports live here and only here: node addresses, hop
 * destinations, step texts and manifests are all derived from it.
 */
export interface ServiceSpec {
	readonly name: string;
	readonly namespace: string;
	readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
	readonly clusterIP: string;
	/** Name of the Service port, used in `kubectl proxy` URLs (`web:http`). */
	readonly portName: string;
	readonly port: number;
	readonly targetPort: number;
	readonly nodePort?: number;
	/** Value of the `app` label the Service selects and the Pods carry. */
	readonly app: string;
	readonly externalTrafficPolicy?: 'Cluster' | 'Local';
}

export interface Zone {
	readonly id: string;
	readonly kind: ZoneKind;
	/** A literal name shown under the zone's label (a node name such as `node-a`), never translated. */
	readonly name?: string;
	/** The zone that contains this one; top-level zones have none. */
	readonly parent?: string;
	/** How this zone's child zones are placed: stacked (`column`, the default) or side by side (`row`). */
	readonly arrange?: ZoneArrangement;
	/** For a `worker-node` or `control-plane` zone: the node's IP address. */
	readonly address?: string;
}

export interface TopologyNode {
	readonly id: string;
	readonly kind: NodeKind;
	readonly zone: string;
	/** A literal name (Pod name, binary, …) shown in code font, never translated. */
	readonly name?: string;
	/** Id of the `Service` this node belongs to or implements (Pods, NodePorts, kube-proxy rules, the Service). */
	readonly service?: string;
	/** The node's own address where it has one (a Pod IP, the API server's address). */
	readonly address?: string;
	/** The port it listens on when it is not derived from a Service (`kubectl proxy --port`). */
	readonly port?: number;
}

/** One movement of the request, from one node to the next. */
export interface Hop {
	readonly from: string;
	readonly to: string;
	readonly protocol: Protocol;
	readonly transform: TransformKind;
}

/** What a reader compares between scenarios (worded in the locale tables). */
export interface ScenarioFacts {
	readonly reach: Reach;
	readonly layer: Layer;
	readonly tlsEnds: TlsEnd;
	readonly sourceIp: SourceIp;
	readonly cost: CostDriver;
	readonly production: ProductionUse;
}

export interface Scenario {
	/** Also the page slug under `/exposure/` and the diagram's `data-scenario`. */
	readonly id: string;
	readonly services: readonly ServiceSpec[];
	readonly zones: readonly Zone[];
	readonly nodes: readonly TopologyNode[];
	/** The ordered path of the request: each hop starts where the previous one ended. */
	readonly path: readonly Hop[];
	readonly facts: ScenarioFacts;
}
