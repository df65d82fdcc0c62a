import type { Messages } from './messages.ts';
import type { HopContext } from '../model/resolve.ts';

/*
 * French typography: « guillemets » with non-breaking spaces inside, and a non-breaking space before
 * « : ; ? ! ». The spaces are real U+00A0 characters in the strings below.
 */
const sur = (c: HopContext['to']) => (c.machine ? ` sur \`${c.machine}\`` : '');
const pluriel = (n: number, un: string, plusieurs: string) => `${n} ${n === 1 ? un : plusieurs}`;

export const fr = {
	ui: {
		previous: 'Étape précédente',
		next: 'Étape suivante',
		play: 'Lecture',
		pause: 'Pause',
		copyLink: 'Copier le lien vers cette étape',
		linkCopied: 'Lien copié',
		controls: 'Commandes du schéma',
		steps: 'Étapes de la requête',
		stepCounter: (index, total) => `Étape ${index} sur ${total}`,
		announce: (index, total, title) => `Étape ${index} sur ${total} : ${title}`,
		language: 'Langue',
		readIn: 'Lire cette page en français',
	},
	home: {
		tagline: 'Comment le trafic extérieur atteint vos Pods dans Kubernetes, saut après saut.',
	},
	diagram: {
		title: (scenarioTitle) => `Chemin de la requête : ${scenarioTitle}`,
		desc: (stepCount, route) => `La requête passe par ${pluriel(stepCount, 'étape', 'étapes')} : ${route}.`,
		noAddress: 'dans le noyau',
	},
	node: {
		client: 'Client',
		'kubectl-proxy': 'kubectl proxy',
		'api-server': 'Serveur d’API',
		'cloud-load-balancer': 'Équilibreur de charge cloud',
		'node-port': 'NodePort',
		'kube-proxy': 'Règles de kube-proxy',
		service: 'Service',
		'ingress-controller': 'Contrôleur d’Ingress',
		pod: 'Pod',
	},
	zone: {
		'user-machine': 'Votre machine',
		internet: 'Internet',
		'cloud-network': 'Réseau du fournisseur cloud',
		cluster: 'Cluster',
		'control-plane': 'Plan de contrôle',
		'worker-node': 'Nœud',
	},
	transform: {
		'loopback-http': {
			title: () => 'HTTP en clair vers kubectl proxy, sur votre machine',
			body: (c) =>
				`Le client envoie une requête ${c.protocol} non chiffrée à \`${c.destination}\`. ` +
				'Seuls les programmes de cette machine atteignent cette adresse : `kubectl proxy` écoute sur l’interface de bouclage et, par défaut, ' +
				'refuse les requêtes dont l’en-tête `Host` n’est pas `localhost`, `127.0.0.1` ou `[::1]`. Il ne vous demande pas qui vous êtes.',
		},
		'api-authenticated-proxy': {
			title: () => 'Vers le serveur d’API, avec vos identifiants',
			body: (c) =>
				`\`kubectl proxy\` ouvre une connexion HTTPS vers le serveur d’API à \`${c.destination}\` et y renvoie la requête, ` +
				'signée avec les identifiants du contexte courant de votre kubeconfig (certificat client ou jeton). ' +
				(c.service
					? `Le chemin \`/api/v1/namespaces/${c.service.namespace}/services/${c.service.name}:${c.service.portName}/proxy/\` désigne le Service ; `
					: '') +
				'le serveur d’API vous authentifie, puis RBAC doit autoriser le verbe `get` sur la sous-ressource `services/proxy`.',
		},
		'api-service-proxy': {
			title: (c) => `Le serveur d’API contacte lui-même un Pod${sur(c.to)}`,
			body: (c) =>
				(c.service
					? `Le serveur d’API consulte les endpoints du Service \`${c.service.name}\`, choisit l’un de ses ${pluriel(c.endpointCount, 'point de terminaison (endpoint) prêt', 'points de terminaison (endpoints) prêts')} `
					: 'Le serveur d’API choisit un point de terminaison prêt ') +
				`et se connecte à \`${c.destination}\`${sur(c.to)}. La ClusterIP et les règles de kube-proxy ne sont pas sur ce chemin, ` +
				'et le Pod voit comme client le serveur d’API (ou l’agent Konnectivity d’un plan de contrôle managé).',
		},
		'node-port-connect': {
			title: (c) => `Connexion au NodePort de \`${c.to.machine ?? 'un nœud'}\``,
			body: (c) =>
				`Le client ouvre une connexion ${c.protocol} vers \`${c.destination}\`. ` +
				(c.service?.nodePort !== undefined
					? `Kubernetes a attribué le port ${c.service.nodePort} dans la plage \`30000-32767\` et l’a ouvert sur chaque nœud : l’adresse de n’importe quel nœud convient`
					: 'Le port est ouvert sur chaque nœud : l’adresse de n’importe quel nœud convient') +
				(c.localEndpoints === 0 ? `, même celle-ci, qui n’héberge aucun Pod du Service.` : '.'),
		},
		'netfilter-match': {
			title: () => 'Les règles de kube-proxy interceptent le paquet',
			body: (c) =>
				`Aucun processus n’accepte la connexion sur \`${c.destination}\`. kube-proxy, qui tourne sur chaque nœud, a écrit ` +
				'des règles de filtrage de paquets (iptables par défaut ; le mode nftables est GA depuis Kubernetes 1.33) qui reconnaissent ce port dans le noyau ' +
				(c.service ? `et l’envoient dans la même chaîne que la ClusterIP \`${c.service.clusterIP}:${c.service.port}\` du Service \`${c.service.name}\`.` : 'avant qu’un socket ne le voie.'),
		},
		'endpoint-dnat': {
			title: (c) => `Réécrit vers un Pod${sur(c.to)}`,
			body: (c) =>
				(c.service
					? `Les règles choisissent au hasard l’un des ${pluriel(c.endpointCount, 'endpoint prêt', 'endpoints prêts')} du Service \`${c.service.name}\` `
					: 'Les règles choisissent au hasard un endpoint prêt ') +
				`et réécrivent la destination en \`${c.destination}\` (DNAT).` +
				(c.crossNode && c.from.machine ? ` Ce Pod tourne sur \`${c.to.machine}\` : le paquet quitte donc \`${c.from.machine}\` par le réseau des Pods.` : '') +
				(c.snat && c.from.machine
					? ` Avec \`externalTrafficPolicy: Cluster\` (la valeur par défaut), la source est réécrite elle aussi : le Pod voit \`${c.from.machineAddress}\`, l’adresse de \`${c.from.machine}\`, et non celle du client, et la réponse repasse par \`${c.from.machine}\` pour être retraduite.`
					: ''),
		},
	},
	scenario: {
		'kubectl-proxy': { title: 'kubectl proxy vers un Service ClusterIP' },
		nodeport: { title: 'Service NodePort' },
	},
	facts: {
		reach: {
			'this-machine': 'Seulement la machine qui lance kubectl',
			'node-network': 'Quiconque atteint l’IP d’un nœud',
			internet: 'Internet',
		},
		layer: { L4: 'L4 (TCP/UDP)', L7: 'L7 (HTTP)' },
		tlsEnds: {
			'api-server': 'Serveur d’API (côté utilisateur) ; aucun vers le Pod',
			pod: 'Dans le Pod, si l’application sert du TLS',
			'load-balancer': 'Équilibreur de charge cloud',
			'ingress-controller': 'Contrôleur d’Ingress',
		},
		sourceIp: {
			'api-server': 'Celle du serveur d’API',
			client: 'Celle du client',
			'node-or-client': 'Celle d’un nœud, sauf avec externalTrafficPolicy: Local',
		},
		cost: {
			none: 'Rien de plus',
			'node-ports': 'Rien de plus ; règles de pare-feu pour la plage de ports',
			'load-balancer-per-service': 'Un équilibreur de charge cloud par Service',
			'one-load-balancer': 'Un équilibreur de charge pour plusieurs Services',
		},
		production: {
			never: 'Non : débogage seulement',
			limited: 'Limité : derrière votre propre équilibreur de charge',
			yes: 'Oui',
		},
	},
} as const satisfies Messages;
