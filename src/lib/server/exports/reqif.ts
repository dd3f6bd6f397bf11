import { m } from '../../paraglide/messages';
import { requirementHeadings } from './columns';
import { groupByType, vocabulary, type Locale, type SpecDocument, type SpecRequirement } from './spec';
import { obligations, requirementSubtypes, requirementTypes, scopes, statuses, verificationMethods } from '../requirements/schemas';
import { exportText } from './text';

export const REQIF_NAMESPACE = 'http://www.omg.org/spec/ReqIF/20110401/reqif.xsd';
export const REQIF_CONTENT_TYPE = 'application/xml; charset=utf-8';

/** Escapes text for an XML attribute or element, cleaned by the exports' one rule (`exportText`). */
export function xmlEscape(value: string): string {
	return exportText(value)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;')
		.replace(/\r/g, '&#13;')
		.replace(/\n/g, '&#10;')
		.replace(/\t/g, '&#9;');
}

/** An xsd:ID from any text: letters, digits, `-`, `_`, `.`, starting with `_`. */
function xmlId(...parts: (string | number)[]): string {
	return `_${parts.join('-').replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

type Attrs = Record<string, string | number | boolean | undefined>;

/** A tiny element writer: attributes escaped, children indented. */
function el(name: string, attrs: Attrs, children?: string[] | string): string {
	const a = Object.entries(attrs)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
		.join('');
	if (children === undefined || (Array.isArray(children) && children.length === 0)) return `<${name}${a}/>`;
	if (typeof children === 'string') return `<${name}${a}>${children}</${name}>`;
	return `<${name}${a}>\n${children.map((c) => indent(c)).join('\n')}\n</${name}>`;
}
const indent = (text: string) => text.replace(/^/gm, '  ');
const text = (name: string, value: string) => `<${name}>${xmlEscape(value)}</${name}>`;

/** The enumerations the spec object type uses, with their codes in order (the order is the KEY). */
const enumerations = {
	obligation: obligations,
	type: requirementTypes,
	subtype: requirementSubtypes,
	verification: verificationMethods,
	scope: scopes,
	status: statuses
} as const;
type EnumName = keyof typeof enumerations;

const ids = {
	string: '_dt-string',
	weight: '_dt-weight',
	revision: '_dt-revision',
	enumType: (e: EnumName) => `_dt-${e}`,
	enumValue: (e: EnumName, code: string) => `_ev-${e}-${code}`,
	requirementType: '_st-requirement',
	headingType: '_st-heading',
	specificationType: '_st-specification',
	attr: (name: string) => `_ad-${name}`
};

/** String attributes of a requirement, in the order the type declares them. */
const stringAttributes = ['foreignId', 'name', 'text', 'rationale', 'acceptance', 'organisations'] as const;
type StringAttribute = (typeof stringAttributes)[number];

/**
 * A baseline as ReqIF 1.2 (OMG, namespace 20110401): the header; datatypes (string, integer for
 * weight and revision, one enumeration per coded field); a spec object type for requirements (the
 * Implementation Guide's ReqIF.ForeignID, ReqIF.Name and ReqIF.Text plus Samsyn's own attributes)
 * and one for chapter headings; a specification type; one spec object per requirement and per
 * requirement type; and one specification whose hierarchy is type heading → requirements.
 * Identifiers of requirements are stable per consortium and number, so a tool that imports a later
 * baseline updates the same objects.
 */
export function specToReqif(spec: SpecDocument, locale: Locale, options: { consortiumId: string; now?: Date }): string {
	const v = vocabulary(locale);
	const headings = requirementHeadings(locale);
	const changed = spec.frozenAt.toISOString();
	const lastChange = { 'LAST-CHANGE': changed };
	const o = { locale };

	const enumLabels: Record<EnumName, Record<string, string>> = {
		obligation: v.obligation,
		type: v.type,
		subtype: v.subtype,
		verification: v.verification,
		scope: v.scope,
		status: v.status
	};
	const enumHeadings: Record<EnumName, string> = {
		obligation: headings.obligation,
		type: headings.type,
		subtype: headings.subtype,
		verification: headings.verification,
		scope: headings.scope,
		status: headings.status
	};
	const stringNames: Record<StringAttribute, string> = {
		foreignId: 'ReqIF.ForeignID',
		name: 'ReqIF.Name',
		text: 'ReqIF.Text',
		rationale: headings.rationale,
		acceptance: headings.acceptanceCriteria,
		organisations: headings.localOrganisations
	};

	const datatypes = [
		el('DATATYPE-DEFINITION-STRING', { IDENTIFIER: ids.string, 'LONG-NAME': 'String', 'MAX-LENGTH': 1_000_000, ...lastChange }),
		el('DATATYPE-DEFINITION-INTEGER', { IDENTIFIER: ids.weight, 'LONG-NAME': headings.weight, MIN: 1, MAX: 100, ...lastChange }),
		el('DATATYPE-DEFINITION-INTEGER', { IDENTIFIER: ids.revision, 'LONG-NAME': headings.revision, MIN: 1, MAX: 1_000_000, ...lastChange }),
		...(Object.keys(enumerations) as EnumName[]).map((e) =>
			el('DATATYPE-DEFINITION-ENUMERATION', { IDENTIFIER: ids.enumType(e), 'LONG-NAME': enumHeadings[e], ...lastChange }, [
				el(
					'SPECIFIED-VALUES',
					{},
					enumerations[e].map((code, key) =>
						el('ENUM-VALUE', { IDENTIFIER: ids.enumValue(e, code), 'LONG-NAME': enumLabels[e][code], ...lastChange }, [
							el('PROPERTIES', {}, [el('EMBEDDED-VALUE', { KEY: key, 'OTHER-CONTENT': code })])
						])
					)
				)
			])
		)
	];

	const stringDefinition = (name: StringAttribute) =>
		el('ATTRIBUTE-DEFINITION-STRING', { IDENTIFIER: ids.attr(name), 'LONG-NAME': stringNames[name], ...lastChange }, [
			el('TYPE', {}, [text('DATATYPE-DEFINITION-STRING-REF', ids.string)])
		]);
	const integerDefinition = (name: 'weight' | 'revision') =>
		el('ATTRIBUTE-DEFINITION-INTEGER', { IDENTIFIER: ids.attr(name), 'LONG-NAME': headings[name], ...lastChange }, [
			el('TYPE', {}, [text('DATATYPE-DEFINITION-INTEGER-REF', ids[name])])
		]);
	const enumDefinition = (e: EnumName) =>
		el('ATTRIBUTE-DEFINITION-ENUMERATION', { IDENTIFIER: ids.attr(e), 'LONG-NAME': enumHeadings[e], 'MULTI-VALUED': false, ...lastChange }, [
			el('TYPE', {}, [text('DATATYPE-DEFINITION-ENUMERATION-REF', ids.enumType(e))])
		]);

	const specTypes = [
		el('SPEC-OBJECT-TYPE', { IDENTIFIER: ids.requirementType, 'LONG-NAME': m.spec_reqif_requirement_type({}, o), ...lastChange }, [
			el('SPEC-ATTRIBUTES', {}, [
				...stringAttributes.map(stringDefinition),
				...(Object.keys(enumerations) as EnumName[]).map(enumDefinition),
				integerDefinition('weight'),
				integerDefinition('revision')
			])
		]),
		el('SPEC-OBJECT-TYPE', { IDENTIFIER: ids.headingType, 'LONG-NAME': m.spec_reqif_heading_type({}, o), ...lastChange }, [
			el('SPEC-ATTRIBUTES', {}, [
				el('ATTRIBUTE-DEFINITION-STRING', { IDENTIFIER: ids.attr('chapter'), 'LONG-NAME': 'ReqIF.ChapterName', ...lastChange }, [
					el('TYPE', {}, [text('DATATYPE-DEFINITION-STRING-REF', ids.string)])
				])
			])
		]),
		el('SPECIFICATION-TYPE', { IDENTIFIER: ids.specificationType, 'LONG-NAME': m.spec_doc_kind({}, o), ...lastChange })
	];

	const stringValue = (attr: string, value: string) =>
		el('ATTRIBUTE-VALUE-STRING', { 'THE-VALUE': value }, [el('DEFINITION', {}, [text('ATTRIBUTE-DEFINITION-STRING-REF', ids.attr(attr))])]);
	const integerValue = (attr: 'weight' | 'revision', value: number) =>
		el('ATTRIBUTE-VALUE-INTEGER', { 'THE-VALUE': value }, [el('DEFINITION', {}, [text('ATTRIBUTE-DEFINITION-INTEGER-REF', ids.attr(attr))])]);
	const enumValue = (e: EnumName, code: string) =>
		el('ATTRIBUTE-VALUE-ENUMERATION', {}, [
			el('DEFINITION', {}, [text('ATTRIBUTE-DEFINITION-ENUMERATION-REF', ids.attr(e))]),
			el('VALUES', {}, [text('ENUM-VALUE-REF', ids.enumValue(e, code))])
		]);

	const objectId = (r: SpecRequirement) => xmlId(options.consortiumId, r.number);
	const requirementObject = (r: SpecRequirement) => {
		const values = [
			stringValue('foreignId', r.identifier),
			stringValue('name', r.title),
			stringValue('text', r.text),
			stringValue('rationale', r.rationale),
			stringValue('acceptance', r.acceptanceCriteria),
			stringValue('organisations', r.localOrganisations.join(', ')),
			enumValue('obligation', r.obligation),
			enumValue('type', r.type),
			...(r.subtype ? [enumValue('subtype', r.subtype)] : []),
			enumValue('verification', r.verification),
			enumValue('scope', r.scope),
			enumValue('status', r.status),
			...(r.weight !== null ? [integerValue('weight', r.weight)] : []),
			integerValue('revision', r.revision)
		];
		return el('SPEC-OBJECT', { IDENTIFIER: objectId(r), 'LONG-NAME': r.identifier, ...lastChange }, [
			el('VALUES', {}, values),
			el('TYPE', {}, [text('SPEC-OBJECT-TYPE-REF', ids.requirementType)])
		]);
	};

	const groups = groupByType(spec.requirements);
	const headingId = (type: string) => xmlId('heading', spec.id, type);
	const headingObjects = groups.map((g, i) =>
		el('SPEC-OBJECT', { IDENTIFIER: headingId(g.type), 'LONG-NAME': `${i + 1} ${v.group[g.type]}`, ...lastChange }, [
			el('VALUES', {}, [stringValue('chapter', `${i + 1} ${v.group[g.type]}`)]),
			el('TYPE', {}, [text('SPEC-OBJECT-TYPE-REF', ids.headingType)])
		])
	);

	const hierarchy = groups.map((g) =>
		el('SPEC-HIERARCHY', { IDENTIFIER: xmlId('h', spec.id, g.type), ...lastChange }, [
			el('OBJECT', {}, [text('SPEC-OBJECT-REF', headingId(g.type))]),
			el(
				'CHILDREN',
				{},
				g.requirements.map((r) =>
					el('SPEC-HIERARCHY', { IDENTIFIER: xmlId('h', spec.id, r.number), ...lastChange }, [el('OBJECT', {}, [text('SPEC-OBJECT-REF', objectId(r))])])
				)
			)
		])
	);

	const specification = el(
		'SPECIFICATION',
		{ IDENTIFIER: xmlId('spec', spec.id), 'LONG-NAME': spec.name, DESC: spec.description || undefined, ...lastChange },
		[el('TYPE', {}, [text('SPECIFICATION-TYPE-REF', ids.specificationType)]), el('CHILDREN', {}, hierarchy)]
	);

	const header = el('REQ-IF-HEADER', { IDENTIFIER: xmlId('header', spec.id) }, [
		text('COMMENT', m.spec_reqif_comment({ name: spec.name, consortium: spec.consortiumName }, o)),
		text('CREATION-TIME', (options.now ?? new Date()).toISOString()),
		text('REQ-IF-TOOL-ID', 'Samsyn'),
		text('REQ-IF-VERSION', '1.0'),
		text('SOURCE-TOOL-ID', 'Samsyn'),
		text('TITLE', `${spec.name} – ${spec.consortiumName}`)
	]);

	const sorted = [...spec.requirements].sort((a, b) => a.number - b.number);
	const root = el('REQ-IF', { xmlns: REQIF_NAMESPACE, 'xml:lang': locale }, [
		el('THE-HEADER', {}, [header]),
		el('CORE-CONTENT', {}, [
			el('REQ-IF-CONTENT', {}, [
				el('DATATYPES', {}, datatypes),
				el('SPEC-TYPES', {}, specTypes),
				el('SPEC-OBJECTS', {}, [...headingObjects, ...sorted.map(requirementObject)]),
				el('SPECIFICATIONS', {}, [specification])
			])
		])
	]);
	return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}
