// Preloaded into the reference server for the benchmark's `reference-pglite` target: an embedded
// PGlite, opened and migrated like Samsyn's and then left idle, in the reference's own process.
// It answers one question: what does merely hosting the embedded database in the process that
// serves the sockets cost the broadcast latency, before any query is run?
import { PGlite } from '@electric-sql/pglite';

const database = await PGlite.create(process.env.PGLITE_DIR ?? 'memory://');
await database.exec('create table if not exists collab_updates (seq bigserial primary key, document text, update bytea)');
globalThis.__benchDatabase = database;
