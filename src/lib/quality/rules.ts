/*
 * The rules of the requirement review, as data: what each looks at, how much it weighs in the score,
 * how it finds things, and the Swedish sentences it must and must not flag (rules.test.ts runs every
 * example, so a rule cannot be added without them). Sentences marked "demo" are from
 * src/lib/server/demo/requirements-data.ts, "seed 001" from the procurement guidance.
 */
import { LINE_SPACE, literal, lixOf, WORD_END, WORD_START, type Analysis, type Token } from './text';
import type { QualityField, QualityObligation, RuleId } from './types';
import {
	actors,
	becomeWords,
	conditions,
	conjunctions,
	deponents,
	modalAdverbs,
	mustWords,
	notParticiples,
	notVerbs,
	passiveModals,
	prescribingVerbs,
	shouldWords,
	solutionPhrases,
	standards,
	subordinators,
	technologies,
	units,
	type VagueHint
} from './vocabulary';

/** The vague-word pattern for one set of settings (built-in words plus the consortium's own). */
export interface CompiledVague {
	regex: RegExp;
	/** The hint of each capturing group, in order; null for a consortium's own word. */
	hints: readonly (VagueHint | null)[];
}

export interface FieldContext {
	field: QualityField;
	text: string;
	analysis: Analysis;
	obligation: QualityObligation;
	/** The title and body when the whole requirement is checked; null when one field is (`checkText`). */
	requirement: { title: Analysis; body: Analysis; acceptanceCriteria: string } | null;
	vague: CompiledVague;
}

export interface RawFinding {
	from: number;
	to: number;
	params: Record<string, string>;
}

/** A body (the default field) or a whole requirement; `match` is what a trigger must flag. */
export type RuleExample = string | { title?: string; body?: string; acceptanceCriteria?: string; obligation?: QualityObligation; match?: string };

export interface RuleDefinition {
	id: RuleId;
	/** Points a first finding takes from the score of 100 (see `qualityScore`). */
	weight: number;
	fields: readonly QualityField[];
	/** Whole-field findings carry no match and span the field (0..length). */
	wholeField: boolean;
	/** Needs the other fields (the acceptance criteria): runs in `checkRequirement` only. */
	needsRequirement: boolean;
	check(ctx: FieldContext): RawFinding[];
	examples: { trigger: readonly RuleExample[]; pass: readonly RuleExample[] };
}

const regex = (source: string) => new RegExp(source, 'giu');
const alternatives = (phrases: readonly string[]) =>
	[...phrases]
		.sort((a, b) => b.length - a.length)
		.map(literal)
		.join('|');

const onlySpaceBetween = (text: string, a: Token, b: Token) => a.sentence === b.sentence && /^\s+$/u.test(text.slice(a.to, b.from));

function allMatches(pattern: RegExp, text: string, params: (m: RegExpExecArray) => Record<string, string>): RawFinding[] {
	const out: RawFinding[] = [];
	pattern.lastIndex = 0;
	for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
		if (m[0].length === 0) {
			pattern.lastIndex++;
			continue;
		}
		out.push({ from: m.index, to: m.index + m[0].length, params: params(m) });
	}
	return out;
}

// ---------------------------------------------------------------- vague_word

