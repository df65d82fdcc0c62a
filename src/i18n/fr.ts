import type { Messages } from './messages.ts';
import type { HopContext, SeenAddress } from '../model/resolve.ts';
import { AWS_CERTIFICATE_ANNOTATION, type StepContext } from '../model/hop-facts.ts';
import type { OutcomeView } from '../model/outcome.ts';
import { NODE_PORT_RANGE } from '../model/kinds.ts';
import { reviewedMonth } from '../site/checked-against.ts';

/*
 * French typography: « guillemets » with non-breaking spaces inside, and a non-breaking space before
 * « : ; ? ! ». The spaces are real U+00A0 characters in the strings below.
 */
const sur = (c: HopContext['to']) => (c.machine ? ` sur \`${c.machine}\`` : '');
const pluriel = (n: number, un: string, plusieurs: string) => `${n} ${n === 1 ? un : plusieurs}`;
/** « l’un des 3 endpoints prêts », ou « le seul endpoint prêt ». */
const lUnDes = (n: number) => (n === 1 ? 'le seul endpoint prêt' : `l’un des ${n} endpoints prêts`);
const auHasard = (n: number) => (n === 1 ? '' : ' au hasard');
const PLAGE = `${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`;
/** Une adresse source telle qu’une étape la nomme : à qui elle appartient, avec l’adresse quand le modèle la connaît. */
const qui = (s: SeenAddress): string => {
	const adr = s.address === undefined ? '' : `\`${s.address}\`, `;
	switch (s.origin) {
		case 'client':
			return s.address === undefined ? 'l’adresse du client' : `l’adresse du client, \`${s.address}\``;
		case 'node':
			return `${adr}une adresse de \`${s.machine ?? 'ce nœud'}\``;
		case 'load-balancer':
			return `${adr}l’adresse privée de l’équilibreur de charge`;
		case 'api-server':
			return `${adr}l’adresse du serveur d’API`;
		case 'proxy':
			return `${adr}l’IP du Pod du proxy`;
		case 'sidecar':
			return `${adr}l’adresse du sidecar`;
		case 'loopback':
			return `${adr}l’adresse de bouclage du Pod lui-même`;
	}
};
/** La fin d’une étape de proxy : ce que porte `X-Forwarded-For`, et pourquoi quand ce n’est pas l’adresse du client. */
const transmise = (s: SeenAddress): string =>
	s.origin === 'client'
		? `${qui(s)}.`
		: `${qui(s)}, et non celle du client, ${s.origin === 'node' ? (s.replaced === 'load-balancer' ? 'que l’équilibreur de charge n’a pas transmise, et dont la réécriture de source du nœud a remplacé à son tour l’adresse' : 'que la réécriture de source du nœud avait remplacée avant que la connexion n’atteigne le proxy') : 'que l’équilibreur de charge n’a pas transmise'}.`;

/** Un équilibreur de charge qui termine le TLS : avec quel certificat, et ce qu’il transmet ensuite. */
const certificatLb = (c: StepContext): string =>
	c.facts.tls === 'ends' && c.facts.certificate !== undefined
		? ` Il déchiffre la connexion avec le certificat \`${c.facts.certificate}\` que nomme l’annotation \`${AWS_CERTIFICATE_ANNOTATION}\` du Service, et transmet la requête en ${c.protocol} non chiffré.`
		: '';

/** Ce que voit le client, dit une seule fois pour toutes les façons dont une requête peut s’arrêter. */
/** Qui `X-Forwarded-For` nomme : les mots du tableau comparatif, repris par les notes de l’explorateur. */
const X_FORWARDED_FOR = {
	client: 'celle du client est dans X-Forwarded-For',
	node: 'X-Forwarded-For porte une adresse de nœud',
	'load-balancer': 'X-Forwarded-For porte l’adresse privée de l’équilibreur de charge',
	'api-server': 'X-Forwarded-For porte l’adresse du serveur d’API',
	proxy: 'X-Forwarded-For porte l’adresse d’un autre proxy',
	sidecar: 'X-Forwarded-For porte l’adresse d’un sidecar',
	loopback: 'X-Forwarded-For porte une adresse de bouclage',
} as const;

const symptome = (o: OutcomeView): string => {
	switch (o.symptom) {
		case 'timeout':
			return 'Le client ne reçoit aucune réponse : sa connexion expire.';
		case 'connection-refused':
			return 'Le client reçoit aussitôt « connection refused ».';
		case 'empty-reply':
			return 'La connexion du client est acceptée, puis fermée sans un octet de réponse : `Empty reply from server`.';
		case 'http-404':
			return 'Le client reçoit `404 Not Found`.';
		case 'http-503':
			return 'Le client reçoit `503 Service Unavailable`.';
		case 'http-403':
			return 'Le client reçoit `403 Forbidden`.';
		case 'http-502':
			return 'Le client reçoit `502 Bad Gateway`.';
		case 'http-504':
			return 'Le client reçoit `504 Gateway Timeout`, après l’attente du proxy lui-même.';
		case 'tls-untrusted':
			return 'Le client refuse le certificat qu’on lui présente : `SSL certificate problem`.';
		case 'no-address':
		case undefined:
			return '';
	}
};

