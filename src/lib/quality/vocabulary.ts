/*
 * The word lists behind the rules. Sources: seed 001 (the guidance on welfare-technology procurement:
 * a functional requirement says what, not how; a mandatory requirement (krav) must be met, a criterion
 * (kriterium, "nice to have") is evaluated; requirements should be "enkla att testa och utvärdera"),
 * and the usual Swedish procurement advice on measurable requirements. Kept short on purpose: every
 * entry has to stay silent on the demo requirements (see demo-set.test.ts).
 */

/** Word-specific suggestions; each is a `quality_suggest_<hint>` message. */
export const vagueHints = [
	'speed',
	'usability',
	'flexibility',
	'modern',
	'efficiency',
	'enumeration',
	'and_or',
	'conditional',
	'level',
	'clarity',
	'robustness'
] as const;
export type VagueHint = (typeof vagueHints)[number];

export interface VagueEntry {
	/** Every form that is matched (case-insensitive, whole words). */
	forms: readonly string[];
	hint: VagueHint;
}

/** An adjective with its Swedish inflections: snabb, snabbt, snabba, snabbare, snabbast, snabbaste. */
const adjective = (stem: string, contracted = stem) => [stem, `${stem}t`, `${contracted}a`, `${contracted}are`, `${contracted}ast`, `${contracted}aste`];

export const vagueWords: readonly VagueEntry[] = [
	{ forms: [...adjective('användarvänlig'), 'användarvänlighet', 'användarvänligheten'], hint: 'usability' },
	{ forms: adjective('snabb'), hint: 'speed' },
	{ forms: adjective('enkel', 'enkl'), hint: 'usability' },
	{ forms: [...adjective('smidig'), ...adjective('intuitiv'), 'lätt att', 'lättare att'], hint: 'usability' },
	{ forms: [...adjective('flexibel', 'flexibl'), 'flexibilitet'], hint: 'flexibility' },
	{ forms: adjective('modern'), hint: 'modern' },
	{ forms: [...adjective('effektiv'), ...adjective('kostnadseffektiv')], hint: 'efficiency' },
	{
		forms: ['etc.', 'etc', 'osv.', 'osv', 'o.s.v.', 'bl.a.', 'bl. a.', 'bland annat', 'med mera', 'm.m.', 'och så vidare'],
		hint: 'enumeration'
	},
	{ forms: ['och/eller'], hint: 'and_or' },
	{ forms: ['vid behov', 'om möjligt', 'i möjligaste mån', 'i största möjliga mån', 'så långt som möjligt', 'så långt möjligt'], hint: 'conditional' },
	{ forms: [...adjective('tillräcklig'), ...adjective('lämplig'), ...adjective('rimlig'), 'normalt', 'optimal', 'optimalt', 'optimala'], hint: 'level' },
	{ forms: adjective('tydlig'), hint: 'clarity' },
	{ forms: ['robust', 'robusta', 'robustare', 'robustast'], hint: 'robustness' }
];

/**
 * Endings a consortium's own vague word may carry (`settings.extraVagueWords`): "smart" also finds
 * "smarta" and "smartare"; a word on -el/-er/-en also drops its e ("säker" → "säkra").
 */
export const extraWordEndings = ['aste', 'heten', 'are', 'ast', 'het', 'en', 'et', 'er', 'ar', 'or', 'na', 'ne', 'ns', 'ts', 't', 'a', 'e', 's', 'n'];
export const contractedEndings = ['aste', 'are', 'ast', 'a', 'e'];

/**
 * Technology a functional requirement should not prescribe (seed 001: functional requirements rather
 * than detailed ones, so suppliers with a better or cheaper solution are not shut out). Flagged only
 * after a prescribing verb ("ska byggas i Java", "ska använda en Oracle-databas"): "ska fungera på iOS
 * och Android" or "integreras med SharePoint" states a need and is left alone.
 */
export const technologies = [
	'Java',
	'JavaScript',
	'TypeScript',
	'.NET',
	'C#',
	'PHP',
	'Python',
	'Oracle',
	'SQL Server',
	'MySQL',
	'PostgreSQL',
	'MongoDB',
	'Microsoft',
	'Windows',
	'Linux',
	'macOS',
	'iOS',
	'Android',
	'SharePoint',
	'Azure',
	'AWS',
	'Google Cloud',
	'React',
	'Angular',
	'Excel',
	'Access'
];

/** Verb phrases that prescribe how, before a technology: "ska byggas i", "ska använda", "ska köras på". */
export const prescribingVerbs = [
	'byggas i',
	'byggas med',
	'byggas på',
	'utvecklas i',
	'utvecklas med',
	'programmeras i',
	'skrivas i',
	'köras på',
	'köras i',
	'baseras på',
	'bygga på',
	'använda',
	'vara byggd i',
	'vara byggt i',
	'vara utvecklad i',
	'vara skriven i'
];

/** Interface and delivery details that are a design, not a function. */
export const solutionPhrases = [
	'med hjälp av en databas',
	'med hjälp av databas',
	'via en knapp',
	'via knappen',
	'rullgardinsmeny',
	'rullgardinsmenyn',
	'rullgardinsmenyer',
	'dropdown',
	'dropdown-meny',
	'dropdownmeny',
	'dropdown-menyn',
	'drop-down',
	'excel-fil',
	'excel-filen',
	'excel-filer',
	'excelfil',
	'excelfilen',
	'excelfiler',
	'excel-ark',
	'excelark',
	'i form av en app',
	'i form av en mobilapp',
	'i form av en applikation',
	'i form av en webbapplikation'
];

