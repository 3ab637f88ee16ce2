import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
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
}

export class ListRequestsQuery {
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
}