const vagueWord: RuleDefinition = {
	id: 'vague_word',
	weight: 8,
	fields: ['title', 'body', 'acceptanceCriteria'],
	wholeField: false,
	needsRequirement: false,
	check({ text, vague }) {
		return allMatches(vague.regex, text, (m) => {
			const params: Record<string, string> = { word: m[0] };
			for (let g = 1; g < m.length; g++) {
				if (m[g] === undefined) continue;
				const hint = vague.hints[g - 1];
				if (hint) params.hint = hint;
				break;
			}
			return params;
		});
	},
	examples: {
		trigger: [
			{ body: 'Systemet ska vara användarvänligt och snabbt', match: 'användarvänligt' },
			{ body: 'Systemet ska vara användarvänligt och snabbt', match: 'snabbt' },
			// demo
			{ body: 'Leverantören ska ha en tydlig väg för felanmälan och ändringsförslag där konsortiet kan påverka prioriteringen.', match: 'tydlig' },
			{
				title: 'Användarvänlig automat för brukaren',
				body: 'Brukare med nedsatt syn eller motorik bör kunna ta ut sin dos utan hjälp.',
				obligation: 'criterion',
				match: 'Användarvänlig'
			},
			// demo (need): Behörighetshantering
			{ body: 'Behörigheter till system och lås ska vara enkla att ge och ta bort.', match: 'enkla' },
			// seed 001
			{ body: 'Tänk på att formulera krav på sätt så att de är enkla att testa och utvärdera.', match: 'enkla' },
			{ body: 'Vissa kanske bör vara på detaljnivå som till exempel SLA (servicenivåavtal), säkerhet, införande osv.', match: 'osv.' },
			{ body: 'Det ska vara lätt att göra rätt.', match: 'lätt att' },
			{ body: 'Rapporten ska visa larm och/eller avvikelser.', match: 'och/eller' },
			{ body: 'Loggar ska sparas vid behov.', match: 'vid behov' },
			{ body: 'Gränssnittet ska vara FLEXIBELT.', match: 'FLEXIBELT' },
			{ body: 'Svaren ska komma snabbare än i dag, bl.a. vid larm.', match: 'bl.a.' },
			{ body: 'Lösningen ska vara modern, smidig och intuitiv.', match: 'intuitiv' },
			// decomposed ä (a + U+0308) is still the word
			{ body: 'Systemet ska vara anva\u0308ndarva\u0308nligt.', match: 'anva\u0308ndarva\u0308nligt' }
		],
		pass: [
			'Systemet ska visa sökresultat inom 2 sekunder',
			// demo
			'Kamerabild ska visas inom 5 sekunder från att tillsynen startas.',
			'Lösningen ska kunna genomföra tillsyn med sensor (till exempel rörelse- eller sängsensor) utan att bild överförs.',
			'Tjänsten för digital tillsyn ska ha en tillgänglighet på minst 99,5 % per månad nattetid (22–07).',
			// parts of longer words are not the vague word
			'Snabbkommandon ska finnas för alla funktioner i menyn.',
			'Brukaren ska kunna välja enkelrum eller dubbelrum.',
			'Läkemedel i automaten ska förvaras låst och endast kunna fyllas på av behörig personal.',
			'Det är lätt.'
		]
	}
};

// ---------------------------------------------------------------- obligation_mismatch

function firstWord(analysis: Analysis, words: Set<string>): Token | undefined {
	return analysis.tokens.find((t) => words.has(t.lower));
}

const obligationMismatch: RuleDefinition = {
	id: 'obligation_mismatch',
	weight: 15,
	fields: ['title', 'body'],
	wholeField: false,
	needsRequirement: false,
	check({ field, analysis, obligation, requirement }) {
		// The title and body together say what kind of requirement it is; the first wrong word is flagged.
		const scope: [QualityField, Analysis][] = requirement
			? [
					['title', requirement.title],
					['body', requirement.body]
				]
			: [[field, analysis]];
		const [wrong, right] = obligation === 'mandatory' ? [shouldWords, mustWords] : [mustWords, shouldWords];
		if (scope.some(([, a]) => firstWord(a, right))) return [];
		for (const [f, a] of scope) {
			const token = firstWord(a, wrong);
			if (!token) continue;
			return f === field ? [{ from: token.from, to: token.to, params: { word: a.text.slice(token.from, token.to), obligation } }] : [];
		}
		return [];
	},
	examples: {
		trigger: [
			// demo criterion, marked mandatory
			{ body: 'Brukare med nedsatt syn eller motorik bör kunna ta ut sin dos utan hjälp.', obligation: 'mandatory', match: 'bör' },
			{ body: 'Lösningen ska kunna användas för videosamtal mellan brukare och anhöriga.', obligation: 'criterion', match: 'ska' },
			// seed 001
			{ body: 'Visionen bör beskriva nuläge, målet och önskade effekter med upphandlingen.', obligation: 'mandatory', match: 'bör' },
			{ body: 'Leverantören skall erbjuda support dygnet runt.', obligation: 'criterion', match: 'skall' }
		],
		pass: [
			// demo
			{ body: 'Automaten bör ha låg energiförbrukning i viloläge.', obligation: 'criterion' },
			{ body: 'Lösningen bör kunna användas för videosamtal mellan brukare och anhöriga.', obligation: 'criterion' },
			{ body: 'Automaten ska påminna brukaren med både ljud och ljus när det är dags för en dos.', obligation: 'mandatory' },
			{ body: 'Lösningen ska logga larm och bör visa dem i en lista.', obligation: 'mandatory' },
			{ body: 'Tillsyn nattetid via kamera.', obligation: 'mandatory' }
		]
	}
};

