import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class PurgeDataDto {
  @ApiProperty({ example: 'purpose-fulfilled', description: 'e.g. purpose-fulfilled, arcep-order' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class DataPurgedDto {
  @ApiProperty({ format: 'date-time' }) purgedAt!: string;
  @ApiProperty({ format: 'uuid' }) datasetId!: string;
  @ApiProperty({ description: 'The purge came after the retention deadline' }) overdue!: boolean;
}
