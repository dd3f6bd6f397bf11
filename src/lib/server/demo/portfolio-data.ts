/**
 * The demo portfolio of Välfärdsteknik Östergötland: a catalogue in eight categories, and the
 * research report's Table 4 ("Översikt av införd kontra planerad välfärdsteknik", seed 002) in full,
 * as the municipalities wrote it: the names are resolved to the catalogue through the matching module,
 * so the demo exercises it. Boxholm is missing, as in the study (no answer).
 */

export const portfolioCategories = [
	'Trygghet och larm',
	'Tillsyn',
	'Läkemedel',
	'Lås och åtkomst',
	'Kommunikation',
	'Stöd för personal',
	'Aktivering',
	'Övrigt'
] as const;
type Category = (typeof portfolioCategories)[number];

export const portfolioCatalogue: { category: Category; name: string; description: string; aliases: string[] }[] = [
	{
		category: 'Trygghet och larm',
		name: 'Mobilt trygghetslarm',
		description: 'Trygghetslarm som fungerar även utanför hemmet.',
		aliases: ['mobila trygghetslarm', 'trygghetslarm']
	},
	{
		category: 'Trygghet och larm',
		name: 'GPS-larm',
		description: 'Larm med positionering för personer som riskerar att gå vilse.',
		aliases: ['GPS', 'positioneringslarm']
	},
	{ category: 'Trygghet och larm', name: 'Larmsystem', description: 'Larmsystem i ordinärt och särskilt boende.', aliases: ['larmsysten'] },
	{ category: 'Trygghet och larm', name: 'Rökdetektor', description: 'Uppkopplade brandvarnare.', aliases: ['brandvarnare'] },
	{ category: 'Trygghet och larm', name: 'Sensorer', description: 'Sensorer för rörelse, dörr och fall.', aliases: ['sensor', 'rörelsesensor'] },
	{
		category: 'Tillsyn',
		name: 'Digital tillsyn',
		description: 'Tillsyn via kamera nattetid, efter den enskildes samtycke.',
		aliases: ['nattkamera', 'kameratillsyn', 'digital nattillsyn']
	},
	{
		category: 'Läkemedel',
		name: 'Läkemedelsautomat',
		description: 'Automat som påminner om och delar ut läkemedel.',
		aliases: ['medicinrobot', 'läkemedelsrobot']
	},
	{
		category: 'Läkemedel',
		name: 'Digitalt läkemedelsskåp',
		description: 'Låsbart läkemedelsskåp med digital åtkomst och logg.',
		aliases: ['digitala läkemedelsskåp']
	},
	{
		category: 'Läkemedel',
		name: 'Digital signering',
		description: 'Signering av insatser och läkemedel i mobilen.',
		aliases: ['e-signering', 'digital signering - rehab']
	},
	{
		category: 'Lås och åtkomst',
		name: 'Digitala lås',
		description: 'Nyckelfri hemtjänst: lås som personalen öppnar med mobilen.',
		aliases: ['nyckelfri hemtjänst', 'digitala lås i SÄBO']
	},
	{
		category: 'Lås och åtkomst',
		name: 'Medborgartjänst Mina sidor',
		description: 'Digital åtkomst till genomförandeplan, kommande besök och kontaktvägar.',
		aliases: ['mina sidor', 'medborgartjänst']
	},
	{
		category: 'Kommunikation',
		name: 'Säkra digitala möten',
		description: 'Videomöten med brukare, anhöriga och vården.',
		aliases: ['videomöten', 'digitala möten']
	},
	{ category: 'Kommunikation', name: 'Digital plattform', description: 'Gemensam plattform för digitala tjänster.', aliases: [] },
	{ category: 'Kommunikation', name: 'Wifi på äldreboenden', description: 'Trådlöst nätverk för boende och personal.', aliases: ['wifi äldreboenden', 'wifi'] },
	{ category: 'Kommunikation', name: 'Surfplattor', description: 'Surfplattor för kontakt och aktivering.', aliases: ['surfplatta'] },
	{ category: 'Stöd för personal', name: 'Mobil omsorg', description: 'Verksamhetssystemet i mobilen för hemtjänstens personal.', aliases: [] },
	{ category: 'Stöd för personal', name: 'Taligenkänning', description: 'Dokumentation med rösten.', aliases: ['taldokumentation'] },
	{ category: 'Stöd för personal', name: 'E-arkivering', description: 'Digital arkivering av handlingar.', aliases: ['e-arkiv'] },
	{ category: 'Stöd för personal', name: 'E-learning', description: 'Digitala utbildningar för personal.', aliases: ['e-lärande'] },
	{
		category: 'Stöd för personal',
		name: 'Digital introduktion för nya medarbetare',
		description: 'Introduktion av nyanställda på nätet.',
		aliases: ['digital introduktion']
	},
	{ category: 'Stöd för personal', name: 'Sårvårdsapplikation', description: 'Dokumentation och uppföljning av sår med bild.', aliases: ['sårvårdsapp'] },
	{
		category: 'Stöd för personal',
		name: 'Verksamhetssystem',
		description: 'Verksamhetssystem för vård och omsorg.',
		aliases: ['nya verksamhetssytem', 'nya verksamhetssystem']
	},
	{
		category: 'Aktivering',
		name: 'Robotdjur',
		description: 'Robotkatt eller robothund för lugn och sällskap.',
		aliases: ['robotkatt', 'robothund', 'robot hund/katt', 'terapidjur']
	},
	{ category: 'Aktivering', name: 'VR', description: 'Virtuell verklighet för upplevelser och träning.', aliases: ['virtual reality'] },
	{
		category: 'Aktivering',
		name: 'Interaktiv projektor',
		description: 'Projektor med spel och aktiviteter på bord eller golv.',
		aliases: ['välfärdsprojektor', 'aktivitetsprojektor']
	},
	{
		category: 'Aktivering',
		name: 'Musikkudde',
		description: 'Kudde med musik för sensorisk stimulering (InmuRELAX).',
		aliases: ['InmuRELAX', 'InmuRELAX - en musikkudde för sensorisk stimulering']
	},
	{ category: 'Aktivering', name: 'Docka', description: 'Docka för lugn och sällskap vid demenssjukdom.', aliases: ['dockterapi'] },
	{ category: 'Aktivering', name: 'Bike around', description: 'Cykeltur framför filmad bygd på skärm.', aliases: ['BikeAround'] },
	{ category: 'Aktivering', name: 'Joy vest', description: 'Väst med vibrationer till musik.', aliases: ['joyvest'] },
	{ category: 'Övrigt', name: 'Inköp online', description: 'Dagligvaror beställda på nätet åt brukare.', aliases: ['e-handel', 'matinköp online'] },
	{ category: 'Övrigt', name: 'Egenmonitorering', description: 'Brukaren mäter själv blodtryck, vikt och liknande hemma.', aliases: ['egenmätning'] },
	{ category: 'Övrigt', name: 'Duschautomat', description: 'Automat för dusch och tvätt.', aliases: ['duschrobot'] },
	{
		category: 'Övrigt',
		name: 'Testmiljö för trygghetsteknik',
		description: 'Möjlighet för privatpersoner och deras nätverk att prova trygghetsskapande teknik.',
		aliases: ['testmöjlighet för trygghetsskapande inslag som privatperson med nätverk']
	}
];

