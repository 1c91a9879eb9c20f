// `npm run docs:api`: writes the contract's OpenAPI document to docs/api/openapi.json (or the path given).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { version } from './version';
import { contract } from '../../shared/api/contract';
import { openApiDocument } from '../../shared/api/openapi';

const file = resolve(process.argv[2] ?? 'docs/api/openapi.json');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(openApiDocument(contract, version), null, 2)}\n`);
console.log(`OpenAPI 3.1 → ${file}`);
