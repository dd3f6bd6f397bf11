/**
 * Demo needs, user stories and requirements for Östergötland. Needs are quoted from the source
 * documents: Fyrbodal's captured needs (004, "Fångade behov") and the Stockholm needs list (003,
 * "Identifierade behov per övergripande behovsområde"). Stories and requirements are written for the
 * demo, about digital night supervision and medication dispensers.
 */

export type DemoNeed = {
	key: string;
	title: string;
	description: string;
	source: 'workshop' | 'interview' | 'survey' | 'incident' | 'other';
	capturedBy: string;
	capturedOn: string;
	sharedBy?: [organisation: string, comment: string][];
};

const fyrbodal = 'Fångat behov från styrgruppsmötet i Digitala processer i Fyrbodal (2020).';
const stockholm = (no: string, text: string) => `Behov ${no} i Stockholms stads behovsbild (2017): ”${text}”`;

export const demoNeeds: DemoNeed[] = [
	{
		key: 'nattillsyn',
		title: 'Nattillsyn',
		description: `${fyrbodal} Tillsyn nattetid ska kunna ske digitalt, utan att brukaren väcks av ett fysiskt besök.`,
		source: 'workshop',
		capturedBy: 'Kinda',
		capturedOn: '2026-02-03',
		sharedBy: [
			['Finspång', 'Vi planerar digital tillsyn och vill samordna.'],
			['Norrköping', 'Vi har digital tillsyn i drift och delar gärna erfarenheter.'],
			['Ydre', '']
		]
	},
	{
		key: 'e-tillsyn',
		title: 'E-tillsyn',
		description: `${fyrbodal} Tillsyn via kamera eller sensorer i brukarens hem, som komplement till besök.`,
		source: 'workshop',
		capturedBy: 'Finspång',
		capturedOn: '2026-02-03',
		sharedBy: [['Kinda', '']]
	},
	{
		key: 'medicinrobotar',
		title: 'Medicinrobotar',
		description: `${fyrbodal} Läkemedelsautomater (medicinrobotar) som delar ut rätt dos vid rätt tid.`,
		source: 'workshop',
		capturedBy: 'Norrköping',
		capturedOn: '2026-02-10',
		sharedBy: [
			['Linköping', 'Vi har automater i drift.'],
			['Mjölby', ''],
			['Vadstena', 'Planerat till nästa år.']
		]
	},
	{
		key: 'las-medicinskap',
		title: 'Digitala lås medicinskåp',
		description: `${fyrbodal} Medicinskåp hos brukaren som låses och öppnas digitalt av behörig personal.`,
		source: 'workshop',
		capturedBy: 'Linköping',
		capturedOn: '2026-02-10'
	},
	{
		key: 'e-brevlada',
		title: 'Säker e-brevlåda',
		description: `${fyrbodal} En säker digital brevlåda för meddelanden mellan kommun och brukare.`,
		source: 'workshop',
		capturedBy: 'Motala',
		capturedOn: '2026-02-17'
	},
	{
		key: 'behorighet',
		title: 'Behörighetshantering',
		description: `${fyrbodal} Behörigheter till system och lås ska vara enkla att ge och ta bort.`,
		source: 'workshop',
		capturedBy: 'Ydre',
		capturedOn: '2026-02-17',
		sharedBy: [['Boxholm', 'Särskilt viktigt för vikarier.']]
	},
	{
		key: 'hotell-las',
		title: '”Hotell-lås” särskilt boende',
		description: `${fyrbodal} Lås i särskilt boende som fungerar som hotell-lås: personal och boende öppnar med egna behörigheter.`,
		source: 'workshop',
		capturedBy: 'Vadstena',
		capturedOn: '2026-02-24'
	},
	{
		key: 'statistik',
		title: 'Lämna statistik',
		description: `${fyrbodal} Statistik ska kunna tas ut ur systemen utan manuellt arbete.`,
		source: 'workshop',
		capturedBy: 'Åtvidaberg',
		capturedOn: '2026-02-24'
	},
	{
		key: '1.3',
		title: 'Lätt att göra rätt',
		description: stockholm(
			'1.3',
			'Det ska vara lätt att göra rätt, systemet ska kräva in nödvändig och korrekt information (t.ex. genom påminnelser, varningar och ”att-göra listor”)'
		),
		source: 'interview',
		capturedBy: 'Linköping',
		capturedOn: '2026-01-20'
	},
	{
		key: '1.6',
		title: 'Registrera fel och avvikelser',
		description: stockholm(
			'1.6',
			'Behov av ett system för att kunna registrera fel och avvikelser kopplat till de insatser brukaren får samt processen, systemet och beslut'
		),
		source: 'interview',
		capturedBy: 'Norrköping',
		capturedOn: '2026-01-20'
	},
	{
		key: '2.5',
		title: 'Utbildningsmiljö och lathundar',
		description: stockholm(
			'2.5',
			'Behov av en utbildningsmiljö, e-learnings, uppdaterade lathundar som nås via systemet samt vägledande information i systemet'
		),
		source: 'interview',
		capturedBy: 'Mjölby',
		capturedOn: '2026-01-22'
	},
	{
		key: '3.1',
		title: 'Registrera information en gång',
		description: stockholm('3.1', 'Information skall endast behöva registreras en gång i systemet och automatiskt nyttjas i nästkommande steg'),
		source: 'interview',
		capturedBy: 'Söderköping',
		capturedOn: '2026-01-22'
	},
	{
		key: '4.6',
		title: 'E-tillsyn och videokommunikation',
		description: stockholm(
			'4.6',
			'Förbättrad kommunikations- och informationsinhämtning om brukarens tillstånd genom t.ex. e-tillsyn (sensorer) och videokommunikation (för vårdplanering och som komplement till kontakt med personer på olika boenden)'
		),
		source: 'interview',
		capturedBy: 'Finspång',
		capturedOn: '2026-01-27'
	},
	{
		key: '5.2',
		title: 'Tydliga vägar för fel och ändringsförslag',
		description: stockholm(
			'5.2',
			'Tydligare kontakt- och rapporteringsvägar av fel och ändringsförslag samt möjlighet för verksamheten att påverka prioritering av förändringar'
		),
		source: 'interview',
		capturedBy: 'Motala',
		capturedOn: '2026-01-27'
	},
	{
		key: '5.5',
		title: 'Förenklad behörighetsadministration',
		description: stockholm('5.5', 'Förenklad behörighetsadministration – kunna uppdatera behörigheter för hela team samtidigt'),
		source: 'interview',
		capturedBy: 'Valdemarsvik',
		capturedOn: '2026-01-29'
	}
];

