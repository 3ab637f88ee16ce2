import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export const OPERATOR_CATEGORIES = ['electronic-communications', 'hosting'] as const;

export class RegisterOperatorDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  operatorId?: string;

  @ApiProperty({ example: 'Example Telecom SA' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: OPERATOR_CATEGORIES, isArray: true, description: 'L2321-3 al. 1: electronic-communications operators and hosting providers' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsIn(OPERATOR_CATEGORIES, { each: true })
  categories!: (typeof OPERATOR_CATEGORIES)[number][];
}

export class OperatorCreatedDto {
  @ApiProperty({ format: 'uuid' })
  operatorId!: string;
}
