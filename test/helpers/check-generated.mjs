// Fails when openapi/schema.ts is stale: regenerates it in memory with the same options as
// `npm run gen:api` and compares it with the committed file.
import {readFileSync} from 'node:fs';
import openapiTS, {astToString, COMMENT_HEADER} from 'openapi-typescript';

const spec = new URL('../../openapi/rootfi-sync.yaml', import.meta.url);
const ast = await openapiTS(spec, {enumValues: true});
const fresh = COMMENT_HEADER + astToString(ast);
const committed = readFileSync(new URL('../../openapi/schema.ts', import.meta.url), 'utf8');
if (fresh !== committed) {
	console.error('openapi/schema.ts is stale: run `npm run gen:api` and commit the result.');
	process.exit(1);
}
