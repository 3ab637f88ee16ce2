import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject } from 'class-validator';

export class DeliverDataDto {
  @ApiProperty({
    type: 'array',
    minItems: 1,
    maxItems: 10000,
    items: { type: 'object' },
    description:
      'Identification: `{ identifier, identity?, postalAddress?, emailAddress? }`, strings of 1..1000 characters, with at least one ' +
      'and only requested fields, `emailAddress` an e-mail address, `identifier` one of the request\'s identifiers (L2321-3 al. 1). ' +
      'Technical data: `{ category, values: object }` of a requested category (al. 2). Never communication content: ' +
      'a `content`, `body`, `payload` or `message` key at any depth is refused. Stored encrypted only.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10000)
  @IsObject({ each: true })
  records!: Record<string, unknown>[];
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) datasetId!: string;
  @ApiProperty({ format: 'date-time', description: 'Delivery time plus the retention period of the kind (five years at most)' })
  retentionDeadline!: string;
}
