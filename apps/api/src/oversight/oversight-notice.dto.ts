import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsInstant } from '../http/validators';
import { PageQuery } from '../http/page';

export class RecordNoticeDto {
  @ApiProperty({ format: 'date-time', description: 'When the notice was transmitted to ARCEP' })
  @IsInstant()
  sentAt!: string;

  @ApiProperty({ description: "ARCEP's or ANSSI's reference of the transmission" })
  @IsString()
  @Length(1, 200)
  reference!: string;
}

export class ListNoticesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'sent'] })
  @IsOptional()
  @IsIn(['pending', 'sent'])
  status?: 'pending' | 'sent';
}

export class NoticeViewDto {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ format: 'uuid' }) incidentId!: string;
  @ApiProperty({ type: [String] }) dataCategories!: string[];
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) sentAt?: string;
  @ApiPropertyOptional() reference?: string;
  @ApiProperty({ enum: ['pending', 'sent'] }) status!: 'pending' | 'sent';
  @ApiPropertyOptional({ description: 'Seconds the notice waited (until sent, or until now when pending)' }) waitingSeconds?: number;
}

export class NoticeListDto {
  @ApiProperty({ type: [NoticeViewDto] }) items!: NoticeViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last page' }) next!: string | null;
}
