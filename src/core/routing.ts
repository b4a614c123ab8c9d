/** Routing's vocabulary: why an annotator is served nothing new on a project (each reason has its own remedy). */

export const ROUTING_REASONS = ['not_in_domain', 'not_qualified', 'quota_reached'] as const;
export type RoutingReason = (typeof ROUTING_REASONS)[number];
