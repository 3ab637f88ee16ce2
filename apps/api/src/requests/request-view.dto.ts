import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../http/page';
import { IsInstantOrDate } from '../reports/instant-or-date.validator';
import { REQUEST_KINDS } from './file-request.dto';

export const REQUEST_STATUSES = ['filed', 'delivered', 'declined', 'purged'] as const;

export class AlertViewDto {
  @ApiProperty({ format: 'uuid' }) alertId!: string;
  @ApiProperty({ enum: ['email', 'postal'] }) channel!: string;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
}

/** The register's view of a request: never any delivered data. */
export class RequestViewDto {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ enum: REQUEST_KINDS }) kind!: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: string;
  @ApiProperty({ format: 'uuid' }) operatorId!: string;
  @ApiProperty({ format: 'uuid' }) agentId!: string;
  @ApiProperty() decisionRef!: string;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) deliveredAt?: string;
  @ApiPropertyOptional({ format: 'uuid' }) datasetId?: string;
  @ApiPropertyOptional() recordCount?: number;
  @ApiPropertyOptional({ format: 'date-time' }) retentionDeadline?: string;
  @ApiPropertyOptional({ format: 'date-time' }) purgedAt?: string;
  @ApiProperty({ type: [AlertViewDto] }) alerts!: AlertViewDto[];
  @ApiProperty({ description: 'Revision of the request stream this view reflects' }) revision!: number;
}

export class RequestListDto {
  @ApiProperty({ type: [RequestViewDto] }) items!: RequestViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last page' }) next!: string | null;
}

export class ListRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: (typeof REQUEST_STATUSES)[number];

  @ApiPropertyOptional({ enum: REQUEST_KINDS })
  @IsOptional()
  @IsIn(REQUEST_KINDS)
  kind?: (typeof REQUEST_KINDS)[number];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  operatorId?: string;

  @ApiPropertyOptional({ description: 'Filed at or after this instant (or date, at 00:00Z)', example: '2026-03-01' })
  @IsOptional()
  @IsInstantOrDate()
  filedFrom?: string;

  @ApiPropertyOptional({ description: 'Filed at or before this instant (or date, at 00:00Z)', example: '2026-03-31T23:59:59Z' })
  @IsOptional()
  @IsInstantOrDate()
  filedTo?: string;
}
