import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant } from '../http/validators';

export class OversightReportQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start of the period (inclusive), by business time' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End of the period (exclusive); must be after `from`' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

class OperatorCountDto {
  @ApiProperty() operatorId!: string;
  @ApiProperty() count!: number;
}

class RequestStatsDto {
  @ApiProperty({ description: 'Requests filed in the period' }) total!: number;
  @ApiProperty({ example: { 'subscriber-identification': 3, 'technical-data': 1 } }) byKind!: Record<string, number>;
  @ApiProperty({ description: 'Status at the end of the period', example: { filed: 1, delivered: 2, declined: 0, purged: 1 } })
  byStatus!: Record<string, number>;
  @ApiProperty({ type: [OperatorCountDto] }) byOperator!: OperatorCountDto[];
}

class AlertStatsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ example: { email: 2, postal: 1 } }) byChannel!: Record<string, number>;
}

class TotalDto {
  @ApiProperty() total!: number;
}

class PendingNoticeDto {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ description: 'Until `to`, or until now without one' }) waitingSeconds!: number;
}

class NoticeStatsDto {
  @ApiProperty({ type: [PendingNoticeDto], description: 'Notices still pending at the end of the period' }) pending!: PendingNoticeDto[];
  @ApiProperty() pendingCount!: number;
  @ApiProperty({ description: 'Notices transmitted in the period' }) sent!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean wait of the notices sent in the period; null when none' })
  averageWaitSeconds!: number | null;
}

class ListTransmissionDto {
  @ApiProperty() listVersion!: number;
  @ApiProperty({ format: 'date-time' }) transmittedAt!: string;
  @ApiProperty() agentCount!: number;
}

export class OversightReportDto {
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) from!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) to!: string | null;
  @ApiProperty({ type: RequestStatsDto }) requests!: RequestStatsDto;
  @ApiProperty({ type: AlertStatsDto }) alertsSent!: AlertStatsDto;
  @ApiProperty({ type: TotalDto }) accesses!: TotalDto;
  @ApiProperty({ example: { 'alert-holder': 2, 'characterize-threat': 1 } }) accessesByPurpose!: Record<string, number>;
  @ApiProperty({ type: TotalDto }) purges!: TotalDto;
  @ApiProperty({ example: { 'retention-deadline': 1 } }) purgesByReason!: Record<string, number>;
  @ApiProperty({ description: 'Purges in the period done after the retention deadline' }) overduePurges!: number;
  @ApiProperty({ type: NoticeStatsDto }) notices!: NoticeStatsDto;
  @ApiProperty({ type: [ListTransmissionDto] }) habilitationListTransmissions!: ListTransmissionDto[];
}
