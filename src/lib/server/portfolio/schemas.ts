import { z } from 'zod';
import { portfolioIntents, technologyStatuses } from '../../enums';
import { encodings } from '../imports/parse';
import { blankToUndefined, IntegerBetweenOr, OptionalDateString, OptionalIntegerBetween, OptionalText, RequiredText } from '../validation';

/** The years a status may name ("används sedan 1995", "planeras 2028"). */
export const YEAR_MIN = 1950;
export const YEAR_MAX = 2100;

/** Aliases as typed: one per line or separated by semicolons (commas stay: "robot hund/katt, VR" is rare, names with commas are not). */
const Aliases = z.preprocess((v) => (typeof v === 'string' ? v.split(/[\n;]+/) : v), z.array(z.string().max(200, 'too_long')).max(50, 'too_long'));

/** One municipality's status for one technology, as its form sends it. */
export const StatusInput = z.object({
	technologyId: z.uuid({ message: 'invalid_choice' }),
	organisationId: z.uuid({ message: 'invalid_choice' }),
	status: z.enum(technologyStatuses, { message: 'invalid_choice' }),
	sinceYear: OptionalIntegerBetween(YEAR_MIN, YEAR_MAX),
	plannedYear: OptionalIntegerBetween(YEAR_MIN, YEAR_MAX),
	/** In use or in a pilot, and more of it planned (a checkbox). */
	expansionPlanned: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
	supplier: OptionalText(200),
	contractEnd: OptionalDateString,
	intent: z.preprocess(blankToUndefined, z.enum(portfolioIntents, { message: 'invalid_choice' }).default('unknown')),
	note: OptionalText(2000)
});
export type StatusInput = z.infer<typeof StatusInput>;

export const CategoryInput = z.object({ name: RequiredText(80) });
export type CategoryInput = z.infer<typeof CategoryInput>;

/** A technology of the catalogue: its category, name, description and other names. */
export const TechnologyInput = z.object({
	categoryId: z.uuid({ message: 'invalid_choice' }),
	name: RequiredText(120),
	description: OptionalText(2000),
	aliases: z.preprocess(blankToUndefined, Aliases.optional().default([]))
});
export type TechnologyInput = z.infer<typeof TechnologyInput>;

/** Merging the technology at hand into another: the other one stays. */
export const MergeInput = z.object({ targetId: z.uuid({ message: 'invalid_choice' }) });
export type MergeInput = z.infer<typeof MergeInput>;

/** The matrix's filters and small-screen view, from the query string. */
export const MatrixFilter = z.object({
	skr: z.preprocess(blankToUndefined, z.string().max(10).optional()).catch(undefined),
	status: z.preprocess(blankToUndefined, z.enum(technologyStatuses).optional()).catch(undefined),
	view: z.enum(['table', 'municipality', 'technology']).catch('table'),
	/** Which page of a large matrix (1-based; see MATRIX_CELL_BUDGET). */
	page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined)
});
export type MatrixFilter = z.infer<typeof MatrixFilter>;

/** A page of the joint candidates, best first: a consortium of a hundred municipalities has hundreds. */
export const CandidatesPage = z.object({ offset: IntegerBetweenOr(0, 100_000, 0).catch(0), limit: IntegerBetweenOr(1, 200, 25).catch(25) });
export type CandidatesPage = z.infer<typeof CandidatesPage>;

/** The status import's upload form, other than the file: the text encoding of a CSV. */
export const PortfolioUploadInput = z.object({ encoding: z.enum(encodings, { message: 'invalid' }).default('utf-8') });
export type PortfolioUploadInput = z.infer<typeof PortfolioUploadInput>;