// ---------------------------------------------------------------- compound

const compound: RuleDefinition = {
	id: 'compound',
	weight: 10,
	fields: ['body'],
	wholeField: false,
	needsRequirement: false,
	check({ text, analysis }) {
		const { tokens } = analysis;
		let previous = -1;
		for (let i = 0; i < tokens.length; i++) {
			const token = tokens[i]!;
			if (!mustWords.has(token.lower) && !shouldWords.has(token.lower)) continue;
			if (previous >= 0 && startsNewClause(text, tokens, previous, i))
				return [{ from: token.from, to: token.to, params: { word: text.slice(token.from, token.to) } }];
			previous = i;
		}
		return [];
	},
	examples: {
		trigger: [
			{ body: 'Systemet ska logga varje inloggning och ska spara loggen i 12 månader.', match: 'ska' },
			{ body: 'Varje tillsyn ska loggas med tidpunkt. Loggen ska sparas i 12 månader.', match: 'ska' },
			{ body: 'Automaten ska larma personalen; personalen ska kvittera larmet inom 5 minuter.', match: 'ska' },
			{ body: 'Lösningen ska visa planerade tillsyner och leverantören skall rapportera avbrott varje månad.', match: 'skall' }
		],
		pass: [
			// demo
			'Om en planerad tillsyn inte kan genomföras, till exempel vid bruten uppkoppling, ska ansvarig personal larmas inom 2 minuter.',
			'Kamerabild ska endast kunna visas under en pågående, loggad tillsyn och får inte lagras.',
			'Leverantören ska utbilda nattpersonal och erbjuda lathundar och e-learning som nås från lösningen.',
			'Lösningen ska visa de tider som ska gälla enligt genomförandeplanen.',
			'Lösningen ska visa planerade tillsyner och de tider som ska gälla.',
			// seed 001
			'Alla krav kanske inte ska vara funktionskrav, vissa kanske bör vara på detaljnivå.'
		]
	}
};

/** Whether the modal verb at `i` opens a second main clause after the one at `previous`. */
function startsNewClause(text: string, tokens: readonly Token[], previous: number, i: number): boolean {
	const a = tokens[previous]!;
	const b = tokens[i]!;
	if (a.sentence !== b.sentence) return true;
	if (text.slice(a.to, b.from).includes(';')) return true;
	let joined = -1;
	for (let k = i - 1; k > previous; k--) {
		if (conjunctions.has(tokens[k]!.lower)) {
			joined = k;
			break;
		}
	}
	if (joined < 0) return false;
	for (let k = joined + 1; k < i; k++) if (subordinators.has(tokens[k]!.lower)) return false;
	return true;
}

// ---------------------------------------------------------------- unverifiable

const MEASURABLE = regex(`\\p{Nd}|%|‰|${WORD_START}(?:${alternatives([...units, ...standards])})${WORD_END}`);

