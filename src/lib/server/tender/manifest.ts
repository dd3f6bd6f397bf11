import type { DocumentKind } from '$lib/enums';

/** One file in a tender package, as its manifest lists it. */
export interface TenderManifestFile {
	path: string;
	sha256: string;
	bytes: number;
	/** What the file is: a document version, the requirements in a layout, or the human-readable manifest. */
	role: 'document' | 'requirements' | 'manifest';
	format: 'docx' | 'pdf' | 'xlsx' | 'reqif' | 'txt';
	/** For a requirements file: the layout (`samsyn`, `tendsign`, `mercell`, `e-avrop`, `reqif`). */
	layout?: string;
	/** For a document file: the version it renders. */
	versionId?: string;
}

/**
 * What `manifest.json` in a tender package says (and the row keeps): the files with their checksums,
 * and everything they were made from. Dates are ISO strings; `madeAt` is the package's reference
 * date (the decision's, else the newest of the baseline's and the versions'), never the clock.
 */
export interface TenderManifest {
	format: 'samsyn-tender-package/1';
	number: string;
	madeAt: string;
	consortium: { id: string; name: string };
	producedBy: { id: string | null; name: string | null };
	baseline: { id: string; name: string; createdAt: string; requirementCount: number };
	documents: {
		documentId: string;
		versionId: string;
		kind: DocumentKind;
		title: string;
		version: number;
		versionName: string;
		status: 'approved';
		approvedAt: string | null;
	}[];
	decision: { id: string; number: string; title: string; decidedOn: string; recordedAt: string } | null;
	files: TenderManifestFile[];
}

/** A tender package's number as people say it: UD-1, UD-2, … */
export const tenderPackageLabel = (number: number) => `UD-${number}`;
