import { afterEach, describe, expect, it } from 'vitest';

import {
  checkPrerequisites,
  parseJavaMajorVersion,
  parseMavenVersion,
  versionAtLeast,
} from '../../../src/db/local/prerequisites.ts';

describe('parseJavaMajorVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)', 17],
    ['openjdk version "21" 2023-09-19\nOpenJDK Runtime Environment (build 21+35-2513)', 21],
    ['java version "1.8.0_392"\nJava(TM) SE Runtime Environment (build 1.8.0_392-b08)', 8],
    ['openjdk version "11.0.22" 2024-01-16 LTS', 11],
    ['openjdk version "17-ea" 2021-09-14', 17],
    ['Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF-8\nopenjdk version "17.0.9" 2023-10-17', 17],
  ])('reads %j as %i', (output, major) => {
    expect(parseJavaMajorVersion(output)).toBe(major);
  });

  it('returns undefined when no version is printed', () => {
    expect(parseJavaMajorVersion('')).toBeUndefined();
    expect(parseJavaMajorVersion('bash: java: command not found')).toBeUndefined();
  });
});

describe('parseMavenVersion', () => {
  it('reads plain output', () => {
    expect(parseMavenVersion('Apache Maven 3.9.6 (bc0240f3c744dd6b6ec2920b3cd08dcc295161ae)\nMaven home: /opt/maven')).toEqual([
      3, 9, 6,
    ]);
  });

  it('reads ANSI-coloured output (as Debian packages print it)', () => {
    expect(parseMavenVersion('\u001b[1mApache Maven 3.8.7\u001b[m\nMaven home: /usr/share/maven')).toEqual([3, 8, 7]);
  });

  it('reads pre-release versions and missing patch numbers', () => {
    expect(parseMavenVersion('Apache Maven 4.0.0-rc-2 (abc)')).toEqual([4, 0, 0]);
    expect(parseMavenVersion('Apache Maven 3.9')).toEqual([3, 9, 0]);
  });

  it('returns undefined for anything else', () => {
    expect(parseMavenVersion('mvn: command not found')).toBeUndefined();
  });
});

describe('versionAtLeast', () => {
  it('compares component-wise', () => {
    expect(versionAtLeast([3, 8, 7], [3, 6, 3])).toBe(true);
    expect(versionAtLeast([3, 6, 3], [3, 6, 3])).toBe(true);
    expect(versionAtLeast([3, 6, 2], [3, 6, 3])).toBe(false);
    expect(versionAtLeast([3, 5, 9], [3, 6, 3])).toBe(false);
    expect(versionAtLeast([4, 0, 0], [3, 6, 3])).toBe(true);
  });
});

describe('checkPrerequisites', () => {
  const saved = { PATH: process.env['PATH'], JAVA_HOME: process.env['JAVA_HOME'] };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('says exactly what to install when java and mvn are missing', async () => {
    process.env['PATH'] = '/nonexistent-reweave-test-path';
    delete process.env['JAVA_HOME'];
    const err = await checkPrerequisites().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toContain('Java 17+ not found: install OpenJDK 17 (apt-get install openjdk-17-jdk');
    expect(err?.message).toContain('Maven 3.6.3+ not found: install Apache Maven');
    expect(err?.message).toContain('or set NEO4J_URI to use an existing Neo4j 5 server');
  });
});