export type DemoStory = { key: string; role: string; goal: string; purpose: string; kind: 'end_user' | 'municipality'; details: string; needs: string[] };

export const demoStories: DemoStory[] = [
	{
		key: 'natt-personal',
		role: 'nattpersonal i hemtjänsten',
		goal: 'se via kamera eller sensor att brukaren sover tryggt utan att gå in i bostaden',
		purpose: 'brukaren får ostörd nattsömn och vi slipper onödiga körningar',
		kind: 'end_user',
		details: 'Tillsynen görs vid de tider som står i genomförandeplanen. Bilden visas bara under själva tillsynen och sparas inte.',
		needs: ['nattillsyn', 'e-tillsyn', '4.6']
	},
	{
		key: 'natt-brukare',
		role: 'brukare som har nattillsyn',
		goal: 'välja digital tillsyn i stället för fysiska besök',
		purpose: 'slippa bli väckt av att någon öppnar dörren mitt i natten',
		kind: 'end_user',
		details: 'Brukaren ska kunna ändra sig och gå tillbaka till fysiska besök.',
		needs: ['nattillsyn']
	},
	{
		key: 'automat-ssk',
		role: 'sjuksköterska',
		goal: 'få larm när en dos i läkemedelsautomaten inte har tagits ut',
		purpose: 'kunna agera innan brukaren missar sin medicin',
		kind: 'end_user',
		details: 'Larmet går till den som har ansvar för brukaren just då.',
		needs: ['medicinrobotar', '1.3']
	},
	{
		key: 'automat-brukare',
		role: 'brukare med läkemedelsautomat',
		goal: 'få en påminnelse med ljud och ljus när det är dags att ta medicinen',
		purpose: 'ta rätt medicin i rätt tid på egen hand',
		kind: 'end_user',
		details: '',
		needs: ['medicinrobotar', 'las-medicinskap']
	},
	{
		key: 'statistik-chef',
		role: 'enhetschef',
		goal: 'följa statistik över utförda tillsyner och uttag ur automaterna',
		purpose: 'kunna följa upp nyttan och lämna statistik utan handpåläggning',
		kind: 'municipality',
		details: 'Statistiken ska kunna jämföras mellan kommunerna i konsortiet.',
		needs: ['statistik']
	},
	{
		key: 'behorighet-admin',
		role: 'systemförvaltare i kommunen',
		goal: 'ge och ta bort behörigheter för ett helt team på en gång',
		purpose: 'nya medarbetare kommer igång direkt och de som slutat förlorar åtkomsten samma dag',
		kind: 'end_user',
		details: '',
		needs: ['behorighet', '5.5']
	},
	{
		key: 'nytta-kommun',
		role: 'kommun i konsortiet',
		goal: 'mäta hur många fysiska nattbesök som ersätts av digital tillsyn',
		purpose: 'visa nyttan för nämnden och planera personalen',
		kind: 'municipality',
		details: 'Baslinje: antal fysiska nattbesök per månad före införandet.',
		needs: ['nattillsyn', 'statistik']
	}
];