const unverifiable: RuleDefinition = {
	id: 'unverifiable',
	weight: 10,
	fields: ['body'],
	wholeField: true,
	needsRequirement: true,
	check({ text, analysis, obligation, requirement }) {
		if (obligation !== 'mandatory' || !requirement || analysis.tokens.length === 0) return [];
		if (requirement.acceptanceCriteria.trim() !== '') return [];
		for (const t of [requirement.title.text, text]) {
			MEASURABLE.lastIndex = 0;
			if (MEASURABLE.test(t)) return [];
		}
		return [{ from: 0, to: text.length, params: {} }];
	},
	examples: {
		trigger: [
			'Systemet ska vara användarvänligt och snabbt',
			// demo
			'Leverantören ska ha en tydlig väg för felanmälan och ändringsförslag där konsortiet kan påverka prioriteringen.',
			{ title: 'Påminnelse med ljud och ljus', body: 'Automaten ska påminna brukaren med både ljud och ljus när det är dags för en dos.' },
			// "min" is "my", not minutes
			'Lösningen ska visa min lista.'
		],
		pass: [
			// demo
			'Personalens gränssnitt ska uppfylla WCAG 2.1 nivå AA.',
			'När en medarbetare tas bort ska all åtkomst till kamera, lås och automater upphöra inom en timme.',
			'Leverantören ska erbjuda support för drift och larm dygnet runt, årets alla dagar.',
			'Statistik ska kunna exporteras som CSV eller XLSX.',
			{
				body: 'Lösningen ska möjliggöra tillsyn nattetid via kamera i brukarens bostad vid de tidpunkter som anges i genomförandeplanen.',
				acceptanceCriteria: 'Personal kan genomföra en tillsyn via kamera från sin arbetsplats under ett demonstrerat nattpass.'
			},
			{ body: 'Automaten bör ha låg energiförbrukning i viloläge.', obligation: 'criterion' },
			'Systemet ska visa sökresultat inom 2 sekunder',
			{ title: 'Svarstid under 2 sekunder', body: 'Sökresultat ska visas utan märkbar fördröjning.' }
		]
	}
};

// ---------------------------------------------------------------- solution

const SOLUTION = regex(
	`${WORD_START}(?:(?:${alternatives(['ska', 'skall', 'bör', 'måste'])})(?:${LINE_SPACE}kunna)?${LINE_SPACE}(?:${alternatives(prescribingVerbs)})${LINE_SPACE}(?:(?:en|ett)${LINE_SPACE})?(?:${alternatives(technologies)})(?:-[\\p{L}\\p{M}]+)?|${alternatives(solutionPhrases)})${WORD_END}`
);

const solution: RuleDefinition = {
	id: 'solution',
	weight: 10,
	fields: ['title', 'body'],
	wholeField: false,
	needsRequirement: false,
	check({ text }) {
		return allMatches(SOLUTION, text, (m) => ({ word: m[0] }));
	},
	examples: {
		trigger: [
			{ body: 'Systemet ska byggas i Java.', match: 'ska byggas i Java' },
			{ body: 'Lösningen ska använda en Oracle-databas för loggar.', match: 'ska använda en Oracle-databas' },
			{ body: 'Tjänsten ska köras på Windows Server.', match: 'ska köras på Windows' },
			{ body: 'Statistik ska exporteras till en Excel-fil varje månad.', match: 'Excel-fil' },
			{ body: 'Personal ska välja brukare i en rullgardinsmeny.', match: 'rullgardinsmeny' },
			{ body: 'Larmet ska kvitteras via en knapp på skärmen.', match: 'via en knapp' },
			{ body: 'Tillsynen ska erbjudas i form av en app.', match: 'i form av en app' },
			{ body: 'Uppgifterna ska lagras med hjälp av en databas.', match: 'med hjälp av en databas' }
		],
		pass: [
			// demo
			'Statistik ska kunna exporteras som CSV eller XLSX.',
			'Uttagsdata ska kunna hämtas via ett öppet, dokumenterat API.',
			'Personal ska få en påminnelse om planerade tillsyner, i form av en att-göra-lista för natten.',
			'Larm från automater och tillsyn ska kunna tas emot i kommunens larmhanteringssystem via ett dokumenterat, öppet gränssnitt.',
			// a need, not a design
			'Appen för anhöriga ska fungera på iOS och Android.',
			'Lösningen ska kunna integreras med kommunens SharePoint.',
			'Införandet ska byggas i etapper.'
		]
	}
};

// ---------------------------------------------------------------- long_sentence

const MAX_WORDS = 30;

