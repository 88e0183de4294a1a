import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('has sensible defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: 'localhost', databaseUrl: undefined, sessionHours: 8 });
    expect(config.dataDir).toBe(path.resolve('./data'));
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      REGIEKAMER_DATA_DIR: '/var/lib/regiekamer',
      DATABASE_URL: 'postgres://app@db:5432/regiekamer',
      REGIEKAMER_SESSION_HOURS: '4',
      REGIEKAMER_SESSION_IDLE_MINUTES: '15',
      REGIEKAMER_TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/regiekamer',
      databaseUrl: 'postgres://app@db:5432/regiekamer',
      sessionHours: 4,
      sessionIdleMinutes: 15,
      trustProxy: true,
      logLevel: 'warn',
    });
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it.each([
    [{ PORT: 'drieduizend' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '30.5' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ REGIEKAMER_SESSION_HOURS: '100' }, 'REGIEKAMER_SESSION_HOURS'],
    [{ REGIEKAMER_SESSION_IDLE_MINUTES: '2' }, 'REGIEKAMER_SESSION_IDLE_MINUTES'],
    [{ REGIEKAMER_SESSION_IDLE_MINUTES: '7.5' }, 'REGIEKAMER_SESSION_IDLE_MINUTES'],
    [{ REGIEKAMER_TRUST_PROXY: 'misschien' }, 'REGIEKAMER_TRUST_PROXY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('stops with a message naming the variable for %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });
});
