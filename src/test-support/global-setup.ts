import { prepareServerTemplate, serverUrl } from './test-database.js';

export default async function setup(): Promise<void> {
  const url = serverUrl();
  if (url) await prepareServerTemplate(url);
}