const longSentence: RuleDefinition = {
	id: 'long_sentence',
	weight: 5,
	fields: ['title', 'body', 'acceptanceCriteria'],
	wholeField: false,
	needsRequirement: false,
	check({ analysis }) {
		return analysis.sentences
			.filter((s) => s.words > MAX_WORDS)
			.map((s) => ({ from: s.from, to: s.to, params: { words: String(s.words), max: String(MAX_WORDS) } }));
	},
	examples: {
		trigger: [
			// seed 001
			'Fördelar med att ställa funktionskrav i stället för detaljkrav kan vara att det krävs stor domänkunskap inom de tekniska förutsättningarna om detaljkraven ska vara relevanta och bra, detaljkrav kan potentiellt stänga ute leverantörer som annars kan erbjuda en bättre och billigare lösning, vid funktionskrav så prövar man leverantörens domänkunskap inom kommunal verksamhet.',
			'Det är viktigt att samla in så mycket av frågor och synpunkter som möjligt i början av projektet så att alla har samma målbild och vet vad som förväntas av dem och hur förändringen kommer att påverka dem.'
		],
		pass: [
			// demo
			'Om en planerad tillsyn inte kan genomföras, till exempel vid bruten uppkoppling, ska ansvarig personal larmas inom 2 minuter.',
			// many words, short sentences (t.ex. does not end one)
			'Larmet går till den som har ansvar för brukaren just då. Tillsynen görs vid de tider som står i genomförandeplanen, t.ex. kl. 23 och kl. 03. Bilden visas bara under själva tillsynen och sparas inte.',
			// one block per line: a list is not one sentence
			'Lösningen ska visa\nbrukarens namn\nplanerade tider för tillsyn under natten\nvem som utförde den senaste tillsynen\nom tillsynen avbröts och varför\nvilka larm som kom under natten'
		]
	}
};

// ---------------------------------------------------------------- readability

const MIN_WORDS_FOR_LIX = 30;
const MAX_LIX = 55;

const readability: RuleDefinition = {
	id: 'readability',
	weight: 5,
	fields: ['body', 'acceptanceCriteria'],
	wholeField: true,
	needsRequirement: false,
	check({ text, analysis }) {
		if (analysis.tokens.length < MIN_WORDS_FOR_LIX) return [];
		const value = lixOf(analysis);
		return value > MAX_LIX ? [{ from: 0, to: text.length, params: { lix: String(Math.round(value)), max: String(MAX_LIX) } }] : [];
	},
	examples: {
		trigger: [
			// seed 001: one sentence of 48 words
			'Fördelar med att ställa funktionskrav i stället för detaljkrav kan vara att det krävs stor domänkunskap inom de tekniska förutsättningarna om detaljkraven ska vara relevanta och bra, detaljkrav kan potentiellt stänga ute leverantörer som annars kan erbjuda en bättre och billigare lösning, vid funktionskrav så prövar man leverantörens domänkunskap inom kommunal verksamhet.',
			'Leverantören ska tillhandahålla dokumentation avseende informationssäkerhetsarbetet, behörighetsadministrationen, kontinuitetsplaneringen och incidenthanteringsprocessen. Dokumentationen ska beskriva ansvarsfördelningen mellan leverantörens organisation, underleverantörernas organisationer och beställarens förvaltningsorganisation. Förändringar i informationssäkerhetsarbetet ska kommuniceras skriftligen till beställarens kontaktperson.'
		],
		pass: [
			// demo (too short to judge)
			'Kamerabild ska visas inom 5 sekunder från att tillsynen startas.',
			// demo stories: easy text
			'Tillsynen görs vid de tider som står i genomförandeplanen. Bilden visas bara under själva tillsynen och sparas inte. Brukaren ska kunna ändra sig och gå tillbaka till fysiska besök. Larmet går till den som har ansvar för brukaren just då.'
		]
	}
};

// ---------------------------------------------------------------- passive

function isPassiveVerb(word: string): boolean {
	return word.length >= 3 && (word.endsWith('as') || /[eiouyåäö]s$/u.test(word)) && !deponents.has(word) && !notVerbs.has(word);
}

function isParticiple(word: string): boolean {
	return word.length >= 4 && /(?:ad|ade|at|änd|ända|änt|ängd|ängda|ängt|ckt|ckta)$/u.test(word) && !notParticiples.has(word);
}

