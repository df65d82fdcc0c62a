/*
 * The packet of each step in words (src/model/packet.ts decides; this only words it): the field names,
 * each address in code font, and one sentence per change. Inline code between backticks, as in the
 * step templates (`src/model/text.ts`).
 */
import { messages, type Locale } from './index.ts';
import { formatPacketEndpoint, packetsOf, type PacketChange, type PacketEndpoint } from '../model/packet.ts';
import type { Scenario } from '../model/types.ts';

export interface PacketField {
	readonly text: string;
	/** It differs from the packet on the step before. */
	readonly changed: boolean;
}

export interface PacketView {
	/** `data-src` / `data-dst` of the step: `address:port`, the same in every language. */
	readonly src: string;
	readonly dst: string;
	readonly protocol: PacketField;
	readonly source: PacketField;
	readonly destination: PacketField;
	readonly changes: readonly string[];
	/** On the last step of a delivered request: `RemoteAddr`, then `X-Forwarded-For` where a proxy set it. */
	readonly application: readonly string[] | undefined;
}

export function packetViews(scenario: Scenario, locale: Locale): PacketView[] {
	const words = messages[locale].packet;
	const host = (address: string | undefined) => (address === undefined ? words.unknown : `\`${address}\``);
	const endpoint = (e: PacketEndpoint) =>
		e.host !== undefined && e.port !== undefined ? `\`${formatPacketEndpoint(e)}\`` : e.port !== undefined ? words.unknownHost(`\`${e.port}\``) : words.unknown;
	const change = (c: PacketChange): string => {
		switch (c.kind) {
			case 'opens':
			case 'new-connection':
				return words.change[c.kind];
			case 'dnat':
				return words.change.dnat(endpoint(c.from), endpoint(c.to));
			case 'redirect':
				return words.change.redirect(`\`${c.port}\``);
			case 'snat':
				return words.change.snat(host(c.from), host(c.to));
			case 'tls':
				return words.change.tls[c.tls];
			case 'header':
				return words.change.header(c.name, c.value ?? '?');
		}
	};
	return packetsOf(scenario).map((packet) => ({
		src: formatPacketEndpoint(packet.source),
		dst: formatPacketEndpoint(packet.destination),
		protocol: { text: packet.protocol, changed: packet.changed.protocol },
		source: { text: endpoint(packet.source), changed: packet.changed.source },
		destination: { text: endpoint(packet.destination), changed: packet.changed.destination },
		changes: packet.changes.length === 0 ? [words.change.none] : packet.changes.map(change),
		application: packet.application && [
			`\`RemoteAddr: ${formatPacketEndpoint(packet.application.remoteAddr)}\``,
			...(packet.application.forwardedFor.length > 0 ? [`\`X-Forwarded-For: ${packet.application.forwardedFor.map((a) => a ?? '?').join(', ')}\``] : []),
		],
	}));
}
