import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { RETENTION_STATUSES, type RetentionStatus } from '@vigie/projections';
import { PageQuery } from '../http/page';
import { IsInstantOrDate } from './instant-or-date.validator';

export class RetentionReportQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only datasets whose deadline is at or before this instant (or date, at 00:00Z)', example: '2028-01-01' })
  @IsOptional()
  @IsInstantOrDate()
  dueBefore?: string;

  @ApiPropertyOptional({ enum: RETENTION_STATUSES })
  @IsOptional()
  @IsIn(RETENTION_STATUSES)
  status?: RetentionStatus;
}

export class RetentionItemDto {
  @ApiProperty({ format: 'uuid' }) datasetId!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ enum: ['subscriber-identification', 'technical-data'] }) kind!: string;
  @ApiProperty({ format: 'date-time' }) deliveredAt!: string;
  @ApiProperty({ format: 'date-time' }) retentionDeadline!: string;
  @ApiProperty({ enum: RETENTION_STATUSES, description: 'overdue: still held after its deadline' }) status!: RetentionStatus;
  @ApiPropertyOptional({ format: 'date-time' }) purgedAt?: string;
  @ApiPropertyOptional({ example: 'retention-expired' }) purgeReason?: string;
  @ApiProperty({ description: 'Purged after its deadline, or still held past it' }) overdue!: boolean;
}

export class RetentionReportDto {
  @ApiProperty({ type: [RetentionItemDto] }) items!: RetentionItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last page' }) next!: string | null;
}
