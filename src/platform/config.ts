import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.url({ message: 'DATABASE_URL moet een postgres://-adres zijn' }).optional(),
  DATABASE_APP_URL: z.url().optional(),
  SAMENPLAN_APP_DB_PASSWORD: z.string().min(12).optional(),
  SAMENPLAN_DATA_DIR: z.string().optional(),
  SAMENPLAN_WEB_DIST: z.string().optional(),
  SAMENPLAN_DEMO_LOGIN: bool.optional(),
  SAMENPLAN_SEED_DEMO: bool.optional(),
  SAMENPLAN_PSEUDONYM_KEY: z.string().min(32, 'SAMENPLAN_PSEUDONYM_KEY moet minstens 32 tekens lang zijn').optional(),
  SAMENPLAN_PUBLIC_URL: z.url().optional(),
  SAMENPLAN_SESSION_TTL_MINUTES: z.coerce.number().int().min(5).default(8 * 60),
  SAMENPLAN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SAMENPLAN_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  // Calls per minute of one API client of a partner system (ADR 0032), counted in PostgreSQL across instances.
  SAMENPLAN_API_CLIENT_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  // Haal Centraal BRP Bevragen (issue 15): the endpoint (…/haalcentraal/api/brp), its API key and a timeout.
  BRP_URL: z.url({ message: 'BRP_URL moet een http(s)-adres zijn, bijvoorbeeld https://brp.example.nl/haalcentraal/api/brp' }).optional(),
  BRP_API_KEY: z.string().min(1).optional(),
  BRP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  // Mijn Samenplan (issue 11): residents log in through their own issuer (a DigiD broker), never the staff one.
  RESIDENT_OIDC_ISSUER: z.url().optional(),
  RESIDENT_OIDC_CLIENT_ID: z.string().optional(),
  RESIDENT_OIDC_CLIENT_SECRET: z.string().optional(),
  /** The municipality (CBS code, e.g. 0344) whose residents this broker logs in; unset: the BSN must be unique. */
  RESIDENT_OIDC_MUNICIPALITY: z.string().regex(/^\d{4}$/, 'RESIDENT_OIDC_MUNICIPALITY is een CBS-gemeentecode van 4 cijfers').optional(),
  SAMENPLAN_RESIDENT_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(15),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** Allow http:// issuers (tests with an in-process IdP only). */
  allowInsecure?: boolean;
}

export interface AppConfig {
  port: number;
  host: string;
  /** Owner connection (migrations, seeding, audit). Undefined: start an embedded PostgreSQL. */
  databaseUrl?: string;
  /** Connection of the non-owner application role. Derived from databaseUrl when not given. */
  appDatabaseUrl?: string;
  appDbPassword?: string;
  dataDir: string;
  demoLogin: boolean;
  seedDemo: boolean;
  pseudonymKey?: string;
  publicUrl: string;
  sessionTtlMinutes: number;
  sessionIdleMinutes: number;
  loginRateLimit: number;
  apiClientRateLimit: number;
  oidc?: OidcConfig;
  /** Residents' own login (Mijn Samenplan): a DigiD broker speaking OpenID Connect; the subject claim is the BSN. */
  residentOidc?: OidcConfig & { municipalityCode?: string };
  /** Idle timeout of a resident's session (shorter than staff's). */
  residentSessionIdleMinutes: number;
  logLevel: string;
  webDistDir: string;
  /** Haal Centraal BRP Bevragen; undefined: no BRP lookup (the form is filled in by hand). */
  brp?: BrpConfig;
}

export interface BrpConfig {
  /** Base URL; the lookup posts to `${url}/personen`. */
  url: string;
  apiKey?: string;
  timeoutMs: number;
}

export class ConfigError extends Error {}

/** Reads the environment into a typed config; fails fast with a readable message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) {
    throw new ConfigError('Ongeldige configuratie:\n- OIDC_CLIENT_ID is nodig als OIDC_ISSUER is gezet');
  }
  if (e.RESIDENT_OIDC_ISSUER && !e.RESIDENT_OIDC_CLIENT_ID) {
    throw new ConfigError('Ongeldige configuratie:\n- RESIDENT_OIDC_CLIENT_ID is nodig als RESIDENT_OIDC_ISSUER is gezet');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    appDatabaseUrl: e.DATABASE_APP_URL,
    appDbPassword: e.SAMENPLAN_APP_DB_PASSWORD,
    dataDir: path.resolve(projectRoot, e.SAMENPLAN_DATA_DIR ?? '.data'),
    demoLogin: e.SAMENPLAN_DEMO_LOGIN ?? embedded,
    seedDemo: e.SAMENPLAN_SEED_DEMO ?? embedded,
    pseudonymKey: e.SAMENPLAN_PSEUDONYM_KEY,
    publicUrl: e.SAMENPLAN_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    sessionTtlMinutes: e.SAMENPLAN_SESSION_TTL_MINUTES,
    sessionIdleMinutes: e.SAMENPLAN_SESSION_IDLE_MINUTES,
    loginRateLimit: e.SAMENPLAN_LOGIN_RATE_LIMIT,
    apiClientRateLimit: e.SAMENPLAN_API_CLIENT_RATE_LIMIT,
    oidc: e.OIDC_ISSUER
      ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID!, clientSecret: e.OIDC_CLIENT_SECRET }
      : undefined,
    residentOidc: e.RESIDENT_OIDC_ISSUER
      ? {
          issuer: e.RESIDENT_OIDC_ISSUER,
          clientId: e.RESIDENT_OIDC_CLIENT_ID!,
          clientSecret: e.RESIDENT_OIDC_CLIENT_SECRET,
          municipalityCode: e.RESIDENT_OIDC_MUNICIPALITY,
        }
      : undefined,
    residentSessionIdleMinutes: e.SAMENPLAN_RESIDENT_SESSION_IDLE_MINUTES,
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve(projectRoot, e.SAMENPLAN_WEB_DIST ?? path.join('web', 'dist')),
    brp: e.BRP_URL ? { url: e.BRP_URL.replace(/\/+$/, ''), apiKey: e.BRP_API_KEY, timeoutMs: e.BRP_TIMEOUT_MS } : undefined,
  };
}

export function webBuildExists(config: AppConfig): boolean {
  return existsSync(path.join(config.webDistDir, 'index.html'));
}
