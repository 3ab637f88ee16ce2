import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class DeclineRequestDto {
  @ApiProperty({ example: 'No subscriber matches these identifiers' })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}

export class RequestDeclinedDto {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ enum: ['declined'] }) status!: 'declined';
  @ApiProperty({ format: 'date-time' }) declinedAt!: string;
}