/** Les mots du catalogue des pannes (src/model/failures.ts), hors de la table pour que les phrases d’issue s’en servent. */
const FAILURE_WORDS = {
	mode: {
		'selector-matches-nothing': {
			title: 'Le Service ne sélectionne aucun Pod',
			cause: 'Le `selector` du Service ne correspond aux labels d’aucun Pod (une faute de frappe, un label changé dans le Deployment mais pas dans le Service) : le Service n’a aucun endpoint, et ce qui lui envoie n’a nulle part où aller.',
			fix: "Rendez identiques le sélecteur et les labels du modèle de Pod : comparez `kubectl get service … -o jsonpath='{.spec.selector}'` avec `kubectl get pods --show-labels`.",
		},
		'no-ready-pod': {
			title: 'Aucun Pod n’est prêt',
			cause: 'Les Pods tournent mais échouent à leur sonde de disponibilité (ou ne l’ont pas encore passée) : leurs endpoints sont marqués non prêts, et rien ne leur envoie de trafic.',
			fix: 'Lisez pourquoi avec `kubectl describe pod …` (les événements `Readiness probe failed`) : corrigez l’application, ou le chemin, le port ou le délai de la sonde.',
		},
		'wrong-target-port': {
			title: 'Le targetPort n’est pas le port du conteneur',
			cause: 'Le Service envoie vers son `targetPort` (`kubectl port-forward service/…` y transfère aussi), et rien n’écoute sur ce port dans le Pod : le noyau du Pod répond à la connexion par une réinitialisation. Un port-forward affiche alors `error forwarding port` et ferme la connexion qu’il avait acceptée.',
			fix: 'Donnez à `targetPort` le port sur lequel écoute le conteneur, ou le nom de son `containerPort`, pour qu’un changement de port suive de lui-même.',
		},
		'node-port-blocked': {
			title: 'Un pare-feu abandonne le port de nœud',
			cause: 'Un pare-feu, un groupe de sécurité ou une ACL réseau entre le client (ou l’équilibreur de charge) et les nœuds abandonne les paquets vers le port de nœud : personne ne répond, la connexion expire.',
			fix: 'Autorisez le TCP vers le port de nœud (ou toute la plage, 30000–32767 par défaut) depuis les adresses des clients ou de l’équilibreur de charge, sur chaque nœud qu’ils peuvent utiliser.',
		},
		'local-no-endpoint': {
			title: '`Local` sur un nœud sans Pod',
			cause: 'Avec `externalTrafficPolicy: Local`, les règles d’un nœud n’envoient qu’aux Pods prêts de ce nœud : un client qui atteint un nœud qui n’en a pas voit ses paquets abandonnés.',
			fix: 'N’envoyez les clients que vers des nœuds qui font tourner un Pod (un équilibreur de charge qui vérifie le `healthCheckNodePort` le fait), faites tourner un Pod sur chaque nœud (un DaemonSet), ou passez à `Cluster` si l’adresse du client importe peu.',
		},
		'load-balancer-pending': {
			title: 'L’équilibreur de charge reste en attente',
			cause: 'Aucun contrôleur du cluster n’implémente `type: LoadBalancer` (du bare metal sans MetalLB, un contrôleur cloud absent ou sans droits) : le Service ne reçoit aucune adresse, et `EXTERNAL-IP` reste `<pending>`.',
			fix: 'Installez une implémentation d’équilibreur de charge (MetalLB, kube-vip, le contrôleur du fournisseur) et lisez les événements du Service (`kubectl describe service …`).',
		},
		'no-ingress-class': {
			title: 'Aucun contrôleur ne lit l’Ingress',
			cause: 'L’Ingress nomme une `ingressClassName` qu’aucun contrôleur en marche ne surveille, ou aucune alors qu’aucune classe n’est celle par défaut : aucun contrôleur ne la prend, aucun n’a donc ses règles, et le contrôleur qui reçoit la requête répond 404.',
			fix: 'Donnez à `ingressClassName` la classe d’un contrôleur en marche (`kubectl get ingressclass`), ou marquez une classe comme celle par défaut.',
		},
		'no-matching-rule': {
			title: 'Aucune règle pour cet hôte ou ce chemin',
			cause: 'Le `Host` ou le chemin de la requête ne correspond à aucune règle de l’Ingress ou de la HTTPRoute (un `www.` manquant, un chemin sans son préfixe) : le proxy n’a pas de route et répond 404 lui-même.',
			fix: 'Comparez l’hôte et le chemin qu’envoie le client (`curl -v` les montre) avec les règles, et ajoutez l’hôte ou le chemin, ou une règle pour `/`.',
		},
		'tls-secret-missing': {
			title: 'Le Secret TLS est absent',
			cause: 'L’Ingress nomme un Secret TLS qui n’est pas dans son propre espace de noms (absent, mal orthographié, ou dans un autre) : Traefik présente à la place son propre certificat par défaut, auquel aucun client ne se fie.',
			fix: 'Créez le Secret (`kubectl create secret tls …`, ou laissez cert-manager l’émettre) dans l’espace de noms de l’Ingress, sous le nom que donne sa section `tls`.',
		},
		'route-not-accepted': {
			title: 'La Gateway n’accepte pas la HTTPRoute',
			cause: 'Les `parentRefs` de la HTTPRoute nomment une autre Gateway ou un autre écouteur, ou les `allowedRoutes` de l’écouteur n’admettent pas l’espace de noms de la route : son statut dit `Accepted: False`, la Gateway n’a pas de route pour la requête et répond 404.',
			fix: 'Lisez la raison dans le statut de la route (`NotAllowedByListeners`, `NoMatchingParent`…), puis corrigez les `parentRefs` ou posez sur l’espace de noms le label que demandent les `allowedRoutes` de l’écouteur.',
		},
		'network-policy-denies-proxy': {
			title: 'Une NetworkPolicy ferme la porte au proxy',
			cause: 'Une NetworkPolicy sélectionne les Pods du backend et n’admet rien depuis les Pods du proxy qui leur envoie (ceux du contrôleur Ingress, de la Gateway ou, dans un maillage, le sidecar de l’appelant lui-même) : les connexions du proxy restent sans réponse, et il abandonne au bout de son délai de connexion.',
			fix: 'Ajoutez une politique qui autorise l’entrée vers les Pods du backend depuis les Pods du proxy (un `namespaceSelector` sur `kubernetes.io/metadata.name` pour un autre espace de noms, un `podSelector` pour ceux de l’appelant), sur le port du backend.',
		},
		'proxy-rbac-forbidden': {
			title: 'Pas de droit sur services/proxy',
			cause: 'L’utilisateur sous lequel `kubectl proxy` s’authentifie n’a pas le droit `get` sur la sous-ressource `services/proxy` de cet espace de noms : le serveur d’API refuse la requête lui-même.',
			fix: 'Accordez un Role avec la ressource `services/proxy` et les verbes qu’utilisent les requêtes (`get` pour un GET), lié à cet utilisateur, ou utilisez `kubectl port-forward`, qui demande `pods/portforward`.',
		},
		'authorization-policy-denies': {
			title: 'Une AuthorizationPolicy éconduit l’appelant',
			cause: 'Une `AuthorizationPolicy` d’Istio sélectionne les Pods appelés, et aucune de ses règles n’admet l’identité de l’appelant (le compte de service que nomme son certificat mTLS), ou une règle `DENY` la vise : le sidecar du Pod appelé répond `403` lui-même, avec le corps `RBAC: access denied`, et l’application ne voit jamais la requête.',
			fix: 'Ajoutez l’appelant à une règle `ALLOW` (`from.source.principals: cluster.local/ns/<espace de noms>/sa/<compte de service>`), ou resserrez la règle `DENY` qui le vise : `kubectl get authorizationpolicy … -o yaml` montre le `selector` et les règles de chaque politique.',
		},
	},
	symptom: {
		timeout: 'La connexion expire',
		'connection-refused': 'Connexion refusée',
		'empty-reply': 'Une réponse vide',
		'http-403': 'HTTP 403 Forbidden',
		'http-404': 'HTTP 404 Not Found',
		'http-502': 'HTTP 502 Bad Gateway',
		'http-503': 'HTTP 503 Service Unavailable',
		'http-504': 'HTTP 504 Gateway Timeout',
		'tls-untrusted': 'Un certificat auquel le client ne se fie pas',
		'no-address': '`EXTERNAL-IP` reste `<pending>`',
	},
} as const satisfies Messages['failures'];

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
		startPath: 'Suivre le parcours d’apprentissage',
		startPathHint: 'Toutes les pages dans l’ordre, de `kubectl proxy` à la Gateway API, chacune bâtie sur les précédentes.',
		startChoose: 'Choisir une voie d’entrée',
		startChooseHint: 'Quelques questions fermées sur votre trafic et votre cluster.',
	},
	preview: {
		alt: (title) => `${title} : le chemin de la requête, sur le site kube-paths`,
		siteLine: 'kube-paths · comment le trafic atteint vos Pods',
	},
	search: {
		clear: 'Effacer',
		loading: 'Chargement de la recherche…',
		unavailable: 'La recherche n’a pas pu être chargée. Vérifiez votre connexion et rouvrez-la.',
		results: { one: '{count} résultat pour « {term} »', other: '{count} résultats pour « {term} »' },
		noResults: 'Aucun résultat pour « {term} »',
		more: 'Plus de résultats',
	},
	diagram: {
		title: (scenarioTitle) => `Chemin de la requête : ${scenarioTitle}`,
		desc: (stepCount, route) => `La requête passe par ${pluriel(stepCount, 'étape', 'étapes')} : ${route}.`,
		stops: (kind, node) => ({ dropped: `Elle est abandonnée à ${node}.`, refused: `Elle est refusée à ${node}.`, pending: `Elle ne peut pas partir : ${node} n’a pas encore d’adresse.` })[kind],
		noAddress: 'dans le noyau',
	},
	packet: {
		heading: 'Le paquet sur ce saut',
		protocol: 'Protocole',
		source: 'Source',
		destination: 'Destination',
		changes: 'Ce qui change',
		changed: 'modifié',
		application: 'L’application voit',
		unknownHost: (port) => `l’adresse de votre machine, port ${port}`,
		unknown: 'pas encore connue',
		change: {
			opens: 'Le client ouvre la connexion, depuis un port que choisit le noyau.',
			'new-connection': 'Une nouvelle connexion : l’expéditeur ouvre la sienne, depuis un nouveau port source.',
			dnat: (from, to) => `Destination réécrite (DNAT) : ${from} → ${to}.`,
			redirect: (port) => `Redirigée vers le port ${port} du sidecar, qui peut encore lire la destination d’origine.`,
			snat: (from, to) => `Source réécrite (SNAT) : ${from} → ${to}, le port conservé.`,
			tls: {
				starts: 'Le TLS commence ici.',
				ends: 'Le TLS s’arrête ici : la requête continue en clair.',
				passes: 'Le TLS passe sans être lu.',
				restarts: 'Une nouvelle connexion TLS commence ici : la précédente s’est arrêtée à l’expéditeur.',
			},
			header: (name, value) => `Ajoute \`${name}: ${value}\`.`,
			none: 'Rien : le paquet repart tel qu’il est arrivé.',
		},
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
		'gateway-proxy': 'Proxy de la Gateway',
		pod: 'Pod',
		container: 'Conteneur',
		'sidecar-proxy': 'Proxy sidecar',
		'kubectl-port-forward': 'kubectl port-forward',
		kubelet: 'kubelet',
	},
	zone: {
		'user-machine': 'Votre machine',
		internet: 'Internet',
		'cloud-network': 'Réseau du fournisseur cloud',
		cluster: 'Cluster',
		'control-plane': 'Plan de contrôle',
		'worker-node': 'Nœud',
		pod: 'Pod',
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
				'authentifiée avec les identifiants du contexte courant de votre kubeconfig : un certificat client ou un jeton porteur (bearer token). ' +
				(c.service ? `Le chemin \`/api/v1/namespaces/${c.service.namespace}/services/${c.service.name}:${c.service.portName}/proxy/\` désigne le Service. ` : '') +
				'Le serveur d’API vous authentifie, puis RBAC doit autoriser le verbe `get` sur la sous-ressource `services/proxy`.',
		},
		'api-service-proxy': {
			title: (c) => `Le serveur d’API contacte lui-même un Pod${sur(c.to)}`,
			body: (c) =>
				(c.service
					? `Le serveur d’API consulte les endpoints du Service \`${c.service.name}\`, choisit ${c.endpointCount === 1 ? 'son seul point de terminaison (endpoint) prêt' : `l’un de ses ${c.endpointCount} points de terminaison (endpoints) prêts`} `
					: 'Le serveur d’API choisit un point de terminaison prêt ') +
				`et se connecte à \`${c.destination}\`${sur(c.to)}. La ClusterIP et les règles de kube-proxy ne sont pas sur ce chemin, ` +
				'et le Pod voit comme client le serveur d’API (ou l’agent Konnectivity d’un plan de contrôle géré par le fournisseur).',
		},
		'node-port-connect': {
			title: (c) => `Connexion au NodePort de \`${c.to.machine ?? 'un nœud'}\``,
			body: (c) =>
				`Le client ouvre une connexion ${c.protocol} vers \`${c.destination}\`. ` +
				(c.service?.nodePort !== undefined
					? `Le port de nœud du Service, ${c.service.nodePort}, pris dans la plage \`${PLAGE}\`, est ouvert sur chaque nœud : l’adresse de n’importe quel nœud convient`
					: 'Le port est ouvert sur chaque nœud : l’adresse de n’importe quel nœud convient') +
				(c.facts.noLocalEndpoint ? `, même celle-ci, qui n’héberge aucun Pod du Service.` : '.'),
		},
		'netfilter-match': {
			title: () => 'Les règles de kube-proxy interceptent le paquet',
			body: (c) =>
				`Aucun processus n’accepte la connexion sur \`${c.destination}\`. kube-proxy, qui tourne sur chaque nœud, a écrit ` +
				'des règles de filtrage de paquets (iptables par défaut ; le mode nftables est stable depuis Kubernetes 1.33) qui reconnaissent ce port dans le noyau ' +
				(c.service ? `et l’envoient dans la même chaîne que la ClusterIP \`${c.service.clusterIP}:${c.service.port}\` du Service \`${c.service.name}\`.` : 'avant qu’un socket ne le voie.'),
		},
		'endpoint-dnat': {
			title: (c) => `Réécrit vers un Pod${sur(c.to)}`,
			body: (c) =>
				(c.service ? `Les règles choisissent${auHasard(c.endpointCount)} ${lUnDes(c.endpointCount)} du Service \`${c.service.name}\` ` : 'Les règles choisissent au hasard un endpoint prêt ') +
				`et réécrivent la destination en \`${c.destination}\` (DNAT).` +
				(c.crossNode && c.from.machine ? ` Ce Pod tourne sur \`${c.to.machine}\` : le paquet quitte donc \`${c.from.machine}\` par le réseau des Pods.` : '') +
				{
					'snat-to-node': ` Avec \`externalTrafficPolicy: Cluster\` (la valeur par défaut), la source est réécrite elle aussi : le Pod voit ${qui(c.sourceOut)}, et non ${c.sourceIn.origin === 'client' ? 'celle du client' : 'celle avec laquelle le paquet est arrivé'}, et la réponse repasse par \`${c.from.machine ?? ''}\` pour être retraduite.`,
					'kept-local': ` Avec \`externalTrafficPolicy: Local\`, les règles ne choisissent que parmi les Pods de ce nœud et laissent la source intacte : le Pod voit ${qui(c.sourceOut)}.`,
					none: '',
				}[c.facts.sourceNat],
		},
		'load-balancer-connect': {
			title: () => 'Vers l’adresse publique de l’équilibreur de charge',
			body: (c) =>
				c.facts.addressPending
					? `Le Service \`${c.service?.name ?? ''}\` est de type \`LoadBalancer\` : le client a besoin de l’adresse de l’équilibreur de charge qu’il demande.`
					: `Le client ouvre une connexion ${c.protocol} vers \`${c.destination}\`` +
						(c.service?.loadBalancerHostname
							? `, l’une des adresses vers lesquelles pointe \`${c.service.loadBalancerHostname}\` : le fournisseur a donné à l’équilibreur de charge du Service \`${c.service.name}\` un nom DNS, que \`kubectl get service\` affiche comme \`EXTERNAL-IP\`.`
							: c.service
								? `, l’adresse que le cloud a donnée à l’équilibreur de charge du Service \`${c.service.name}\` (l’\`EXTERNAL-IP\` qu’affiche \`kubectl get service\`).`
								: '.') +
						(c.facts.receiverEndsTls
							? ' Cet équilibreur de charge détient le certificat : il termine lui-même le TLS du client, puis ouvre sa propre connexion vers le cluster.'
							: c.facts.encrypted
								? ' C’est un équilibreur de charge réseau (L4) : il transmet les octets chiffrés sans les lire.'
								: ' C’est un équilibreur de charge réseau (L4) : il transmet les connexions TCP sans les lire.'),
		},
		'load-balancer-to-node': {
			title: (c) => `L’équilibreur de charge choisit \`${c.to.machine ?? 'un nœud'}\``,
			body: (c) =>
				`Il transmet la connexion à \`${c.destination}\`, le NodePort du Service \`${c.service?.name ?? ''}\`${sur(c.to)}. ` +
				(c.facts.trafficPolicy !== 'Local'
					? 'Avec `externalTrafficPolicy: Cluster`, tout nœud en bonne santé est une cible, qu’il exécute un Pod du Service ou non ; beaucoup de fournisseurs interrogent pour le savoir le point d’accès `/healthz` de kube-proxy, sur le port `10256`.'
					: c.facts.noLocalEndpoint
						? `Avec \`externalTrafficPolicy: Local\`, ses vérifications de santé interrogent le \`healthCheckNodePort\` de chaque nœud, et seuls les nœuds qui exécutent un Pod prêt du Service répondent. \`${c.to.machine ?? ''}\` n’en exécute aucun : sa vérification échoue, et l’équilibreur de charge cesse d’y envoyer dès qu’il s’en aperçoit. Une connexion envoyée avant ne trouve aucun Pod.`
						: `Avec \`externalTrafficPolicy: Local\`, ses vérifications de santé interrogent le \`healthCheckNodePort\` de chaque nœud, et seuls les nœuds qui exécutent un Pod prêt du Service répondent : ici \`${c.to.machine ?? ''}\`, avec ${pluriel(c.localEndpoints, 'endpoint local', 'endpoints locaux')}. Les autres nœuds ne reçoivent rien.`) +
				certificatLb(c) +
				(c.facts.loadBalancer === 'proxies-connections'
					? ` Cet équilibreur de charge ouvre ses propres connexions : le nœud voit ${qui(c.sourceOut)}, et non celle du client.`
					: ' Cet équilibreur de charge transmet les paquets sans ouvrir de connexion à son nom : leur source reste l’adresse du client.'),
		},
		'load-balancer-to-pod': {
			title: (c) => `Directement vers un Pod${sur(c.to)}`,
			body: (c) =>
				`L’équilibreur de charge vise des IP de Pods, pas des nœuds : il envoie la connexion à \`${c.destination}\`. ` +
				(c.facts.targetController === 'aws-load-balancer-controller'
					? 'L’AWS Load Balancer Controller, averti par les annotations du Service, enregistre les Pods prêts du Service comme cibles et tient cette liste à jour, '
					: 'Son contrôleur enregistre les Pods prêts du Service comme cibles et tient cette liste à jour, ') +
				'si bien qu’il n’y a ni NodePort ni saut par kube-proxy à l’entrée, et que le Service fixe `allocateLoadBalancerNodePorts: false`.' +
				certificatLb(c) +
				(c.facts.loadBalancer === 'proxies-connections'
					? ` Le Pod voit ${qui(c.sourceOut)}, et non celle du client : ` +
						(c.facts.targetController === 'aws-load-balancer-controller'
							? 'un NLB à cibles IP en TCP ne conserve l’adresse du client que si l’attribut `preserve_client_ip.enabled` du groupe cible vaut `true`, et peut sinon la transmettre dans un en-tête du protocole PROXY.'
							: 'cet équilibreur de charge ne conserve pas l’adresse du client, et peut la transmettre dans un en-tête du protocole PROXY.')
					: ' L’adresse du client arrive intacte jusqu’au Pod.'),
		},
		'ingress-route': {
			title: (c) => (c.facts.certificate ? 'Le TLS s’arrête au contrôleur d’Ingress, qui route selon l’hôte et le chemin' : 'Le contrôleur d’Ingress route selon l’hôte et le chemin'),
			body: (c) =>
				(c.facts.certificate ? `Le contrôleur déchiffre la connexion avec le certificat du Secret \`${c.facts.certificate}\`. ` : '') +
				(c.routing && c.rule
					? `Il lit la requête, \`Host: ${c.routing.host}\` et un chemin sous \`${c.rule.path}\`, et la compare à l’Ingress \`${c.routing.name}\` (classe \`${c.routing.className}\`) : cette règle l’envoie au Service \`${c.rule.service}\`. `
					: '') +
				`Comme la plupart des contrôleurs, il ne passe pas par la ClusterIP : il choisit ${lUnDes(c.endpointCount)} du Service et ouvre sa propre connexion ${c.protocol} vers \`${c.destination}\`${sur(c.to)}. ` +
				`Le Pod voit l’IP du Pod du contrôleur comme source ; le contrôleur inscrit dans \`X-Forwarded-For\` l’adresse d’où il a reçu la requête : ${c.facts.header ? transmise(c.facts.header.value) : ''}`,
		},
		'gateway-route': {
			title: (c) => (c.facts.certificate ? 'Le TLS s’arrête à la Gateway, qui applique la HTTPRoute' : 'La Gateway applique la HTTPRoute'),
			body: (c) =>
				(c.facts.certificate
					? `Le proxy qui implémente la Gateway \`${c.routing?.gateway?.name ?? ''}\` (classe \`${c.routing?.className ?? ''}\`) déchiffre la connexion avec le certificat du Secret \`${c.facts.certificate}\`, désigné par l’écouteur HTTPS de la Gateway. `
					: '') +
				(c.routing && c.rule
					? `La requête pour \`${c.routing.host}${c.rule.path}\` correspond à la HTTPRoute \`${c.routing.name}\` de l’espace de noms (namespace) \`${c.routing.namespace}\`, rattachée à cette Gateway ; sa règle l’envoie au Service \`${c.rule.service}\`. `
					: '') +
				`Le proxy choisit ${lUnDes(c.endpointCount)} et ouvre une nouvelle connexion ${c.protocol} vers \`${c.destination}\`${sur(c.to)}. ` +
				`Le Pod voit l’IP du Pod du proxy comme source ; le proxy inscrit dans \`X-Forwarded-For\` l’adresse d’où il a reçu la requête : ${c.facts.header ? transmise(c.facts.header.value) : ''}`,
		},
		'sidecar-outbound': {
			title: () => 'Le sidecar intercepte l’appel sortant',
			body: (c) =>
				`L’application \`${c.from.name ?? ''}\` se connecte à \`${c.destination}\`` +
				(c.addressedService ? `, la ClusterIP du Service \`${c.addressedService.name}\`, comme s’il n’y avait pas de maillage. ` : '. ') +
				`Des règles installées par le maillage dans l’espace réseau du Pod redirigent la connexion vers le sidecar \`${c.to.name ?? ''}\` du même Pod` +
				(c.toPort !== undefined ? ` (port \`${c.toPort}\`)` : '') +
				', qui lit la destination d’origine et lui applique le routage du maillage.',
		},
		'mesh-mtls': {
			title: () => 'De sidecar à sidecar, en TLS mutuel',
			body: (c) =>
				(c.service
					? `Le sidecar choisit lui-même ${lUnDes(c.endpointCount)} du Service \`${c.service.name}\`, sans passer par les règles ClusterIP de kube-proxy, `
					: 'Le sidecar choisit lui-même un endpoint prêt ') +
				`et se connecte à \`${c.destination}\`${sur(c.to)}. Les deux sidecars présentent des certificats émis par le maillage pour l’identité de leur charge de travail : la connexion est chiffrée et chacun sait qui est l’autre. ` +
				'Les nouvelles tentatives, les délais et la répartition du trafic s’appliquent ici, dans le sidecar de l’appelant.',
		},
		'sidecar-inbound': {
			title: () => 'Remis à l’application dans le Pod',
			body: (c) =>
				`Le sidecar destinataire a intercepté la connexion sur l’IP du Pod. Il vérifie la politique d’autorisation du maillage, termine le TLS mutuel et passe la requête ${c.protocol} en clair à \`${c.to.name ?? ''}\` sur \`${c.destination}\`. ` +
				'Depuis Istio 1.10, il utilise l’IP du Pod plutôt que `127.0.0.1` : une application qui n’écoute que sur localhost n’est pas joignable à travers le maillage.',
		},
		'port-forward-listen': {
			title: () => 'Vers kubectl port-forward, sur votre machine',
			body: (c) =>
				`Le client ouvre une connexion ${c.protocol} vers \`${c.destination}\`, le port local sur lequel écoute \`kubectl port-forward\`. ` +
				'Par défaut, il n’écoute que sur l’interface de bouclage, `127.0.0.1` et `::1` : seuls les programmes de cette machine peuvent s’y connecter ; `--address` change cela. ' +
				(c.service && c.facts.forwardTo
					? `Au lancement de la commande, kubectl a lu une seule fois le Service \`${c.service.name}\` et choisi ${c.endpointCount === 1 ? 'son seul Pod' : `l’un des ${c.endpointCount} Pods que sélectionne son \`selector\``}, \`${c.facts.forwardTo.pod}\` : toutes les connexions vont à ce Pod, sans répartition de charge, et la redirection s’arrête quand ce Pod disparaît. `
					: '') +
				'kubectl ne lit pas ce qu’envoie le client : tout protocole TCP passe, mais UDP ne peut pas être redirigé.',
		},
		'port-forward-stream': {
			title: () => 'Vers le serveur d’API, dans un flux',
			body: (c) =>
				`kubectl ouvre une connexion HTTPS vers le serveur d’API à \`${c.destination}\`, authentifiée avec les identifiants du contexte courant de votre kubeconfig` +
				(c.facts.forwardTo ? `, et demande \`/api/v1/namespaces/${c.facts.forwardTo.namespace}/pods/${c.facts.forwardTo.pod}/portforward\`. ` : '. ') +
				'La connexion passe alors, par un upgrade HTTP, à un flux de longue durée : un WebSocket depuis Kubernetes 1.31 (kubectl se rabat sur SPDY si le serveur le refuse), SPDY auparavant. ' +
				'Chaque connexion au port local y reçoit ses propres canaux de données et d’erreurs, et ses octets le traversent sans être lus. ' +
				'RBAC doit autoriser `create` sur la sous-ressource `pods/portforward`, et aussi `get`, puisque la demande d’upgrade en WebSocket est un GET.',
		},
		'kubelet-stream': {
			title: (c) => `Le serveur d’API ouvre un flux vers le kubelet${sur(c.to)}`,
			body: (c) =>
				`Le serveur d’API sait quel nœud fait tourner le Pod, et se connecte au kubelet de ce nœud à \`${c.destination}\`` +
				(c.facts.tls === 'restarts'
					? ' par une connexion TLS qui lui est propre, avec son propre certificat client : vos identifiants s’arrêtent au serveur d’API. '
					: ', avec son propre certificat client : vos identifiants s’arrêtent au serveur d’API. ') +
				'Il relaie le flux sans lire les octets qu’il transporte. La ClusterIP, les règles de kube-proxy et l’IP du Pod n’interviennent pas : les octets suivent la route du plan de contrôle lui-même jusqu’au nœud, qui peut être, sur un plan de contrôle géré par le fournisseur, un tunnel comme Konnectivity.',
		},
		'pod-loopback-dial': {
			title: (c) => `Dans le Pod, vers \`${c.destination}\``,
			body: (c) =>
				`Le kubelet confie le flux au moteur d’exécution de conteneurs (containerd, CRI-O), qui entre dans l’espace de noms réseau du Pod \`${c.to.name ?? ''}\` et se connecte à \`${c.destination}\` : le port ${c.toPort ?? ''} de l’interface de bouclage du Pod lui-même. ` +
				`Il copie ensuite les octets dans les deux sens. L’application voit arriver son client de ${qui(c.sourceOut)}, et non de votre machine ni du serveur d’API. Elle répond même si elle n’écoute que sur localhost, où aucun Service ne pourrait l’atteindre.`,
		},
	},
	outcome: (o) => {
		const Service = `Le Service \`${o.service?.name ?? ''}\``;
		switch (o.reason) {
			case 'no-local-endpoint':
				return `\`externalTrafficPolicy: Local\` n’envoie le trafic externe qu’aux Pods du nœud où il arrive, et \`${o.machine ?? ''}\` n’exécute aucun Pod prêt du Service \`${o.service?.name ?? ''}\` : les règles abandonnent les paquets. ${symptome(o)}`;
			case 'no-endpoints':
				if (o.stoppedAt === 'kubectl-port-forward')
					return `${Service} ne sélectionne aucun Pod en cours d’exécution : \`kubectl port-forward\` en attend un (\`--pod-running-timeout\`, une minute par défaut), puis s’arrête sur \`error: timed out waiting for the condition\` sans jamais écouter sur son port local. ${symptome(o)}`;
				if (o.symptom === 'connection-refused') return `${Service} n’a d’endpoint prêt sur aucun nœud : les règles de kube-proxy rejettent la connexion. ${symptome(o)}`;
				if (o.symptom === 'timeout')
					return `Aucun Pod du Service \`${o.service?.name ?? ''}\` n’est prêt : l’équilibreur de charge n’a aucune cible enregistrée à qui transmettre la connexion. ${symptome(o)}`;
				if (o.rule && o.routing?.kind === 'Ingress')
					return `${Service}, que nomme la règle de \`${o.rule.path}\`, n’a aucun endpoint prêt. Traefik retire de sa configuration une route vers un Service sans endpoint (son option \`allowEmptyServices\` est désactivée par défaut) : aucune règle ne correspond, et il répond lui-même. ${symptome(o)}`;
				if (o.rule)
					return `${Service}, vers lequel la HTTPRoute \`${o.routing?.name ?? ''}\` envoie \`${o.rule.path}\`, n’a aucun endpoint prêt : le proxy de la Gateway n’a nulle part où envoyer la requête et répond lui-même (Envoy dit \`no healthy upstream\`). ${symptome(o)}`;
				return `${Service} n’a aucun endpoint prêt : le serveur d’API répond lui-même, avec \`no endpoints available for service "${o.service?.name ?? ''}"\`. ${symptome(o)}`;
			case 'no-load-balancer-implementation':
				return (
					`Rien dans ce cluster n’implémente \`type: LoadBalancer\` (un cluster sur machines physiques sans MetalLB ni contrôleur équivalent) : l’\`EXTERNAL-IP\` du Service reste \`<pending>\`, et le client n’a rien où se connecter.` +
					(o.service?.nodePort !== undefined ? ` Le NodePort qu’il a reçu, \`${o.service.nodePort}\`, fonctionne en attendant sur chaque nœud.` : '')
				);
			case undefined:
				return '';
			default:
				// Un saut cassé exprès (le paramètre `fail` de l’explorateur) : les mots du catalogue.
				return `${FAILURE_WORDS.mode[o.reason].cause} ${symptome(o)}`;
		}
	},
	scenario: {
		'kubectl-proxy': { title: 'kubectl proxy vers un Service ClusterIP' },
		'port-forward': { title: 'kubectl port-forward vers un seul Pod' },
		nodeport: { title: 'Service NodePort' },
		loadbalancer: { title: 'Service LoadBalancer' },
		'ingress-nodeport': { title: 'Ingress derrière un NodePort' },
		'ingress-loadbalancer': { title: 'Ingress derrière un équilibreur de charge cloud' },
		'loadbalancer-per-api': { title: 'Un équilibreur de charge et un Ingress par API' },
		'gateway-api': { title: 'Gateway API' },
		'service-mesh': { title: 'Maillage de services, est-ouest' },
	},
	compare: {
		caption: 'Toutes les voies d’entrée, côte à côte. Chaque valeur vient du scénario qui produit le schéma de la page.',
		columns: {
			scenario: 'Voie d’entrée',
			entry: 'Point d’entrée',
			reach: 'Accessible depuis',
			ports: 'Ports le long du chemin',
			layer: 'Couche',
			tlsEnds: 'Où le TLS s’arrête',
			sourceIp: 'IP source vue par le Pod',
			cost: 'Ce qui coûte',
			production: 'En production ?',
			hops: 'Sauts',
		},
	},
	decision: {
		yes: 'Oui',
		no: 'Non',
		restart: 'Recommencer',
		back: 'Retour',
		answer: 'Vos réponses',
		goTo: 'Lire la page :',
		answerHeading: (title) => `Réponse : ${title}`,
		factsLabel: 'L’essentiel, d’après le tableau comparatif',
		runnerUp: 'Deuxième choix :',
		tipLabel: 'Conseil :',
		startOver: 'Revenir à la première question',
		invalidAnswers: (param, value) =>
			`Le paramètre \`${param}=${value}\` de ce lien ne mène nulle part dans le guide : il attend des lettres y (oui) et n (non), une par question posée. Le guide repart de la première question.`,
		questions: {
			outside: { text: 'Le trafic vient-il de l’extérieur du cluster ?', hint: 'Non s’il s’agit d’appels entre vos propres Services (trafic est-ouest).' },
			'dev-only': {
				text: 'S’agit-il seulement de vous, depuis votre machine, pour développer ou déboguer ?',
				hint: 'Personne d’autre n’a besoin d’y accéder, et votre kubeconfig atteint déjà le cluster.',
			},
			'dev-http': {
				text: 'Y accédez-vous en HTTP ?',
				hint: '`kubectl proxy` ne relaie que des requêtes HTTP ; une base de données, un courtier de messages ou tout autre protocole TCP demande plutôt un tunnel.',
			},
			http: { text: 'Tout le trafic est-il en HTTP ou HTTPS ?', hint: 'Non si un client parle un autre protocole TCP ou UDP : une base de données, MQTT, du gRPC sans routage HTTP, du DNS…' },
			'cloud-l4': {
				text: 'Le cluster dispose-t-il d’une implémentation d’équilibreur de charge ?',
				hint: 'Celle d’un fournisseur cloud, ou MetalLB ou équivalent sur bare metal (serveurs physiques).',
			},
			'client-ip': { text: 'Les Pods ont-ils besoin de l’adresse IP du client ?', hint: 'Pour les journaux, la limitation de débit ou les listes d’autorisation.' },
			'many-services': { text: 'Exposez-vous plus d’un Service ?', hint: 'Plusieurs applications, ou plusieurs API d’une même application.' },
			groups: {
				text: 'Forment-ils des groupes distincts qui ont chacun besoin de leur propre point d’entrée ?',
				hint: 'Par exemple deux API d’une dizaine de Services chacune, tenues par des équipes différentes, avec leur domaine et leurs limites.',
			},
			greenfield: { text: 'Partez-vous de zéro, sans ressources Ingress existantes à conserver ?', hint: 'Un nouveau cluster, une nouvelle plateforme, ou une migration planifiée.' },
			'cloud-l7': {
				text: 'Le cluster dispose-t-il d’une implémentation d’équilibreur de charge ?',
				hint: 'Celle d’un fournisseur cloud, ou MetalLB ou équivalent sur bare metal (serveurs physiques).',
			},
		},
		tips: {
			'external-traffic-policy-local':
				'Mettez `externalTrafficPolicy: Local` sur le Service. L’adresse du client n’est conservée que si l’équilibreur de charge transmet les paquets sans changer leur source ; un équilibreur qui relaie les connexions ouvre les siennes, et les Pods voient son adresse quelle que soit la politique (le protocole PROXY peut alors transporter celle du client, si l’application sait le lire). Avec `Local`, les vérifications de santé de l’équilibreur écartent les nœuds sans Pod prêt, et la charge se répartit moins également.',
			metallb:
				'Sans implémentation d’équilibreur de charge, placez votre propre équilibreur devant les ports de nœud, ou installez-en une comme MetalLB pour obtenir des Services `LoadBalancer`.',
		},
		answers: {
			'east-west': {
				reason: 'Les appels entre charges de travail du cluster n’ont besoin d’aucune voie d’entrée : un `Service` ClusterIP leur donne déjà un nom et une adresse stables, et kube-proxy répartit les connexions entre ses Pods. Un maillage de services est facultatif : ajoutez-en un pour ce qu’il apporte en plus, comme le TLS mutuel, l’identité des charges de travail, les nouvelles tentatives ou des métriques par requête. Sa page suit un tel appel.',
			},
			'dev-proxy': {
				reason: 'Vous seul en avez besoin, et c’est du HTTP : `kubectl proxy` atteint le `Service` en passant par le serveur d’API, authentifié par votre kubeconfig et limité par vos droits RBAC, sans rien exposer à personne d’autre.',
				runnerUp: 'pour un autre protocole, ou pour joindre un Pod plutôt que le `Service`.',
			},
			'dev-port-forward': {
				reason: 'Vous seul en avez besoin, mais ce n’est pas du HTTP, et `kubectl proxy` ne relaie que des requêtes HTTP. `kubectl port-forward` fait passer des connexions TCP d’un port de votre machine à un port d’un Pod, par le serveur d’API et le kubelet, authentifié en votre nom : n’importe quel protocole TCP, mais pas d’UDP, et un seul Pod, choisi au lancement de la commande, sans répartition de charge.',
				runnerUp: 'si le service parle bien HTTP : il atteint le `Service`, pas l’un de ses Pods.',
			},
			'nodeport-own-lb': {
				reason: 'Sans implémentation d’équilibreur de charge, un `Service` `NodePort` est ce que le cluster offre par lui-même : chaque nœud écoute sur le même port, pour n’importe quel protocole TCP ou UDP, et votre propre équilibreur ou le DNS répartit les clients entre les nœuds.',
				runnerUp: 'dès que le cluster a une implémentation (celle d’un fournisseur cloud, MetalLB) : une adresse stable devant les nœuds.',
			},
			'lb-client-ip': {
				reason: 'Un `Service` `LoadBalancer` donne aux clients une adresse stable devant les nœuds et transporte n’importe quel protocole TCP ou UDP. Que les Pods voient l’adresse du client dépend alors de deux choses : l’`externalTrafficPolicy` du Service et le genre d’équilibreur de charge (voir le conseil).',
				runnerUp: 'si vous placez votre propre équilibreur devant les nœuds, avec le même choix d’`externalTrafficPolicy`.',
			},
			lb: {
				reason: 'Un `Service` `LoadBalancer` donne aux clients une adresse stable devant les nœuds, pour n’importe quel protocole TCP ou UDP, HTTP compris (le TLS peut s’arrêter dans le Pod), sans rien installer d’autre que l’implémentation dont le cluster dispose déjà.',
				runnerUp: 'si vous préférez placer votre propre équilibreur devant les nœuds.',
			},
			'lb-per-group': {
				reason: 'Des groupes distincts, chacun avec son point d’entrée : un équilibreur de charge et un contrôleur d’Ingress par groupe tiennent l’erreur de configuration ou la surcharge d’une équipe à l’écart de l’autre, au prix d’un équilibreur par groupe.',
				runnerUp: 'si les groupes peuvent finalement partager un même point d’entrée.',
			},
			gateway: {
				reason: 'Plusieurs Services HTTP et rien à migrer : c’est dans la Gateway API que vont les nouvelles fonctions de routage, et elle sépare la Gateway de la plateforme des routes des équipes applicatives.',
				runnerUp: 'si votre équipe et votre contrôleur connaissent déjà bien Ingress : l’API est figée, pas supprimée.',
			},
			'ingress-lb': {
				reason: 'Plusieurs Services HTTP, des ressources Ingress à conserver et une implémentation d’équilibreur de charge : un équilibreur de charge cloud devant le contrôleur d’Ingress, qui route par nom d’hôte et par chemin.',
				runnerUp: 'au moment de migrer : c’est là que vont désormais les fonctions qui manquent à l’API Ingress.',
			},
			'ingress-nodeport': {
				reason: 'Plusieurs Services HTTP mais aucune implémentation d’équilibreur de charge : le contrôleur d’Ingress écoute sur des ports de nœud, et votre propre équilibreur envoie les clients vers les nœuds. Avec le `Service` du contrôleur en `externalTrafficPolicy: Cluster`, la valeur par défaut, le contrôleur voit l’adresse d’un nœud, et c’est elle qu’il met dans `X-Forwarded-For` ; pour transmettre celle du client, il lui faut `Local` derrière un équilibreur qui transmet les paquets, ou le protocole PROXY.',
				runnerUp: 'dès que le cluster a une implémentation d’équilibreur de charge (celle d’un fournisseur cloud, MetalLB).',
			},
		},
	},
	site: {
		checkedAgainst: (c) =>
			`Vérifié pour Kubernetes ${c.kubernetes} et Gateway API ${c.gatewayApi}, en ${reviewedMonth(c).toLocaleDateString('fr', { month: 'long', year: 'numeric', timeZone: 'UTC' })}`,
	},
	learningPath: {
		label: 'Parcours d’apprentissage',
	},
	facts: {
		reach: {
			'this-machine': 'Seulement la machine qui lance kubectl',
			'node-network': 'Quiconque atteint l’IP d’un nœud',
			internet: 'Internet',
		},
		layer: { L4: 'L4 (TCP/UDP)', L7: 'L7 (HTTP)' },
		layerTcpOnly: 'L4 (TCP seulement)',
		tlsEnds: {
			'api-server': 'Serveur d’API (côté utilisateur) ; aucun vers le Pod',
			pod: 'Dans le Pod, si l’application sert du TLS',
			'load-balancer': 'Équilibreur de charge cloud',
			'ingress-controller': 'Contrôleur d’Ingress',
			gateway: 'Gateway (ses Pods de proxy)',
		},
		tlsNotInExample: '(aucun ici : l’exemple envoie du HTTP en clair)',
		sourceIp: {
			peer: {
				client: 'Celle du client',
				node: 'Une adresse de nœud (SNAT)',
				'load-balancer': 'L’adresse privée de l’équilibreur de charge',
				'api-server': 'Celle du serveur d’API (ou d’un agent Konnectivity)',
				proxy: 'L’IP du Pod du proxy',
				sidecar: 'Celle du sidecar',
				loopback: 'L’adresse de bouclage du Pod lui-même, 127.0.0.1',
			},
			forwardedFor: X_FORWARDED_FOR,
			withForwarded: (peer, forwardedFor) => `${peer} ; ${forwardedFor}`,
			withLocal: 'Celle du client avec externalTrafficPolicy: Local',
			withPreservation: 'Celle du client seulement avec la préservation de l’IP client ou le protocole PROXY',
		},
		cost: {
			none: 'Rien de plus',
			'node-ports': 'Rien de plus ; règles de pare-feu pour la plage de ports',
			'load-balancer-per-service': 'Un équilibreur de charge cloud par Service',
			'one-load-balancer': 'Un équilibreur de charge pour plusieurs Services',
			'load-balancer-per-group': 'Un équilibreur de charge par groupe de Services',
		},
		production: {
			never: 'Non : débogage seulement',
			limited: 'Limité : derrière votre propre équilibreur de charge',
			yes: 'Oui',
		},
	},
	failures: FAILURE_WORDS,
	troubleshoot: {
		index: 'Ce que voit le client',
		checks: (count) => (count === 1 ? 'Une vérification :' : `${count} vérifications, dans l’ordre où la requête les rencontre :`),
		clientSees: 'Le client voit',
		noOutput: '(rien : la commande n’affiche aucune ligne)',
		run: 'Lancez',
		healthy: 'Quand tout va bien',
		broken: 'Quand c’est la cause',
		fix: 'Correction',
		onPage: 'Ce saut sur sa page',
		inExplorer: 'Le casser dans l’explorateur',
		label: (text) => `${text}\u00a0:`,
		ifItFailsHere: (count) => `Si la requête échoue ici : ${count === 1 ? 'une cause' : `${count} causes`}`,
		howToCheck: 'Comment vérifier',
		source: {
			title: 'L’application journalise une mauvaise adresse de client',
			intro: 'La requête arrive, mais l’adresse que l’application journalise est celle d’un nœud, d’un proxy ou d’un équilibreur de charge. Chaque voie d’entrée remplace l’adresse du client à des sauts connus : trouvez la vôtre ci-dessous, le saut où elle change, et comment la garder. Derrière un proxy HTTP, le pair de l’application est toujours le proxy ; l’adresse du client ne peut arriver que dans `X-Forwarded-For`, écrite par le proxy d’après l’adresse qu’il a lui-même vue.',
			seen: (peer, forwardedFor) => `Ici, le pair de l’application est ${peer}${forwardedFor === undefined ? '' : `, et \`X-Forwarded-For\` porte ${forwardedFor}`}.`,
			look: 'Voyez ce que reçoit l’application (whoami, comme sur la page de l’atlas)',
			answers: 'Elle répond',
			becomes: (address, decides) =>
				`À partir de ce saut, la source est ${address} : ${decides === 'peer' ? 'le pair que voit l’application' : 'l’adresse que le proxy écrit dans `X-Forwarded-For`'}.`,
			cause: {
				'cluster-snat': {
					title: '`externalTrafficPolicy: Cluster` réécrit la source',
					cause: 'Avec `Cluster`, les règles du nœud peuvent envoyer la connexion vers un Pod d’un autre nœud ; elles remplacent donc aussi sa source par l’adresse du nœud lui-même, pour que la réponse repasse par ce nœud.',
					fix: 'Passez à `externalTrafficPolicy: Local` : un nœud n’envoie plus qu’à ses propres Pods prêts, et garde la source. Les nœuds qui n’en ont pas rejettent ce qui leur arrive ; un équilibreur de charge placé devant cesse de leur envoyer du trafic dès que sa vérification de santé sur `healthCheckNodePort` échoue.',
				},
				'lb-proxies': {
					title: 'L’équilibreur de charge se connecte depuis sa propre adresse',
					cause: 'Cet équilibreur de charge transmet la connexion depuis une de ses propres adresses (il relaie les connexions, ou sa préservation de l’adresse IP du client est désactivée) : aucun champ du `Service` ne ramène celle du client.',
					fix: 'Utilisez un équilibreur de charge qui transmet l’adresse du client (la préservation de l’adresse IP du client, là où le fournisseur la propose), ou activez le protocole PROXY sur l’équilibreur de charge et sur ce qui reçoit ses connexions, qui lit alors l’adresse du client dans l’en-tête PROXY.',
				},
				'routed-proxy': {
					title: 'Le contrôleur d’Ingress ou la Gateway relaie la requête',
					cause: 'Un proxy HTTP termine la connexion du client et ouvre la sienne vers le Pod du backend : le pair du Pod est l’adresse du Pod du proxy, quelle que soit la configuration en amont. Le proxy écrit l’adresse qu’il a vue dans `X-Forwarded-For`.',
					fix: 'Journalisez l’adresse du client depuis `X-Forwarded-For` dans l’application, en ne faisant confiance à cet en-tête que s’il vient du proxy (un client peut envoyer le sien), et veillez à ce que le proxy voie la bonne adresse : c’est la vérification précédente, quand il y en a une.',
				},
				'api-server-proxy': {
					title: 'Le serveur d’API ouvre la connexion',
					cause: 'En passant par le serveur d’API, la connexion vers le Pod part du plan de contrôle : le Pod voit l’adresse du serveur d’API. Cette voie d’entrée sert à un développeur qui atteint un `Service`, pas aux clients.',
					fix: 'Rien à corriger ici. Pour voir les adresses des clients, exposez le `Service` par une voie d’entrée faite pour eux : un `NodePort`, un `LoadBalancer` ou un Ingress.',
				},
				'runtime-loopback': {
					title: '`kubectl port-forward` se connecte depuis l’intérieur du Pod',
					cause: 'Le kubelet et le moteur d’exécution de conteneurs ouvrent la connexion depuis l’espace de noms réseau du Pod lui-même, vers `localhost` : l’application voit `127.0.0.1`.',
					fix: 'Rien à corriger : port-forward est un tunnel de développeur. Pour voir les adresses des clients, exposez le `Service` par un `NodePort`, un `LoadBalancer` ou un Ingress.',
				},
				'sidecar-inbound': {
					title: 'Le sidecar transmet la connexion depuis 127.0.0.6',
					cause: 'Le sidecar d’Istio prend la connexion entrante, termine le TLS mutuel et se connecte à l’application depuis `127.0.0.6`, sa source pour le trafic entrant : l’appelant se reconnaît à son identité, pas à cette adresse.',
					fix: 'Identifiez l’appelant par son identité mTLS : l’en-tête `X-Forwarded-Client-Cert` qu’ajoute le sidecar, ou une `AuthorizationPolicy` dont les `principals` le nomment. Si l’application a besoin de l’adresse de l’appelant, le mode d’interception `TPROXY` d’Istio la garde comme source.',
				},
			},
			tryLocal: 'Essayer `Local` dans l’explorateur',
		},
	},
	explorer: {
		form: 'Votre configuration',
		legend: {
			preset: 'Partir de',
			entry: 'Voie d’entrée',
			cluster: 'Cluster',
			pods: { app: 'Pods de l’application par nœud', ingress: 'Pods du contrôleur Ingress par nœud', gateway: 'Pods des proxys de la Gateway par nœud' },
			routes: 'Routes',
			backend: (index, path, service) => `Route ${index} : \`${path}\` vers \`${service}\`, Pods par nœud`,
			path: 'Où va la connexion',
			policy: 'externalTrafficPolicy',
			loadBalancer: 'Équilibreur de charge',
			tls: 'Où TLS se termine',
			fail: 'Casser un saut',
		},
		label: {
			preset: 'Configuration',
			front: 'Devant les proxys',
			nodes: 'Nœuds de travail',
			podsOn: (node) => `Pods sur ${node}`,
			routes: 'Backends routés par chemin',
			via: 'Nœud que la connexion atteint d’abord',
			pick: 'Nœud dont le Pod répond',
			lb: 'Ce que fait l’équilibreur de charge',
			targets: 'Vers quoi il envoie',
			affinity: 'sessionAffinity',
			fail: 'Ce qui ne va pas',
		},
		notApplicable: 'Sans objet pour cette voie d’entrée.',
		ownSetup: 'Ma propre configuration',
		decides: 'Laisser Kubernetes décider',
		noFailure: 'Rien : tout fonctionne',
		value: {
			entry: {
				'kubectl-proxy': 'kubectl proxy',
				'port-forward': 'kubectl port-forward',
				nodeport: 'Service NodePort',
				loadbalancer: 'Service LoadBalancer',
				ingress: 'Ingress',
				gateway: 'Gateway API',
			},
			front: { nodeport: 'Un Service NodePort', loadbalancer: 'Un Service LoadBalancer' },
			etp: { cluster: 'Cluster', local: 'Local' },
			lb: {
				forward: 'Transmet les paquets (garde l’adresse du client)',
				proxy: 'Ouvre ses propres connexions (sa propre adresse)',
				none: 'Aucun : pas d’implémentation dans ce cluster',
			},
			targets: { nodes: 'Les nœuds, sur leur NodePort', pods: 'Directement les IP des Pods' },
			tls: { none: 'Nulle part : HTTP en clair', lb: 'À l’équilibreur de charge', edge: 'Au contrôleur Ingress ou à la Gateway', pod: 'Au Pod' },
			affinity: { none: 'Aucune (par défaut)', clientip: 'ClientIP : un Pod par adresse de client' },
		},
		hint: {
			entry: 'Comment la première connexion du client atteint le cluster.',
			front: 'Comment sont exposés les Pods du contrôleur Ingress ou de la Gateway eux-mêmes.',
			via: 'Avec un NodePort, le client choisit le nœud ; avec un équilibreur de charge, c’est lui qui choisit.',
			pick: 'Parmi les Pods que les règles peuvent choisir, celui qui reçoit cette requête.',
			etp: '`Cluster` envoie à n’importe quel Pod prêt et réécrit la source ; `Local` garde la source et n’utilise que les Pods du nœud.',
			lb: 'L’équilibreur de charge d’un fournisseur transmet les paquets tels quels, ou ouvre ses propres connexions.',
			targets: 'Viser les IP des Pods demande un réseau de Pods que l’équilibreur de charge sait router.',
			tls: 'Le composant qui termine TLS détient le certificat et lit les requêtes.',
			fail: 'Une erreur ou une panne courante, parmi celles que peut connaître cette configuration : le schéma montre où la requête s’arrête, et le résultat ce que voit le client et la commande qui montre pourquoi.',
			affinity: 'Là où les règles de kube-proxy choisissent le Pod, `ClientIP` renvoie chaque adresse source vers le Pod choisi pour elle la première fois.',
		},
		copyLink: 'Copier le lien vers cette configuration',
		linkCopied: 'Lien copié',
		resultHeading: 'Ce qui se passe',
		outcome: (kind, where, machine, hop, hops) => {
			const at = machine === undefined ? where : `${where} sur \`${machine}\``;
			return {
				delivered: `Livrée en ${hops} ${hops === 1 ? 'saut' : 'sauts'}. Destination : ${at}.`,
				dropped: `Abandonnée au saut ${hop}. Point d’arrêt : ${at}. Le client attend, puis échoue sur un délai dépassé.`,
				refused: `Refusée au saut ${hop}. Point d’arrêt : ${at}. Le client reçoit aussitôt une erreur.`,
				pending: `En attente au saut ${hop}. Point d’arrêt : ${at}, qui n’a pas encore d’adresse ; aucun client ne peut se connecter.`,
			}[kind];
		},
		nowOutcome: (sentence) => `Désormais : ${sentence}`,
		presetOf: (title) => `La configuration de la page « ${title} ».`,
		notesHeading: 'Ce qui découle de cette configuration',
		notes: {
			'local-drops': (c) =>
				`\`Local\` : ${c.nodes.map((n) => `\`${n}\``).join(', ')} n’${c.nodes.length === 1 ? 'exécute' : 'exécutent'} aucun Pod prêt de \`${c.service}\`, et les connexions qui ${c.nodes.length === 1 ? 'l’atteignent' : 'les atteignent'} sont abandonnées. ` +
				(c.healthChecked
					? 'Un équilibreur de charge qui vérifie la santé des nœuds (le `healthCheckNodePort` du Service) cesse d’y envoyer.'
					: 'Un client qui choisit un tel nœud n’obtient aucune réponse : rien, devant un NodePort, ne vérifie les nœuds.'),
			'local-uneven': (c) => {
				const part = (pods: number) => Math.round(100 / c.shares.length / pods);
				return (
					`\`Local\` derrière un équilibreur de charge qui répartit les connexions également entre les nœuds en bonne santé : chacun des ${c.shares.length} nœuds qui ont un Pod reçoit la même part, quel que soit son nombre de Pods. ` +
					`${c.shares.map((s) => `Chaque Pod de \`${s.node}\` reçoit environ ${part(s.pods)} %`).join(' ; ')}. Certains fournisseurs savent pondérer les nœuds par leurs Pods.`
				);
			},
			'local-keeps-source': (c) =>
				`\`Local\` n’envoie le trafic qu’aux Pods du nœud où il arrive : pas de second saut ni de traduction d’adresse source, les Pods de \`${c.service}\` voient l’adresse avec laquelle les paquets sont arrivés.`,
			'cluster-snat': (c) =>
				`\`Cluster\` : les règles de \`${c.node}\` choisissent parmi ${c.endpoints === 1 ? 'le seul endpoint prêt' : `les ${c.endpoints} endpoints prêts`} de \`${c.service}\`, sur n’importe quel nœud, et réécrivent la source avec l’adresse de \`${c.node}\` pour que la réponse repasse par lui : le Pod journalise l’adresse d’un nœud, pas celle du client.` +
				(c.across ? ' Ici le Pod tourne sur un autre nœud : un saut de plus sur le réseau.' : ''),
			'node-port-everywhere': (c) =>
				`kube-proxy ouvre le port de nœud \`${c.port}\` sur ${c.nodes === 1 ? 'le nœud' : `les ${c.nodes} nœuds`}, y compris ceux qui n’ont aucun Pod de \`${c.service}\` : pare-feu et groupes de sécurité doivent l’autoriser sur chaque nœud qu’un client ou un équilibreur de charge peut utiliser.`,
			'lb-proxies': (c) =>
				`Cet équilibreur de charge ouvre ses propres connexions, depuis \`${c.address}\` : l’adresse du client s’arrête là, quoi que dise \`externalTrafficPolicy\` (\`Local\` transmet l’adresse de l’équilibreur de charge, \`Cluster\` la remplace par celle d’un nœud). Seul le protocole PROXY, activé à la fois sur l’équilibreur de charge et dans l’application, transmet l’adresse du client.`,
			'lb-targets-pods': () =>
				'L’équilibreur de charge envoie directement aux IP des Pods (`allocateLoadBalancerNodePorts: false`, cibles IP) : pas de port de nœud, pas de saut par kube-proxy, et `externalTrafficPolicy` ne joue aucun rôle. Le réseau des Pods doit être routable depuis l’équilibreur de charge, comme avec le CNI VPC d’AWS.',
			'lb-pending': (c) =>
				'Aucun contrôleur de ce cluster n’implémente `type: LoadBalancer` (un cluster sur machines physiques sans MetalLB, par exemple) : `EXTERNAL-IP` reste `<pending>` et les clients n’ont aucune adresse où se connecter.' +
				(c.nodePort === undefined ? '' : ` En attendant, le port de nœud \`${c.nodePort}\` est ouvert sur chaque nœud.`),
			'gateway-local-default': (c) =>
				`Envoy Gateway crée le Service de la Gateway, \`${c.service}\`, avec \`externalTrafficPolicy: Local\` par défaut, pour que ses proxys voient l’adresse du client ; une ressource \`EnvoyProxy\` le change.`,
			'port-forward-one-pod': (c) =>
				`\`kubectl port-forward service/${c.service}\` choisit ${c.endpoints === 1 ? 'le seul Pod en cours d’exécution' : `l’un des ${c.endpoints} Pods en cours d’exécution`} au démarrage et lui envoie chaque connexion : aucune répartition de charge, et la redirection s’arrête quand ce Pod disparaît.`,
			'api-proxy-rbac': (c) =>
				`Quiconque peut utiliser la sous-ressource \`services/proxy\` dans \`${c.namespace}\` (le verbe RBAC suit la méthode HTTP : \`get\` pour un GET) atteint \`${c.service}\` par ce chemin, et le port local de \`kubectl proxy\` fait confiance à tout processus de votre machine : un outil pour la personne qui le lance, pas une voie d’entrée pour des utilisateurs.`,
			'client-affinity': (c) =>
				`\`sessionAffinity: ClientIP\` : les règles qui choisissent un Pod de \`${c.service}\` renvoient une adresse source vers le Pod qu’elles ont choisi pour elle la première fois, pendant trois heures par défaut (\`sessionAffinityConfig.clientIP.timeoutSeconds: 10800\`).` +
				(c.nodes > 1 ? ' Les règles de chaque nœud ont leur propre mémoire : un client que l’équilibreur de charge envoie vers un autre nœud peut tomber sur un autre Pod.' : '') +
				(c.shared === undefined ? '' : ` Ici, toutes les connexions viennent de l’adresse de l’équilibreur de charge lui-même, \`${c.shared}\` : chaque nœud les envoie toutes au même Pod.`),
			'routed-source': (c) => `Les Pods des backends voient l’IP du Pod du proxy comme pair, jamais celle du client ; ${X_FORWARDED_FOR[c.forwardedFor]}.`,
		},
		rowHeading: 'Cette configuration dans la comparaison',
		manifestsHeading: 'Manifestes',
		manifestsChecked:
			'La page ne charge pas le schéma de Kubernetes : les tests de propriétés construisent des configurations sur tout l’espace des paramètres et vérifient les manifestes de chacune contre le schéma de l’API Kubernetes et les règles de la Gateway API, au moment de la construction du site.',
		manifestsLoading: 'Chargement des manifestes…',
		sessionHeading: 'Essayer',
		ignoredHeading: 'Ce lien contient des paramètres que l’explorateur a ignorés',
		ignored: (param, value, allowed) =>
			allowed.kind === 'unknown'
				? `\`${param}=${value}\` : ce paramètre n’existe pas ; il a été ignoré.`
				: allowed.kind === 'range'
					? `\`${param}=${value}\` a été ignoré : donnez un nombre entier de ${allowed.min} à ${allowed.max}.`
					: allowed.kind === 'counts'
						? `\`${param}=${value}\` a été ignoré : donnez ${allowed.routes === undefined ? '' : `${allowed.routes} listes séparées par \`;\`, chacune de `}${allowed.nodes} ${allowed.nodes === 1 ? 'nombre' : 'nombres'} (un par nœud, de 0 à 5) séparés par des virgules.`
						: allowed.values.length === 0
							? `\`${param}=${value}\` a été ignoré : ce paramètre est sans objet pour cette configuration.`
							: `\`${param}=${value}\` a été ignoré : avec les autres paramètres, il prend ${allowed.values.map((v) => `\`${v}\``).join(', ')}.`,
		simulation: {
			heading: 'Envoyer beaucoup de requêtes',
			intro: 'Chaque requête est décidée comme la décident les composants de son chemin : le choix du nœud par l’équilibreur de charge et ses vérifications de santé, le tirage au hasard de kube-proxy parmi les endpoints prêts, `Local` qui abandonne sur les nœuds qui n’en ont pas, `sessionAffinity`, le choix du backend par le contrôleur Ingress ou la Gateway. Les choix sont aléatoires mais amorcés : le même lien donne les mêmes nombres.',
			requests: 'Requêtes',
			clients: 'Adresses de clients',
			seed: 'Graine',
			hint: (maxRequests, maxClients) => `Jusqu’à ${maxRequests} requêtes depuis au plus ${maxClients} clients, chacun envoyant sa part à tour de rôle. Une autre graine, d’autres tirages.`,
			send: 'Envoyer les requêtes',
			summary: (requests, clients, delivered) => `${requests} requêtes depuis ${clients} ${clients === '1' ? 'client' : 'clients'} : ${delivered} ont atteint l’application.`,
			failed: (failed, count) => (count === 0 ? 'Aucune ne s’est perdue.' : `${failed} ne l’ont pas atteinte.`),
			podsHeading: 'Requêtes par Pod',
			nodesHeading: 'Requêtes par nœud',
			column: {
				pod: 'Pod',
				node: 'Nœud',
				requests: 'Requêtes',
				share: 'Part',
				sources: 'Adresses sources journalisées',
				entered: 'Connexions entrées ici',
				served: 'Servies par ses Pods',
				hop: 'Étape',
			},
			dropsHeading: 'Où les autres se sont arrêtées',
			drop: (count, kind, symptom, where, machine) =>
				`${count} ${{ dropped: 'abandonnées', refused: 'refusées', pending: 'jamais envoyées' }[kind]} à ${machine === undefined ? where : `${where} sur \`${machine}\``}. ${symptom}.`,
			hopsHeading: 'Requêtes par étape du schéma',
			sourcesHeading: 'Les adresses sources que l’application a journalisées',
			origin: {
				client: 'l’adresse même d’un client',
				node: 'l’adresse d’un nœud (NAT de la source)',
				'load-balancer': 'l’adresse de l’équilibreur de charge',
				'api-server': 'le nœud du serveur d’API',
				proxy: 'l’adresse d’un Pod proxy',
				sidecar: 'l’adresse d’un sidecar',
				loopback: 'la boucle locale du Pod',
			},
			more: (count) => `et ${count} de plus`,
			sendAtlas: (requests) => `Envoyer ${requests} requêtes`,
			lbChooses:
				'L’équilibreur de charge choisit un nœud pour chaque connexion : « Nœud que la connexion atteint d’abord » et « Nœud dont le Pod répond » décrivent une requête et ne jouent aucun rôle ici.',
		},
		openInExplorer: 'Ouvrir cette configuration dans l’explorateur',
		whatIfLegend: 'Et si',
		whatIf: {
			local: '`externalTrafficPolicy: Local`',
			'other-node': 'Le client entre par `node-b`',
			proxy: 'L’équilibreur de charge ouvre ses propres connexions',
			'tls-at-lb': 'TLS se termine à l’équilibreur de charge',
			cluster: '`externalTrafficPolicy: Cluster`',
			'no-pods': 'Aucun Pod prêt',
		},
		noScript:
			'L’explorateur construit n’importe quelle voie d’entrée à partir de quelques choix (la voie d’entrée, les nœuds et leurs Pods, la politique de trafic, l’équilibreur de charge, l’endroit où TLS se termine) et dessine dans votre navigateur son chemin, ses paquets et ses manifestes. Il lui faut JavaScript. Chaque configuration ci-dessous a sa propre page, lisible sans lui :',
		diagramTitle: 'Votre configuration',
	},
} as const satisfies Messages;
