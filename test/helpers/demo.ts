/**
 * The small demo that the integration project's globalSetup (test/setup/global-neo4j.ts) loads once
 * into the test database before any file starts: files read it under SHARED_DEMO and never load or
 * change it themselves (concurrent imports of the same rows collide on their ids).
 */
import { demoCommunityId } from '../../src/services/demo/load-demo.ts';

/** The calendar's end of the shared demo: the pinned end, so the figures tests compare stay put. */
export const SHARED_DEMO_END = '2025-12-31';
export const SHARED_DEMO = demoCommunityId('small');
