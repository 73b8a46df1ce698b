/** Writes the whole GraphQL SDL to docs/schema.graphql so readers can browse the API without a server. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildSchema, printSchema } from 'graphql';
import { typeDefs } from '../src/schema/sdl.ts';

const sdl = printSchema(buildSchema(typeDefs()));
mkdirSync(new URL('../docs/', import.meta.url), { recursive: true });
writeFileSync(new URL('../docs/schema.graphql', import.meta.url), `${sdl}\n`);
console.log(`docs/schema.graphql: ${sdl.split('\n').length} lines`);
