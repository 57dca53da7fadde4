/**
 * The demo's story subject (README, docs/walk-through.md): 重庆恒通酒店有限公司2, a hotel (旅游饭店, H6110) of
 * 綦江区. The market regulator licensed its kitchen (食品经营许可证), the fire brigade its opening as a public
 * gathering place (公众聚集场所投入使用、营业前消防安全检查); the brigade then found its fire equipment out of
 * order, fined it 25.5万元 and suspended its licence, fined it again, and passed it on re-inspection. The tax
 * office rates it A. It belongs to food_drug (its licence), fire_safety (its code, H61, and its fire records)
 * and tax (every taxpayer), never to construction: its fire penalties are fire_safety's facts only.
 */
import { addMonths } from '../../rules/shared';
import { LICENCES, type SupervisingIndustry } from './demo-trades';
import { gradeFor, licence, type DemoRecord } from './demo-records';

export const STORY_SUBJECT = {
  index: 2,
  subject: { name: '重庆恒通酒店有限公司2', industryCode: 'H6110' },
} as const;

/** [decision-number suffix, industry, record] of the story subject, dated relative to `today`. */
export function storyRecords(
  today: string,
  tax: { taxYear: number; decisionDate: string },
): Array<[string, SupervisingIndustry | 'tax', DemoRecord]> {
  const i = STORY_SUBJECT.index;
  const ago = (months: number) => addMonths(today, -months);
  const brigade = '綦江区消防救援支队';
  const fine = (fineAmount: number, penaltyTypes: string[], drawn: 'general' | 'serious') => ({
    type: 'penalty',
    industry: 'fire_safety',
    sector: 'fire',
    penaltyTypes,
    fineAmount,
    severity: gradeFor(penaltyTypes, drawn, fineAmount),
    authority: brigade,
    legalBasis: '依据相关法律法规条款',
  });
  return [
    ['T', 'tax', { type: 'tax_credit', industry: 'tax', taxLevel: 'A', ...tax }],
    ['X1', 'food_drug', licence(LICENCES.food_business, i, 0, ago(30))],
    ['X2', 'fire_safety', licence(LICENCES.fire_check, i, 1, ago(48))],
    [
      'I1',
      'fire_safety',
      {
        type: 'inspection',
        industry: 'fire_safety',
        inspectionResult: 'failed',
        decisionDate: ago(8),
        authority: brigade,
      },
    ],
    [
      'P1',
      'fire_safety',
      {
        ...fine(25.5, ['fine', 'licence_suspension'], 'serious'),
        decisionDate: ago(7),
        violationType: '消防设施、器材未保持完好有效，占用、堵塞疏散通道',
        content: '罚款25.5万元，暂扣公众聚集场所投入使用、营业前消防安全检查合格证',
      },
    ],
    [
      'P2',
      'fire_safety',
      {
        ...fine(2, ['fine'], 'general'),
        decisionDate: ago(4),
        violationType: '埋压、圈占、遮挡消火栓',
      },
    ],
    [
      'I2',
      'fire_safety',
      {
        type: 'inspection',
        industry: 'fire_safety',
        inspectionResult: 'passed',
        decisionDate: ago(2),
        authority: brigade,
      },
    ],
  ];
}
