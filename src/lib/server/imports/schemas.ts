import { z } from 'zod';
import { encodings } from './parse';
import { importKinds } from './rows';

/** The upload form's fields other than the file. */
export const UploadInput = z.object({
	kind: z.enum(importKinds, { message: 'required' }),
	encoding: z.enum(encodings, { message: 'invalid' }).default('utf-8')
});
export type UploadInput = z.infer<typeof UploadInput>;
