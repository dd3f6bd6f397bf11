/**
 * Caret and presence colours. Each is dark enough for white text on it (at least 4.5:1), so a
 * caret's name label stays readable; a person keeps the same colour everywhere.
 */
export const collabColours = ['#1d4f91', '#0b6e4f', '#a4262c', '#6b3fa0', '#7a4d00', '#005f73', '#9b2c6b', '#3d5a00'] as const;

/** The colour for a person, derived from their id so it is stable across documents and sessions. */
export function colourFor(userId: string): string {
	let hash = 0;
	for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
	return collabColours[hash % collabColours.length]!;
}
