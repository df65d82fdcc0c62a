/*
 * The words a diagram draws, handed in by its caller (built from the locale tables by
 * `src/i18n/diagram.ts`): src/diagram lays out and draws, it never picks a language itself.
 */
import type { NodeKind, ZoneKind } from '../model/kinds.ts';

/** The box and zone titles of one language. */
export interface BoxLabels {
	readonly node: Readonly<Record<NodeKind, string>>;
	readonly zone: Readonly<Record<ZoneKind, string>>;
}

/**
 * The titles of every language the site is read in: the layout gives a box or a zone title the room
 * the longest one needs, so the geometry is the same in every language.
 */
export type LayoutLabels = readonly BoxLabels[];

/** Everything one rendering of a diagram writes, in the reader's language. */
export interface DiagramLabels extends BoxLabels {
	/** The SVG's accessible name (`<title>`). */
	readonly title: string;
	/** The SVG's text alternative (`<desc>`): the whole path in one sentence. */
	readonly desc: string;
	/** The line under a box that has no address of its own (kube-proxy's rules). */
	readonly noAddress: string;
	/** The titles of every language, for the layout (see `LayoutLabels`). */
	readonly layout: LayoutLabels;
}
