import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsString, Length, Max, Min, ValidateNested } from 'class-validator';

export const ALERT_CHANNELS = ['email', 'postal'] as const;

export class AlertRecipientDto {
  @ApiProperty({ minimum: 0, description: 'Index of the delivered record whose holder is alerted' })
  @IsInt()
  @Min(0)
  @Max(9999)
  recordIndex!: number;
}

export class SendAlertDto {
  @ApiProperty({ type: AlertRecipientDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => AlertRecipientDto)
  recipient!: AlertRecipientDto;

  @ApiProperty({ enum: ALERT_CHANNELS, description: 'email needs a delivered emailAddress, postal a postalAddress' })
  @IsIn(ALERT_CHANNELS)
  channel!: (typeof ALERT_CHANNELS)[number];

  @ApiProperty({ description: 'The alert sent to the holder; the log keeps only its sha256' })
  @IsString()
  @Length(1, 20000)
  message!: string;
}

export class AlertSentDto {
  @ApiProperty({ format: 'uuid' }) alertId!: string;
}
