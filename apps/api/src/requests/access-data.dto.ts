import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const ACCESS_PURPOSES = ['alert-holder', 'characterize-threat'] as const;

export class AccessDataDto {
  @ApiProperty({
    enum: ACCESS_PURPOSES,
    description: 'alert-holder for identification data (L2321-3 al. 1), characterize-threat for technical data (al. 2)',
  })
  @IsIn(ACCESS_PURPOSES)
  purpose!: (typeof ACCESS_PURPOSES)[number];
}

export class AccessedDataDto {
  @ApiProperty({ format: 'uuid' }) datasetId!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'The delivered records, decrypted for this read only' })
  records!: unknown[];
}
