import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertEventPosition, type RecordedEvent } from '@vigie/event-store';
import { EVENT_STORE } from '@vigie/runtime';
import type { EventStore } from '@vigie/event-store';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { fail } from '../http/problem';
import { AuditEventsQuery, type AuditEventDto, AuditPageDto, ChainReportDto } from './audit-events.dto';

const MAX_POSITION = 2n ** 63n - 1n;
const DEFAULT_LIMIT = 100;

const toItem = (e: RecordedEvent): AuditEventDto => ({
  position: e.position.toString(),
  streamId: e.streamId,
  revision: e.revision.toString(),
  type: e.type,
  data: { ...e.data },
  metadata: { ...e.metadata },
});

/**
 * The log as auditors see it: every event in global order, exactly as stored (delivered
 * data stays encrypted), and the verification of every stream's hash chain.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditEventsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('events')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'Page through the event log in global order (positions as decimal strings)' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiProblems([])
  async events(@Query() query: AuditEventsQuery): Promise<AuditPageDto> {
    const after = query.from === undefined ? 0n : BigInt(query.from);
    if (after > MAX_POSITION) fail(400, 'VALIDATION_FAILED', 'The request is not valid.', [{ field: 'from', message: 'from is beyond any log position' }]);
    // Only an event's position is a cursor (EventStoreDB refuses any other offset).
    await assertEventPosition(this.store, after);
    const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
    // One more than asked: a full page is only "not the end" when something follows it.
    const items: AuditEventDto[] = [];
    let more = false;
    for await (const event of this.store.readAll({ after, maxCount: limit + 1 })) {
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(toItem(event));
    }
    return { items, next: more ? items[items.length - 1].position : null };
  }

  @Get('verify')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: "Check every stream's hash chain and the global order of the log" })
  @ApiOkResponse({ type: ChainReportDto })
  @ApiProblems([])
  async verify(): Promise<ChainReportDto> {
    return { ...(await this.store.verifyChains()) };
  }
}
