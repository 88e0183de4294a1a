/**
 * Configuration from environment variables. A bad value stops start-up with a message that
 * names the variable, so an operator never runs with a silently ignored setting.
 */
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'gebruik true of false',
  })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const configSchema = z.object({
  PORT: z.coerce
    .number({ error: 'moet een getal zijn' })
    .int('moet een geheel getal zijn')
    .min(1, 'moet tussen 1 en 65535 liggen')
    .max(65535, 'moet tussen 1 en 65535 liggen')
    .default(3000),
  HOST: z.string().min(1, 'mag niet leeg zijn').default('localhost'),
  REGIEKAMER_DATA_DIR: z.string().min(1, 'mag niet leeg zijn').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'moet een postgres:// of postgresql:// URL zijn')
    .optional(),
  REGIEKAMER_SESSION_HOURS: z.coerce
    .number({ error: 'moet een getal zijn' })
    .min(0.25, 'minimaal 0.25 uur')
    .max(24, 'maximaal 24 uur')
    .default(8),
  REGIEKAMER_SESSION_IDLE_MINUTES: z.coerce
    .number({ error: 'moet een getal zijn' })
    .int('moet een geheel aantal minuten zijn')
    .min(5, 'minimaal 5 minuten')
    .max(480, 'maximaal 480 minuten')
    .default(30),
  REGIEKAMER_TRUST_PROXY: booleanFlag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionHours: number;
  /** A session unused for this long ends, whatever its remaining lifetime. */
  sessionIdleMinutes: number;
  trustProxy: boolean;
  logLevel: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings count as unset: `PORT= npm start` should mean the default, not an error.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.REGIEKAMER_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    sessionHours: c.REGIEKAMER_SESSION_HOURS,
    sessionIdleMinutes: c.REGIEKAMER_SESSION_IDLE_MINUTES,
    trustProxy: c.REGIEKAMER_TRUST_PROXY,
    logLevel: c.LOG_LEVEL,
  };
}