/**
 * Table 4 as written, per municipality: what it runs ("infört") and plans ("planerat"). Where the
 * table lists one technology in both columns (Linköping and Åtvidaberg: digital tillsyn; Finspång:
 * digitala lås and "digitala lås i SÄBO"; Mjölby: läkemedelsautomater), the municipality runs it and
 * plans more: `expansions` names those (as written in `inUse`), which become one row in use with
 * "utökning planeras", so the municipality counts both as a user and as a joiner. `notes` keys are the
 * written names.
 */
export const table4: { municipality: string; inUse: string[]; planned: string[]; expansions?: string[]; notes?: Record<string, string> }[] = [
	{
		municipality: 'Finspång',
		inUse: ['Mobila trygghetslarm', 'digitala lås', 'inköp online', 'sårvårdsapplikation', 'digital signering'],
		planned: ['Digital tillsyn', 'sensorer', 'gps'],
		expansions: ['digitala lås'],
		notes: { 'digitala lås': 'Digitala lås i SÄBO planeras.' }
	},
	{
		municipality: 'Kinda',
		inUse: ['Mobila trygghetslarm', 'Digitala lås', 'digital tillsyn', 'läkemedelsautomater'],
		planned: ['Inköp online', 'egenmonitorering', 'testmöjlighet för trygghetsskapande inslag som privatperson med nätverk']
	},
	{ municipality: 'Linköping', inUse: ['Digital tillsyn'], planned: [], expansions: ['Digital tillsyn'] },
	{
		municipality: 'Mjölby',
		inUse: [
			'Digitala lås',
			'digital tillsyn',
			'inköp online',
			'mobila trygghetslarm',
			'mobil omsorg',
			'Digital signering - rehab',
			'Digitala GPS-larm',
			'e-learning',
			'digital introduktion för nya medarbetare',
			'InmuRELAX - en musikkudde för sensorisk stimulering',
			'docka',
			'terapidjur',
			'Läkemedelsautomater'
		],
		planned: [],
		expansions: ['Läkemedelsautomater'],
		notes: { 'Digital signering - rehab': 'Inom rehab.' }
	},
	{
		municipality: 'Motala',
		inUse: ['Digitala lås', 'Mobila trygghetslarm', 'Digital signering', 'e-arkivering'],
		planned: ['Taligenkänning', 'läkemedelsautomat', 'säkra digitala möten', 'digital plattform', 'wifi äldreboenden']
	},
	{ municipality: 'Norrköping', inUse: ['Digitala lås', 'digital tillsyn', 'inköp online'], planned: ['Digital signering', 'läkemedelsautomater'] },
	{
		municipality: 'Ödeshög',
		inUse: ['Mobila trygghetslarm', 'Digitala lås', 'Digital tillsyn', 'duschautomater', 'robot hund/katt', 'VR', 'interaktiv projektor'],
		planned: []
	},
	{ municipality: 'Söderköping', inUse: ['Digitala lås', 'digital tillsyn', 'inköp online'], planned: ['Läkemedelsautomater'] },
	{
		municipality: 'Vadstena',
		inUse: ['Digitala lås', 'digital signering', 'läkemedelsautomater', 'välfärdsprojektor'],
		planned: ['Digital tillsyn', 'mobila trygghetslarm', 'inköp online']
	},
	{ municipality: 'Valdemarsvik', inUse: ['Digital tillsyn'], planned: ['Robotkatter', 'bike around', 'surfplattor', 'joy vest', 'taligenkänning'] },
	{ municipality: 'Ydre', inUse: ['Larmsysten', 'nya verksamhetssytem'], planned: [] },
	{
		municipality: 'Åtvidaberg',
		inUse: [
			'Digitala lås',
			'Mobila trygghetslarm',
			'digital tillsyn',
			'läkemedelsautomat',
			'inköp online',
			'rökdetektorer',
			'GPS larm',
			'digitala läkemedelsskåp'
		],
		planned: ['Digital signering', 'medborgartjänst "mina sidor"'],
		// The table: "digital åtkomst till genomförandeplan, kommande besök och direkta kontaktvägar genom medborgartjänst 'mina sidor'".
		expansions: ['digital tillsyn'],
		notes: { 'digital tillsyn': 'Breddad funktionalitet planeras.' }
	}
];

/**
 * Beyond the study, for the demo only: a few contract end dates, so that overlaps can be ordered by
 * them and the home page can say when one's own contract is about to end.
 */
export const demoContractEnds: { municipality: string; technology: string; date: string }[] = [
	{ municipality: 'Finspång', technology: 'Mobilt trygghetslarm', date: '2027-03-31' },
	{ municipality: 'Motala', technology: 'Läkemedelsautomat', date: '2027-06-30' },
	{ municipality: 'Norrköping', technology: 'Läkemedelsautomat', date: '2027-09-30' },
	{ municipality: 'Kinda', technology: 'Läkemedelsautomat', date: '2028-12-31' }
];