const passive: RuleDefinition = {
	id: 'passive',
	weight: 3,
	fields: ['body'],
	wholeField: false,
	needsRequirement: false,
	check({ text, analysis }) {
		// One pass: whether the sentence so far names who acts, whether the clause so far is a condition
		// ("Om en tillsyn inte kan genomföras, …" says when, not who must act), and where each sentence's
		// last "av" is (an agent after the verb: "ska sparas av leverantören").
		const { tokens } = analysis;
		const lastAv = new Map<number, number>();
		tokens.forEach((t, k) => t.lower === 'av' && lastAv.set(t.sentence, k));
		const out: RawFinding[] = [];
		let actorSeen = false;
		let inCondition = false;
		for (let i = 0; i < tokens.length; i++) {
			const token = tokens[i]!;
			const before = tokens[i - 1];
			if (!before || before.sentence !== token.sentence) actorSeen = inCondition = false;
			else if (/[,;:()]/u.test(text.slice(before.to, token.from))) inCondition = false;
			const modal = passiveModals.has(token.lower);
			if (modal || becomeWords.has(token.lower)) {
				let j = i + 1;
				if (modal) while (j < tokens.length && modalAdverbs.has(tokens[j]!.lower) && onlySpaceBetween(text, tokens[j - 1]!, tokens[j]!)) j++;
				const verb = tokens[j];
				const agentAfter = (lastAv.get(token.sentence) ?? -1) > j;
				if (
					verb &&
					onlySpaceBetween(text, tokens[j - 1]!, verb) &&
					(modal ? isPassiveVerb(verb.lower) : isParticiple(verb.lower)) &&
					!actorSeen &&
					!agentAfter &&
					!inCondition
				) {
					out.push({ from: token.from, to: verb.to, params: { word: text.slice(token.from, verb.to), verb: text.slice(verb.from, verb.to) } });
				}
			}
			if (actors.has(token.lower)) actorSeen = true;
			if (conditions.has(token.lower)) inCondition = true;
		}
		return out;
	},
	examples: {
		trigger: [
			// demo
			{ body: 'Varje tillsyn ska loggas med tidpunkt, brukare och utförande personal.', match: 'ska loggas' },
			{ body: 'Kamerabild ska visas inom 5 sekunder från att tillsynen startas.', match: 'ska visas' },
			{ body: 'Avvikelser bör dokumenteras i verksamhetssystemet.', match: 'bör dokumenteras' },
			{ body: 'Beslutet måste godkännas innan tillsynen startar.', match: 'måste godkännas' },
			{ body: 'Bilden ska inte sparas efter tillsynen.', match: 'ska inte sparas' },
			// decomposed å in "måste" (a + U+030A)
			{ body: 'Beslutet ma\u030aste godkännas.', match: 'ma\u030aste godkännas' },
			// "hänvisas" is a passive of "hänvisa": someone refers the person
			{ body: 'Brukaren ska hänvisas till sin biståndshandläggare.', match: 'ska hänvisas' },
			// seed 001: bli + participle
			{ body: 'Ju tidigare dessa blir informerade om projektet dess då bättre.', match: 'blir informerade' }
		],
		pass: [
			'Brukaren ska kunna ändra sig och gå tillbaka till fysiska besök.',
			// demo
			'En utbildningsmiljö med fiktiva brukare ska finnas under hela avtalstiden.',
			'Statistik ska kunna exporteras som CSV eller XLSX.',
			'Läkemedel i automaten ska förvaras låst och endast kunna fyllas på av behörig personal.',
			'Uppgifter om brukaren ska bara behöva registreras en gång och hämtas från verksamhetssystemet.',
			// an agent, or active voice
			'Loggen ska sparas av leverantören i 12 månader.',
			'Leverantören ansvarar för att larmen ska loggas.',
			'Systemet ska spara loggen i 12 månader.',
			// deponents
			'Larmet ska synas på personalens telefon inom 5 sekunder.',
			'Personalen ska lyckas med tillsynen även vid dålig uppkoppling.',
			'Det blir bättre för brukaren.',
			// demo: a condition, not an obligation
			'Om en planerad tillsyn inte kan genomföras, till exempel vid bruten uppkoppling, ska ansvarig personal larmas inom 2 minuter.'
		]
	}
};

/** Every rule, keyed by id: a rule missing here is a type error. */
export const rules: Record<RuleId, RuleDefinition> = {
	vague_word: vagueWord,
	obligation_mismatch: obligationMismatch,
	compound,
	unverifiable,
	solution,
	long_sentence: longSentence,
	readability,
	passive
};
