import { connectDatabase } from '../db/connection.js';
import { buildApp } from './app.js';

/** The OpenAPI document, built from the route schemas with a throwaway in-memory database. */
export async function openApiDocument(): Promise<string> {
  const database = await connectDatabase({});
  try {
    const app = await buildApp({ database, webRoot: null, logLevel: 'silent' });
    await app.ready();
    const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    return document;
  } finally {
    await database.close();
  }
}
