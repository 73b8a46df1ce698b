/**
 * The dashboard's build: web/ → web/dist, served by reweave at `/` (src/server/static.ts). Relative
 * asset paths would break under a sub-path; the service serves it at the root, so base is '/'.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The enums whose labels the page takes from the API's schema (web/src/enums.ts). */
const API_ENUMS = ['PromotionFeature', 'DependenceCriterion', 'PublicnessComponent', 'PartnerExitReason'] as const;

/**
 * Their values' descriptions, from the printed schema (docs/schema.graphql, which a unit test keeps
 * equal to the served one), built into the page: reading them by introspection would fail wherever
 * introspection is off, as it is by default in production.
 */
function apiEnumDescriptions(): Record<string, Record<string, string>> {
  const schema = buildSchema(fs.readFileSync(path.join(root, '..', 'docs', 'schema.graphql'), 'utf8'));
  return Object.fromEntries(API_ENUMS.map((name) => {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLEnumType)) throw new Error(`web build: enum ${name} is not in docs/schema.graphql`);
    return [name, Object.fromEntries(type.getValues().map((v) => [v.name, v.description ?? v.name]))];
  }));
}

export default defineConfig({
  root,
  base: '/',
  define: { __API_ENUM_DESCRIPTIONS__: JSON.stringify(apiEnumDescriptions()) },
  // Vite's cache would otherwise land in the shared node_modules/.vite.
  cacheDir: path.join(root, 'node_modules', '.vite'),
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1024,
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
