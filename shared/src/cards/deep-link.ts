/**
 * Teams deep link to a tab of our app: `https://teams.microsoft.com/l/entity/<appId>/<entityId>`,
 * where `appId` is the manifest id and `entityId` the static tab's `entityId`. `webUrl` is where clients
 * that cannot show the tab go instead; `subEntityId` reaches the tab as `page.subPageId` in its context.
 */
export function teamsTabDeepLink(args: {
  appId: string;
  entityId: string;
  webUrl?: string;
  label?: string;
  subEntityId?: string;
}): string {
  const query: string[] = [];
  if (args.webUrl) query.push(`webUrl=${encodeURIComponent(args.webUrl)}`);
  if (args.label) query.push(`label=${encodeURIComponent(args.label)}`);
  if (args.subEntityId) query.push(`context=${encodeURIComponent(JSON.stringify({ subEntityId: args.subEntityId }))}`);
  const path = `https://teams.microsoft.com/l/entity/${encodeURIComponent(args.appId)}/${encodeURIComponent(args.entityId)}`;
  return query.length > 0 ? `${path}?${query.join("&")}` : path;
}
