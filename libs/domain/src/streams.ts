/** Stream ids are `<kind>-<id>` (docs/design.md), plus the singleton list stream. */
export const operatorStream = (operatorId: string): string => `operator-${operatorId}`;
export const agentStream = (agentId: string): string => `agent-${agentId}`;
export const HABILITATION_LISTS_STREAM = 'habilitation-lists';
export const incidentStream = (incidentId: string): string => `incident-${incidentId}`;
export const requestStream = (requestId: string): string => `request-${requestId}`;
export const claimStream = (claimId: string): string => `claim-${claimId}`;
export const principalStream = (principalId: string): string => `principal-${principalId}`;
/** Singleton: the admin revocations, serialised so the last active admin is never revoked. */
export const ADMIN_ROSTER_STREAM = 'admin-roster';

export const STREAM_KINDS = ['operator', 'agent', 'incident', 'request', 'claim', 'principal'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number] | 'habilitation-lists' | 'admin-roster';

/** Splits a stream id into its kind and entity id; undefined for a stream Vigie does not write. */
export const parseStreamId = (streamId: string): { readonly kind: StreamKind; readonly id: string } | undefined => {
  if (streamId === HABILITATION_LISTS_STREAM) return { kind: 'habilitation-lists', id: '' };
  if (streamId === ADMIN_ROSTER_STREAM) return { kind: 'admin-roster', id: '' };
  const kind = STREAM_KINDS.find((k) => streamId.startsWith(`${k}-`) && streamId.length > k.length + 1);
  return kind === undefined ? undefined : { kind, id: streamId.slice(kind.length + 1) };
};
