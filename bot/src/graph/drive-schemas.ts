import { z } from "zod";

/**
 * The parts of a driveItem the intake reads (Graph v1.0 "driveItem resource type"). In delta answers of a
 * business drive `parentReference.path` is absent, so items are tracked by id and parent id.
 */
export const driveItemSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  size: z.number().optional(),
  cTag: z.string().optional(),
  lastModifiedDateTime: z.string().optional(),
  parentReference: z
    .object({ driveId: z.string().optional(), id: z.string().nullish(), path: z.string().optional() })
    .optional(),
  root: z.object({}).optional(),
  folder: z.object({}).loose().optional(),
  file: z.object({}).loose().optional(),
  deleted: z.object({ state: z.string().optional() }).optional(),
  "@microsoft.graph.downloadUrl": z.url().optional(),
});
export type DriveItem = z.infer<typeof driveItemSchema>;

/** A page of `root/delta`: items, then either the next page's link or the link for the next round. */
export const deltaPageSchema = z.object({
  value: z.array(driveItemSchema),
  "@odata.nextLink": z.url().optional(),
  "@odata.deltaLink": z.url().optional(),
});

/** A page of a folder's children. */
export const childrenPageSchema = z.object({ value: z.array(driveItemSchema), "@odata.nextLink": z.url().optional() });

/** A subscription as POST/PATCH /subscriptions answer it. */
export const subscriptionSchema = z.object({
  id: z.string().min(1),
  resource: z.string(),
  expirationDateTime: z.string(),
  clientState: z.string().nullish(),
});
export type GraphSubscription = z.infer<typeof subscriptionSchema>;

/** What Graph posts to the notification URL: a `changeNotificationCollection` without resource data. */
export const changeNotificationCollectionSchema = z.object({
  value: z.array(
    z.object({
      subscriptionId: z.string(),
      clientState: z.string().nullish(),
      changeType: z.string().optional(),
      resource: z.string().optional(),
      subscriptionExpirationDateTime: z.string().optional(),
      tenantId: z.string().optional(),
      lifecycleEvent: z.string().optional(),
    }),
  ),
});
export type ChangeNotification = z.infer<typeof changeNotificationCollectionSchema>["value"][number];
