/** The range and department the quality tabs share (决定日期, 数据来源单位), as the quality routes take them. */
export interface QualityQuery {
  from?: string;
  to?: string;
  department?: string;
}
