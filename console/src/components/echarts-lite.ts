// Only the parts of ECharts the console draws (bars, lines, grid, legend, tooltip; canvas), so the
// chart chunk stays small. Loaded with import() by Chart.tsx, never on the first page.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  TitleComponent,
  DatasetComponent,
  CanvasRenderer,
]);

export const init = echarts.init;
