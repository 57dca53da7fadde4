/** The range and department the quality tabs share (决定日期, 数据来源单位), as the quality routes take them. */
export interface QualityQuery {
  from?: string;
  to?: string;
  department?: string;
  /** shuang_gongshi (双公示) or admin_info (行政强制、行政奖励、行政确认、行政裁决、行政监督检查); absent: both. */
  recordGroup?: 'shuang_gongshi' | 'admin_info';
}