export type DemoRequirement = {
	title: string;
	body: string;
	rationale?: string;
	acceptance?: string;
	type: 'functional' | 'detailed' | 'data' | 'non_functional' | 'general';
	subtype?: 'security' | 'accessibility' | 'interoperability' | 'support' | 'training' | 'other';
	obligation?: 'mandatory' | 'criterion';
	weight?: number;
	verification: 'test' | 'demonstration' | 'inspection' | 'document';
	stories?: string[];
	needs?: string[];
	local?: string[];
	/** approved: by every demo representative; review: in review with some verdicts; draft; withdrawn */
	state: 'approved' | 'review' | 'review_objected' | 'draft' | 'withdrawn';
};

export const demoRequirements: DemoRequirement[] = [
	{
		title: 'Digital tillsyn nattetid via kamera',
		body: 'Lösningen ska möjliggöra tillsyn nattetid via kamera i brukarens bostad vid de tidpunkter som anges i genomförandeplanen.',
		rationale: 'Ersätter fysiska nattbesök där brukaren valt det.',
		acceptance: 'Personal kan genomföra en tillsyn via kamera från sin arbetsplats under ett demonstrerat nattpass.',
		type: 'functional',
		verification: 'demonstration',
		stories: ['natt-personal'],
		needs: ['nattillsyn'],
		state: 'approved'
	},
	{
		title: 'Tillsyn via sensor utan bild',
		body: 'Lösningen ska kunna genomföra tillsyn med sensor (till exempel rörelse- eller sängsensor) utan att bild överförs.',
		rationale: 'Alla brukare vill inte ha kamera.',
		type: 'functional',
		verification: 'demonstration',
		stories: ['natt-personal', 'natt-brukare'],
		needs: ['e-tillsyn'],
		state: 'approved'
	},
	{
		title: 'Bild visas endast under pågående tillsyn',
		body: 'Kamerabild ska endast kunna visas under en pågående, loggad tillsyn och får inte lagras.',
		acceptance: 'Inspektion av loggar och lagring visar att ingen bild sparas.',
		type: 'non_functional',
		subtype: 'security',
		verification: 'inspection',
		stories: ['natt-personal'],
		state: 'approved'
	},
	{
		title: 'Loggning av varje tillsyn',
		body: 'Varje tillsyn ska loggas med tidpunkt, brukare och utförande personal.',
		type: 'data',
		verification: 'test',
		stories: ['natt-personal', 'statistik-chef'],
		state: 'approved'
	},
	{
		title: 'Brukaren kan välja bort digital tillsyn',
		body: 'Det ska gå att avsluta digital tillsyn för en brukare och återgå till fysiska besök utan att data går förlorad.',
		type: 'functional',
		verification: 'test',
		stories: ['natt-brukare'],
		state: 'approved'
	},
	{
		title: 'Larm när tillsyn inte kan genomföras',
		body: 'Om en planerad tillsyn inte kan genomföras, till exempel vid bruten uppkoppling, ska ansvarig personal larmas inom 2 minuter.',
		acceptance: 'Test med bruten uppkoppling ger larm inom 2 minuter.',
		type: 'functional',
		verification: 'test',
		stories: ['natt-personal'],
		state: 'approved'
	},
	{
		title: 'Larm vid uteblivet uttag ur läkemedelsautomaten',
		body: 'Läkemedelsautomaten ska larma ansvarig personal när en dos inte tagits ut inom inställd tid.',
		acceptance: 'En dos som lämnas kvar ger larm hos ansvarig sjuksköterska inom den inställda tiden.',
		type: 'functional',
		verification: 'test',
		stories: ['automat-ssk'],
		needs: ['medicinrobotar'],
		state: 'approved'
	},
	{
		title: 'Påminnelse med ljud och ljus',
		body: 'Automaten ska påminna brukaren med både ljud och ljus när det är dags för en dos.',
		type: 'functional',
		verification: 'demonstration',
		stories: ['automat-brukare'],
		state: 'approved'
	},
	{
		title: 'Låst förvaring av läkemedel',
		body: 'Läkemedel i automaten ska förvaras låst och endast kunna fyllas på av behörig personal.',
		type: 'non_functional',
		subtype: 'security',
		verification: 'inspection',
		stories: ['automat-brukare'],
		needs: ['las-medicinskap'],
		state: 'approved'
	},
	{
		title: 'Uttagshistorik per brukare',
		body: 'Lösningen ska spara historik över uttag och uteblivna uttag per brukare i minst 12 månader.',
		type: 'data',
		verification: 'test',
		stories: ['automat-ssk', 'statistik-chef'],
		state: 'approved'
	},
	{
		title: 'Integration med verksamhetssystemet för larm',
		body: 'Larm från automater och tillsyn ska kunna tas emot i kommunens larmhanteringssystem via ett dokumenterat, öppet gränssnitt.',
		rationale: 'Personalen ska inte behöva bevaka flera system.',
		type: 'non_functional',
		subtype: 'interoperability',
		verification: 'test',
		stories: ['automat-ssk', 'natt-personal'],
		state: 'review'
	},
	{
		title: 'Behörighet per team',
		body: 'Administratören ska kunna ge och ta bort behörighet för ett helt team i ett steg.',
		type: 'functional',
		verification: 'demonstration',
		stories: ['behorighet-admin'],
		needs: ['5.5'],
		state: 'review'
	},
	{
		title: 'Behörighet upphör samma dag',
		body: 'När en medarbetare tas bort ska all åtkomst till kamera, lås och automater upphöra inom en timme.',
		type: 'non_functional',
		subtype: 'security',
		verification: 'test',
		stories: ['behorighet-admin'],
		state: 'review_objected'
	},
	{
		title: 'Statistik över ersatta nattbesök',
		body: 'Lösningen ska kunna redovisa antal digitala tillsyner per månad och kommun, som kan jämföras med antalet fysiska besök.',
		type: 'data',
		verification: 'demonstration',
		stories: ['nytta-kommun', 'statistik-chef'],
		needs: ['statistik'],
		state: 'review'
	},
	{
		title: 'Export av statistik',
		body: 'Statistik ska kunna exporteras som CSV eller XLSX.',
		type: 'data',
		verification: 'test',
		stories: ['statistik-chef'],
		state: 'draft'
	},
	{
		title: 'Tillgängligt gränssnitt för personal',
		body: 'Personalens gränssnitt ska uppfylla WCAG 2.1 nivå AA.',
		type: 'non_functional',
		subtype: 'accessibility',
		verification: 'document',
		state: 'draft'
	},
	{
		title: 'Svenskt gränssnitt',
		body: 'Allt gränssnitt för personal och brukare ska finnas på svenska.',
		type: 'general',
		verification: 'inspection',
		state: 'draft'
	},
	{
		title: 'Support dygnet runt',
		body: 'Leverantören ska erbjuda support för drift och larm dygnet runt, årets alla dagar.',
		type: 'non_functional',
		subtype: 'support',
		verification: 'document',
		state: 'draft'
	},
	{
		title: 'Utbildning för nattpersonal',
		body: 'Leverantören ska utbilda nattpersonal och erbjuda lathundar och e-learning som nås från lösningen.',
		type: 'non_functional',
		subtype: 'training',
		verification: 'document',
		needs: ['2.5'],
		state: 'draft'
	},
	{
		title: 'Utbildningsmiljö',
		body: 'En utbildningsmiljö med fiktiva brukare ska finnas under hela avtalstiden.',
		type: 'non_functional',
		subtype: 'training',
		verification: 'inspection',
		needs: ['2.5'],
		state: 'draft'
	},
	{
		title: 'Driftsäkerhet för tillsyn',
		body: 'Tjänsten för digital tillsyn ska ha en tillgänglighet på minst 99,5 % per månad nattetid (22–07).',
		type: 'non_functional',
		subtype: 'other',
		verification: 'document',
		state: 'draft'
	},
	{
		title: 'Kort svarstid vid tillsyn',
		body: 'Kamerabild ska visas inom 5 sekunder från att tillsynen startas.',
		type: 'detailed',
		verification: 'test',
		stories: ['natt-personal'],
		state: 'draft'
	},
	{
		title: 'Påminnelse till personal före tillsyn',
		body: 'Personal ska få en påminnelse om planerade tillsyner, i form av en att-göra-lista för natten.',
		type: 'functional',
		verification: 'demonstration',
		needs: ['1.3'],
		stories: ['natt-personal'],
		state: 'draft'
	},
	{
		title: 'Registrera avvikelse vid tillsyn',
		body: 'Personal ska kunna registrera en avvikelse direkt i samband med en tillsyn.',
		type: 'functional',
		verification: 'demonstration',
		needs: ['1.6'],
		state: 'draft'
	},
	{
		title: 'Uppgifter registreras en gång',
		body: 'Uppgifter om brukaren ska bara behöva registreras en gång och hämtas från verksamhetssystemet.',
		type: 'non_functional',
		subtype: 'interoperability',
		verification: 'test',
		needs: ['3.1'],
		state: 'draft'
	},
	{
		title: 'Felanmälan och ändringsförslag',
		body: 'Leverantören ska ha en tydlig väg för felanmälan och ändringsförslag där konsortiet kan påverka prioriteringen.',
		type: 'general',
		verification: 'document',
		needs: ['5.2'],
		state: 'draft'
	},
	{
		title: 'Användarvänlig automat för brukaren',
		body: 'Brukare med nedsatt syn eller motorik bör kunna ta ut sin dos utan hjälp.',
		type: 'non_functional',
		subtype: 'accessibility',
		obligation: 'criterion',
		weight: 20,
		verification: 'demonstration',
		stories: ['automat-brukare'],
		state: 'draft'
	},
	{
		title: 'Videosamtal med anhöriga',
		body: 'Lösningen bör kunna användas för videosamtal mellan brukare och anhöriga.',
		type: 'functional',
		obligation: 'criterion',
		weight: 10,
		verification: 'demonstration',
		needs: ['4.6'],
		state: 'draft'
	},
	{
		title: 'Lokalt hotell-lås i särskilt boende',
		body: 'I särskilt boende ska låset kunna fungera som hotell-lås där boende och personal har egna behörigheter.',
		type: 'functional',
		verification: 'demonstration',
		needs: ['hotell-las'],
		local: ['Vadstena', 'Linköping'],
		state: 'draft'
	},
	{
		title: 'Säker digital brevlåda',
		body: 'Meddelanden till brukaren ska kunna skickas till en säker digital brevlåda.',
		type: 'functional',
		verification: 'test',
		needs: ['e-brevlada'],
		local: ['Motala'],
		state: 'draft'
	},
	{
		title: 'Energisnål automat',
		body: 'Automaten bör ha låg energiförbrukning i viloläge.',
		type: 'detailed',
		obligation: 'criterion',
		weight: 5,
		verification: 'document',
		state: 'withdrawn'
	},
	{
		title: 'Öppet API för uttagsdata',
		body: 'Uttagsdata ska kunna hämtas via ett öppet, dokumenterat API.',
		type: 'data',
		verification: 'test',
		stories: ['statistik-chef'],
		state: 'draft'
	}
];

/** Representatives added for the demo, so that approvals can meet Östergötland's quorum. */
export const demoRepresentatives = ['Norrköping', 'Kinda', 'Finspång', 'Mjölby', 'Vadstena'] as const;
