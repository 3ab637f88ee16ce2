import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class AuditEventsQuery {
  @ApiPropertyOptional({ description: 'Cursor: the `next` of the previous page (a log position, exclusive); from the beginning when absent', example: '1200' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'from must be a log position (a decimal string)' })
  from?: string;

  @ApiPropertyOptional({ description: 'Events per page, 1 to 1000 (default 100)', example: '500' })
  @IsOptional()
  @Matches(/^(?:[1-9]\d{0,2}|1000)$/, { message: 'limit must be an integer from 1 to 1000' })
  limit?: string;
}

export class AuditEventDto {
  @ApiProperty({ description: 'Global position, a decimal string', example: '42' }) position!: string;
  @ApiProperty({ example: 'request-6f1c2a52-8a0e-4c53-9d0e-1a2b3c4d5e01' }) streamId!: string;
  @ApiProperty({ description: 'Revision within the stream, a decimal string', example: '0' }) revision!: string;
  @ApiProperty({ example: 'RequestFiled' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'As stored: delivered data stays encrypted' }) data!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'eventId, occurredAt, actor, commandId, correlationId, causationId, schemaVersion, hash' })
  metadata!: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `from` for the next page; null at the end of the log' })
  next!: string | null;
}

export class ChainReportDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Streams checked' }) streams!: number;
  @ApiProperty({ description: 'Events checked' }) events!: number;
  @ApiPropertyOptional({ description: 'The first stream, in log order, whose chain is broken' }) firstBrokenStream?: string;
}
