import { parse, protocol, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';
import { concat } from './pglite-now';

/*
 * Prepared statements on the embedded database. PGlite sends every query as the unnamed statement:
 * Parse, Describe, Bind, Describe, Execute and Sync, six crossings into WebAssembly, and the server
 * parses, rewrites (row-level security included) and plans the statement afresh each time. Measured
 * on the requirements list under load, parsing and planning were a third of the server's time.
 * Here each distinct statement text is parsed once under a name and described once; after that a
 * query is one crossing (Bind, Execute, Sync) and PostgreSQL reuses the plan as its plan cache
 * decides, as it does for the prepared statements postgres.js sends to a real server.
 *
 * What stays PGlite's own: the mutexes (a query outside a transaction waits for one in progress), the
 * type serializers and parsers, result parsing, the file-system sync after a statement outside a
 * transaction. Utility statements (BEGIN, SAVEPOINT, SET ...) and queries with a blob go PGlite's
 * way. The statements kept are bounded; the least recently used is closed beyond the bound.
 */

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];
type Query = <T>(text: string, params?: unknown[], options?: QueryOptions) => Promise<Results<T>>;

interface Statement {
	name: string;
	parameterTypes: number[];
	/** The statement's RowDescription (NoData for one that returns no rows): prefixed to each result. */
	rowDescription: BackendMessage | null;
}

const { serialize } = protocol;
/** SQL worth preparing: what Drizzle and the app send. Everything else runs as PGlite runs it. */
const PREPARABLE = /^\s*(select|with|insert|update|delete)\b/i;
/** PostgreSQL refuses a cached plan whose result columns changed (after DDL): prepare it again. */
const CACHED_PLAN_CHANGED = '0A000';

export interface PreparedOptions {
	/** Statements kept prepared at most; the least recently used beyond it is closed. */
	limit?: number;
}

/**
 * Makes `client.query` and the queries of `client.transaction` use named prepared statements.
 * Installed on the instance, before anything else wraps its methods.
 */
export function usePreparedStatements(client: PGlite, { limit = 500 }: PreparedOptions = {}): { size(): number } {
	const statements = new Map<string, Statement>(); // in order of last use
	let counter = 0;
	const originalQuery = client.query.bind(client) as Query;
	const originalTransaction = client.transaction.bind(client);
	const send = (message: Uint8Array) => client.execProtocolStream(message, { syncToFs: false });

	async function statementFor(text: string, options?: QueryOptions): Promise<Statement> {
		const known = statements.get(text);
		if (known) {
			statements.delete(text);
			statements.set(text, known);
			return known;
		}
		const name = `samsyn_${(++counter).toString(36)}`;
		let described: BackendMessage[] = [];
		try {
			await send(serialize.parse({ name, text, types: options?.paramTypes }));
			described = await send(serialize.describe({ type: 'S', name }));
		} finally {
			await send(serialize.sync());
		}
		const statement: Statement = {
			name,
			parameterTypes: parse.parseDescribeStatementResults(described),
			rowDescription: described.find((m) => m.name === 'rowDescription') ?? null
		};
		statements.set(text, statement);
		while (statements.size > limit) {
			const [oldestText, oldest] = statements.entries().next().value as [string, Statement];
			statements.delete(oldestText);
			await send(concat([serialize.close({ type: 'S', name: oldest.name }), serialize.sync()]));
		}
		return statement;
	}

	function valuesFor(statement: Statement, params: unknown[], options?: QueryOptions): (string | null)[] {
		return params.map((value, index) => {
			if (value === null || value === undefined) return null;
			const type = statement.parameterTypes[index]!;
			const serializer = options?.serializers?.[type] ?? client.serializers[type];
			return serializer ? serializer(value) : String(value);
		});
	}

	/** Runs a prepared statement; the caller holds the query mutex. */
	async function run<T>(text: string, params: unknown[], options: QueryOptions | undefined, retry = true): Promise<Results<T>> {
		const statement = await statementFor(text, options);
		let messages: BackendMessage[];
		try {
			messages = await send(
				concat([serialize.bind({ statement: statement.name, values: valuesFor(statement, params, options) }), serialize.execute({}), serialize.sync()])
			);
		} catch (error) {
			if (retry && (error as { code?: string }).code === CACHED_PLAN_CHANGED && statements.get(text) === statement) {
				statements.delete(text);
				await send(concat([serialize.close({ type: 'S', name: statement.name }), serialize.sync()]));
				return run(text, params, options, false);
			}
			throw error;
		}
		const described = statement.rowDescription ? [statement.rowDescription, ...messages] : messages;
		return parse.parseResults(described, client.parsers, options)[0] as Results<T>;
	}

	const preparable = (text: string, options?: QueryOptions) => PREPARABLE.test(text) && !options?.blob;

	const query: Query = (text, params = [], options) => {
		if (!preparable(text, options)) return originalQuery(text, params, options);
		return client._runExclusiveTransaction(() =>
			client.runExclusive(async () => {
				const result = await run<never>(text, params, options);
				await client.syncToFs();
				return result;
			})
		);
	};

	function inTransaction(tx: Transaction): Transaction {
		const txQuery: Query = (text, params = [], options) => {
			if (tx.closed) return Promise.reject(new Error('Transaction is closed'));
			if (!preparable(text, options)) return tx.query(text, params, options);
			return client.runExclusive(() => run(text, params, options));
		};
		return new Proxy(tx, {
			get: (target, property, receiver) => (property === 'query' ? txQuery : Reflect.get(target, property, receiver))
		});
	}

	Object.assign(client, {
		query,
		transaction: <T>(work: (tx: Transaction) => Promise<T>) => originalTransaction((tx) => work(inTransaction(tx)))
	});
	return { size: () => statements.size };
}
