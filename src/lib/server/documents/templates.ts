import type { DocumentKind } from '../../enums';
import { outlineToUpdate } from '../collab/render';

/**
 * The templates a procurement document begins from, in Swedish and English, drawn from the
 * procurement guide (seed 001) and the consortium's own documents (seed 003). Written as outlines
 * (`## ` headings, `- ` lists, paragraphs of guidance to replace); a consortium's admins keep their
 * own versions of these as data, and these are what a consortium has until it does.
 */
export interface Template {
	title: string;
	outline: string;
}

export type TemplateLocale = 'sv' | 'en';

export const builtInTemplates: Record<DocumentKind, Record<TemplateLocale, Template>> = {
	project_directive: {
		sv: {
			title: 'Projektdirektiv',
			outline: `## Bakgrund och förutsättningar
Beskriv varför projektet behövs och vad det bygger på: verksamhetens behov, tidigare utredningar och beslut.
## Syfte och mål
Koppla projektets syfte och mål till verksamhetens övergripande mål.
## Avgränsning
Vad omfattas och vad omfattas inte, till exempel särskilt boende eller ordinärt boende, brukare över eller under 65 år, vissa insatser som tillsyn eller avancerade trygghetslarm.
## Intressenter
- Kärnintressenter: de med beslutande och drivande roller
- Primärintressenter: de som i hög grad påverkas och vill påverka
- Sekundärintressenter: de med ett relativt lågt intresse
## Organisation, styrning och beslutsordning
Projektorganisation, styrgrupp och hur beslut fattas och förankras i respektive kommun.
## Tidsram
Projektets tidsram och beslutspunkter.
## Finansiering och budget
Budget i intervaller kopplade till beslutspunkter, med intern expertis (IT, inköp, juridik, kommunikation) och externa konsulter.
## Vision
Nuläge, mål och önskade effekter på ett, tre och fem års sikt, gärna med nyttokalkyler.`
		},
		en: {
			title: 'Project directive',
			outline: `## Background and premises
Describe why the project is needed and what it builds on: the services' needs, earlier studies and decisions.
## Purpose and goals
Link the project's purpose and goals to the organisation's overall goals.
## Scope
What is included and what is not, for example residential care or home care, users over or under 65, certain services such as remote supervision or advanced safety alarms.
## Stakeholders
- Core stakeholders: those with deciding and driving roles
- Primary stakeholders: those strongly affected who want to have a say
- Secondary stakeholders: those with relatively little interest
## Organisation, governance and decision-making
The project organisation, the steering group, and how decisions are made and anchored in each municipality.
## Time frame
The project's time frame and decision points.
## Funding and budget
A budget in intervals tied to decision points, with internal expertise (IT, purchasing, legal, communication) and external consultants.
## Vision
The present state, the goal and the intended effects over one, three and five years, preferably with benefit calculations.`
		}
	},
	requirement_specification: {
		sv: {
			title: 'Kravspecifikation',
			outline: `## Inledning
Vad upphandlingen gäller, vilka kommuner som står bakom den och hur kravspecifikationen är uppbyggd.
## Bakgrund och nuläge
Befintliga system och teknik som lösningen ska leva tillsammans med: verksamhetssystem, planering, trygghetslarm, uppkoppling och den hårdvara utförarna använder.
## Krav
Kraven nedan kommer från den baslinje som är vald för dokumentet, numrerade och grupperade som i Word-exporten. Skallkrav ska uppfyllas; börkrav är kriterier som utvärderas.
[[baseline]]
## Data och integrationer
Vilka data kommunerna vill ha tillgång till, i vilket format och hur ofta, och mot vilka system.
## Verifiering
Hur varje krav verifieras: test, demonstration, granskning eller dokumentation.`
		},
		en: {
			title: 'Requirement specification',
			outline: `## Introduction
What the procurement is about, which municipalities stand behind it and how this specification is organised.
## Background and present state
The systems and technology the solution must live with: case management, planning, safety alarms, connectivity and the hardware the care staff use.
## Requirements
The requirements below come from the baseline chosen for this document, numbered and grouped as in the Word export. Mandatory requirements must be met; desirable ones are criteria that are evaluated.
[[baseline]]
## Data and integrations
Which data the municipalities want access to, in which format, how often, and against which systems.
## Verification
How each requirement is verified: test, demonstration, inspection or documentation.`
		}
	},
	evaluation_model: {
		sv: {
			title: 'Utvärderingsmodell',
			outline: `## Hur anbuden utvärderas
Beskriv tydligt för anbudsgivarna hur utvärderingen går till och vad de olika delarna i anbudet ger för poäng.
## Kvalitet och pris
Sätter konsortiet priset och utvärderar kvalitet, eller är priset en avgörande parameter? Ange viktningen.
## Funktions- och användbarhetstester
Hur verifieras att ett sätt att leverera en funktion är bättre än ett annat? Ambassadörerna kan vara testpiloter.
## Poängsättning
- Kriterium, vikt och hur poäng sätts`
		},
		en: {
			title: 'Evaluation model',
			outline: `## How tenders are evaluated
State clearly for the tenderers how the evaluation is done and how many points each part of a tender earns.
## Quality and price
Does the consortium set the price and evaluate quality, or is price a deciding parameter? State the weighting.
## Functional and usability tests
How is it verified that one way of delivering a function is better than another? The ambassadors can be test pilots.
## Scoring
- Criterion, weight and how points are given`
		}
	},
	contract_terms: {
		sv: {
			title: 'Avtalsvillkor',
			outline: `## Avtalets omfattning och parter
## Leverans och uppföljning
Hur leveransen följs upp, med avtalsförvaltningsmöten och verksamhetsmöten.
## Införande
Hur införandeprojektet bemannas och ersätts och vem som har vilket ansvar i processen.
## Support och förvaltning
## Ändringar, sanktioner och avtalets upphörande`
		},
		en: {
			title: 'Contract terms',
			outline: `## Scope of the contract and parties
## Delivery and follow-up
How delivery is followed up, with contract management meetings and service meetings.
## Implementation
How the implementation project is staffed and paid for, and who is responsible for what.
## Support and maintenance
## Changes, sanctions and termination`
		}
	},
	compensation_model: {
		sv: {
			title: 'Ersättningsmodell',
			outline: `## Betalningsform
Abonnemang, per larm eller information, eller köp av hårdvara som kommunerna själva förvaltar?
## Vad ersättningen omfattar
## Prisjustering och indexering
## Ersättning för införande`
		},
		en: {
			title: 'Compensation model',
			outline: `## Form of payment
Subscription, per alarm or item of information, or purchase of hardware the municipalities maintain themselves?
## What the compensation covers
## Price adjustment and indexation
## Compensation for implementation`
		}
	},
	communication_plan: {
		sv: {
			title: 'Kommunikationsplan',
			outline: `## Projektet i korthet
## Målgrupper
Utifrån intressentkartläggningen: vilka ska nås, och i vilken ordning?
## Mål med kommunikationen
- Informationsmål: vad målgruppen ska veta
- Kunskapsmål: vad målgruppen ska kunna
- Attitydmål: vad målgruppen ska tycka
- Motivationsmål: vilken motivation målgruppen ska ha
- Beteendemål: vad målgruppen ska göra
## Ambassadörer
Vilka är väl insatta i välfärdsteknik och kan vara en brygga mellan projektet, verksamheten och slutanvändarna?
## Kanaler och tidplan`
		},
		en: {
			title: 'Communication plan',
			outline: `## The project in brief
## Audiences
From the stakeholder mapping: who must be reached, and in which order?
## Goals of the communication
- Information goals: what the audience should know
- Knowledge goals: what the audience should be able to do
- Attitude goals: what the audience should think
- Motivation goals: what motivation the audience should have
- Behaviour goals: what the audience should do
## Ambassadors
Who knows welfare technology well and can bridge the project, the services and the end users?
## Channels and schedule`
		}
	},
	meeting_notes: {
		sv: {
			title: 'Mötesanteckningar',
			outline: `## Närvarande
## Dagordning
## Anteckningar
## Beslut och åtgärder
- Åtgärd, ansvarig och datum`
		},
		en: {
			title: 'Meeting notes',
			outline: `## Present
## Agenda
## Notes
## Decisions and actions
- Action, owner and date`
		}
	},
	other: {
		sv: { title: 'Dokument', outline: `## Syfte\n## Innehåll` },
		en: { title: 'Document', outline: `## Purpose\n## Content` }
	}
};

/** A template's outline as the first edits of a new document's co-edited body and closing (empty: none). */
export function templateUpdates(template: Template): { body: Uint8Array; closing: Uint8Array | null } {
	const { body, closing } = splitOutline(template.outline);
	return { body: outlineToUpdate(body), closing: closing.trim() === '' ? null : outlineToUpdate(closing) };
}

/** The line in an outline where a kravspecifikation's generated requirements go. */
export const BASELINE_MARKER = '[[baseline]]';

/**
 * Splits an outline at its baseline marker: the text before it becomes the document's body, the
 * text after it the closing (both co-edited); without a marker, everything is the body and the
 * requirements follow it.
 */
export function splitOutline(outline: string): { body: string; closing: string } {
	const lines = outline.split(/\r?\n/);
	const at = lines.findIndex((line) => line.trim() === BASELINE_MARKER);
	if (at === -1) return { body: outline, closing: '' };
	return { body: lines.slice(0, at).join('\n'), closing: lines.slice(at + 1).join('\n') };
}