/** Modal verbs of an obligation: "ska" (krav) and "bör" (kriterium). */
export const mustWords = new Set(['ska', 'skall', 'måste']);
export const shouldWords = new Set(['bör']);

/** Something measurable: units (a digit anywhere already counts). */
export const units = [
	'%',
	'‰',
	'procent',
	'procentenhet',
	'procentenheter',
	'ms',
	'millisekund',
	'millisekunder',
	'sek',
	'sekund',
	'sekunder',
	'sekunden',
	'minut',
	'minuter',
	'minuten',
	'timme',
	'timmar',
	'timmen',
	'dygn',
	'dygnet',
	'dygnets',
	'dagar',
	'vecka',
	'veckor',
	'veckan',
	'månad',
	'månader',
	'månaden',
	'år',
	'året',
	'årets',
	'kB',
	'MB',
	'GB',
	'TB',
	'Mbit/s',
	'kbit/s',
	'dB',
	'lux',
	'kg',
	'gram',
	'mm',
	'cm',
	'meter',
	'km',
	'kWh',
	'watt',
	'volt',
	'°C',
	'grader',
	'tecken',
	'stycken',
	'pixlar'
];

/** Standards, laws and open formats a requirement can be verified against. */
export const standards = [
	'SS-EN',
	'ISO',
	'IEC',
	'EN 301 549',
	'WCAG',
	'GDPR',
	'dataskyddsförordningen',
	'NIS2',
	'SFS',
	'HSLF-FS',
	'SOSFS',
	'eIDAS',
	'SITHS',
	'BankID',
	'HL7',
	'FHIR',
	'SAML',
	'OpenID',
	'OAuth',
	'TLS',
	'ETSI',
	'IEEE',
	'CE-märkning',
	'CE-märkt',
	'MDR',
	'CSV',
	'XLSX',
	'PDF',
	'PDF/A',
	'JSON',
	'XML',
	'ODF'
];

/** Adverbs that may stand between the modal verb and the passive: "ska inte sparas", "ska alltid loggas". */
export const modalAdverbs = new Set(['inte', 'ej', 'endast', 'bara', 'även', 'också', 'alltid', 'automatiskt', 'direkt', 'omedelbart', 'dessutom', 'därefter']);
export const passiveModals = new Set(['ska', 'skall', 'bör', 'kan', 'måste']);

/**
 * Verbs on -s that are not passive (deponents and reciprocals): "ska finnas", "ska synas". "hänvisas"
 * is a true passive of "hänvisa" (someone refers the person), so it is flagged.
 */
export const deponents = new Set([
	'finnas',
	'hoppas',
	'andas',
	'lyckas',
	'misslyckas',
	'minnas',
	'trivas',
	'synas',
	'kännas',
	'märkas',
	'låtsas',
	'svettas',
	'fattas',
	'saknas',
	'vistas',
	'umgås',
	'slåss',
	'mötas',
	'träffas',
	'enas',
	'skämmas',
	'envisas',
	'åldras',
	'färdas',
	'hämnas',
	'brås',
	'nöjas',
	'kräkas',
	'brottas',
	'talas',
	'samsas',
	'ses'
]);
/** Words on -s after a modal verb that are not verbs at all: "kan dels", "ska alltså", "ska plus". */
export const notVerbs = new Set(['dels', 'alltså', 'plus', 'minus', 'annars', 'ens', 'förutom', 'tillsammans', 'bakom']);

/**
 * Who acts: when the sentence names the system or the supplier before the verb ("Leverantören ska se
 * till att larmen ska loggas"), or has "av …" after it, the passive is not flagged. People ("användaren
 * ska informeras") are usually the one acted on, so they are not on the list.
 */
export const actors = new Set([
	'systemet',
	'lösningen',
	'leverantören',
	'anbudsgivaren',
	'tjänsten',
	'tjänsteleverantören',
	'plattformen',
	'applikationen',
	'produkten'
]);
export const becomeWords = new Set(['bli', 'blir', 'blev', 'blivit', 'bliva']);
/** Adjectives on -ad/-at after "bli" that are not participles. */
export const notParticiples = new Set(['glad', 'privat', 'separat', 'adekvat', 'desperat', 'akrobat', 'delikat']);

/** Words that open a subordinate clause: "tider som ska gälla" is one requirement, not two. */
export const subordinators = new Set([
	'som',
	'att',
	'där',
	'vilket',
	'vilka',
	'vilken',
	'när',
	'om',
	'då',
	'eftersom',
	'innan',
	'tills',
	'medan',
	'såvida',
	'ifall'
]);
/** Words that open a condition or a time clause: "om en tillsyn inte kan genomföras" says when, not who. */
export const conditions = new Set(['om', 'ifall', 'när', 'då', 'innan', 'eftersom', 'medan', 'tills', 'såvida']);
export const conjunctions = new Set(['och', 'samt', 'men']);
