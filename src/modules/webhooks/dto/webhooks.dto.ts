import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { WEBHOOK_EVENT_KINDS } from '../webhook-events';

export class CreateWebhookDto {
  @ApiProperty({
    description: 'Name of the receiving system (订阅方名称), unique',
    example: 'qijiang-tendering-platform',
  })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{1,63}$/, { message: 'name: 2–64 lower-case letters, digits, . _ -' })
  name: string;

  @ApiProperty({
    description: 'Where events are POSTed (http or https)',
    example: 'https://zb.qijiang.example/credit-events',
  })
  @IsString()
  @MaxLength(500)
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'url: an http:// or https:// address' })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_KINDS, isArray: true, description: 'Events to receive (订阅事件)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn([...WEBHOOK_EVENT_KINDS], { each: true })
  events: string[];

  @ApiProperty({
    description:
      'Shared secret (签名密钥) the receiver checks X-Credit-Signature with: chosen by the receiver, 32–200 characters; stored, never answered or logged',
    minLength: 32,
  })
  @IsString()
  @MinLength(32)
  @MaxLength(200)
  secret: string;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_KINDS, isArray: true }) events: string[];
  @ApiProperty({ description: 'Delivering (启用) or paused' }) active: boolean;
  @ApiProperty({ description: 'Last event delivered (游标)' }) cursor: string;
  @ApiProperty({ description: 'Failed attempts of the event waiting (0: none)' }) attempts: number;
  @ApiProperty({ format: 'date-time', description: 'Next attempt not before' }) nextAttemptAt: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] }) items: WebhookDto[];
}

export class WebhookDeliveryDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The event (事件编号)' }) eventId: string;
  @ApiProperty({ description: 'Attempt of that event, from 1' }) attempt: number;
  @ApiProperty({ description: 'Answered 2xx' }) delivered: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'HTTP status; null when none came' })
  status: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) error: string | null;
  @ApiProperty() durationMs: number;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class WebhookDeliveryListDto {
  @ApiProperty({ type: [WebhookDeliveryDto], description: 'Newest first (投递记录)' }) items: WebhookDeliveryDto[];
}
